/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KASAN's internals: the shadow's encoding and the functions the files
 * of mm/kasan share. A shadow byte describes an 8-byte granule: 0, all 8
 * bytes usable; 1 to 7, only that many first bytes; a negative value
 * (the codes below, Linux's), none, and why.
 */
#ifndef _MM_KASAN_KASAN_H
#define _MM_KASAN_KASAN_H

#include <linux/kasan.h>
#include <asm/memory.h>

#define KASAN_GRANULE_SIZE	(1UL << KASAN_SHADOW_SCALE_SHIFT)
#define KASAN_GRANULE_MASK	(KASAN_GRANULE_SIZE - 1)

#define KASAN_PAGE_FREE		0xFF	/* a free page of the buddy allocator */
#define KASAN_PAGE_REDZONE	0xFE	/* past a large kmalloc, to its pages' end */
#define KASAN_SLAB_REDZONE	0xFC	/* slab metadata, or past a kmalloc's size */
#define KASAN_SLAB_FREE		0xFB	/* a freed slab object */
#define KASAN_VMALLOC_INVALID	0xF8	/* past a vmalloc's size, the guard page */

/*
 * Who allocated a slab object and who freed it last, kept in the last
 * bytes of its slot: the red zone KASAN adds (kasan_slab_redzone, at
 * least 16 bytes), which only KASAN's own code reads or writes.
 */
struct kasan_track {
	int pid;		/* 0: not yet */
	unsigned long ip;
};

struct kasan_slab_meta {
	struct kasan_track alloc;
	struct kasan_track free;
};

struct kmem_cache;
struct kasan_slab_meta *kasan_slab_meta(struct kmem_cache *s, void *object);

/* quarantine.c: true if it holds @object (poisoned already) for a while. */
bool kasan_quarantine_put(struct kmem_cache *s, void *object);
/* Is this CPU's free one of the quarantine's, to go through? */
bool kasan_quarantine_releasing(void);

/* The first address with a shadow: below it, KASAN does not look. */
#define KASAN_FIRST_ADDR	MODULES_VADDR

static inline unsigned long kasan_shadow_to_mem(const u8 *shadow)
{
	return ((unsigned long)shadow - KASAN_SHADOW_OFFSET) << KASAN_SHADOW_SCALE_SHIFT;
}

/* [addr, addr + size), both multiples of the granule, set to @value. */
void kasan_poison(const void *addr, size_t size, u8 value);

/* An access the shadow forbids, from the instruction before @ip. */
void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip);
/* A free of what is not an allocated object: "double-free" or "invalid-free". */
void kasan_report_invalid_free(void *object, unsigned long ip, bool double_free);

#endif

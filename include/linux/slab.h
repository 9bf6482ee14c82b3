/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Object caches (SLUB) and kmalloc. A kmem_cache hands out objects of one
 * size from slabs: runs of pages whose struct page keeps the slab's
 * freelist and counts. kmalloc picks the cache of the next size class
 * (8 .. 8192, and 96, 192), a dma-kmalloc one for GFP_DMA; bigger
 * requests get whole pages.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/cache.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mmzone.h>
#include <linux/spinlock.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

#define SLAB_CONSISTENCY_CHECKS	0x00000100u	/* F: check on alloc and free */
#define SLAB_RED_ZONE		0x00000400u	/* Z: red zones around objects */
#define SLAB_POISON		0x00000800u	/* P: poison free objects */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000u	/* slabs from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000u	/* U: record alloc/free callers */
#define SLAB_PANIC		0x00040000u	/* panic if creation fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u	/* SReclaimable, reclaimable pageblocks */
#define SLAB_KMALLOC		0x00001000u	/* a kmalloc cache */
#define SLAB_NO_MERGE		0x01000000u
#define SLAB_NO_USER_FLAGS	0x10000000u	/* ignore slub_debug= (tests) */

#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

/* Byte values of red zones and poison, as Linux's <linux/poison.h> */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define POISON_FREE		0x6b	/* a free object's bytes */
#define POISON_END		0xa5	/* its last byte */

#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	13
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)	/* 8192 */
#define ARCH_KMALLOC_MINALIGN	8

/*
 * The slab a CPU allocates from without locks, and its partial slabs:
 * slabs that were full until this CPU freed into them, kept frozen for
 * it (up to the cache's cpu_partial_slabs) rather than put back on the
 * node's list. Only this CPU touches it, with interrupts masked.
 *
 * Each is a cache line long, and kmem_cache starts with them and is
 * itself cache-line aligned (SLAB_HWCACHE_ALIGN): each CPU's on a line
 * of its own. (Padded rather than typed ____cacheline_aligned, which
 * would make the list of caches' head, a bare list_head, a misaligned
 * kmem_cache for the container_of of list walks.)
 */
struct kmem_cache_cpu {
	union {
		struct {
			void *freelist;		/* next free object of page */
			struct page *page;	/* the CPU slab, frozen */
			struct list_head partial;	/* frozen slabs, by slab_list */
			unsigned int nr_partial;
		};
		u8 line[SMP_CACHE_BYTES];
	};
};

/* Slabs that are neither a CPU's nor full; full ones too for debug caches. */
struct kmem_cache_node {
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	struct list_head full;
	unsigned long nr_slabs;
	unsigned long total_objects;
};

struct kmem_cache {
	struct kmem_cache_cpu cpu_slab[NR_CPUS];	/* first: see kmem_cache_cpu */
	slab_flags_t flags;
	unsigned int size;		/* a slot: object + metadata */
	unsigned int object_size;	/* what the user asked for */
	unsigned int offset;		/* of the free pointer in an object */
	unsigned long random;		/* free pointers are stored XORed with it */
	unsigned int inuse;		/* object + right red zone */
	unsigned int align;
	unsigned int red_left_pad;	/* left red zone before each object */
	unsigned int order;		/* slab = 2^order pages */
	unsigned int objects;		/* per slab */
	unsigned long min_partial;
	unsigned int cpu_partial;	/* free objects a CPU keeps on partial slabs */
	unsigned int cpu_partial_slabs;	/* ... as slabs, at most */
	gfp_t allocflags;		/* added to every slab's page allocation */
	void (*ctor)(void *object);
	const char *name;
	struct list_head list;		/* in slab_caches */
	struct kmem_cache_node node;	/* one memory node */
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *object);

/* kmalloc's allocation of @size bytes from the kmalloc-style cache @s */
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size);
void *__kmalloc(size_t size, gfp_t gfp);

#define KMALLOC_CACHES	13

/* kmalloc-N, and dma-kmalloc-N for GFP_DMA requests (slabs in ZONE_DMA). */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES,
};

extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_CACHES];

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	return flags & __GFP_DMA ? KMALLOC_DMA : KMALLOC_NORMAL;
}

/*
 * The cache for @size: 8, 16, 32, 64, 96, 128, 192, then powers of two.
 * Folded at compile time when the size is a constant, as in Linux.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 0;
	if (size <= 16)
		return 1;
	if (size <= 32)
		return 2;
	if (size <= 64)
		return 3;
	if (size <= 96)
		return 4;
	if (size <= 128)
		return 5;
	if (size <= 192)
		return 6;
	return 32 - __builtin_clz((unsigned int)size - 1) - 1;
}

static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_trace(kmalloc_caches[kmalloc_type(gfp)][kmalloc_index(size)],
				     gfp, size);
	return __kmalloc(size, gfp);
}
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void *krealloc(const void *p, size_t new_size, gfp_t gfp);
/* A kmalloc'd copy of the string @s; NULL without memory. */
char *kstrdup(const char *s, gfp_t gfp);
void kfree(const void *object);
size_t ksize(const void *object);

/* Checks every object of every slab of @s; returns the errors it found
 * (each is reported, counted in slab_errors, and repaired). */
int validate_slab_cache(struct kmem_cache *s);
struct kmem_cache *kmalloc_cache(size_t size);
extern unsigned long slab_errors;

void kmem_cache_init(void);

struct seq_file;
void slabinfo_show(struct seq_file *m);
/* A cache's objects in use, exactly (its CPU slabs are flushed first). */
unsigned long kmem_cache_objects_in_use(struct kmem_cache *s);
void slab_for_each_in_use(void (*fn)(const char *name, unsigned long objects, void *arg),
			  void *arg);
/* Each cache's CPU slabs and partial slabs, per CPU (the shell's slabcpu). */
void slab_cpu_show(struct seq_file *m);

#endif

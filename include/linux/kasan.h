/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KASAN, the kernel address sanitizer (make KASAN=1, mm/kasan/): the
 * allocators' hooks that mark memory usable or not in the shadow, which
 * the compiler's checks on every load and store consult. Without
 * KASAN=1 every hook is an empty inline function.
 */
#ifndef _LINUX_KASAN_H
#define _LINUX_KASAN_H

#include <linux/types.h>

struct kmem_cache;
struct page;

#ifdef CONFIG_KASAN
#include <asm/memory.h>

/* The shadow byte of @addr (asm/memory.h has the layout). */
static inline u8 *kasan_mem_to_shadow(unsigned long addr)
{
	return (u8 *)((addr >> KASAN_SHADOW_SCALE_SHIFT) + KASAN_SHADOW_OFFSET);
}

/* Slab objects start on a granule, so that no two share a shadow byte. */
#define KASAN_SLAB_ALIGN	(1U << KASAN_SHADOW_SCALE_SHIFT)

/*
 * The red zone added at the end of each slab slot, so that an overrun
 * past the object and its slack finds poison before the next object:
 * about an eighth of the object, from 16 bytes to 2 KiB (Linux's generic
 * KASAN grows it with the object too).
 */
static inline unsigned int kasan_slab_redzone(unsigned int object_size)
{
	unsigned int rz = 16;

	while (rz < 2048 && 8 * rz < object_size)
		rz *= 2;
	return rz;
}

extern bool kasan_enabled;	/* set once kasan_init has mapped the shadow */

void kasan_init(void);	/* arch/arm/mm/kasan_init.c: the shadow's mappings */
/* Real shadow pages (zeroed) for the shadow of [start, end); -ENOMEM. */
int kasan_populate_shadow(unsigned long start, unsigned long end);
/* The shadow pages wholly inside the shadow of [start, end) go back to zeros. */
void kasan_depopulate_shadow(unsigned long start, unsigned long end);
/*
 * Real shadow pages of the vmalloc area now mapped: one a freed area
 * shared with a neighbour stays (it serves the next area there), so the
 * leak check counts them as the kernel's own, as its page tables.
 */
extern unsigned long kasan_vmalloc_shadow_pages;

void kasan_unpoison_range(const void *addr, size_t size);
/*
 * The checks a load or store gets, for what the compiler cannot see
 * (assembly). They read the shadow, never the memory: access(none).
 */
void kasan_check_read(const volatile void *addr, size_t size) __attribute__((access(none, 1)));
void kasan_check_write(const volatile void *addr, size_t size) __attribute__((access(none, 1)));
void kasan_alloc_pages(struct page *page, unsigned int order);
void kasan_free_pages(struct page *page, unsigned int order);
void kasan_poison_slab(struct kmem_cache *s, struct page *page);
void kasan_slab_alloc(struct kmem_cache *s, void *object, unsigned long ip);
void kasan_kmalloc(struct kmem_cache *s, void *object, size_t size);
void kasan_kmalloc_large(void *object, size_t size);
void kasan_krealloc(void *object, size_t size);
/* True: SLUB must not free it now (the quarantine holds it, or a bad free, reported). */
bool kasan_slab_free(struct kmem_cache *s, void *object, unsigned long ip);
/* Every object the quarantine holds goes back to SLUB (for counts of what is in use). */
void kasan_quarantine_drain(void);
void kasan_vmalloc(void *addr, unsigned long size, unsigned long area_size);
void kasan_vfree(void *addr, unsigned long area_size);

#else

#define KASAN_SLAB_ALIGN	1U

static inline unsigned int kasan_slab_redzone(unsigned int object_size)
{
	(void)object_size;
	return 0;
}

#define kasan_vmalloc_shadow_pages	0UL

static inline void kasan_init(void) {}
static inline void kasan_unpoison_range(const void *addr, size_t size)
{ (void)addr; (void)size; }
static inline void kasan_check_read(const volatile void *addr, size_t size)
{ (void)addr; (void)size; }
static inline void kasan_check_write(const volatile void *addr, size_t size)
{ (void)addr; (void)size; }
static inline void kasan_alloc_pages(struct page *page, unsigned int order)
{ (void)page; (void)order; }
static inline void kasan_free_pages(struct page *page, unsigned int order)
{ (void)page; (void)order; }
static inline void kasan_poison_slab(struct kmem_cache *s, struct page *page)
{ (void)s; (void)page; }
static inline void kasan_slab_alloc(struct kmem_cache *s, void *object, unsigned long ip)
{ (void)s; (void)object; (void)ip; }
static inline void kasan_kmalloc(struct kmem_cache *s, void *object, size_t size)
{ (void)s; (void)object; (void)size; }
static inline void kasan_kmalloc_large(void *object, size_t size)
{ (void)object; (void)size; }
static inline void kasan_krealloc(void *object, size_t size)
{ (void)object; (void)size; }
static inline bool kasan_slab_free(struct kmem_cache *s, void *object, unsigned long ip)
{ (void)s; (void)object; (void)ip; return false; }
static inline void kasan_quarantine_drain(void) {}
static inline void kasan_vmalloc(void *addr, unsigned long size, unsigned long area_size)
{ (void)addr; (void)size; (void)area_size; }
static inline void kasan_vfree(void *addr, unsigned long area_size)
{ (void)addr; (void)area_size; }

#endif

#endif

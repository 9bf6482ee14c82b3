// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's hooks in the allocators: what each allocation makes usable in
 * the shadow and what each free takes back, as Linux's generic KASAN.
 *
 *  - buddy allocator: a free block is KASAN_PAGE_FREE; an allocated one
 *    usable (lowmem only: a highmem page has no fixed address);
 *  - slab: a new slab is all KASAN_SLAB_REDZONE; an allocated object is
 *    usable for its cache's object size, a kmalloc'd one only for the
 *    size asked for (ksize() gives the rest); a freed one KASAN_SLAB_FREE,
 *    and a kmalloc'd one held in quarantine.c for a while;
 *  - large kmalloc: pages usable up to the size, KASAN_PAGE_REDZONE after;
 *  - vmalloc: the area usable up to the size, KASAN_VMALLOC_INVALID to
 *    the end of its guard page; zero again once freed (the shadow of
 *    vmalloc space outside vmalloc'ed areas is zero: vmap and ioremap
 *    areas, never poisoned, are usable from the start).
 *
 * Slab objects are aligned to the granule (KASAN_SLAB_ALIGN), so an
 * object's shadow is its own. This file is not instrumented.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "kasan.h"

static inline unsigned long granule_up(unsigned long a)
{
	return ALIGN(a, KASAN_GRANULE_SIZE);
}

/* [from, to) of an allocation, past its usable size, marked @value. */
static void poison_tail(unsigned long from, unsigned long to, u8 value)
{
	from = granule_up(from);
	to = granule_up(to);
	if (from < to)
		kasan_poison((void *)from, to - from, value);
}

void kasan_alloc_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_unpoison_range(lowmem_page_address(page), PAGE_SIZE << order);
}

void kasan_free_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_poison(lowmem_page_address(page), PAGE_SIZE << order, KASAN_PAGE_FREE);
}

struct kasan_slab_meta *kasan_slab_meta(struct kmem_cache *s, void *object)
{
	return (struct kasan_slab_meta *)((char *)object - s->red_left_pad + s->size) - 1;
}

static void set_track(struct kasan_track *t, unsigned long ip)
{
	t->pid = current->pid;
	t->ip = ip;
}

void kasan_poison_slab(struct kmem_cache *s, struct page *page)
{
	char *base = lowmem_page_address(page);
	unsigned int i;

	if (!kasan_enabled)
		return;
	kasan_poison(base, PAGE_SIZE << s->order, KASAN_SLAB_REDZONE);
	for (i = 0; i < s->objects; i++)
		memset(kasan_slab_meta(s, base + i * s->size + s->red_left_pad), 0,
		       sizeof(struct kasan_slab_meta));
}

void kasan_slab_alloc(struct kmem_cache *s, void *object, unsigned long ip)
{
	if (!kasan_enabled || !object)
		return;
	kasan_unpoison_range(object, s->object_size);
	set_track(&kasan_slab_meta(s, object)->alloc, ip);
}

void kasan_kmalloc(struct kmem_cache *s, void *object, size_t size)
{
	if (!object)
		return;
	kasan_unpoison_range(object, size);
	poison_tail((unsigned long)object + size, (unsigned long)object + s->object_size,
		    KASAN_SLAB_REDZONE);
}

void kasan_kmalloc_large(void *object, size_t size)
{
	struct page *page;

	if (!object)
		return;
	page = virt_to_page(object);
	kasan_unpoison_range(object, size);
	poison_tail((unsigned long)object + size,
		    (unsigned long)object + (PAGE_SIZE << compound_order(page)),
		    KASAN_PAGE_REDZONE);
}

/* krealloc in place: the new size is what may be used now. */
void kasan_krealloc(void *object, size_t size)
{
	struct page *page = compound_head(virt_to_page(object));

	if (PageSlab(page))
		kasan_kmalloc(page->slab_cache, object, size);
	else
		kasan_kmalloc_large(object, size);
}

/*
 * True when SLUB must not free the object now: the quarantine holds it,
 * or it is free already or was never handed out (reported). A cache
 * under SLUB's consistency checks vets its frees itself, and its tests
 * free twice on purpose.
 */
bool kasan_slab_free(struct kmem_cache *s, void *object, unsigned long ip)
{
	u8 shadow;

	if (!kasan_enabled || kasan_quarantine_releasing())
		return false;
	shadow = *kasan_mem_to_shadow((unsigned long)object);
	if (!(s->flags & SLAB_CONSISTENCY_CHECKS) &&
	    (shadow == KASAN_SLAB_FREE || shadow == KASAN_SLAB_REDZONE)) {
		kasan_report_invalid_free(object, ip, shadow == KASAN_SLAB_FREE);
		return true;
	}
	kasan_poison(object, granule_up(s->object_size), KASAN_SLAB_FREE);
	set_track(&kasan_slab_meta(s, object)->free, ip);
	return kasan_quarantine_put(s, object);
}

/* Without shadow pages for the area (no memory), it goes unchecked. */
void kasan_vmalloc(void *addr, unsigned long size, unsigned long area_size)
{
	unsigned long start = (unsigned long)addr;

	if (!kasan_enabled || kasan_populate_shadow(start, start + area_size))
		return;
	kasan_unpoison_range(addr, size);
	poison_tail(start + size, start + area_size, KASAN_VMALLOC_INVALID);
}

/*
 * The area was poisoned only if it got its shadow pages: then this
 * cannot fail. The shadow pages that served it alone are freed; those
 * shared with a neighbour stay, zeroed.
 */
void kasan_vfree(void *addr, unsigned long area_size)
{
	unsigned long start = (unsigned long)addr;

	if (!kasan_enabled || kasan_populate_shadow(start, start + area_size))
		return;
	kasan_unpoison_range(addr, area_size);
	kasan_depopulate_shadow(start, start + area_size);
}

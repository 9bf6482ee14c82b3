/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page's flags word: named bits at the bottom, the zone the frame
 * belongs to in the top bits (as Linux's page_zonenum()), and, for the
 * first page of an allocation, its order + 1 (so a free with the wrong
 * order, or of a page that is not the start of an allocation, is caught).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,		/* owned by a slab cache */
	PG_reserved,		/* never given to the buddy allocator */
	PG_buddy,		/* the head of a free block in a free_area */
	PG_highmem,		/* not in the direct map */
	PG_pgtable,		/* a page-table page */
	PG_kernel_image,	/* part of the kernel image */
	PG_arch_1,		/* the architecture's note on the contents (ARM:
				 * D-cache clean), void once the frame is freed */
	NR_PAGEFLAGS,
};

#define PAGE_ORDER_SHIFT	16	/* allocation order + 1, 4 bits */
#define PAGE_ORDER_MASK		(0xfUL << PAGE_ORDER_SHIFT)
#define ZONES_SHIFT		30	/* zone index, 2 bits */
#define ZONES_MASK		(3UL << ZONES_SHIFT)

struct page;

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{ return page->flags & (1UL << PG_##bit); }				\
static inline void SetPage##name(struct page *page)			\
{ page->flags |= 1UL << PG_##bit; }					\
static inline void ClearPage##name(struct page *page)			\
{ page->flags &= ~(1UL << PG_##bit); }

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GFP ("get free pages") flags: which zones an allocation may come from
 * and how hard to try, with Linux's names and meanings.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/compiler.h>
#include <linux/mmzone.h>
#include <linux/types.h>

typedef unsigned int gfp_t;

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_MOVABLE		0x08u	/* can be migrated: MIGRATE_MOVABLE */
#define __GFP_RECLAIMABLE	0x10u	/* can be reclaimed: MIGRATE_RECLAIMABLE */
#define __GFP_HIGH		0x20u	/* may dip below the min watermark */
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u	/* return zeroed memory */
#define __GFP_ATOMIC		0x200u	/* cannot sleep: may dip further */
#define __GFP_DIRECT_RECLAIM	0x400u	/* may sleep */
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u	/* no warning when it fails */
#define __GFP_COMP		0x40000u
#define __GFP_HARDWALL		0x100000u
#define __GFP_ACCOUNT		0x400000u

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA		__GFP_DMA
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

#define GFP_MOVABLE_MASK	(__GFP_RECLAIMABLE | __GFP_MOVABLE)

struct page;

/*
 * The highest zone the flags allow, looked up in a table packed into one
 * word by the two zone bits (as Linux's GFP_ZONE_TABLE): neither ->
 * NORMAL, __GFP_DMA -> DMA, __GFP_HIGHMEM -> HIGHMEM, both -> DMA.
 */
#define GFP_ZONE_TABLE	(ZONE_NORMAL << 0 | ZONE_DMA << 2 | \
			 ZONE_HIGHMEM << 4 | ZONE_DMA << 6)

static inline enum zone_type gfp_zone(gfp_t flags)
{
	return (GFP_ZONE_TABLE >> ((flags & (__GFP_DMA | __GFP_HIGHMEM)) * 2)) & 3;
}

/* __GFP_MOVABLE and __GFP_RECLAIMABLE sit where the migrate type's bits go. */
#define GFP_MOVABLE_SHIFT	3
_Static_assert(__GFP_MOVABLE >> GFP_MOVABLE_SHIFT == MIGRATE_MOVABLE &&
	       __GFP_RECLAIMABLE >> GFP_MOVABLE_SHIFT == MIGRATE_RECLAIMABLE,
	       "GFP mobility bits must encode the migrate type");

static inline enum migratetype gfp_migratetype(gfp_t flags)
{
	unsigned int mt = (flags & GFP_MOVABLE_MASK) >> GFP_MOVABLE_SHIFT;

	return mt < MIGRATE_TYPES ? mt : MIGRATE_MOVABLE;	/* both: movable */
}

/* @zone and @mt are gfp_zone(gfp) and gfp_migratetype(gfp). */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int zone, int mt);

/* Inline so that, for the usual constant @gfp, zone and type fold away. */
static __always_inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, gfp_zone(gfp), gfp_migratetype(gfp));
}

#define alloc_page(gfp)	alloc_pages(gfp, 0)
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

/* Format the names of the flags set in @gfp into @buf (for warnings). */
int gfp_flags_string(char *buf, size_t len, gfp_t gfp);

#endif

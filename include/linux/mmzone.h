/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes and zones. One node (pglist_data) holds the zones: DMA (only
 * with dma_zone=SIZE), NORMAL (lowmem, in the direct map) and HIGHMEM
 * (above the lowmem limit). Each zone has its buddy free lists, one per
 * order and migrate type, its watermarks, and per-CPU lists of order-0
 * pages. zone->lock guards the free lists; the per-CPU lists are only
 * touched by their CPU with interrupts off (another CPU that wants them
 * emptied asks their CPU, by IPI: drain_all_pages).
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/cache.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/threads.h>

#define MAX_ORDER		11	/* orders 0..10: blocks up to 4 MiB */
#define pageblock_order		(MAX_ORDER - 1)
#define pageblock_nr_pages	(1UL << pageblock_order)

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_TYPES,
};

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	MAX_NR_ZONES,
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK,
};

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;	/* blocks of this order, all types */
};

/*
 * Order-0 pages a CPU keeps for itself: freed and allocated without
 * zone->lock. Each CPU's on a cache line of its own.
 */
struct per_cpu_pages {
	int count;
	int high;	/* above this, free batch pages back */
	int batch;	/* pages moved at a time */
	struct list_head lists[MIGRATE_TYPES];
} ____cacheline_aligned_in_smp;

struct zone {
	const char *name;
	unsigned long _watermark[NR_WMARK];
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end - start, holes included */
	unsigned long present_pages;	/* RAM in the span */
	unsigned long managed_pages;	/* given to the buddy allocator */
	unsigned long free_pages;	/* in free_area and pcp lists */
	u8 *pageblock_flags;		/* migrate type of each pageblock */
	struct page *pageblock_page;	/* where the first pageblock starts */
	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];
	struct per_cpu_pages pcp[NR_CPUS];
	unsigned long alloc_fail;	/* requests this zone could not meet */
	int stat_threshold;		/* vmstat: a CPU's drift before it folds */
};

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])

/* Zones an allocation may use, best first, for each highest zone. */
struct zonelist {
	struct zone *zones[MAX_NR_ZONES + 1];	/* NULL-terminated */
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_NR_ZONES];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)	(&contig_page_data)

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn &&
	       pfn < zone->zone_start_pfn + zone->spanned_pages;
}

static inline int zone_idx(const struct zone *zone)
{
	return zone - zone->zone_pgdat->node_zones;
}

#define for_each_zone(zone)						\
	for (zone = contig_page_data.node_zones;			\
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)

bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, int highest_zoneidx, int alloc_flags);
int get_pageblock_migratetype(const struct page *page);
void drain_local_pages(void);
/* Every CPU's lists, each emptied by its own CPU (an IPI, waited for). */
void drain_all_pages(void);
extern int min_free_kbytes;
/* Watermarks and lowmem reserves from the managed pages (mm_init.c). */
void setup_per_zone_wmarks(void);
void setup_per_zone_lowmem_reserve(void);

extern const char *const migratetype_names[MIGRATE_TYPES];
extern const char *const zone_names[MAX_NR_ZONES];

#endif

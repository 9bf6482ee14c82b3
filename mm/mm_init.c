// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the page allocator from memblock: mem_map for the whole
 * span of RAM (every struct page starts reserved), the zones and their
 * pageblock types, then every range memblock did not reserve is freed
 * into the buddy lists in the largest aligned blocks it holds; finally
 * watermarks, lowmem reserves, per-CPU list sizes and zonelists, all
 * computed the way Linux computes them.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#define WATERMARK_SCALE_FACTOR	10
#define SWAP_CLUSTER_MAX	32

static const int lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 0 };

static unsigned long present_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long i, n = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long s = PFN_UP(r->base), e = PFN_DOWN(r->base + r->size);

		s = max(s, start_pfn);
		e = min(e, end_pfn);
		if (s < e)
			n += e - s;
	}
	return n;
}

static void init_zone(struct zone *zone, enum zone_type idx,
		      unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long blocks, pfn;
	int o, mt;

	zone->name = zone_names[idx];
	zone->zone_pgdat = &contig_page_data;
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn - start_pfn;
	zone->present_pages = present_pages_in(start_pfn, end_pfn);
	spin_lock_init(&zone->lock);
	for (o = 0; o < MAX_ORDER; o++)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list[mt]);
	for (o = 0; o < NR_CPUS; o++)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->pcp[o].lists[mt]);
	if (!zone->spanned_pages)
		return;
	/* as Linux at boot: every pageblock movable until stolen */
	blocks = DIV_ROUND_UP(end_pfn - ALIGN_DOWN(start_pfn, pageblock_nr_pages),
			      pageblock_nr_pages);
	zone->pageblock_flags = memblock_alloc(blocks, 8);
	zone->pageblock_page = pfn_to_page(ALIGN_DOWN(start_pfn, pageblock_nr_pages));
	memset(zone->pageblock_flags, MIGRATE_MOVABLE, blocks);
	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		page->flags = 0;
		set_page_zone(page, idx);
		SetPageReserved(page);
		if (idx == ZONE_HIGHMEM)
			SetPageHighMem(page);
		set_page_count(page, 1);
		reset_page_mapcount(page);
		INIT_LIST_HEAD(&page->lru);
	}
}

/*
 * Sets up the node and its zones over [start_pfn, zone_end[HIGHMEM]):
 * zone i spans [zone_end[i - 1], zone_end[i]).
 */
void free_area_init(unsigned long start_pfn,
		    const unsigned long zone_end[MAX_NR_ZONES])
{
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long end_pfn = zone_end[MAX_NR_ZONES - 1], prev = start_pfn;
	int i;

	mem_map_base_pfn = start_pfn;
	max_pfn = end_pfn;
	max_low_pfn = zone_end[ZONE_NORMAL];
	mem_map = memblock_alloc((end_pfn - start_pfn) * sizeof(struct page), 64);
	if (!mem_map)
		panic("cannot allocate mem_map for %lu frames", end_pfn - start_pfn);
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = end_pfn - start_pfn;
	pgdat->node_present_pages = 0;
	for (i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long zend = max(zone_end[i], prev);

		init_zone(&pgdat->node_zones[i], i, prev, zend);
		pgdat->node_present_pages += pgdat->node_zones[i].present_pages;
		if (populated_zone(&pgdat->node_zones[i]))
			pgdat->nr_zones = i + 1;
		prev = zend;
	}
}

/* Frees [start, end) of frames into the buddy lists, biggest blocks first. */
static void free_range_to_buddy(u64 start, u64 end, void *arg)
{
	unsigned long pfn = PFN_UP(start), end_pfn = PFN_DOWN(end);

	(void)arg;
	end_pfn = min(end_pfn, max_pfn);
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);
		struct zone *zone = page_zone(page);
		unsigned long zone_end = zone->zone_start_pfn + zone->spanned_pages;
		unsigned int order = MAX_ORDER - 1;
		unsigned long i;

		while (order && ((pfn & ((1UL << order) - 1)) ||
				 pfn + (1UL << order) > min(end_pfn, zone_end)))
			order--;
		for (i = 0; i < (1UL << order); i++) {
			ClearPageReserved(&page[i]);
			set_page_count(&page[i], 0);
		}
		set_page_count(page, 1);
		zone->managed_pages += 1UL << order;
		page->flags |= (unsigned long)(order + 1) << PAGE_ORDER_SHIFT;
		__free_pages(page, order);
		pfn += 1UL << order;
	}
}

/* Linux's int_sqrt: the largest x with x * x <= n. */
static unsigned long int_sqrt(unsigned long long n)
{
	unsigned long long x = 0, bit = 1ULL << 62;

	while (bit > n)
		bit >>= 2;
	while (bit) {
		if (n >= x + bit) {
			n -= x + bit;
			x = (x >> 1) + bit;
		} else {
			x >>= 1;
		}
		bit >>= 2;
	}
	return x;
}

/*
 * As Linux's __setup_per_zone_wmarks: a lowmem zone's min is its share
 * of min_free_kbytes by managed pages; highmem serves no atomic or
 * emergency requests, so only its min is capped, while the gaps between
 * min, low and high (which pace reclaim) come from the uncapped share or
 * watermark_scale_factor, the larger. An empty lowmem zone gets zeros,
 * an empty highmem zone the cap's floor (Linux shows 32, 32, 32).
 */
void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone_idx(zone) != ZONE_HIGHMEM)
			lowmem_pages += zone->managed_pages;
	for_each_zone(zone) {
		unsigned long managed = zone->managed_pages;
		unsigned long long tmp;

		tmp = lowmem_pages ? (unsigned long long)pages_min * managed / lowmem_pages : 0;
		if (zone_idx(zone) == ZONE_HIGHMEM)
			zone->_watermark[WMARK_MIN] = clamp(managed / 1024,
							    (unsigned long)SWAP_CLUSTER_MAX,
							    128UL);
		else
			zone->_watermark[WMARK_MIN] = tmp;
		/* mult_frac: managed * factor / 10000 without overflowing */
		tmp = max(tmp >> 2, (unsigned long long)(managed / 10000 * WATERMARK_SCALE_FACTOR +
			  managed % 10000 * WATERMARK_SCALE_FACTOR / 10000));
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
	}
}

/*
 * Pages a lower zone keeps back from allocations that could use a higher
 * one (Linux's setup_per_zone_lowmem_reserve); a zone without pages or
 * without a ratio keeps nothing back.
 */
void setup_per_zone_lowmem_reserve(void)
{
	struct zone *zones = contig_page_data.node_zones;
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		bool clear = !lowmem_reserve_ratio[i] || !zones[i].managed_pages;
		unsigned long managed = 0;

		for (j = 0; j <= i; j++)
			zones[i].lowmem_reserve[j] = 0;
		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zones[j].managed_pages;
			zones[i].lowmem_reserve[j] = clear ? 0 :
				managed / lowmem_reserve_ratio[i];
		}
	}
}

static void init_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone_idx(zone) != ZONE_HIGHMEM)
			lowmem_kbytes += zone->managed_pages << (PAGE_SHIFT - 10);
	min_free_kbytes = clamp(int_sqrt((unsigned long long)lowmem_kbytes * 16),
				128UL, 262144UL);
}

/* Linux's zone_batchsize: about a quarter of a thousandth of the zone. */
static int zone_batchsize(const struct zone *zone)
{
	unsigned long pages = zone->managed_pages ? zone->managed_pages :
			      zone->present_pages;
	unsigned long batch = min(pages / 1024, 256UL) / 4;
	unsigned long p = 1;

	if (batch < 1)
		batch = 1;
	while (p * 2 <= batch + batch / 2)
		p *= 2;
	return p - 1 ? (int)(p - 1) : 1;
}

static void setup_pcp(void)
{
	struct zone *zone;
	int cpu;

	for_each_zone(zone) {
		int batch = zone_batchsize(zone);

		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			zone->pcp[cpu].batch = batch;
			zone->pcp[cpu].high = 6 * batch;
		}
	}
}

/*
 * zonelist[h]: the populated zones at or below h, highest first. When
 * there is none (GFP_DMA without a DMA zone), the lowest populated zone
 * serves, as in Linux without CONFIG_ZONE_DMA; so no zonelist is empty.
 */
static void build_zonelists(void)
{
	struct pglist_data *pgdat = &contig_page_data;
	int highest, i, n, lowest = 0;

	while (lowest < MAX_NR_ZONES - 1 && !populated_zone(&pgdat->node_zones[lowest]))
		lowest++;
	for (highest = 0; highest < MAX_NR_ZONES; highest++) {
		n = 0;
		for (i = highest; i >= 0; i--)
			if (populated_zone(&pgdat->node_zones[i]))
				pgdat->node_zonelists[highest].zones[n++] =
					&pgdat->node_zones[i];
		if (!n)
			pgdat->node_zonelists[highest].zones[n++] =
				&pgdat->node_zones[lowest];
		pgdat->node_zonelists[highest].zones[n] = NULL;
	}
}

/* Hands every unreserved range to the buddy allocator and finishes setup. */
void memblock_free_all(void)
{
	struct zone *zone;

	setup_pcp();	/* sizes from present pages until managed ones are known */
	build_zonelists();
	memblock_for_each_free_range(free_range_to_buddy, NULL);
	setup_pcp();
	totalram_pages = totalhigh_pages = 0;
	for_each_zone(zone) {
		totalram_pages += zone->managed_pages;
		if (zone_idx(zone) == ZONE_HIGHMEM)
			totalhigh_pages += zone->managed_pages;
	}
	init_min_free_kbytes();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	refresh_zone_stat_thresholds();
}

/* Gives the whole pages of a reserved range (the initrd) to the allocator. */
void free_reserved_range(phys_addr_t start, phys_addr_t end, const char *what)
{
	unsigned long pfn, n = 0;

	for (pfn = PFN_UP(start); pfn < PFN_DOWN(end); pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageReserved(page))
			continue;
		ClearPageReserved(page);
		set_page_count(page, 1);
		reset_page_mapcount(page);
		page->flags |= 1UL << PAGE_ORDER_SHIFT;	/* an order-0 allocation */
		page_zone(page)->managed_pages++;
		totalram_pages++;
		__free_pages(page, 0);
		n++;
	}
	memblock_free(start, end - start);
	pr_info("Freeing %s memory: %luK\n", what, n << (PAGE_SHIFT - 10));
}

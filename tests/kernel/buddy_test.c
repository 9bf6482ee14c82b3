// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: split and merge at every order, exhaustion and
 * recovery, zone and migrate-type fallback, reference counts and the
 * bad-free reports. Each case leaves the free lists exactly as it found
 * them (per-CPU lists drained first). The same suite runs on the host
 * over an arena (tests/host/test_buddy.c), where a random reference-model
 * run is added.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/vmstat.h>

void drain_local_pages(void);
int get_pageblock_migratetype(const struct page *page);

struct free_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
};

static void snapshot(struct free_snapshot *s)
{
	struct zone *zone;
	int o;

	drain_local_pages();
	for_each_zone(zone) {
		s->free_pages[zone_idx(zone)] = zone->free_pages;
		for (o = 0; o < MAX_ORDER; o++)
			s->nr_free[zone_idx(zone)][o] = zone->free_area[o].nr_free;
	}
}

static bool same_snapshot(const struct free_snapshot *a)
{
	struct free_snapshot b;

	snapshot(&b);
	return !memcmp(a, &b, sizeof(b));
}

static struct zone *normal_zone(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_NORMAL];
}

static struct zone *highmem_zone(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
}

static void every_order_allocates_aligned_blocks(struct ktest *t)
{
	struct free_snapshot before;
	unsigned int o;

	snapshot(&before);
	for (o = 0; o < MAX_ORDER; o++) {
		struct page *page = alloc_pages(GFP_KERNEL, o);

		KT_ASSERT_NOT_NULL(t, page);
		KT_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << o) - 1), 0);
		KT_EXPECT_EQ(t, page_count(page), 1);
		KT_EXPECT_EQ(t, page_zonenum(page), ZONE_NORMAL);
		KT_EXPECT_FALSE(t, PageBuddy(page));
		__free_pages(page, o);
	}
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

/* An order-1 block out of a zone of big blocks splits a chain of halves. */
static void split_leaves_one_buddy_per_order(struct ktest *t)
{
	struct free_snapshot before, after;
	struct zone *zone = normal_zone();
	struct page *page;
	int o, lowest = MAX_ORDER;

	/* make sure unmovable blocks exist (a first request steals some) */
	__free_pages(alloc_pages(GFP_KERNEL, 1), 1);
	snapshot(&before);
	/* the smallest unmovable block of order >= 1: the split starts there */
	for (o = 1; o < MAX_ORDER && lowest == MAX_ORDER; o++)
		if (!list_empty(&zone->free_area[o].free_list[MIGRATE_UNMOVABLE]))
			lowest = o;
	KT_ASSERT_NE(t, lowest, MAX_ORDER);
	page = alloc_pages(GFP_KERNEL, 1);
	KT_ASSERT_NOT_NULL(t, page);
	snapshot(&after);
	for (o = 1; o < lowest; o++)
		KT_EXPECT_EQ(t, after.nr_free[ZONE_NORMAL][o],
			     before.nr_free[ZONE_NORMAL][o] + 1);
	KT_EXPECT_EQ(t, after.nr_free[ZONE_NORMAL][lowest],
		     before.nr_free[ZONE_NORMAL][lowest] - 1);
	KT_EXPECT_EQ(t, zone->free_pages, before.free_pages[ZONE_NORMAL] - 2);
	__free_pages(page, 1);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static void buddies_merge_back(struct ktest *t)
{
	struct free_snapshot before;
	struct page *pages[64];
	int i;

	snapshot(&before);
	for (i = 0; i < 64; i++) {
		pages[i] = alloc_pages(GFP_KERNEL, 2);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	/* free in an order unlike the allocation order */
	for (i = 0; i < 64; i += 2)
		__free_pages(pages[i], 2);
	for (i = 63; i > 0; i -= 2)
		__free_pages(pages[i], 2);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static void zeroed_pages_are_zero(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 0);
	u8 *p;
	int i, nonzero = 0;

	KT_ASSERT_NOT_NULL(t, page);
	p = kmap_local_page(page);
	for (i = 0; i < (int)PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	memset(p, 0x5a, PAGE_SIZE);	/* dirty it for the next user */
	kunmap_local(p);
	KT_EXPECT_EQ(t, nonzero, 0);
	__free_pages(page, 0);
	page = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 0);
	KT_ASSERT_NOT_NULL(t, page);
	p = kmap_local_page(page);
	KT_EXPECT_EQ(t, p[100], 0);
	kunmap_local(p);
	__free_pages(page, 0);
}

/* Takes every page a GFP mask can get, then gives them all back. */
static unsigned long exhaust(gfp_t gfp, struct list_head *list)
{
	struct page *page;
	unsigned long n = 0;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, 0))) {
		list_add(&page->lru, list);
		n++;
	}
	return n;
}

static void release(struct list_head *list)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, list, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
}

/*
 * Each kind of request stops at its own level: GFP_KERNEL at min,
 * __GFP_HIGH half below it, GFP_ATOMIC (__GFP_ATOMIC too) a quarter
 * below that. A level is reached within a per-CPU batch: the last refill
 * takes a batch while the zone is still above it.
 */
static void exhaustion_stops_at_each_level_and_recovers(struct ktest *t)
{
	struct free_snapshot before;
	struct zone *zone = normal_zone();
	long min = min_wmark_pages(zone), batch = zone->pcp[0].batch;
	long high_level = min - min / 2, atomic_level = high_level - high_level / 4;
	unsigned long free0;
	LIST_HEAD(pages);

	snapshot(&before);
	free0 = zone->free_pages;
	KT_EXPECT_GT(t, exhaust(GFP_KERNEL, &pages), 0);
	drain_local_pages();
	KT_EXPECT_LE(t, (long)zone->free_pages, min);
	KT_EXPECT_GT(t, (long)zone->free_pages, min - batch);
	KT_EXPECT_GT(t, exhaust(GFP_NOWAIT | __GFP_HIGH, &pages), 0);
	drain_local_pages();
	KT_EXPECT_LE(t, (long)zone->free_pages, high_level);
	KT_EXPECT_GT(t, (long)zone->free_pages, high_level - batch);
	KT_EXPECT_GT(t, exhaust(GFP_ATOMIC, &pages), 0);
	drain_local_pages();
	KT_EXPECT_LE(t, (long)zone->free_pages, atomic_level);
	KT_EXPECT_GT(t, (long)zone->free_pages, atomic_level - batch);
	KT_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	release(&pages);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
	KT_EXPECT_EQ(t, zone->free_pages, free0);
}

/*
 * Pages parked on a per-CPU list are not counted free: when the free
 * lists alone are at the watermark, the allocator drains the per-CPU
 * lists and tries again before it fails (as __alloc_pages_slowpath).
 */
static void failing_allocation_drains_pcp_lists(struct ktest *t)
{
	struct free_snapshot before;
	struct zone *zone = normal_zone();
	int batch = zone->pcp[0].batch, parked = 0;
	struct page *page, *tmp;
	LIST_HEAD(pages);

	snapshot(&before);
	exhaust(GFP_KERNEL | __GFP_MOVABLE, &pages);
	/* two batches of movable pages onto the movable per-CPU list */
	list_for_each_entry_safe(page, tmp, &pages, lru) {
		if (parked == 2 * batch)
			break;
		if (page_zone(page) != zone ||
		    get_pageblock_migratetype(page) != MIGRATE_MOVABLE)
			continue;
		list_del(&page->lru);
		__free_pages(page, 0);
		parked++;
	}
	KT_EXPECT_EQ(t, parked, 2 * batch);
	KT_EXPECT_GE(t, zone->pcp[0].count, parked);
	/* an unmovable request: its own list is empty, the zone at min */
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
	KT_EXPECT_NOT_NULL(t, page);
	if (page)
		__free_pages(page, 0);
	release(&pages);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

/* An order-0 page goes back onto the per-CPU list of its pageblock's type. */
static void pcp_free_keeps_the_pageblock_type(struct ktest *t)
{
	static const gfp_t gfps[] = {
		GFP_KERNEL, GFP_KERNEL | __GFP_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gfps); i++) {
		struct page *page;
		int mt;

		drain_local_pages();
		page = alloc_pages(gfps[i], 0);
		KT_ASSERT_NOT_NULL(t, page);
		mt = get_pageblock_migratetype(page);
		KT_EXPECT_EQ(t, mt, gfp_migratetype(gfps[i]));
		__free_pages(page, 0);
		KT_EXPECT_PTR_EQ(t, list_first_entry(&page_zone(page)->pcp[0].lists[mt],
						     struct page, lru), page);
	}
	drain_local_pages();
}

static void highuser_prefers_highmem_then_falls_back(struct ktest *t)
{
	struct free_snapshot before;
	struct page *page;
	unsigned long n, mark, lowmem;
	LIST_HEAD(pages);

	if (!populated_zone(highmem_zone())) {
		ktest_skip(t, "no highmem at this RAM size");
		return;
	}
	snapshot(&before);
	page = alloc_pages(GFP_HIGHUSER, 0);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, page_zonenum(page), ZONE_HIGHMEM);
	KT_EXPECT_TRUE(t, PageHighMem(page));
	__free_pages(page, 0);
	page = alloc_pages(GFP_KERNEL, 0);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, page_zonenum(page), ZONE_NORMAL);
	__free_pages(page, 0);

	n = exhaust(GFP_HIGHUSER, &pages);
	KT_EXPECT_GT(t, n, highmem_zone()->managed_pages / 2);
	/* highmem running out, lowmem (Normal, then DMA) served too */
	lowmem = 0;
	list_for_each_entry(page, &pages, lru)
		lowmem += page_zonenum(page) != ZONE_HIGHMEM;
	KT_EXPECT_GT(t, lowmem, 0);
	/* Normal kept its lowmem reserve against highmem requests */
	drain_local_pages();
	mark = min_wmark_pages(normal_zone()) +
	       normal_zone()->lowmem_reserve[ZONE_HIGHMEM];
	KT_EXPECT_GT(t, normal_zone()->lowmem_reserve[ZONE_HIGHMEM],
		     normal_zone()->pcp[0].batch);
	KT_EXPECT_LE(t, normal_zone()->free_pages, mark);
	KT_EXPECT_GT(t, (long)normal_zone()->free_pages,
		     (long)mark - normal_zone()->pcp[0].batch);
	release(&pages);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static unsigned long count_blocks(struct zone *zone, int mt)
{
	unsigned long pfn, n = 0;

	for (pfn = ALIGN(zone->zone_start_pfn, pageblock_nr_pages);
	     pfn < zone->zone_start_pfn + zone->spanned_pages;
	     pfn += pageblock_nr_pages)
		n += get_pageblock_migratetype(pfn_to_page(pfn)) == mt;
	return n;
}

/*
 * With no reclaimable block free, a reclaimable request steals the
 * largest free block of another type and re-types its pageblock.
 */
static void migratetype_fallback_steals_largest_block(struct ktest *t)
{
	struct zone *zone = normal_zone();
	unsigned long reclaimable = count_blocks(zone, MIGRATE_RECLAIMABLE);
	struct page *page;
	int o, largest = -1, mt;

	drain_local_pages();
	for (o = MAX_ORDER - 1; o >= 0 && largest < 0; o--)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			if (mt != MIGRATE_RECLAIMABLE &&
			    !list_empty(&zone->free_area[o].free_list[mt]))
				largest = o;
	KT_ASSERT_GE(t, largest, pageblock_order / 2);
	for (o = 0; o < MAX_ORDER; o++)
		if (!list_empty(&zone->free_area[o].free_list[MIGRATE_RECLAIMABLE])) {
			ktest_skip(t, "reclaimable blocks already free");
			return;
		}
	page = alloc_pages(GFP_KERNEL | __GFP_RECLAIMABLE, 3);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, get_pageblock_migratetype(page), MIGRATE_RECLAIMABLE);
	KT_EXPECT_EQ(t, count_blocks(zone, MIGRATE_RECLAIMABLE), reclaimable + 1);
	/* the rest of the stolen block now serves reclaimable requests */
	KT_EXPECT_FALSE(t, list_empty(&zone->free_area[largest - 1].free_list[MIGRATE_RECLAIMABLE]));
	__free_pages(page, 3);
}

static void refcount_frees_at_zero(struct ktest *t)
{
	struct free_snapshot before;
	struct page *page;

	snapshot(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT_NOT_NULL(t, page);
	get_page(page);
	KT_EXPECT_EQ(t, page_count(page), 2);
	put_page(page);
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_FALSE(t, same_snapshot(&before));	/* still allocated */
	put_page(page);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static void bad_frees_are_reported_and_harmless(struct ktest *t)
{
	struct free_snapshot before, held;
	unsigned long reports = bad_page_reports;
	struct page *page, *other;

	snapshot(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT_NOT_NULL(t, page);
	snapshot(&held);

	__free_pages(page, 1);			/* wrong order */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 1);
	__free_pages(page + 1, 0);		/* not the first page */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 2);
	atomic_set(&page->_mapcount, 0);	/* still mapped */
	__free_pages(page, 2);
	KT_EXPECT_EQ(t, bad_page_reports, reports + 3);
	reset_page_mapcount(page);
	KT_EXPECT_TRUE(t, same_snapshot(&held));	/* nothing was freed */

	__free_pages(page, 2);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
	__free_pages(page, 2);			/* double free */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 4);
	KT_EXPECT_TRUE(t, same_snapshot(&before));

	other = alloc_pages(GFP_KERNEL, 0);	/* order 0 goes through the pcp list */
	KT_ASSERT_NOT_NULL(t, other);
	__free_pages(other, 0);
	__free_pages(other, 0);			/* double free on a pcp list */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 5);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static void free_pages_rejects_bad_addresses(struct ktest *t)
{
	unsigned long reports = bad_page_reports;
	unsigned long addr = __get_free_pages(GFP_KERNEL, 0);

	KT_ASSERT_NE(t, addr, 0);
	free_pages(addr + 8, 0);		/* not page aligned */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 1);
	free_pages(addr, 0);
	free_pages(0, 0);			/* NULL is a no-op, as in Linux */
	KT_EXPECT_EQ(t, bad_page_reports, reports + 1);
}

static void alloc_pages_exact_returns_the_tail(struct ktest *t)
{
	struct free_snapshot before;
	unsigned long free0;
	void *p;

	snapshot(&before);
	free0 = normal_zone()->free_pages;
	p = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	drain_local_pages();
	KT_EXPECT_EQ(t, normal_zone()->free_pages, free0 - 5);
	memset(p, 0xab, 5 * PAGE_SIZE);
	free_pages_exact(p, 5 * PAGE_SIZE);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static void impossible_order_fails(struct ktest *t)
{
	KT_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	KT_EXPECT_NULL(t, alloc_pages_exact(0, GFP_KERNEL));
}

/*
 * Linux 6.1's __setup_per_zone_wmarks: each zone's share of
 * min_free_kbytes by its managed pages over all lowmem; highmem's min
 * alone is capped (managed / 1024, between SWAP_CLUSTER_MAX and 128),
 * the distance between the marks comes from the uncapped share or
 * watermark_scale_factor (10 per 10000 of the zone), the larger. Linux
 * 6.1 at 128M shows its empty HighMem zone with min, low, high 32.
 */
static void watermarks_follow_linux_formulas(struct ktest *t)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem = 0;
	struct zone *zone;

	/* from the managed pages of now (freeing the initrd added some) */
	setup_per_zone_wmarks();

	for_each_zone(zone)
		if (zone_idx(zone) != ZONE_HIGHMEM)
			lowmem += zone->managed_pages;
	for_each_zone(zone) {
		unsigned long managed = zone->managed_pages;
		unsigned long share = (unsigned long long)pages_min * managed / lowmem;
		unsigned long min = share, delta;

		if (zone_idx(zone) == ZONE_HIGHMEM)	/* even an empty one */
			min = clamp(managed / 1024, 32UL, 128UL);
		delta = max(share / 4, managed / 1000);
		KT_EXPECT_EQ(t, min_wmark_pages(zone), min);
		KT_EXPECT_EQ(t, low_wmark_pages(zone), min + delta);
		KT_EXPECT_EQ(t, high_wmark_pages(zone), min + 2 * delta);
	}
}

/*
 * Linux 6.1's setup_per_zone_lowmem_reserve: what a zone keeps back from
 * a request that could have used a higher zone is the managed pages of
 * the zones between, over the zone's ratio (DMA 256, Normal 32); a zone
 * without pages keeps nothing back, and zoneinfo shows zeros for it.
 */
static void lowmem_reserve_follows_linux_formula(struct ktest *t)
{
	static const unsigned long ratio[MAX_NR_ZONES] = { 256, 32, 0 };
	static char buf[4096];
	struct zone *zones = NODE_DATA(0)->node_zones;
	struct seq_file m;
	int i, j;

	setup_per_zone_lowmem_reserve();
	for (i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long above = 0;

		for (j = 0; j <= i; j++)
			KT_EXPECT_EQ(t, zones[i].lowmem_reserve[j], 0);
		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			above += zones[j].managed_pages;
			KT_EXPECT_EQ(t, zones[i].lowmem_reserve[j],
				     zones[i].managed_pages ? above / ratio[i] : 0);
		}
	}
	seq_init(&m, buf, sizeof(buf));
	zoneinfo_show(&m);
	for (i = 0; i < MAX_NR_ZONES; i++) {
		const char *z = strstr(buf, zone_names[i]);

		KT_ASSERT_NOT_NULL(t, z);
		z = strstr(z, "protection: (");
		KT_ASSERT_NOT_NULL(t, z);
		if (!populated_zone(&zones[i]))
			KT_EXPECT_EQ(t, strncmp(z, "protection: (0, 0, 0)", 21), 0);
	}
}

/* A failure is counted against the zone the request preferred, never an empty one. */
static void alloc_fail_charges_a_populated_zone(struct ktest *t)
{
	static const gfp_t gfps[] = { GFP_KERNEL | GFP_DMA, GFP_HIGHUSER, GFP_KERNEL };
	struct pglist_data *pgdat = NODE_DATA(0);
	struct free_snapshot before;
	unsigned int i;
	int z;

	snapshot(&before);
	for (i = 0; i < ARRAY_SIZE(gfps); i++) {
		struct zone *preferred = pgdat->node_zonelists[gfp_zone(gfps[i])].zones[0];
		unsigned long fails = preferred->alloc_fail;
		LIST_HEAD(pages);

		exhaust(gfps[i], &pages);
		KT_EXPECT_EQ(t, preferred->alloc_fail, fails + 1);
		release(&pages);
	}
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (!populated_zone(&pgdat->node_zones[z]))
			KT_EXPECT_EQ(t, pgdat->node_zones[z].alloc_fail, 0);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
}

static const struct ktest_case buddy_cases[] = {
	KTEST_CASE(every_order_allocates_aligned_blocks),
	KTEST_CASE(split_leaves_one_buddy_per_order),
	KTEST_CASE(buddies_merge_back),
	KTEST_CASE(zeroed_pages_are_zero),
	KTEST_CASE(exhaustion_stops_at_each_level_and_recovers),
	KTEST_CASE(failing_allocation_drains_pcp_lists),
	KTEST_CASE(pcp_free_keeps_the_pageblock_type),
	KTEST_CASE(highuser_prefers_highmem_then_falls_back),
	KTEST_CASE(migratetype_fallback_steals_largest_block),
	KTEST_CASE(refcount_frees_at_zero),
	KTEST_CASE(bad_frees_are_reported_and_harmless),
	KTEST_CASE(free_pages_rejects_bad_addresses),
	KTEST_CASE(alloc_pages_exact_returns_the_tail),
	KTEST_CASE(impossible_order_fails),
	KTEST_CASE(watermarks_follow_linux_formulas),
	KTEST_CASE(lowmem_reserve_follows_linux_formula),
	KTEST_CASE(alloc_fail_charges_a_populated_zone),
	{}
};

#ifdef HOST_TEST
int buddy_suite_init(struct ktest *t);
#endif

static const struct ktest_suite buddy_suite = {
	.name = "buddy",
#ifdef HOST_TEST
	.init = buddy_suite_init,
#endif
	.cases = buddy_cases,
};
ktest_register_suite(buddy_suite);

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
#include <linux/string.h>

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

static void exhaustion_stops_at_min_and_recovers(struct ktest *t)
{
	struct free_snapshot before;
	struct zone *zone = normal_zone();
	unsigned long n, free0;
	LIST_HEAD(pages);

	snapshot(&before);
	free0 = zone->free_pages;
	n = exhaust(GFP_KERNEL, &pages);
	KT_EXPECT_GT(t, n, 0);
	drain_local_pages();
	/*
	 * A GFP_KERNEL request stops at the min watermark, not at zero
	 * (give or take the batch left on the per-CPU list: those pages do
	 * not count as free, as in Linux, until drained).
	 */
	KT_EXPECT_LE(t, zone->free_pages,
		     min_wmark_pages(zone) + zone->pcp[0].batch);
	KT_EXPECT_GT(t, zone->free_pages, min_wmark_pages(zone) / 2);
	/* GFP_ATOMIC may dig deeper (half, then a quarter more) */
	{
		LIST_HEAD(atomic_pages);
		unsigned long more = exhaust(GFP_ATOMIC, &atomic_pages);

		KT_EXPECT_GT(t, more, 0);
		release(&atomic_pages);
	}
	KT_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	release(&pages);
	KT_EXPECT_TRUE(t, same_snapshot(&before));
	KT_EXPECT_EQ(t, zone->free_pages, free0);
}

static void highuser_prefers_highmem_then_falls_back(struct ktest *t)
{
	struct free_snapshot before;
	struct page *page;
	unsigned long n;
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
	/* highmem gone: the last ones came from lowmem (Normal, then DMA) */
	page = list_first_entry(&pages, struct page, lru);
	KT_EXPECT_NE(t, page_zonenum(page), ZONE_HIGHMEM);
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
	page->_mapcount = 0;			/* still mapped */
	__free_pages(page, 2);
	KT_EXPECT_EQ(t, bad_page_reports, reports + 3);
	page->_mapcount = -1;
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

static const struct ktest_case buddy_cases[] = {
	KTEST_CASE(every_order_allocates_aligned_blocks),
	KTEST_CASE(split_leaves_one_buddy_per_order),
	KTEST_CASE(buddies_merge_back),
	KTEST_CASE(zeroed_pages_are_zero),
	KTEST_CASE(exhaustion_stops_at_min_and_recovers),
	KTEST_CASE(highuser_prefers_highmem_then_falls_back),
	KTEST_CASE(migratetype_fallback_steals_largest_block),
	KTEST_CASE(refcount_frees_at_zero),
	KTEST_CASE(bad_frees_are_reported_and_harmless),
	KTEST_CASE(free_pages_rejects_bad_addresses),
	KTEST_CASE(alloc_pages_exact_returns_the_tail),
	KTEST_CASE(impossible_order_fails),
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

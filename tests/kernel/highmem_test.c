// SPDX-License-Identifier: GPL-2.0
/*
 * Highmem: above the lowmem limit RAM is ZONE_HIGHMEM, outside the direct
 * map; GFP_HIGHUSER takes it first; kmap_local gives every such page a
 * temporary address, in nested per-CPU slots. Skipped when RAM fits in
 * lowmem (below -m 1G with the default vmalloc=).
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <asm/fixmap.h>

static struct zone *highmem(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
}

static int need_highmem(struct ktest *t)
{
	if (!populated_zone(highmem()))
		ktest_skip(t, "no highmem at this RAM size");
	return 0;
}

static void zone_starts_at_lowmem_limit(struct ktest *t)
{
	struct zone *z = highmem();

	if (!populated_zone(z))
		return;
	KT_EXPECT_EQ(t, z->zone_start_pfn, max_low_pfn);
	KT_EXPECT_EQ(t, z->zone_start_pfn + z->spanned_pages, max_pfn);
	KT_EXPECT_EQ(t, z->present_pages, z->spanned_pages);
	KT_EXPECT_EQ(t, totalhigh_pages, z->managed_pages);
	KT_EXPECT_TRUE(t, PageHighMem(pfn_to_page(max_low_pfn)));
	KT_EXPECT_FALSE(t, PageHighMem(pfn_to_page(max_low_pfn - 1)));
}

static void highuser_pages_come_from_highmem(struct ktest *t)
{
	struct page *pages[32];
	int i, high = 0;

	if (!populated_zone(highmem()))
		return;
	for (i = 0; i < 32; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER_MOVABLE);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		high += PageHighMem(pages[i]);
		KT_EXPECT_NULL(t, page_address(pages[i]));	/* not mapped */
	}
	KT_EXPECT_EQ(t, high, 32);
	for (i = 0; i < 32; i++)
		__free_page(pages[i]);
}

static void kmap_local_nests_to_the_slot_limit(struct ktest *t)
{
	struct page *pages[KM_MAX_IDX];
	u32 *addrs[KM_MAX_IDX];
	int i, depth = kmap_local_depth(), bad = 0;

	if (!populated_zone(highmem()))
		return;
	for (i = 0; i < KM_MAX_IDX; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	for (i = 0; i < KM_MAX_IDX - depth; i++) {
		addrs[i] = kmap_local_page(pages[i]);
		*addrs[i] = i;
	}
	KT_EXPECT_EQ(t, kmap_local_depth(), KM_MAX_IDX);
	for (i = 0; i < KM_MAX_IDX - depth; i++)
		bad += *addrs[i] != (u32)i;
	for (i = KM_MAX_IDX - depth - 1; i >= 0; i--)
		kunmap_local(addrs[i]);
	KT_EXPECT_EQ(t, kmap_local_depth(), depth);
	KT_EXPECT_EQ(t, bad, 0);
	for (i = 0; i < KM_MAX_IDX; i++)
		__free_page(pages[i]);
}

static void lowmem_pages_need_no_slot(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int depth = kmap_local_depth();
	void *p;

	KT_ASSERT_NOT_NULL(t, page);
	p = kmap_local_page(page);
	KT_EXPECT_PTR_EQ(t, p, lowmem_page_address(page));
	KT_EXPECT_EQ(t, kmap_local_depth(), depth);
	kunmap_local(p);
	__free_page(page);
}

static const struct ktest_case highmem_cases[] = {
	KTEST_CASE(zone_starts_at_lowmem_limit),
	KTEST_CASE(highuser_pages_come_from_highmem),
	KTEST_CASE(kmap_local_nests_to_the_slot_limit),
	KTEST_CASE(lowmem_pages_need_no_slot),
	{}
};

static const struct ktest_suite highmem_suite = {
	.name = "highmem",
	.init = need_highmem,
	.cases = highmem_cases,
};
ktest_register_suite(highmem_suite);

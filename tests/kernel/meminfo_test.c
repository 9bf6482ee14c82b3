// SPDX-License-Identifier: GPL-2.0
/*
 * The memory views: meminfo's totals add up and move with allocations;
 * buddyinfo and zoneinfo agree with the zones they print.
 */
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>

void drain_local_pages(void);

static char buf[16384];

static const char *show(void (*fn)(struct seq_file *m))
{
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	fn(&m);
	return buf;
}

/* The number after "Name:" in a meminfo text, in kB; ~0 if absent. */
static unsigned long field(const char *text, const char *name)
{
	const char *p = strstr(text, name);
	unsigned long v = 0;

	if (!p)
		return ~0UL;
	for (p += strlen(name); *p == ' '; p++)
		;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	return v;
}

static void totals_add_up(struct ktest *t)
{
	const char *m = show(meminfo_show);
	unsigned long total = field(m, "MemTotal:"), free = field(m, "MemFree:");

	KT_EXPECT_EQ(t, total, totalram_pages * (PAGE_SIZE / 1024));
	KT_EXPECT_LE(t, free, total);
	KT_EXPECT_LE(t, field(m, "MemAvailable:"), free);
	KT_EXPECT_EQ(t, field(m, "LowTotal:") + field(m, "HighTotal:"), total);
	KT_EXPECT_EQ(t, field(m, "LowFree:") + field(m, "HighFree:"), free);
	KT_EXPECT_EQ(t, field(m, "Slab:"),
		     field(m, "SReclaimable:") + field(m, "SUnreclaim:"));
	KT_EXPECT_EQ(t, field(m, "HighTotal:"), totalhigh_pages * (PAGE_SIZE / 1024));
	/* what is not managed is what memblock reserved: image, mem_map, DTB */
	KT_EXPECT_LE(t, total, memblock_phys_mem_size() / 1024);
}

static void memfree_follows_allocations(struct ktest *t)
{
	struct page *page;
	unsigned long before, after;

	drain_local_pages();
	before = field(show(meminfo_show), "MemFree:");
	page = alloc_pages(GFP_KERNEL, 8);	/* 1 MiB */
	KT_ASSERT_NOT_NULL(t, page);
	after = field(show(meminfo_show), "MemFree:");
	KT_EXPECT_EQ(t, before - after, 1024);
	__free_pages(page, 8);
	drain_local_pages();
	KT_EXPECT_EQ(t, field(show(meminfo_show), "MemFree:"), before);
}

static void slab_follows_kmalloc(struct ktest *t)
{
	void *objs[256];
	unsigned long before, after;
	int i;

	before = field(show(meminfo_show), "SUnreclaim:");
	for (i = 0; i < 256; i++)
		objs[i] = kmalloc(4096, GFP_KERNEL);	/* 1 MiB of kmalloc-4k */
	after = field(show(meminfo_show), "SUnreclaim:");
	/* less the free room of a partial slab already there (8 objects, 32 kB at most) */
	KT_EXPECT_GE(t, after - before, 1024 - 32);
	for (i = 0; i < 256; i++)
		kfree(objs[i]);
	kasan_quarantine_drain();	/* KASAN=1 holds freed objects back */
	KT_EXPECT_LT(t, field(show(meminfo_show), "SUnreclaim:"), after);
}

static void buddyinfo_matches_zones(struct ktest *t)
{
	const char *b = show(buddyinfo_show);
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	char expect[64];

	drain_local_pages();
	b = show(buddyinfo_show);
	snprintf(expect, sizeof(expect), "Node 0, zone   Normal %6lu ",
		 zone->free_area[0].nr_free);
	KT_EXPECT_NOT_NULL(t, strstr(b, expect));
}

static void zoneinfo_shows_watermarks(struct ktest *t)
{
	const char *z = show(zoneinfo_show);
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	char expect[48];

	KT_EXPECT_NOT_NULL(t, strstr(z, "Node 0, zone   Normal\n"));
	snprintf(expect, sizeof(expect), "        min      %lu\n", min_wmark_pages(zone));
	KT_EXPECT_NOT_NULL(t, strstr(z, expect));
	snprintf(expect, sizeof(expect), "        managed  %lu\n", zone->managed_pages);
	KT_EXPECT_NOT_NULL(t, strstr(z, expect));
	KT_EXPECT_LT(t, min_wmark_pages(zone), low_wmark_pages(zone));
	KT_EXPECT_LT(t, low_wmark_pages(zone), high_wmark_pages(zone));
}

static const struct ktest_case meminfo_cases[] = {
	KTEST_CASE(totals_add_up),
	KTEST_CASE(memfree_follows_allocations),
	KTEST_CASE(slab_follows_kmalloc),
	KTEST_CASE(buddyinfo_matches_zones),
	KTEST_CASE(zoneinfo_shows_watermarks),
	{}
};

static const struct ktest_suite meminfo_suite = {
	.name = "meminfo",
	.cases = meminfo_cases,
};
ktest_register_suite(meminfo_suite);

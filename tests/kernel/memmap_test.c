// SPDX-License-Identifier: GPL-2.0
/*
 * The memmap picture: one section per populated zone, at most about 64
 * rows, and a counts line that accounts for every page of the zones and
 * moves with allocations.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>

/* The classes of the counts line, in its order. */
enum { C_FREE, C_K, C_R, C_S, C_P, C_U, C_A, NR_C };

static char buf[16384];
static bool overflow;

static const char *show(void)
{
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	memmap_show(&m);
	overflow = m.overflow;
	return buf;
}

static const char *number(const char *p, unsigned long *v)
{
	for (*v = 0; *p >= '0' && *p <= '9'; p++)
		*v = *v * 10 + (*p - '0');
	return p;
}

/*
 * Parses "pages: free N K N R N S N P N U N A N" into @c; returns the
 * sum of all classes, 0 if the line is missing or malformed.
 */
static unsigned long counts(const char *text, unsigned long c[NR_C])
{
	static const char letters[] = "KRSPUA";
	const char *p = strstr(text, "\npages: free ");
	unsigned long sum;
	int i;

	if (!p)
		return 0;
	p = number(p + strlen("\npages: free "), &c[C_FREE]);
	sum = c[C_FREE];
	for (i = 0; i < NR_C - 1; i++) {
		if (p[0] != ' ' || p[1] != letters[i] || p[2] != ' ')
			return 0;
		p = number(p + 3, &c[i + 1]);
		sum += c[i + 1];
	}
	return *p == '\n' ? sum : 0;
}

static unsigned long zone_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		if (populated_zone(zone))
			n += zone->spanned_pages;
	return n;
}

/* Order-0 pages on per-CPU lists: free, but not in zone->free_pages. */
static unsigned long pcp_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;
	int cpu;

	for_each_zone(zone)
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			n += zone->pcp[cpu].count;
	return n;
}

static int count_lines(const char *text, const char *prefix)
{
	const char *p = text;
	int n = 0;

	while ((p = strstr(p, prefix)))
		n++, p++;
	return n;
}

static void one_section_per_zone(struct ktest *t)
{
	const char *text = show();
	struct zone *zone;
	int zones = 0;
	char header[64];

	KT_EXPECT_FALSE(t, overflow);
	for_each_zone(zone) {
		snprintf(header, sizeof(header), "%-7s pfns %#lx-", zone->name,
			 zone->zone_start_pfn);
		if (populated_zone(zone)) {
			zones++;
			KT_EXPECT_NOT_NULL(t, strstr(text, header));
		} else {
			KT_EXPECT_NULL(t, strstr(text, header));
		}
	}
	KT_EXPECT_EQ(t, count_lines(text, " pages per character\n"), zones);
	/* rows start "\n0x"; a zone's last row may be short */
	KT_EXPECT_LE(t, count_lines(text, "\n0x"), 64 + zones);
	KT_EXPECT_GE(t, count_lines(text, "\n0x"), zones);
	KT_EXPECT_NOT_NULL(t, strstr(text, "\nlegend: 0-a "));
}

static void counts_cover_every_page(struct ktest *t)
{
	unsigned long c[NR_C];

	KT_EXPECT_EQ(t, counts(show(), c), zone_pages());
	/* free: the buddy lists (zone->free_pages) plus the per-CPU lists */
	KT_EXPECT_EQ(t, c[C_FREE], global_zone_free_pages() + pcp_pages());
	KT_EXPECT_GT(t, c[C_K], 0);
	KT_EXPECT_GT(t, c[C_S], 0);
}

static void counts_follow_alloc_pages(struct ktest *t)
{
	unsigned long before[NR_C], during[NR_C], after[NR_C];
	struct page *page;

	KT_ASSERT_EQ(t, counts(show(), before), zone_pages());
	page = alloc_pages(GFP_KERNEL, 4);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, counts(show(), during), zone_pages());
	__free_pages(page, 4);
	KT_EXPECT_EQ(t, counts(show(), after), zone_pages());
	KT_EXPECT_EQ(t, during[C_A] - before[C_A], 16);
	KT_EXPECT_EQ(t, before[C_FREE] - during[C_FREE], 16);
	KT_EXPECT_EQ(t, after[C_A], before[C_A]);
	KT_EXPECT_EQ(t, after[C_FREE], before[C_FREE]);
}

static void counts_add_up_with_a_new_cache(struct ktest *t)
{
	unsigned long before[NR_C], during[NR_C];
	struct kmem_cache *s;
	void *obj;

	KT_ASSERT_EQ(t, counts(show(), before), zone_pages());
	s = kmem_cache_create("memmap_test", 200, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_NOT_NULL(t, obj);
	KT_EXPECT_EQ(t, counts(show(), during), zone_pages());
	KT_EXPECT_GE(t, during[C_S], before[C_S]);
	if (obj)
		kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
}

static const struct ktest_case memmap_cases[] = {
	KTEST_CASE(one_section_per_zone),
	KTEST_CASE(counts_cover_every_page),
	KTEST_CASE(counts_follow_alloc_pages),
	KTEST_CASE(counts_add_up_with_a_new_cache),
	{}
};

static const struct ktest_suite memmap_suite = {
	.name = "memmap",
	.cases = memmap_cases,
};
ktest_register_suite(memmap_suite);

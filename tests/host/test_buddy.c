// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator on the host, under ASan and UBSan: the kernel's
 * buddy suite on a fresh arena for every case, and long random runs of
 * allocations and frees checked against a reference model (which frames
 * each live block owns), with the free lists' invariants verified along
 * the way and, at the end, every block merged back.
 */
#include <stdlib.h>
#include "../kernel/buddy_test.c"
#include "mm_arena.h"

int buddy_suite_init(struct ktest *t)
{
	(void)t;
	arena_init();
	return 0;
}

#define MAX_LIVE	2048
#define STEPS		30000

struct live_block {
	struct page *page;
	unsigned int order;
	u32 tag;
};

static struct live_block live[MAX_LIVE];
static int nr_live;
static u8 *owned;	/* per frame of the arena: 1 while allocated */
static unsigned long first_pfn, nr_frames;
static u32 rng = 2463534242u;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static unsigned int random_order(void)
{
	u32 r = rnd() % 100;

	if (r < 60)
		return 0;
	if (r < 85)
		return 1 + rnd() % 3;
	return 4 + rnd() % (MAX_ORDER - 4);
}

static gfp_t random_gfp(void)
{
	static const gfp_t masks[] = {
		GFP_KERNEL, GFP_HIGHUSER_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE,
		GFP_ATOMIC, GFP_HIGHUSER,
	};

	return masks[rnd() % ARRAY_SIZE(masks)] | __GFP_NOWARN;
}

static u32 *tag_of(struct page *page)
{
	return (u32 *)lowmem_page_address(page);
}

/* Every free block: flagged, aligned, in its zone, owned by no one, no overlap. */
static int check_free_lists(struct ktest *t)
{
	static u8 *seen;
	struct zone *zone;
	int errors = 0;

	if (!seen)
		seen = calloc(nr_frames, 1);
	memset(seen, 0, nr_frames);
	for_each_zone(zone) {
		unsigned long pages = 0;
		int o, mt;

		for (o = 0; o < MAX_ORDER; o++) {
			unsigned long blocks = 0;

			for (mt = 0; mt < MIGRATE_TYPES; mt++) {
				struct page *page;

				list_for_each_entry(page, &zone->free_area[o].free_list[mt], lru) {
					unsigned long pfn = page_to_pfn(page), i;

					blocks++;
					pages += 1UL << o;
					if (!PageBuddy(page) || page->private != (unsigned long)o ||
					    (pfn & ((1UL << o) - 1)) || !zone_spans_pfn(zone, pfn)) {
						KT_FAIL(t, "bad free block pfn %#lx order %d", pfn, o);
						errors++;
						continue;
					}
					for (i = 0; i < (1UL << o); i++) {
						if (owned[pfn - first_pfn + i] || seen[pfn - first_pfn + i]) {
							KT_FAIL(t, "frame %#lx free twice or owned", pfn + i);
							errors++;
						}
						seen[pfn - first_pfn + i] = 1;
					}
				}
			}
			if (blocks != zone->free_area[o].nr_free) {
				KT_FAIL(t, "%s order %d: nr_free %lu, list holds %lu",
					zone->name, o, zone->free_area[o].nr_free, blocks);
				errors++;
			}
		}
		if (pages != zone->free_pages) {
			KT_FAIL(t, "%s: free_pages %lu, lists hold %lu", zone->name,
				zone->free_pages, pages);
			errors++;
		}
	}
	return errors;
}

static void free_block(struct ktest *t, int i)
{
	struct live_block *b = &live[i];
	unsigned long pfn = page_to_pfn(b->page), n;

	for (n = 0; n < (1UL << b->order); n++) {
		if (*tag_of(b->page + n) != b->tag + n)
			KT_FAIL(t, "frame %#lx lost its contents", pfn + n);
		owned[pfn - first_pfn + n] = 0;
	}
	__free_pages(b->page, b->order);
	live[i] = live[--nr_live];
}

static void alloc_block(struct ktest *t)
{
	unsigned int order = random_order();
	gfp_t gfp = random_gfp();
	struct page *page = alloc_pages(gfp, order);
	unsigned long pfn, n;
	u32 tag = rnd();

	if (!page)
		return;
	pfn = page_to_pfn(page);
	if (pfn & ((1UL << order) - 1))
		KT_FAIL(t, "order %u block at unaligned pfn %#lx", order, pfn);
	if (page_zonenum(page) == ZONE_HIGHMEM && !(gfp & __GFP_HIGHMEM))
		KT_FAIL(t, "highmem page for gfp %#x", gfp);
	for (n = 0; n < (1UL << order); n++) {
		if (owned[pfn - first_pfn + n])
			KT_FAIL(t, "frame %#lx handed out twice", pfn + n);
		owned[pfn - first_pfn + n] = 1;
		*tag_of(page + n) = tag + n;
	}
	live[nr_live++] = (struct live_block){ page, order, tag };
}

static void random_run(struct ktest *t, u32 seed)
{
	struct free_snapshot start;
	int step;

	rng = seed;
	first_pfn = mem_map_base_pfn;
	nr_frames = max_pfn - first_pfn;
	owned = calloc(nr_frames, 1);
	snapshot(&start);
	for (step = 0; step < STEPS; step++) {
		bool grow = nr_live < MAX_LIVE && (nr_live == 0 || rnd() % 100 < 55);

		if (grow)
			alloc_block(t);
		else
			free_block(t, rnd() % nr_live);
		if (step % 2000 == 0 && check_free_lists(t))
			break;
	}
	while (nr_live)
		free_block(t, nr_live - 1);
	drain_local_pages();
	KT_EXPECT_EQ(t, check_free_lists(t), 0);
	KT_EXPECT_TRUE(t, same_snapshot(&start));
	free(owned);
}

static void random_run_seed1(struct ktest *t)
{
	random_run(t, 1);
}

static void random_run_seed2(struct ktest *t)
{
	random_run(t, 0xdeadbeef);
}

static void random_run_seed3(struct ktest *t)
{
	random_run(t, 12345);
}

/* Until memory runs out: failures must be clean, the rest unchanged. */
static void random_run_near_exhaustion(struct ktest *t)
{
	struct free_snapshot start;
	int i;

	first_pfn = mem_map_base_pfn;
	nr_frames = max_pfn - first_pfn;
	owned = calloc(nr_frames, 1);
	rng = 777;
	snapshot(&start);
	for (i = 0; i < 3 * MAX_LIVE; i++) {
		if (nr_live == MAX_LIVE)
			free_block(t, rnd() % nr_live);
		alloc_block(t);
	}
	KT_EXPECT_EQ(t, check_free_lists(t), 0);
	while (nr_live)
		free_block(t, 0);
	KT_EXPECT_TRUE(t, same_snapshot(&start));
	free(owned);
}

static const struct ktest_case buddy_model_cases[] = {
	KTEST_CASE(random_run_seed1),
	KTEST_CASE(random_run_seed2),
	KTEST_CASE(random_run_seed3),
	KTEST_CASE(random_run_near_exhaustion),
	{}
};

static const struct ktest_suite buddy_model_suite = {
	.name = "buddy_model",
	.init = buddy_suite_init,
	.cases = buddy_model_cases,
};
ktest_register_suite(buddy_model_suite);

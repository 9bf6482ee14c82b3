// SPDX-License-Identifier: GPL-2.0
/*
 * The vmalloc address-space allocator on the host, under ASan and UBSan,
 * with its structs from a real SLUB cache over the arena. Small cases
 * pin down each path (splits, merges, alignment, bounds, exhaustion, bad
 * requests), then random runs of allocations and frees are compared with
 * a page map of the space: each result must be the lowest aligned fit
 * the map allows, and every few steps the whole state is checked: busy
 * and free ranges sorted, in bounds, not overlapping, covering the space
 * exactly once between them; free ranges never adjacent; both trees
 * valid red-black trees in the order of their lists; every
 * subtree_max_size right; find_vmap_area agreeing with the map.
 */
#include <stdlib.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/vmap_area.h>
#include "mm_arena.h"

extern int host_warnings;

/* A space whose start is aligned to no more than 4 pages. */
#define SPACE_START	(0x4000c000UL)
#define NPAGES		2048UL
#define SPACE_END	(SPACE_START + NPAGES * PAGE_SIZE)

/*
 * The mm world is built once per program: the vmap_area cache, made by
 * the first vmap_area_init(), lives in it, and a fresh world would free
 * it under the allocator. Each case gets a fresh space instead.
 */
static int vmap_suite_init(struct ktest *t)
{
	static bool world;

	(void)t;
	if (!world) {
		arena_init();
		kmem_cache_init();
		world = true;
	}
	vmap_area_init(SPACE_START, SPACE_END);
	return 0;
}

/* ---- the reference: a page map ---- */

#define MAX_LIVE	((int)NPAGES)

struct live_area {
	struct vmap_area *va;
	unsigned long start, size;
};

static struct live_area live[MAX_LIVE];
static int nr_live;
static short owner[NPAGES];	/* index in live[], or -1 when free */
static unsigned short run[NPAGES + 1];	/* free pages from here on */
static u32 seed;

static u32 rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static unsigned long page_of(unsigned long addr)
{
	return (addr - SPACE_START) / PAGE_SIZE;
}

static void model_reset(u32 s)
{
	unsigned long i;

	seed = s;
	nr_live = 0;
	for (i = 0; i < NPAGES; i++)
		owner[i] = -1;
}

static void model_set(unsigned long start, unsigned long size, int who)
{
	unsigned long p;

	for (p = page_of(start); p < page_of(start + size); p++)
		owner[p] = who;
}

/* The lowest address the map allows, or 0 (the space never starts at 0). */
static unsigned long model_fit(unsigned long size, unsigned long align,
			       unsigned long vstart, unsigned long vend)
{
	unsigned long lo = max(vstart, SPACE_START), hi = min(vend, SPACE_END);
	unsigned long a;
	long p;

	run[NPAGES] = 0;
	for (p = NPAGES - 1; p >= 0; p--)
		run[p] = owner[p] < 0 ? run[p + 1] + 1 : 0;
	align = max(align, PAGE_SIZE);
	for (a = ALIGN(lo, align); a >= lo && a < hi && hi - a >= size; a += align)
		if (run[page_of(a)] >= size / PAGE_SIZE)
			return a;
	return 0;
}

static void model_add(struct vmap_area *va)
{
	live[nr_live] = (struct live_area){ va, va->va_start, vmap_area_size(va) };
	model_set(va->va_start, vmap_area_size(va), nr_live);
	nr_live++;
}

static void model_free(int i)
{
	free_vmap_area(live[i].va);
	model_set(live[i].start, live[i].size, -1);
	live[i] = live[--nr_live];
	if (i < nr_live)
		model_set(live[i].start, live[i].size, i);
}

/* Frees the busy areas of pages [first, first + n) (whole areas). */
static void model_free_pages(unsigned long first, unsigned long n)
{
	unsigned long p;

	for (p = first; p < first + n; p++)
		if (owner[p] >= 0)
			model_free(owner[p]);
}

static void model_free_va(struct vmap_area *va)
{
	model_free(owner[page_of(va->va_start)]);
}

static unsigned long start_of(const struct vmap_area *va)
{
	return va ? va->va_start : 0;
}

/* ---- the checker ---- */

struct va_check {
	struct ktest *t;
	int errors;
};

#define check_fail(c, fmt, ...) do {					\
	if ((c)->errors++ < 4)						\
		KT_FAIL((c)->t, fmt, ##__VA_ARGS__);			\
} while (0)

static struct vmap_area *va_of(const struct rb_node *rb)
{
	return rb_entry_safe(rb, struct vmap_area, rb_node);
}

/* Red-black rules and, for the free tree, subtree_max_size; black height. */
static int check_tree(struct va_check *c, const struct rb_node *rb,
		      const struct rb_node *parent, bool free_tree)
{
	const struct vmap_area *va = va_of(rb);
	unsigned long max;
	int lh, rh;

	if (!rb)
		return 1;
	if (rb_parent(rb) != parent)
		check_fail(c, "%#lx: wrong parent", va->va_start);
	if (parent ? rb_is_red(rb) && rb_is_red(parent) : rb_is_red(rb))
		check_fail(c, "%#lx: red root or red under red", va->va_start);
	lh = check_tree(c, rb->rb_left, rb, free_tree);
	rh = check_tree(c, rb->rb_right, rb, free_tree);
	if (lh != rh)
		check_fail(c, "%#lx: black heights %d/%d", va->va_start, lh, rh);
	if (free_tree) {
		max = vmap_area_size(va);
		if (rb->rb_left)
			max = max(max, va_of(rb->rb_left)->subtree_max_size);
		if (rb->rb_right)
			max = max(max, va_of(rb->rb_right)->subtree_max_size);
		if (va->subtree_max_size != max)
			check_fail(c, "%#lx: subtree_max_size %#lx, should be %#lx",
				   va->va_start, va->subtree_max_size, max);
	}
	return lh + rb_is_black(rb);
}

/* The list and the tree hold the same ranges in the same order. */
static void check_list_is_tree(struct va_check *c, struct list_head *head,
			       struct rb_root *root)
{
	struct rb_node *rb = rb_first(root);
	struct vmap_area *va;

	list_for_each_entry(va, head, list) {
		if (rb != &va->rb_node) {
			check_fail(c, "list and tree differ at %#lx", va->va_start);
			return;
		}
		rb = rb_next(rb);
	}
	if (rb)
		check_fail(c, "tree has more than the list");
	check_tree(c, root->rb_node, NULL, root == &free_vmap_area_root);
}

static bool range_ok(const struct vmap_area *va)
{
	return va->va_start < va->va_end && va->va_start >= SPACE_START &&
	       va->va_end <= SPACE_END && IS_ALIGNED(va->va_start, PAGE_SIZE) &&
	       IS_ALIGNED(va->va_end, PAGE_SIZE);
}

static void check_free(struct va_check *c, unsigned long *covered)
{
	struct vmap_area *va;
	unsigned long prev_end = 0, bytes = 0, largest = 0, p;

	list_for_each_entry(va, &free_vmap_area_list, list) {
		if (!range_ok(va))
			check_fail(c, "free [%#lx, %#lx) bad", va->va_start, va->va_end);
		else if (va->va_start <= prev_end && prev_end)
			check_fail(c, "free %#lx touches or overlaps the one before",
				   va->va_start);
		else
			for (p = page_of(va->va_start); p < page_of(va->va_end); p++) {
				if (owner[p] >= 0)
					check_fail(c, "page %#lx free and busy", p);
				(*covered)++;
			}
		prev_end = va->va_end;
		bytes += vmap_area_size(va);
		largest = max(largest, vmap_area_size(va));
	}
	if (vmap_free_bytes() != bytes)
		check_fail(c, "vmap_free_bytes %#lx, free list sums to %#lx",
			   vmap_free_bytes(), bytes);
	if (vmap_largest_free() != largest)
		check_fail(c, "vmap_largest_free %#lx, should be %#lx",
			   vmap_largest_free(), largest);
}

static void check_busy(struct va_check *c, unsigned long *covered)
{
	struct vmap_area *va;
	unsigned long prev_end = 0;
	int n = 0;

	list_for_each_entry(va, &vmap_area_list, list) {
		int who = range_ok(va) ? owner[page_of(va->va_start)] : -1;

		if (who < 0 || live[who].va != va || live[who].start != va->va_start ||
		    live[who].size != vmap_area_size(va))
			check_fail(c, "busy [%#lx, %#lx) not in the model",
				   va->va_start, va->va_end);
		else if (va->va_start < prev_end)
			check_fail(c, "busy %#lx overlaps the one before", va->va_start);
		else
			*covered += vmap_area_size(va) / PAGE_SIZE;
		prev_end = va->va_end;
		n++;
	}
	if (n != nr_live)
		check_fail(c, "%d busy areas, model has %d", n, nr_live);
}

/* find_vmap_area at @addr agrees with the page map. */
static void check_find(struct va_check *c, unsigned long addr)
{
	struct vmap_area *va = find_vmap_area(addr), *want = NULL;

	if (addr >= SPACE_START && addr < SPACE_END && owner[page_of(addr)] >= 0)
		want = live[owner[page_of(addr)]].va;
	if (va != want)
		check_fail(c, "find_vmap_area(%#lx) = %p, expected %p", addr,
			   (void *)va, (void *)want);
}

static bool check_all(struct ktest *t)
{
	struct va_check c = { .t = t };
	unsigned long covered = 0;
	int i;

	check_list_is_tree(&c, &free_vmap_area_list, &free_vmap_area_root);
	check_list_is_tree(&c, &vmap_area_list, &vmap_area_root);
	check_free(&c, &covered);
	check_busy(&c, &covered);
	if (covered != NPAGES)
		check_fail(&c, "free and busy cover %lu pages of %lu", covered, NPAGES);
	for (i = 0; i < 8; i++)
		check_find(&c, SPACE_START - PAGE_SIZE + rnd() % ((NPAGES + 2) * PAGE_SIZE));
	if (nr_live) {
		struct live_area *l = &live[rnd() % nr_live];

		check_find(&c, l->start);
		check_find(&c, l->start + l->size - 1);
		check_find(&c, l->start + l->size);
		check_find(&c, l->start - 1);
	}
	return c.errors == 0;
}

static int free_areas(void)
{
	return list_count(&free_vmap_area_list);
}

/* Allocates and checks the result against the map; NULL if none (as expected). */
static struct vmap_area *alloc_checked(struct ktest *t, unsigned long size,
				       unsigned long align, unsigned long vstart,
				       unsigned long vend)
{
	unsigned long want = model_fit(size, align, vstart, vend);
	struct vmap_area *va = alloc_vmap_area(size, align, vstart, vend);

	if (!va != !want || (va && (va->va_start != want ||
				    va->va_end != want + size || va->vm))) {
		KT_FAIL(t, "alloc %#lx align %#lx in [%#lx, %#lx): got %#lx, lowest fit %#lx",
			size, align, vstart, vend, va ? va->va_start : 0, want);
		return va;
	}
	if (va && nr_live < MAX_LIVE)
		model_add(va);
	return va;
}

static void free_everything(struct ktest *t)
{
	while (nr_live)
		model_free(rnd() % nr_live);
	KT_EXPECT_TRUE(t, check_all(t));
	KT_EXPECT_EQ(t, free_areas(), 1);
	KT_EXPECT_EQ(t, vmap_free_bytes(), NPAGES * PAGE_SIZE);
	KT_EXPECT_EQ(t, vmap_largest_free(), NPAGES * PAGE_SIZE);
	KT_EXPECT_TRUE(t, list_empty(&vmap_area_list));
}

/* ---- cases ---- */

static void fresh_space_is_one_free_area(struct ktest *t)
{
	struct vmap_area *va;

	model_reset(1);
	KT_EXPECT_TRUE(t, check_all(t));
	KT_EXPECT_EQ(t, free_areas(), 1);
	va = list_first_entry(&free_vmap_area_list, struct vmap_area, list);
	KT_EXPECT_EQ(t, va->va_start, SPACE_START);
	KT_EXPECT_EQ(t, va->va_end, SPACE_END);
	KT_EXPECT_EQ(t, vmap_free_bytes(), NPAGES * PAGE_SIZE);
	KT_EXPECT_TRUE(t, list_empty(&vmap_area_list));
	KT_EXPECT_NULL(t, find_vmap_area(SPACE_START));
}

static void lowest_address_first(struct ktest *t)
{
	struct vmap_area *a[4];
	int i;

	model_reset(2);
	for (i = 0; i < 4; i++) {
		a[i] = alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START, SPACE_END);
		KT_ASSERT_NOT_NULL(t, a[i]);
		KT_EXPECT_EQ(t, a[i]->va_start, SPACE_START + i * PAGE_SIZE);
	}
	model_free(1);		/* live[1] is a[1]: a hole of one page */
	KT_EXPECT_EQ(t, free_areas(), 2);
	/* two pages skip the hole, one page fills it */
	KT_EXPECT_EQ(t, start_of(alloc_checked(t, 2 * PAGE_SIZE, PAGE_SIZE,
					       SPACE_START, SPACE_END)),
		     SPACE_START + 4 * PAGE_SIZE);
	KT_EXPECT_EQ(t, start_of(alloc_checked(t, PAGE_SIZE, PAGE_SIZE,
					       SPACE_START, SPACE_END)),
		     SPACE_START + PAGE_SIZE);
	KT_EXPECT_EQ(t, free_areas(), 1);
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

static void split_leaves_both_sides(struct ktest *t)
{
	unsigned long mid = SPACE_START + 100 * PAGE_SIZE;
	struct vmap_area *va;

	model_reset(3);
	va = alloc_checked(t, 10 * PAGE_SIZE, PAGE_SIZE, mid, SPACE_END);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, va->va_start, mid);
	KT_EXPECT_EQ(t, free_areas(), 2);
	KT_EXPECT_EQ(t, vmap_largest_free(), (NPAGES - 110) * PAGE_SIZE);
	KT_EXPECT_TRUE(t, check_all(t));
	/* the left piece: exactly 100 pages, then nothing below mid */
	va = alloc_checked(t, 100 * PAGE_SIZE, PAGE_SIZE, SPACE_START, mid);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, free_areas(), 1);
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START, mid));
	/* the right piece, whole: no free area left */
	va = alloc_checked(t, (NPAGES - 110) * PAGE_SIZE, PAGE_SIZE, SPACE_START,
			   SPACE_END);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, free_areas(), 0);
	KT_EXPECT_EQ(t, vmap_largest_free(), 0);
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

/* Freeing merges with the left, the right, both, or neither neighbour. */
static void frees_merge_with_neighbours(struct ktest *t)
{
	static const struct {
		int which, areas_after;
	} steps[] = {
		{ 0, 2 },	/* neither: space start, v1 busy */
		{ 1, 2 },	/* left only */
		{ 6, 2 },	/* right only: the tail */
		{ 3, 3 },	/* neither */
		{ 2, 2 },	/* both */
		{ 5, 2 },	/* right only */
		{ 4, 1 },	/* both */
	};
	struct vmap_area *v[7];
	unsigned int i;

	model_reset(4);
	for (i = 0; i < 7; i++) {
		v[i] = alloc_checked(t, (i + 1) * PAGE_SIZE, PAGE_SIZE, SPACE_START,
				     SPACE_END);
		KT_ASSERT_NOT_NULL(t, v[i]);
	}
	KT_EXPECT_EQ(t, free_areas(), 1);	/* the tail */
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		model_free_va(v[steps[i].which]);
		KT_EXPECT_EQ(t, free_areas(), steps[i].areas_after);
		KT_EXPECT_TRUE(t, check_all(t));
	}
	free_everything(t);
}

static void alignment_is_honoured(struct ktest *t)
{
	unsigned long align;
	struct vmap_area *va;

	model_reset(5);
	KT_ASSERT_NOT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START,
					    SPACE_END));
	for (align = PAGE_SIZE; align <= 256 * PAGE_SIZE; align <<= 1) {
		va = alloc_checked(t, 3 * PAGE_SIZE, align, SPACE_START, SPACE_END);
		KT_ASSERT_NOT_NULL(t, va);
		KT_EXPECT_TRUE(t, IS_ALIGNED(va->va_start, align));
	}
	/* below PAGE_SIZE means a page */
	va = alloc_checked(t, PAGE_SIZE, 16, SPACE_START, SPACE_END);
	KT_ASSERT_NOT_NULL(t, va);
	/* more alignment than the space can offer */
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, 1UL << 40, SPACE_START,
					SPACE_END));
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

/*
 * Free ranges big enough but misaligned must be passed over for a higher
 * one that fits, without hiding a lower one that does.
 */
static void misaligned_big_ranges_are_skipped(struct ktest *t)
{
	unsigned long align = 16 * PAGE_SIZE;
	unsigned long first = (ALIGN(SPACE_START, align) - SPACE_START) / PAGE_SIZE;
	unsigned long p, h;

	model_reset(6);
	for (p = 0; p < NPAGES; p++)
		KT_ASSERT_NOT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE,
						    SPACE_START, SPACE_END));
	/* ten 17-page holes, each a page past a 16-page boundary ... */
	for (h = 0; h < 10; h++)
		model_free_pages(first + h * 64 + 1, 17);
	/* ... and higher up one of 40 pages */
	model_free_pages(first + 1024, 40);
	KT_EXPECT_EQ(t, free_areas(), 11);
	KT_EXPECT_TRUE(t, check_all(t));
	/* 16 aligned pages: only the big hole */
	KT_EXPECT_EQ(t, start_of(alloc_checked(t, 16 * PAGE_SIZE, align,
					       SPACE_START, SPACE_END)),
		     SPACE_START + (first + 1024) * PAGE_SIZE);
	/* 2 aligned pages: the end of the first small hole */
	KT_EXPECT_EQ(t, start_of(alloc_checked(t, 2 * PAGE_SIZE, align,
					       SPACE_START, SPACE_END)),
		     SPACE_START + (first + 16) * PAGE_SIZE);
	/* 17 pages, no alignment: the first hole is 15 pages now */
	KT_EXPECT_EQ(t, start_of(alloc_checked(t, 17 * PAGE_SIZE, PAGE_SIZE,
					       SPACE_START, SPACE_END)),
		     SPACE_START + (first + 65) * PAGE_SIZE);
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

static void bounds_are_respected(struct ktest *t)
{
	unsigned long lo = SPACE_START + 10 * PAGE_SIZE, hi = lo + 8 * PAGE_SIZE;
	struct vmap_area *va;

	model_reset(7);
	va = alloc_checked(t, 8 * PAGE_SIZE, PAGE_SIZE, lo, hi);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, va->va_start, lo);
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, lo, hi));
	KT_EXPECT_NULL(t, alloc_checked(t, 9 * PAGE_SIZE, PAGE_SIZE, lo, lo + 9 * PAGE_SIZE));
	/* an unaligned window: the first whole page inside it */
	va = alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START + 123,
			   SPACE_START + 3 * PAGE_SIZE - 5);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, va->va_start, SPACE_START + PAGE_SIZE);
	/* windows outside the space, empty or inverted */
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, 0, SPACE_START));
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_END, ~0UL));
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, lo, lo));
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, hi, lo));
	KT_EXPECT_NULL(t, alloc_checked(t, (NPAGES + 1) * PAGE_SIZE, PAGE_SIZE, 0, ~0UL));
	/* a window straddling the end of the space */
	va = alloc_checked(t, 2 * PAGE_SIZE, PAGE_SIZE, SPACE_END - 2 * PAGE_SIZE,
			   SPACE_END + 100 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, va->va_end, SPACE_END);
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

static void fills_up_and_empties(struct ktest *t)
{
	unsigned long i;

	model_reset(8);
	for (i = 0; i < NPAGES; i++)
		if (!alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START, SPACE_END))
			break;
	KT_EXPECT_EQ(t, i, NPAGES);
	KT_EXPECT_NULL(t, alloc_checked(t, PAGE_SIZE, PAGE_SIZE, SPACE_START, SPACE_END));
	KT_EXPECT_EQ(t, vmap_free_bytes(), 0);
	KT_EXPECT_EQ(t, free_areas(), 0);
	KT_EXPECT_TRUE(t, check_all(t));
	/* every other page back: NPAGES / 2 separate one-page areas */
	for (i = 0; i < NPAGES; i += 2)
		model_free_pages(i, 1);
	KT_EXPECT_EQ(t, free_areas(), NPAGES / 2);
	KT_EXPECT_EQ(t, vmap_largest_free(), PAGE_SIZE);
	KT_EXPECT_NULL(t, alloc_checked(t, 2 * PAGE_SIZE, PAGE_SIZE, SPACE_START,
					SPACE_END));
	KT_EXPECT_TRUE(t, check_all(t));
	free_everything(t);
}

static void find_at_the_edges(struct ktest *t)
{
	struct vmap_area *a, *b;

	model_reset(9);
	a = alloc_checked(t, 2 * PAGE_SIZE, PAGE_SIZE, SPACE_START, SPACE_END);
	b = alloc_checked(t, 3 * PAGE_SIZE, PAGE_SIZE, SPACE_START, SPACE_END);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_PTR_EQ(t, find_vmap_area(a->va_start), a);
	KT_EXPECT_PTR_EQ(t, find_vmap_area(a->va_end - 1), a);
	KT_EXPECT_PTR_EQ(t, find_vmap_area(a->va_end), b);
	KT_EXPECT_PTR_EQ(t, find_vmap_area(b->va_end - 1), b);
	KT_EXPECT_NULL(t, find_vmap_area(b->va_end));
	KT_EXPECT_NULL(t, find_vmap_area(a->va_start - 1));
	KT_EXPECT_NULL(t, find_vmap_area(0));
	KT_EXPECT_NULL(t, find_vmap_area(~0UL));
	free_everything(t);
}

static void bad_requests_warn_and_fail(struct ktest *t)
{
	struct vmap_area stray = { .va_start = SPACE_START, .va_end = SPACE_START + PAGE_SIZE };
	int warnings = host_warnings;

	model_reset(10);
	KT_EXPECT_NULL(t, alloc_vmap_area(0, PAGE_SIZE, SPACE_START, SPACE_END));
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE + 1, PAGE_SIZE, SPACE_START, SPACE_END));
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE, 3 * PAGE_SIZE, SPACE_START, SPACE_END));
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE, 0, SPACE_START, SPACE_END));
	free_vmap_area(&stray);		/* never allocated */
	free_vmap_area(NULL);		/* allowed, like kfree(NULL) */
	KT_EXPECT_EQ(t, host_warnings - warnings, 5);
	KT_EXPECT_TRUE(t, check_all(t));
	KT_EXPECT_EQ(t, free_areas(), 1);
}

/* At the very top of the address space, aligning must not wrap to 0. */
static void no_wrap_at_the_top(struct ktest *t)
{
	unsigned long top = -PAGE_SIZE, base = top - 16 * PAGE_SIZE;
	struct vmap_area *va;

	vmap_area_init(base, top);
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE, ~(~0UL >> 1),
					  base, top));
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE, 32 * PAGE_SIZE, base, top));
	va = alloc_vmap_area(16 * PAGE_SIZE, PAGE_SIZE, base, top);
	KT_ASSERT_NOT_NULL(t, va);
	KT_EXPECT_EQ(t, va->va_end, top);
	KT_EXPECT_PTR_EQ(t, find_vmap_area(top - 1), va);
	KT_EXPECT_NULL(t, find_vmap_area(~0UL));
	KT_EXPECT_NULL(t, alloc_vmap_area(PAGE_SIZE, PAGE_SIZE, base, ~0UL));
	free_vmap_area(va);
	KT_EXPECT_EQ(t, vmap_free_bytes(), 16 * PAGE_SIZE);
	KT_EXPECT_EQ(t, free_areas(), 1);
}

/*
 * Re-initialising with areas still busy hands every struct back: many
 * rounds cost the buddy allocator no more than slab's caching.
 */
static void reinit_returns_every_struct(struct ktest *t)
{
	struct zone *z = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct kmem_cache *cache = NULL;
	unsigned long free0;
	int round, i;

	drain_local_pages();
	free0 = z->free_pages;
	seed = 11;
	for (round = 0; round < 300; round++) {
		vmap_area_init(SPACE_START, SPACE_END);
		for (i = 0; i < 100; i++) {
			struct vmap_area *va = alloc_vmap_area((1 + rnd() % 4) * PAGE_SIZE,
							       PAGE_SIZE, SPACE_START +
							       rnd() % NPAGES * PAGE_SIZE,
							       SPACE_END);

			if (va)
				cache = virt_to_page(va)->slab_cache;
		}
	}
	vmap_area_init(SPACE_START, SPACE_END);
	drain_local_pages();
	KT_ASSERT_NOT_NULL(t, cache);
	KT_EXPECT_STREQ(t, cache->name, "vmap_area");
	KT_EXPECT_EQ(t, validate_slab_cache(cache), 0);
	/* 300 * 100 leaked structs would be hundreds of pages */
	KT_EXPECT_LE(t, (long)(free0 - z->free_pages), 16);
}

static void random_run(struct ktest *t, u32 s, int steps, int check_every)
{
	int step, nulls = 0, allocs = 0;

	model_reset(s);
	for (step = 1; step <= steps; step++) {
		if (nr_live < MAX_LIVE && (!nr_live || rnd() % 100 < 55)) {
			u32 r = rnd() % 100;
			unsigned long pages, align = PAGE_SIZE, vstart = 0, vend = ~0UL;

			pages = r < 70 ? 1 + rnd() % 4 : r < 90 ? 5 + rnd() % 28 :
				r < 98 ? 33 + rnd() % 96 : 129 + rnd() % 472;
			if (rnd() % 100 < 30)
				align <<= 1 + rnd() % 8;
			if (rnd() % 100 < 20) {
				vstart = SPACE_START - 8 * PAGE_SIZE +
					 rnd() % (NPAGES + 16) * PAGE_SIZE;
				vend = vstart + (1 + rnd() % NPAGES) * PAGE_SIZE;
				if (rnd() % 4 == 0) {
					vstart += rnd() % PAGE_SIZE;
					vend -= rnd() % PAGE_SIZE;
				}
			} else if (rnd() % 2) {
				vstart = SPACE_START;
				vend = SPACE_END;
			}
			nulls += !alloc_checked(t, pages * PAGE_SIZE, align, vstart, vend);
			allocs++;
		} else {
			model_free(rnd() % nr_live);
		}
		if (t->failures || (step % check_every == 0 && !check_all(t)))
			return;
	}
	/* the space must have filled up now and then, or the test is too easy */
	KT_EXPECT_GT(t, nulls, allocs / 100);
	KT_EXPECT_LT(t, nulls, allocs / 2);
	free_everything(t);
}

static void random_every_step(struct ktest *t)
{
	random_run(t, 12345, 5000, 1);
}

static void random_long_seed1(struct ktest *t)
{
	random_run(t, 99991, 40000, 16);
}

static void random_long_seed2(struct ktest *t)
{
	random_run(t, 31337, 40000, 16);
}

static const struct ktest_case vmap_area_cases[] = {
	KTEST_CASE(fresh_space_is_one_free_area),
	KTEST_CASE(lowest_address_first),
	KTEST_CASE(split_leaves_both_sides),
	KTEST_CASE(frees_merge_with_neighbours),
	KTEST_CASE(alignment_is_honoured),
	KTEST_CASE(misaligned_big_ranges_are_skipped),
	KTEST_CASE(bounds_are_respected),
	KTEST_CASE(fills_up_and_empties),
	KTEST_CASE(find_at_the_edges),
	KTEST_CASE(bad_requests_warn_and_fail),
	KTEST_CASE(no_wrap_at_the_top),
	KTEST_CASE(reinit_returns_every_struct),
	KTEST_CASE(random_every_step),
	KTEST_CASE(random_long_seed1),
	KTEST_CASE(random_long_seed2),
	{}
};

static const struct ktest_suite vmap_area_suite = {
	.name = "vmap_area",
	.init = vmap_suite_init,
	.cases = vmap_area_cases,
};
ktest_register_suite(vmap_area_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's shadow as the allocators leave it (KASAN=1 kernels only): what
 * kmalloc, ksize, krealloc, kfree, slab caches, the buddy allocator,
 * large kmalloc and vmalloc make usable or poisoned, the quarantine of
 * freed kmalloc objects, all read from the
 * shadow without touching the memory, so that nothing is reported (the
 * kasan-planted run checks the reports themselves).
 */
#ifdef CONFIG_KASAN
#include <linux/gfp.h>
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

/* May the byte at @p be accessed? Its shadow byte says. */
static bool usable(const void *p)
{
	s8 shadow = (s8)*kasan_mem_to_shadow((unsigned long)p);

	return !shadow || (shadow > 0 && ((unsigned long)p & 7) < (unsigned long)shadow);
}

static u8 shadow_of(const void *p)
{
	return *kasan_mem_to_shadow((unsigned long)p);
}

/* Usable up to the size asked for, not a byte past it nor past the object. */
static void kmalloc_usable_to_its_size(struct ktest *t)
{
	static const size_t sizes[] = { 1, 7, 8, 10, 16, 17, 31, 64, 100, 129, 1000, 4096 };
	unsigned int i, bad = 0, freed = 0;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		unsigned int object_size = kmalloc_cache(sizes[i])->object_size;

		KT_ASSERT_NOT_NULL(t, p);
		bad += !usable(p) || !usable(p + sizes[i] - 1) || usable(p + sizes[i]) ||
		       usable(p + object_size) || usable(p - 1);
		kfree(p);
		freed += !usable(p) && shadow_of(p) == 0xfb;	/* KASAN_SLAB_FREE */
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, freed, ARRAY_SIZE(sizes));
}

static void ksize_makes_the_slack_usable(struct ktest *t)
{
	u8 *p = kmalloc(10, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_FALSE(t, usable(p + 10));
	KT_EXPECT_EQ(t, ksize(p), 16);
	KT_EXPECT_TRUE(t, usable(p + 15));
	KT_EXPECT_FALSE(t, usable(p + 16));
	kfree(p);
}

static void krealloc_moves_the_boundary(struct ktest *t)
{
	u8 *p = kmalloc(20, GFP_KERNEL), *q;

	KT_ASSERT_NOT_NULL(t, p);
	q = krealloc(p, 10, GFP_KERNEL);	/* shrinks in place */
	KT_EXPECT_PTR_EQ(t, q, p);
	KT_EXPECT_TRUE(t, usable(p + 9));
	KT_EXPECT_FALSE(t, usable(p + 10));
	q = krealloc(p, 30, GFP_KERNEL);	/* grows within the 32-byte object */
	KT_EXPECT_PTR_EQ(t, q, p);
	KT_EXPECT_TRUE(t, usable(p + 29));
	KT_EXPECT_FALSE(t, usable(p + 30));
	q = krealloc(p, 100, GFP_KERNEL);	/* moves: the old one is freed */
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_PTR_NE(t, q, p);
	KT_EXPECT_FALSE(t, usable(p));
	KT_EXPECT_TRUE(t, usable(q + 99));
	KT_EXPECT_FALSE(t, usable(q + 100));
	kfree(q);
}

/* A cache's objects: the object size usable; a 12-byte object starts on a granule. */
static void cache_objects_are_granules_apart(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestKasan_12", 12, 0, 0, NULL);
	u8 *a, *b;

	KT_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, (unsigned long)a & 7, 0);
	KT_EXPECT_EQ(t, (unsigned long)b & 7, 0);
	KT_EXPECT_TRUE(t, usable(a + 11));
	KT_EXPECT_FALSE(t, usable(a + 12));
	KT_EXPECT_GE(t, s->size, 12 + 16);	/* the red zone after each */
	kmem_cache_free(s, a);
	KT_EXPECT_FALSE(t, usable(a));
	KT_EXPECT_TRUE(t, usable(b));
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

static void free_pages_are_poisoned(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	u8 *p;

	KT_ASSERT_NOT_NULL(t, page);
	p = page_address(page);
	KT_EXPECT_TRUE(t, usable(p));
	KT_EXPECT_TRUE(t, usable(p + 2 * PAGE_SIZE - 1));
	__free_pages(page, 1);
	KT_EXPECT_FALSE(t, usable(p));
	KT_EXPECT_EQ(t, shadow_of(p + 2 * PAGE_SIZE - 1), 0xff);	/* KASAN_PAGE_FREE */
}

static void large_kmalloc_usable_to_its_size(struct ktest *t)
{
	u8 *p = kmalloc(10000, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_TRUE(t, usable(p + 9999));
	KT_EXPECT_FALSE(t, usable(p + 10000));
	KT_EXPECT_EQ(t, shadow_of(p + 4 * PAGE_SIZE - 1), 0xfe);	/* KASAN_PAGE_REDZONE */
	kfree(p);
	KT_EXPECT_EQ(t, shadow_of(p), 0xff);
}

/* Usable to the size, poisoned to the end of the guard page; all zero once freed. */
static void vmalloc_usable_to_its_size(struct ktest *t)
{
	u8 *p = vmalloc(3 * PAGE_SIZE + 100);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_TRUE(t, usable(p));
	KT_EXPECT_TRUE(t, usable(p + 3 * PAGE_SIZE + 99));
	KT_EXPECT_FALSE(t, usable(p + 3 * PAGE_SIZE + 100));
	KT_EXPECT_EQ(t, shadow_of(p + 5 * PAGE_SIZE - 1), 0xf8);	/* KASAN_VMALLOC_INVALID */
	vfree(p);
	KT_EXPECT_TRUE(t, usable(p + 3 * PAGE_SIZE + 100));
	KT_EXPECT_TRUE(t, usable(p + 5 * PAGE_SIZE - 1));
}

/* A freed kmalloc object waits in quarantine: the next kmalloc gets another. */
static void kfree_holds_the_object_back(struct ktest *t)
{
	u8 *p = kmalloc(64, GFP_KERNEL), *q;

	KT_ASSERT_NOT_NULL(t, p);
	kfree(p);
	q = kmalloc(64, GFP_KERNEL);	/* SLUB alone would hand p out again */
	KT_EXPECT_PTR_NE(t, q, p);
	KT_EXPECT_FALSE(t, usable(p));
	kfree(q);
	kasan_quarantine_drain();
	KT_EXPECT_EQ(t, shadow_of(p), 0xfb);	/* free in SLUB now, still poisoned */
}

static const struct ktest_case kasan_cases[] = {
	KTEST_CASE(kmalloc_usable_to_its_size),
	KTEST_CASE(ksize_makes_the_slack_usable),
	KTEST_CASE(krealloc_moves_the_boundary),
	KTEST_CASE(cache_objects_are_granules_apart),
	KTEST_CASE(free_pages_are_poisoned),
	KTEST_CASE(large_kmalloc_usable_to_its_size),
	KTEST_CASE(vmalloc_usable_to_its_size),
	KTEST_CASE(kfree_holds_the_object_back),
	{}
};

static const struct ktest_suite kasan_suite = {
	.name = "kasan",
	.cases = kasan_cases,
};
ktest_register_suite(kasan_suite);
#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB on the host, under ASan and UBSan, over the buddy allocator on an
 * arena: the kernel's slub suite, and random kmalloc/kfree and cache
 * runs checked against a reference model (every live object keeps its
 * own bytes; nothing overlaps), ending with every page given back.
 */
#include <stdlib.h>
#include "../kernel/slub_test.c"
#include "mm_arena.h"

int slub_suite_init(struct ktest *t)
{
	(void)t;
	arena_init();
	kmem_cache_init();
	return 0;
}

#define MAX_OBJS	3000
#define STEPS		40000

struct live_obj {
	u8 *p;
	size_t size;
	u8 fill;
	struct kmem_cache *cache;	/* NULL: kmalloc */
};

static struct live_obj objs[MAX_OBJS];
static int nr_objs;
static u32 seed;

static u32 rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static size_t random_size(void)
{
	u32 r = rnd() % 100;

	if (r < 50)
		return 1 + rnd() % 128;
	if (r < 85)
		return 1 + rnd() % 2048;
	if (r < 97)
		return 1 + rnd() % 8192;
	return 8193 + rnd() % 60000;
}

static void check_and_free(struct ktest *t, int i)
{
	struct live_obj *o = &objs[i];
	size_t j;

	for (j = 0; j < o->size; j++)
		if (o->p[j] != o->fill) {
			KT_FAIL(t, "object %p (%zu bytes) byte %zu changed", o->p,
				o->size, j);
			break;
		}
	if (o->cache)
		kmem_cache_free(o->cache, o->p);
	else
		kfree(o->p);
	objs[i] = objs[--nr_objs];
}

static void random_kmalloc_run(struct ktest *t, u32 s, struct kmem_cache *cache)
{
	unsigned long free0;
	int step;

	seed = s;
	drain_local_pages();
	free0 = NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages;
	for (step = 0; step < STEPS; step++) {
		if (nr_objs < MAX_OBJS && (!nr_objs || rnd() % 100 < 55)) {
			struct live_obj *o = &objs[nr_objs];

			o->cache = cache && rnd() % 2 ? cache : NULL;
			o->size = o->cache ? cache->object_size : random_size();
			o->p = o->cache ? kmem_cache_alloc(cache, GFP_KERNEL) :
				kmalloc(o->size, GFP_KERNEL | __GFP_NOWARN);
			if (!o->p)
				continue;
			if (!o->cache && ksize(o->p) < o->size)
				KT_FAIL(t, "ksize %zu < %zu", ksize(o->p), o->size);
			o->fill = rnd();
			memset(o->p, o->fill, o->size);
			nr_objs++;
		} else {
			check_and_free(t, rnd() % nr_objs);
		}
	}
	while (nr_objs)
		check_and_free(t, nr_objs - 1);
	KT_EXPECT_EQ(t, slab_errors, 0);
	if (cache) {
		kmem_cache_destroy(cache);
		drain_local_pages();
		/* kmalloc caches keep up to min_partial empty slabs each */
		KT_EXPECT_LE(t, free0 - NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages,
			     13 * 10 * 8);
	}
}

static void random_kmalloc_seed1(struct ktest *t)
{
	random_kmalloc_run(t, 1, NULL);
}

static void random_kmalloc_seed2(struct ktest *t)
{
	random_kmalloc_run(t, 99991, NULL);
}

static void random_mixed_with_cache(struct ktest *t)
{
	random_kmalloc_run(t, 4242, kmem_cache_create("model", 200, 16, 0, NULL));
}

static void random_with_debug_cache(struct ktest *t)
{
	random_kmalloc_run(t, 31337,
			   kmem_cache_create("model_debug", 100, 0, SLAB_DEBUG_FLAGS, NULL));
}

static const struct ktest_case slub_model_cases[] = {
	KTEST_CASE(random_kmalloc_seed1),
	KTEST_CASE(random_kmalloc_seed2),
	KTEST_CASE(random_mixed_with_cache),
	KTEST_CASE(random_with_debug_cache),
	{}
};

static const struct ktest_suite slub_model_suite = {
	.name = "slub_model",
	.init = slub_suite_init,
	.cases = slub_model_cases,
};
ktest_register_suite(slub_model_suite);

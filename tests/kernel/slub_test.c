// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB: kmalloc at every size and alignment, constructors, destroy with
 * live objects, krealloc, kcalloc's overflow check, slabinfo, and the
 * cases of Linux's slub_kunit: each corruption is detected, counted in
 * slab_errors, repaired, and the cache keeps working. The same suite
 * runs on the host (tests/host/test_slub.c).
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

void drain_local_pages(void);

static void every_kmalloc_size_fits_and_aligns(struct ktest *t)
{
	static const size_t sizes[] = {
		1, 7, 8, 9, 16, 17, 31, 32, 33, 64, 65, 95, 96, 97, 128, 129,
		191, 192, 193, 256, 300, 512, 513, 1000, 1024, 2047, 2048, 3000,
		4096, 5000, 8192, 8193, 20000, 100000,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i];
		u8 *p = kmalloc(size, GFP_KERNEL);

		KT_ASSERT_NOT_NULL(t, p);
		KT_EXPECT_GE(t, ksize(p), size);
		KT_EXPECT_EQ(t, (unsigned long)p % ARCH_KMALLOC_MINALIGN, 0);
		/* power-of-two sizes are naturally aligned, as Linux promises */
		if (!(size & (size - 1)) && size <= PAGE_SIZE)
			KT_EXPECT_EQ(t, (unsigned long)p % size, 0);
		memset(p, 0xa5, size);
		kfree(p);
	}
}

static void kzalloc_zeroes(struct ktest *t)
{
	u8 *p = kmalloc(200, GFP_KERNEL);
	int i, nonzero = 0;

	KT_ASSERT_NOT_NULL(t, p);
	memset(p, 0xff, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 200; i++)
		nonzero += p[i] != 0;
	KT_EXPECT_EQ(t, nonzero, 0);
	kfree(p);
}

static void kcalloc_checks_overflow(struct ktest *t)
{
	u32 *p = kcalloc(16, sizeof(u32), GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, p[15], 0);
	kfree(p);
	KT_EXPECT_NULL(t, kcalloc(~(size_t)0 / 2, 4, GFP_KERNEL));
}

static void krealloc_grows_and_shrinks(struct ktest *t)
{
	u8 *p = kmalloc(24, GFP_KERNEL), *q;
	int i, bad = 0;

	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 24; i++)
		p[i] = i;
	q = krealloc(p, 20, GFP_KERNEL);	/* shrink: stays in place */
	KT_EXPECT_PTR_EQ(t, q, p);
	q = krealloc(q, 3000, GFP_KERNEL);	/* grow: moves, keeps contents */
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_GE(t, ksize(q), 3000);
	for (i = 0; i < 20; i++)
		bad += q[i] != i;
	KT_EXPECT_EQ(t, bad, 0);
	q = krealloc(q, 50000, GFP_KERNEL);	/* to whole pages */
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_EQ(t, q[19], 19);
	KT_EXPECT_NULL(t, krealloc(q, 0, GFP_KERNEL));	/* frees */
	p = krealloc(NULL, 10, GFP_KERNEL);		/* allocates */
	KT_EXPECT_NOT_NULL(t, p);
	kfree(p);
}

struct thing {
	u32 magic;
	u32 data[13];
};

static int ctor_calls;

static void thing_ctor(void *p)
{
	((struct thing *)p)->magic = 0x7e57;
	ctor_calls++;
}

static void cache_with_ctor_and_alignment(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest_thing", sizeof(struct thing),
						 32, 0, thing_ctor);
	struct thing *objs[100];
	int i, bad = 0;

	KT_ASSERT_NOT_NULL(t, s);
	ctor_calls = 0;
	for (i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, objs[i]);
		bad += objs[i]->magic != 0x7e57;
		bad += ((unsigned long)objs[i] & 31) != 0;
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_GE(t, ctor_calls, 100);	/* once per object when the slab is made */
	for (i = 0; i < 100; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
}

static void destroy_with_live_objects_is_refused(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest_leaky", 100, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *p, *q;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);		/* p is still allocated */
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	kmem_cache_free(s, p);		/* the cache still works */
	kmem_cache_destroy(s);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
}

static void slabinfo_lists_a_new_cache(struct ktest *t)
{
	static char buf[8192];
	struct kmem_cache *s = kmem_cache_create("ktest_visible", 72, 0, 0, NULL);
	struct seq_file m;
	void *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	seq_init(&m, buf, sizeof(buf));
	slabinfo_show(&m);
	KT_EXPECT_NOT_NULL(t, strstr(buf, "slabinfo - version: 2.1"));
	KT_EXPECT_NOT_NULL(t, strstr(buf, "\nktest_visible "));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	seq_init(&m, buf, sizeof(buf));
	slabinfo_show(&m);
	KT_EXPECT_NULL(t, strstr(buf, "\nktest_visible "));
}

/* Allocating and freeing many objects gives the pages back. */
static void empty_slabs_return_to_buddy(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest_pages", 512, 0, 0, NULL);
	unsigned long free0, free1;
	void **objs;
	int i, n = 2000;

	KT_ASSERT_NOT_NULL(t, s);
	objs = kmalloc(n * sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, objs);
	drain_local_pages();
	free0 = NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages;
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	drain_local_pages();
	free1 = NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages;
	KT_EXPECT_GE(t, free0 - free1, (unsigned long)n * 512 / PAGE_SIZE);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	drain_local_pages();
	KT_EXPECT_EQ(t, NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages, free0);
	kfree(objs);
}

static void bad_kfree_is_reported(struct ktest *t)
{
	unsigned long errors = slab_errors;
	u8 *p = kmalloc(100000, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	kfree(p + 8);		/* inside a large allocation */
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	kfree(p);
	kfree((void *)0x1000);		/* not in the direct map */
	KT_EXPECT_EQ(t, slab_errors, errors + 2);
}

/*
 * krealloc(__GFP_ZERO) that stays in the same object: the bytes between
 * the old size and the new one read zero, growing after a shrink too
 * (the caller passes __GFP_ZERO from the first allocation on, as Linux
 * asks).
 */
static void krealloc_zero_in_place_clears_the_rest(struct ktest *t)
{
	u8 *p = kmalloc(32, GFP_KERNEL), *q;
	int i, bad = 0;

	KT_ASSERT_NOT_NULL(t, p);
	memset(p, 0xff, 32);		/* stale bytes for the next user */
	kfree(p);
	p = kzalloc(20, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	q = krealloc(p, 32, GFP_KERNEL | __GFP_ZERO);
	KT_EXPECT_PTR_EQ(t, q, p);
	for (i = 0; i < 32; i++)
		bad += q[i] != 0;
	KT_EXPECT_EQ(t, bad, 0);
	memset(q, 0xee, 32);
	q = krealloc(q, 16, GFP_KERNEL | __GFP_ZERO);
	q = krealloc(q, 32, GFP_KERNEL | __GFP_ZERO);
	KT_EXPECT_PTR_EQ(t, q, p);
	for (bad = 0, i = 0; i < 32; i++)
		bad += q[i] != (i < 16 ? 0xee : 0);
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, validate_slab_cache(kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(32)]), 0);
	kfree(q);
}

/* kmalloc(GFP_DMA) comes from the dma-kmalloc caches, whose slabs are in ZONE_DMA. */
static void gfp_dma_kmalloc_uses_dma_caches(struct ktest *t)
{
	static const size_t sizes[] = { 8, 100, 1000, 8192 };
	static const char *const names[] = {
		"dma-kmalloc-8", "dma-kmalloc-128", "dma-kmalloc-1k", "dma-kmalloc-8k",
	};
	bool dma_zone = populated_zone(&NODE_DATA(0)->node_zones[ZONE_DMA]);
	static char buf[16384];
	struct seq_file m;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		volatile size_t size = sizes[i];	/* __kmalloc's path */
		u8 *p = kmalloc(size, GFP_KERNEL | GFP_DMA);
		struct page *page;

		KT_ASSERT_NOT_NULL(t, p);
		page = compound_head(virt_to_page(p));
		KT_ASSERT_TRUE(t, PageSlab(page));
		KT_EXPECT_STREQ(t, page->slab_cache->name, names[i]);
		if (dma_zone)
			KT_EXPECT_EQ(t, page_zonenum(page), ZONE_DMA);
		memset(p, 0x3c, size);
		kfree(p);
	}
	{
		u8 *p = kmalloc(100, GFP_KERNEL | GFP_DMA);	/* the inline path */
		u8 *q = kmalloc(100, GFP_KERNEL);

		KT_ASSERT_NOT_NULL(t, p);
		KT_ASSERT_NOT_NULL(t, q);
		KT_EXPECT_STREQ(t, compound_head(virt_to_page(p))->slab_cache->name,
				"dma-kmalloc-128");
		KT_EXPECT_STREQ(t, compound_head(virt_to_page(q))->slab_cache->name,
				"kmalloc-128");
		if (dma_zone) {
			KT_EXPECT_EQ(t, page_zonenum(virt_to_page(p)), ZONE_DMA);
			KT_EXPECT_NE(t, page_zonenum(virt_to_page(q)), ZONE_DMA);
		}
		seq_init(&m, buf, sizeof(buf));
		slabinfo_show(&m);
		KT_EXPECT_NOT_NULL(t, strstr(buf, "\ndma-kmalloc-128 "));
		kfree(p);
		kfree(q);
	}
}

/* A SLAB_RECLAIM_ACCOUNT cache's slabs sit in reclaimable pageblocks. */
static void reclaimable_cache_uses_reclaimable_blocks(struct ktest *t)
{
	struct kmem_cache *r = kmem_cache_create("ktest_reclaimable", 200, 0,
						 SLAB_RECLAIM_ACCOUNT, NULL);
	struct kmem_cache *u = kmem_cache_create("ktest_unreclaimable", 200, 0, 0, NULL);
	void *p, *q;

	KT_ASSERT_NOT_NULL(t, r);
	KT_ASSERT_NOT_NULL(t, u);
	p = kmem_cache_alloc(r, GFP_KERNEL);
	q = kmem_cache_alloc(u, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_EQ(t, get_pageblock_migratetype(virt_to_page(p)), MIGRATE_RECLAIMABLE);
	KT_EXPECT_EQ(t, get_pageblock_migratetype(virt_to_page(q)), MIGRATE_UNMOVABLE);
	kmem_cache_free(r, p);
	kmem_cache_free(u, q);
	kmem_cache_destroy(r);
	kmem_cache_destroy(u);
}

/* ---- the slub_kunit cases ---- */

static void clobber_right_redzone(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_alloc", 64, 0,
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	p[64] = 0x12;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, p[64], SLUB_RED_ACTIVE);	/* repaired */
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void corrupt_free_pointer(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_next_ptr_free", 64, 0,
						 SLAB_POISON | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors, saved;
	unsigned long *fp;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	fp = (unsigned long *)(p + s->offset);
	saved = *fp;
	*fp = saved ^ 0x12345;
	/* the chain is cut there, and the count of objects in use corrected */
	KT_EXPECT_EQ(t, validate_slab_cache(s), 2);
	*fp = saved;			/* repair by hand, as the kunit test does */
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);	/* count fixed back */
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	KT_EXPECT_EQ(t, slab_errors, errors + 3);
	kmem_cache_destroy(s);
	KT_EXPECT_EQ(t, slab_errors, errors + 3);
}

/* A free object's stored free pointer is not the next object's address. */
static void free_pointers_are_obfuscated(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_hardened", 64, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	void *a, *b, *again;
	unsigned long raw;

	KT_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);		/* b's free pointer leads to a */
	raw = *(unsigned long *)((char *)b + s->offset);
	KT_EXPECT_NE(t, raw, (unsigned long)a);
	KT_EXPECT_NE(t, raw, 0);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, again, b);	/* and the allocator still follows it */
	KT_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* init_on_free=1 / init_on_alloc=1 (the init-on config): zeroed both ways. */
static void init_on_free_and_alloc(struct ktest *t)
{
	struct kmem_cache *s;
	struct page *page;
	u8 *p, *q, *kaddr;
	unsigned int i, nonzero = 0;

	if (!static_key_enabled(&init_on_free.key) || !static_key_enabled(&init_on_alloc.key)) {
		ktest_skip(t, "needs init_on_alloc=1 init_on_free=1");
		return;
	}
	s = kmem_cache_create("TestSlub_init_on", 64, 0, SLAB_NO_USER_FLAGS, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	memset(p, 0xaa, 64);
	kmem_cache_free(s, p);
	/* freed: zero but for the free pointer in it */
	for (i = 0; i < 64; i++)
		if (p[i] && (i < s->offset || i >= s->offset + sizeof(void *)))
			nonzero++;
	KT_EXPECT_EQ(t, nonzero, 0);
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* the same slot, without __GFP_ZERO */
	KT_EXPECT_PTR_EQ(t, q, p);
	for (i = 0, nonzero = 0; i < 64; i++)
		nonzero += q[i] != 0;
	KT_EXPECT_EQ(t, nonzero, 0);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);

	page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	kaddr = page_address(page);
	memset(kaddr, 0x55, PAGE_SIZE);
	__free_page(page);
	drain_local_pages();
	for (i = 0, nonzero = 0; i < PAGE_SIZE; i++)
		nonzero += kaddr[i] != 0;
	KT_EXPECT_EQ(t, nonzero, 0);
}

static void first_word_written_after_free(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_1th_word_free", 64, 0,
						 SLAB_POISON | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	*(u32 *)p = 0x78;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, p[0], POISON_FREE);
	kmem_cache_destroy(s);
}

static void byte_50_written_after_free(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_50th_word_free", 64, 0,
						 SLAB_POISON | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	p[50] = 0x9a;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	kmem_cache_destroy(s);
}

static void redzone_written_after_free(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_free", 64, 0,
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	p[64] = 0xab;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, p[64], SLUB_RED_INACTIVE);
	kmem_cache_destroy(s);
}

/* kmalloc(18) lands in a 32-byte slot: bytes 18..31 are red zone too. */
static void kmalloc_18_overrun_in_its_slot(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_kmalloc", 32, 0,
						 SLAB_KMALLOC | SLAB_STORE_USER |
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS,
						 NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmalloc_trace(s, GFP_KERNEL, 18);	/* kmalloc(18)'s path */
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	p[18] = 0xab;
	p[19] = 0xab;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, p[18], SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/* The last byte of the right red zone is checked too. */
static void clobber_right_redzone_last_byte(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_end", 64, 0,
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_ASSERT_GE(t, s->inuse, 65);
	p[s->inuse - 1] = 0x12;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, p[s->inuse - 1], SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/* So is the left one, before the object, both ends of it. */
static void clobber_left_redzone(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_left", 64, 0,
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_ASSERT_GE(t, s->red_left_pad, 1);
	p[-1] = 0x12;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	p[-(int)s->red_left_pad] = 0x34;
	KT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KT_EXPECT_EQ(t, slab_errors, errors + 2);
	KT_EXPECT_EQ(t, p[-1], SLUB_RED_ACTIVE);
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * A free that finds the red zone overwritten is reported and refused:
 * the object stays allocated (as Linux's free_debug_processing), its red
 * zone repaired, so a later free of it goes through.
 */
static void free_with_corrupt_redzone_is_refused(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_RZ_kfree", 64, 0,
						 SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
						 SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	struct page *page;
	unsigned int inuse;
	u8 *p, *q;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	page = compound_head(virt_to_page(p));
	inuse = page->inuse;
	p[64] = 0x12;
	kfree(p);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	KT_EXPECT_EQ(t, page->inuse, inuse);	/* not freed */
	KT_EXPECT_EQ(t, p[64], SLUB_RED_ACTIVE);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_NE(t, q, p);
	kmem_cache_free(s, q);
	p[-1] = 0x34;				/* the left one too */
	kmem_cache_free(s, p);
	KT_EXPECT_EQ(t, slab_errors, errors + 2);
	KT_EXPECT_EQ(t, page->inuse, inuse);
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);			/* intact now: freed */
	KT_EXPECT_EQ(t, page->inuse, inuse - 1);
	kmem_cache_destroy(s);
	KT_EXPECT_EQ(t, slab_errors, errors + 2);
}

/* ksize() hands the caller the whole slot: no kmalloc red zone is left in it. */
static void ksize_makes_the_whole_object_usable(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_ksize", 32, 0,
						 SLAB_KMALLOC | SLAB_STORE_USER |
						 SLAB_RED_ZONE | SLAB_NO_USER_FLAGS,
						 NULL);
	unsigned long errors = slab_errors;
	u8 *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmalloc_trace(s, GFP_KERNEL, 18);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, ksize(p), 32);
	memset(p, 0x11, ksize(p));
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);
	KT_EXPECT_EQ(t, slab_errors, errors);
	kmem_cache_destroy(s);
}

static void double_free_is_refused(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_double_free", 64, 0,
						 SLAB_CONSISTENCY_CHECKS | SLAB_STORE_USER |
						 SLAB_NO_USER_FLAGS, NULL);
	unsigned long errors = slab_errors;
	void *p, *q, *r;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KT_EXPECT_EQ(t, slab_errors, errors + 1);
	/* the freelist is intact: p comes back once, then something else */
	r = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, r, p);
	KT_EXPECT_PTR_NE(t, kmem_cache_alloc(s, GFP_KERNEL), p);
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	(void)q;
	kmem_cache_destroy(s);	/* reports the three still allocated */
	KT_EXPECT_EQ(t, slab_errors, errors + 2);
}

static const struct ktest_case slub_cases[] = {
	KTEST_CASE(every_kmalloc_size_fits_and_aligns),
	KTEST_CASE(kzalloc_zeroes),
	KTEST_CASE(kcalloc_checks_overflow),
	KTEST_CASE(krealloc_grows_and_shrinks),
	KTEST_CASE(krealloc_zero_in_place_clears_the_rest),
	KTEST_CASE(cache_with_ctor_and_alignment),
	KTEST_CASE(destroy_with_live_objects_is_refused),
	KTEST_CASE(slabinfo_lists_a_new_cache),
	KTEST_CASE(empty_slabs_return_to_buddy),
	KTEST_CASE(bad_kfree_is_reported),
	KTEST_CASE(gfp_dma_kmalloc_uses_dma_caches),
	KTEST_CASE(reclaimable_cache_uses_reclaimable_blocks),
	KTEST_CASE(clobber_right_redzone),
	KTEST_CASE(corrupt_free_pointer),
	KTEST_CASE(free_pointers_are_obfuscated),
	KTEST_CASE(init_on_free_and_alloc),
	KTEST_CASE(first_word_written_after_free),
	KTEST_CASE(byte_50_written_after_free),
	KTEST_CASE(redzone_written_after_free),
	KTEST_CASE(kmalloc_18_overrun_in_its_slot),
	KTEST_CASE(clobber_right_redzone_last_byte),
	KTEST_CASE(clobber_left_redzone),
	KTEST_CASE(free_with_corrupt_redzone_is_refused),
	KTEST_CASE(ksize_makes_the_whole_object_usable),
	KTEST_CASE(double_free_is_refused),
	{}
};

#ifdef HOST_TEST
int slub_suite_init(struct ktest *t);
#endif

static const struct ktest_suite slub_suite = {
	.name = "slub",
#ifdef HOST_TEST
	.init = slub_suite_init,
#endif
	.cases = slub_cases,
};
ktest_register_suite(slub_suite);

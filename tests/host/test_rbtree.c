// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees on the host, under ASan and UBSan: the kernel's rbtree
 * suite (kmalloc is malloc here), then longer runs against the sorted
 * reference with every rule checked after every operation, much larger
 * trees checked periodically, and every insertion order of small key
 * sets followed by the removal of each key, so that each shape a small
 * tree can take meets each fix-up case.
 */
#include <stdlib.h>
#include "../kernel/rbtree_test.c"

/* lib/rbtree.c is all this program links of the kernel: slab is malloc. */
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_CACHES];

void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size)
{
	(void)s;
	(void)gfp;
	return malloc(size);
}

void *__kmalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return malloc(size);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return calloc(1, size);
}

void kfree(const void *p)
{
	free((void *)p);
}

static void every_step_medium(struct ktest *t)
{
	random_run(t, 1, 600, 2000, 12000, 1, false);
}

static void every_step_medium_sparse_keys(struct ktest *t)
{
	random_run(t, 2, 600, 1u << 30, 12000, 1, false);
}

static void augmented_every_step_medium(struct ktest *t)
{
	random_run(t, 3, 600, 2000, 12000, 1, true);
}

static void large_trees(struct ktest *t)
{
	random_run(t, 4, 8000, 1u << 24, 20000, 2000, false);
}

static void augmented_large_trees(struct ktest *t)
{
	random_run(t, 5, 8000, 1u << 24, 20000, 2000, true);
}

/* The next permutation in lexical order; false after the last. */
static bool next_permutation(u32 *a, int n)
{
	int i = n - 2, j = n - 1;
	u32 tmp;

	while (i >= 0 && a[i] >= a[i + 1])
		i--;
	if (i < 0)
		return false;
	while (a[j] <= a[i])
		j--;
	tmp = a[i];
	a[i] = a[j];
	a[j] = tmp;
	for (i++, j = n - 1; i < j; i++, j--) {
		tmp = a[i];
		a[i] = a[j];
		a[j] = tmp;
	}
	return true;
}

/* Builds a tree by inserting @order, checking after each step. */
static bool build(struct ktest *t, struct rbt_model *m, const u32 *order,
		  int n, bool augmented)
{
	int i;

	if (!model_init(m, n, augmented))
		return false;
	for (i = 0; i < n; i++) {
		model_insert(m, order[i], order[(i + 3) % n] * 7);
		if (!check_model(t, m))
			return false;
	}
	return true;
}

/*
 * For n up to 7 keys, every insertion order; from each resulting tree,
 * each key removed alone, and all keys removed in the reverse order.
 */
static void exhaustive_small_trees(struct ktest *t, bool augmented)
{
	u32 order[7];
	int n, i, k, trees = 0;

	for (n = 1; n <= 7; n++) {
		for (i = 0; i < n; i++)
			order[i] = i * 10;
		do {
			struct rbt_model m;

			for (k = 0; k < n; k++) {
				if (!build(t, &m, order, n, augmented))
					goto fail;
				model_erase_at(&m, k);
				if (!check_model(t, &m))
					goto fail;
				model_destroy(&m);
			}
			if (!build(t, &m, order, n, augmented))
				goto fail;
			for (k = n - 1; k >= 0; k--) {
				model_erase_at(&m, model_lower_bound(&m, order[k]));
				if (!check_model(t, &m))
					goto fail;
			}
			model_destroy(&m);
			trees++;
			continue;
fail:
			model_destroy(&m);
			return;
		} while (next_permutation(order, n));
	}
	KT_EXPECT_EQ(t, trees, 1 + 2 + 6 + 24 + 120 + 720 + 5040);
}

static void every_small_tree(struct ktest *t)
{
	exhaustive_small_trees(t, false);
}

static void every_small_augmented_tree(struct ktest *t)
{
	exhaustive_small_trees(t, true);
}

static const struct ktest_case rbtree_model_cases[] = {
	KTEST_CASE(every_step_medium),
	KTEST_CASE(every_step_medium_sparse_keys),
	KTEST_CASE(augmented_every_step_medium),
	KTEST_CASE(large_trees),
	KTEST_CASE(augmented_large_trees),
	KTEST_CASE(every_small_tree),
	KTEST_CASE(every_small_augmented_tree),
	{}
};

static const struct ktest_suite rbtree_model_suite = {
	.name = "rbtree_model",
	.cases = rbtree_model_cases,
};
ktest_register_suite(rbtree_model_suite);

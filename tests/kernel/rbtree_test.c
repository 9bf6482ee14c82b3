// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees: every rule checked on trees of a few thousand
 * kmalloc'd nodes after runs of random insertions and removals, against
 * a sorted array of the keys that should be there: the root is black, no
 * red node has a red child, every path has the same number of black
 * nodes, every parent pointer is right, the in-order walk (rb_next from
 * rb_first, rb_prev from rb_last) gives the keys sorted. Augmented trees
 * also keep each node's subtree maximum equal to a recomputation.
 *
 * tests/host/test_rbtree.c runs this suite on the host as well (kmalloc
 * there is malloc), then longer runs checked after every operation.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/string.h>

struct rbt_node {
	struct rb_node rb;
	u32 key;
	u32 val;	/* augmented trees: the per-node value */
	u32 max;	/* augmented trees: the largest val in the subtree */
};

static inline u32 rbt_val(const struct rbt_node *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, rbt_augment, struct rbt_node, rb, u32, max,
			 rbt_val);

static struct rbt_node *rbt(const struct rb_node *rb)
{
	return rb_entry_safe(rb, struct rbt_node, rb);
}

static u32 rbt_seed;

static u32 rbt_rnd(void)
{
	rbt_seed ^= rbt_seed << 13;
	rbt_seed ^= rbt_seed >> 17;
	rbt_seed ^= rbt_seed << 5;
	return rbt_seed;
}

/*
 * The tree under test and the reference: its keys sorted, and each key's
 * val. Keys are unique unless a case says otherwise.
 */
struct rbt_model {
	struct rb_root root;
	bool augmented;
	int n, cap;
	u32 *keys;
	u32 *vals;
};

static bool model_init(struct rbt_model *m, int cap, bool augmented)
{
	m->root = RB_ROOT;
	m->augmented = augmented;
	m->n = 0;
	m->cap = cap;
	m->keys = kmalloc(cap * sizeof(u32), GFP_KERNEL);
	m->vals = kmalloc(cap * sizeof(u32), GFP_KERNEL);
	return m->keys && m->vals;
}

/* The index of the first key >= @key. */
static int model_lower_bound(const struct rbt_model *m, u32 key)
{
	int lo = 0, hi = m->n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (m->keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Equal keys go right, so they come out of a walk in insertion order. */
static void rbt_insert(struct rb_root *root, struct rbt_node *node,
		       bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	node->max = node->val;
	while (*link) {
		struct rbt_node *t = rbt(*link);

		parent = *link;
		if (augmented && t->max < node->val)
			t->max = node->val;
		link = node->key < t->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&node->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&node->rb, root, &rbt_augment);
	else
		rb_insert_color(&node->rb, root);
}

static struct rbt_node *rbt_search(const struct rb_root *root, u32 key)
{
	struct rb_node *n = root->rb_node;

	while (n) {
		struct rbt_node *t = rbt(n);

		if (key < t->key)
			n = n->rb_left;
		else if (key > t->key)
			n = n->rb_right;
		else
			return t;
	}
	return NULL;
}

static void rbt_erase(struct rb_root *root, struct rbt_node *node,
		      bool augmented)
{
	if (augmented)
		rb_erase_augmented(&node->rb, root, &rbt_augment);
	else
		rb_erase(&node->rb, root);
}

static bool model_insert(struct rbt_model *m, u32 key, u32 val)
{
	struct rbt_node *node;
	int i = model_lower_bound(m, key);

	if (m->n == m->cap || (i < m->n && m->keys[i] == key))
		return false;
	node = kmalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return false;
	node->key = key;
	node->val = val;
	rbt_insert(&m->root, node, m->augmented);
	memmove(&m->keys[i + 1], &m->keys[i], (m->n - i) * sizeof(u32));
	memmove(&m->vals[i + 1], &m->vals[i], (m->n - i) * sizeof(u32));
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return true;
}

/* Removes the @i-th smallest key; false if the tree did not have it. */
static bool model_erase_at(struct rbt_model *m, int i)
{
	struct rbt_node *node = rbt_search(&m->root, m->keys[i]);

	if (!node)
		return false;
	rbt_erase(&m->root, node, m->augmented);
	kfree(node);
	m->n--;
	memmove(&m->keys[i], &m->keys[i + 1], (m->n - i) * sizeof(u32));
	memmove(&m->vals[i], &m->vals[i + 1], (m->n - i) * sizeof(u32));
	return true;
}

static void model_destroy(struct rbt_model *m)
{
	struct rbt_node *pos, *n;

	rbtree_postorder_for_each_entry_safe(pos, n, &m->root, rb)
		kfree(pos);
	m->root = RB_ROOT;
	kfree(m->keys);
	kfree(m->vals);
}

/* ---- the checker ---- */

struct rbt_check {
	struct ktest *t;
	bool augmented;
	int errors;
	int depth, max_depth;
};

#define check_fail(c, fmt, ...) do {					\
	if ((c)->errors++ < 4)						\
		KT_FAIL((c)->t, fmt, ##__VA_ARGS__);			\
} while (0)

/* Checks the subtree at @rb, hanging from @parent; returns its black height. */
static int check_subtree(struct rbt_check *c, const struct rb_node *rb,
			 const struct rb_node *parent)
{
	const struct rbt_node *n = rbt(rb);
	int lh, rh;
	u32 max;

	if (!rb)
		return 1;	/* a missing child counts as black */
	if (++c->depth > c->max_depth)
		c->max_depth = c->depth;
	if (rb_parent(rb) != parent)
		check_fail(c, "key %u: parent %p, expected %p", n->key,
			   rb_parent(rb), parent);
	if (rb->__rb_parent_color & 2)
		check_fail(c, "key %u: stray bit in parent/colour", n->key);
	if (parent && rb_is_red(rb) && rb_is_red(parent))
		check_fail(c, "key %u: red under red", n->key);
	lh = check_subtree(c, rb->rb_left, rb);
	rh = check_subtree(c, rb->rb_right, rb);
	if (lh != rh)
		check_fail(c, "key %u: black heights %d left, %d right", n->key,
			   lh, rh);
	if (c->augmented) {
		max = n->val;
		if (rb->rb_left && rbt(rb->rb_left)->max > max)
			max = rbt(rb->rb_left)->max;
		if (rb->rb_right && rbt(rb->rb_right)->max > max)
			max = rbt(rb->rb_right)->max;
		if (n->max != max)
			check_fail(c, "key %u: subtree max %u, recomputed %u",
				   n->key, n->max, max);
	}
	c->depth--;
	return lh + rb_is_black(rb);
}

/* Walks both ways against the reference, then checks every rule. */
static bool check_model(struct ktest *t, const struct rbt_model *m)
{
	struct rbt_check c = { .t = t, .augmented = m->augmented };
	const struct rb_node *rb;
	int i, limit;

	if (RB_EMPTY_ROOT(&m->root) != (m->n == 0))
		check_fail(&c, "empty root %d with %d keys",
			   RB_EMPTY_ROOT(&m->root), m->n);
	if (m->root.rb_node && (!rb_is_black(m->root.rb_node) ||
				rb_parent(m->root.rb_node)))
		check_fail(&c, "root is red or has a parent");
	for (i = 0, rb = rb_first(&m->root); rb && i < m->n; rb = rb_next(rb), i++)
		if (rbt(rb)->key != m->keys[i] || rbt(rb)->val != m->vals[i])
			check_fail(&c, "forward walk: key %u at %d, expected %u",
				   rbt(rb)->key, i, m->keys[i]);
	if (rb || i != m->n)
		check_fail(&c, "forward walk: %d nodes, expected %d", i, m->n);
	for (i = m->n - 1, rb = rb_last(&m->root); rb && i >= 0; rb = rb_prev(rb), i--)
		if (rbt(rb)->key != m->keys[i])
			check_fail(&c, "backward walk: key %u at %d, expected %u",
				   rbt(rb)->key, i, m->keys[i]);
	if (rb || i != -1)
		check_fail(&c, "backward walk stopped at %d", i);
	check_subtree(&c, m->root.rb_node, NULL);
	/* implied by the rules, but cheap: height <= 2 log2(n + 1) */
	for (limit = 0, i = m->n + 1; i > 1; i >>= 1)
		limit += 2;
	if (c.max_depth > limit + 2)
		check_fail(&c, "height %d for %d nodes", c.max_depth, m->n);
	return c.errors == 0;
}

/*
 * @ops random insertions (of keys below @key_space) and removals, the
 * tree kept between about @cap / 2 and @cap nodes, checked every
 * @check_every operations and at the end; then emptied in random order.
 */
static void random_run(struct ktest *t, u32 seed, int cap, u32 key_space,
		       int ops, int check_every, bool augmented)
{
	struct rbt_model m;
	int op;

	rbt_seed = seed;
	if (!model_init(&m, cap, augmented)) {
		KT_FAIL(t, "no memory for the model");
		model_destroy(&m);
		return;
	}
	for (op = 1; op <= ops; op++) {
		bool grow = m.n < cap / 2 || (m.n < cap && rbt_rnd() % 100 < 55);

		if (grow) {
			model_insert(&m, rbt_rnd() % key_space, rbt_rnd() % 100000);
		} else if (!model_erase_at(&m, rbt_rnd() % m.n)) {
			KT_FAIL(t, "search lost a key");
			break;
		}
		if (op % check_every == 0 && !check_model(t, &m))
			break;
	}
	while (m.n && !t->failures) {
		model_erase_at(&m, rbt_rnd() % m.n);
		if (m.n % check_every == 0 && !check_model(t, &m))
			break;
	}
	KT_EXPECT_TRUE(t, check_model(t, &m));
	model_destroy(&m);
}

/* ---- cases ---- */

static void empty_tree_and_cleared_nodes(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rbt_node a = { .key = 1 };

	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_NULL(t, rb_first(&root));
	KT_EXPECT_NULL(t, rb_last(&root));
	KT_EXPECT_NULL(t, rb_first_postorder(&root));
	KT_EXPECT_TRUE(t, __alignof__(struct rb_node) >= 4);

	RB_CLEAR_NODE(&a.rb);
	KT_EXPECT_TRUE(t, RB_EMPTY_NODE(&a.rb));
	KT_EXPECT_NULL(t, rb_next(&a.rb));
	KT_EXPECT_NULL(t, rb_prev(&a.rb));

	rbt_insert(&root, &a, false);
	KT_EXPECT_FALSE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_FALSE(t, RB_EMPTY_NODE(&a.rb));
	KT_EXPECT_TRUE(t, rb_is_black(&a.rb));
	KT_EXPECT_PTR_EQ(t, rb_first(&root), &a.rb);
	KT_EXPECT_PTR_EQ(t, rb_last(&root), &a.rb);
	KT_EXPECT_NULL(t, rb_next(&a.rb));
	KT_EXPECT_NULL(t, rb_prev(&a.rb));
	rb_erase(&a.rb, &root);
	RB_CLEAR_NODE(&a.rb);
	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_TRUE(t, RB_EMPTY_NODE(&a.rb));
}

/* Sorted input is a plain search tree's worst case: it must stay balanced. */
static void sorted_inserts_stay_balanced(struct ktest *t)
{
	struct rbt_model m;
	int i, n = 1023;

	if (!model_init(&m, n, false)) {
		KT_FAIL(t, "no memory");
		model_destroy(&m);
		return;
	}
	for (i = 0; i < n; i++)
		model_insert(&m, i, 0);
	KT_EXPECT_TRUE(t, check_model(t, &m));
	while (m.n > 500)			/* from the front */
		model_erase_at(&m, 0);
	KT_EXPECT_TRUE(t, check_model(t, &m));
	while (m.n)				/* from the back */
		model_erase_at(&m, m.n - 1);
	KT_EXPECT_TRUE(t, check_model(t, &m));
	for (i = n; i > 0; i--)			/* descending */
		model_insert(&m, i, 0);
	KT_EXPECT_TRUE(t, check_model(t, &m));
	model_destroy(&m);
}

/* Small trees checked after every step: every fix-up case, many times. */
static void every_step_checked_small(struct ktest *t)
{
	random_run(t, 12345, 64, 256, 3000, 1, false);
}

static void random_ops_thousands(struct ktest *t)
{
	random_run(t, 777, 2000, 1 << 20, 6000, 500, false);
}

static void augmented_every_step_small(struct ktest *t)
{
	random_run(t, 4711, 64, 256, 3000, 1, true);
}

static void augmented_random_thousands(struct ktest *t)
{
	random_run(t, 2024, 2000, 1 << 20, 6000, 500, true);
}

/* rb_next/rb_prev from any node give its neighbours in key order. */
static void next_prev_from_any_node(struct ktest *t)
{
	struct rbt_model m;
	int i, j;

	rbt_seed = 99;
	if (!model_init(&m, 1500, false)) {
		KT_FAIL(t, "no memory");
		model_destroy(&m);
		return;
	}
	while (m.n < 1500)
		model_insert(&m, rbt_rnd() % 100000, 0);
	for (j = 0; j < 500; j++) {
		struct rbt_node *n;
		struct rb_node *next, *prev;

		i = rbt_rnd() % m.n;
		n = rbt_search(&m.root, m.keys[i]);
		KT_ASSERT_NOT_NULL(t, n);
		next = rb_next(&n->rb);
		prev = rb_prev(&n->rb);
		if (i + 1 < m.n ? !next || rbt(next)->key != m.keys[i + 1] : !!next)
			KT_FAIL(t, "rb_next of %u wrong", m.keys[i]);
		if (i > 0 ? !prev || rbt(prev)->key != m.keys[i - 1] : !!prev)
			KT_FAIL(t, "rb_prev of %u wrong", m.keys[i]);
	}
	model_destroy(&m);
}

/* rb_replace_node: same place, colour and links; the victim is gone. */
static void replace_node_keeps_shape(struct ktest *t)
{
	struct rbt_model m;
	int j;

	rbt_seed = 31;
	if (!model_init(&m, 1000, false)) {
		KT_FAIL(t, "no memory");
		model_destroy(&m);
		return;
	}
	while (m.n < 1000)
		model_insert(&m, rbt_rnd() % 50000, 0);
	for (j = 0; j < 300; j++) {
		u32 key = m.keys[rbt_rnd() % m.n];
		struct rbt_node *old = rbt_search(&m.root, key);
		struct rbt_node *new = kmalloc(sizeof(*new), GFP_KERNEL);
		struct rb_node *rb;
		unsigned long pc;

		KT_ASSERT_NOT_NULL(t, old);
		KT_ASSERT_NOT_NULL(t, new);
		pc = old->rb.__rb_parent_color;
		new->key = key;
		new->val = 0;
		rb_replace_node(&old->rb, &new->rb, &m.root);
		KT_EXPECT_EQ(t, new->rb.__rb_parent_color, pc);
		KT_EXPECT_PTR_EQ(t, rbt_search(&m.root, key), new);
		for (rb = rb_first(&m.root); rb; rb = rb_next(rb))
			if (rb == &old->rb)
				break;
		KT_EXPECT_NULL(t, rb);
		kfree(old);
	}
	KT_EXPECT_TRUE(t, check_model(t, &m));
	model_destroy(&m);
}

/* Post-order gives every node once, after both of its children. */
static void postorder_children_first(struct ktest *t)
{
	struct rbt_model m;
	struct rbt_node *pos, *n;
	u8 *seen;
	int visited = 0, bad = 0;

	rbt_seed = 5;
	seen = kzalloc(4096, GFP_KERNEL);
	if (!seen || !model_init(&m, 2000, false)) {
		KT_FAIL(t, "no memory");
		kfree(seen);
		return;
	}
	while (m.n < 2000)
		model_insert(&m, rbt_rnd() % 4096, 0);
	rbtree_postorder_for_each_entry_safe(pos, n, &m.root, rb) {
		if (seen[pos->key]++)
			bad++;
		if (pos->rb.rb_left && !seen[rbt(pos->rb.rb_left)->key])
			bad++;
		if (pos->rb.rb_right && !seen[rbt(pos->rb.rb_right)->key])
			bad++;
		visited++;
	}
	KT_EXPECT_EQ(t, visited, 2000);
	KT_EXPECT_EQ(t, bad, 0);
	kfree(seen);
	model_destroy(&m);
}

/* Equal keys: a walk gives them in the order they were inserted. */
static void equal_keys_keep_insertion_order(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rbt_node *nodes, *pos, *n;
	struct rb_node *rb;
	u32 last_key = 0, last_val = 0;
	int i, count = 0, bad = 0;

	nodes = kmalloc(600 * sizeof(*nodes), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, nodes);
	rbt_seed = 8;
	for (i = 0; i < 600; i++) {
		nodes[i].key = rbt_rnd() % 8;
		nodes[i].val = i;
		rbt_insert(&root, &nodes[i], false);
	}
	for (rb = rb_first(&root); rb; rb = rb_next(rb), count++) {
		struct rbt_node *x = rbt(rb);

		if (count && (x->key < last_key ||
			      (x->key == last_key && x->val < last_val)))
			bad++;
		last_key = x->key;
		last_val = x->val;
	}
	KT_EXPECT_EQ(t, count, 600);
	KT_EXPECT_EQ(t, bad, 0);
	rbtree_postorder_for_each_entry_safe(pos, n, &root, rb)
		count--;
	KT_EXPECT_EQ(t, count, 0);
	kfree(nodes);
}

/* The leftmost node with val >= @x, by the subtree maxima alone. */
static struct rbt_node *first_val_at_least(const struct rb_root *root, u32 x)
{
	struct rb_node *rb = root->rb_node;

	while (rb) {
		if (rb->rb_left && rbt(rb->rb_left)->max >= x)
			rb = rb->rb_left;
		else if (rbt(rb)->val >= x)
			return rbt(rb);
		else
			rb = rb->rb_right && rbt(rb->rb_right)->max >= x ?
				rb->rb_right : NULL;
	}
	return NULL;
}

/*
 * Values changed in place and propagated; then searches guided by the
 * maxima agree with a scan of the reference.
 */
static void augmented_update_and_search(struct ktest *t)
{
	struct rbt_model m;
	int j, i;

	rbt_seed = 4242;
	if (!model_init(&m, 1500, true)) {
		KT_FAIL(t, "no memory");
		model_destroy(&m);
		return;
	}
	while (m.n < 1500)
		model_insert(&m, rbt_rnd() % 100000, rbt_rnd() % 100000);
	for (j = 0; j < 1000; j++) {
		struct rbt_node *node, *found;
		u32 x = rbt_rnd() % 110000;

		i = rbt_rnd() % m.n;
		node = rbt_search(&m.root, m.keys[i]);
		KT_ASSERT_NOT_NULL(t, node);
		node->val = m.vals[i] = rbt_rnd() % 100000;
		rbt_augment_propagate(&node->rb, NULL);

		for (i = 0; i < m.n && m.vals[i] < x; i++)
			;
		found = first_val_at_least(&m.root, x);
		if (i == m.n ? !!found : !found || found->key != m.keys[i])
			KT_FAIL(t, "first val >= %u: got key %u, expected %u", x,
				found ? found->key : 0, i < m.n ? m.keys[i] : 0);
		if (j % 100 == 0 && !check_model(t, &m))
			break;
	}
	KT_EXPECT_TRUE(t, check_model(t, &m));
	model_destroy(&m);
}

static const struct ktest_case rbtree_cases[] = {
	KTEST_CASE(empty_tree_and_cleared_nodes),
	KTEST_CASE(sorted_inserts_stay_balanced),
	KTEST_CASE(every_step_checked_small),
	KTEST_CASE(random_ops_thousands),
	KTEST_CASE(augmented_every_step_small),
	KTEST_CASE(augmented_random_thousands),
	KTEST_CASE(next_prev_from_any_node),
	KTEST_CASE(replace_node_keeps_shape),
	KTEST_CASE(postorder_children_first),
	KTEST_CASE(equal_keys_keep_insertion_order),
	KTEST_CASE(augmented_update_and_search),
	{}
};

static const struct ktest_suite rbtree_suite = {
	.name = "rbtree",
	.cases = rbtree_cases,
};
ktest_register_suite(rbtree_suite);

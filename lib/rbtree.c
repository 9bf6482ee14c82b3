// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees: the rebalancing after an insertion or a removal.
 *
 * The rules: every node is red or black, the root is black, a red node
 * has no red child, and every path from a node down to a missing child
 * passes the same number of black nodes. Then no path is more than
 * twice as long as another, so the height stays under 2 log2(n + 1).
 *
 * Left and right cases are mirror images of each other. Rather than
 * write each twice, the code names a side by a bool ("dir": false for
 * left, true for right) and reaches children through child(), so each
 * case exists once; rotate(x, dir) moves x down towards @dir and its
 * child on the other side up into its place.
 *
 * Augmented trees pass a rotate callback that fixes the two nodes whose
 * subtrees a rotation changes; plain trees pass one that does nothing,
 * which the compiler drops.
 */
#include <linux/rbtree_augmented.h>

typedef void (*rb_rotate_fn)(struct rb_node *old, struct rb_node *new);

static inline struct rb_node **child(struct rb_node *node, bool dir)
{
	return dir ? &node->rb_right : &node->rb_left;
}

static inline void set_color(struct rb_node *node, int color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | color;
}

/* Rotation keeps the colours; the callers repaint afterwards. */
static __always_inline void rotate(struct rb_node *x, bool dir,
				   struct rb_root *root, rb_rotate_fn augment)
{
	struct rb_node *y = *child(x, !dir), *inner = *child(y, dir);
	struct rb_node *parent = rb_parent(x);

	WRITE_ONCE(*child(x, !dir), inner);
	if (inner)
		rb_set_parent(inner, x);
	WRITE_ONCE(*child(y, dir), x);
	rb_set_parent(x, y);
	rb_set_parent(y, parent);
	__rb_change_child(x, y, parent, root);
	augment(x, y);
}

/*
 * @node is red and may have a red parent. A red uncle lets the colours
 * move up: parent and uncle turn black, the grandparent red, and the
 * problem is two levels higher. A black (or missing) uncle ends it with
 * one rotation at the grandparent, after straightening a zig-zag (node on
 * the inner side) with one at the parent.
 */
static __always_inline void insert_fixup(struct rb_node *node,
					 struct rb_root *root,
					 rb_rotate_fn augment)
{
	struct rb_node *parent, *gparent, *uncle;
	bool dir;

	for (;;) {
		parent = rb_parent(node);
		if (!parent) {
			rb_set_parent_color(node, NULL, RB_BLACK);
			return;
		}
		if (rb_is_black(parent))
			return;
		gparent = rb_parent(parent);	/* a red node is never the root */
		dir = gparent->rb_right == parent;
		uncle = *child(gparent, !dir);
		if (uncle && rb_is_red(uncle)) {
			set_color(uncle, RB_BLACK);
			set_color(parent, RB_BLACK);
			set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == *child(parent, !dir)) {
			rotate(parent, dir, root, augment);
			parent = node;
		}
		rotate(gparent, !dir, root, augment);
		set_color(parent, RB_BLACK);
		set_color(gparent, RB_RED);
		return;
	}
}

/*
 * The subtree on one side of @parent (the side of @node, NULL at first)
 * is one black short. A red sibling is first rotated above @parent, so
 * the sibling is black. If both its children are black, it turns red:
 * both sides are now short, which a red @parent absorbs by turning
 * black, else the shortage moves up to @parent. Otherwise the sibling's
 * far child must be red (a red near child is rotated there first), and
 * one rotation at @parent gives @node's side the black it lacked.
 */
static __always_inline void erase_fixup(struct rb_node *parent,
					struct rb_root *root,
					rb_rotate_fn augment)
{
	struct rb_node *node = NULL, *sibling, *near, *far;
	bool dir;

	for (;;) {
		/* @node may be NULL, but then its sibling is not */
		dir = parent->rb_right == node;
		sibling = *child(parent, !dir);
		if (rb_is_red(sibling)) {
			rotate(parent, dir, root, augment);
			set_color(sibling, RB_BLACK);
			set_color(parent, RB_RED);
			sibling = *child(parent, !dir);
		}
		near = *child(sibling, dir);
		far = *child(sibling, !dir);
		if ((!far || rb_is_black(far)) && (!near || rb_is_black(near))) {
			set_color(sibling, RB_RED);
			if (rb_is_red(parent)) {
				set_color(parent, RB_BLACK);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			if (!parent)
				return;
			continue;
		}
		if (!far || rb_is_black(far)) {
			rotate(sibling, !dir, root, augment);
			set_color(sibling, RB_RED);
			set_color(near, RB_BLACK);
			far = sibling;
			sibling = near;
		}
		rotate(parent, dir, root, augment);
		set_color(sibling, rb_color(parent));
		set_color(parent, RB_BLACK);
		set_color(far, RB_BLACK);
		return;
	}
}

static inline void no_propagate(struct rb_node *node, struct rb_node *stop)
{
	(void)node;
	(void)stop;
}

static inline void no_copy(struct rb_node *old, struct rb_node *new)
{
	(void)old;
	(void)new;
}

static inline void no_rotate(struct rb_node *old, struct rb_node *new)
{
	(void)old;
	(void)new;
}

static const struct rb_augment_callbacks no_augment = {
	.propagate = no_propagate,
	.copy = no_copy,
	.rotate = no_rotate,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, no_rotate);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, &no_augment);

	if (rebalance)
		erase_fixup(rebalance, root, no_rotate);
}

/* The augmented entry points: same code, with the caller's rotate hook. */
void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   rb_rotate_fn augment_rotate)
{
	insert_fixup(node, root, augment_rotate);
}

void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      rb_rotate_fn augment_rotate)
{
	erase_fixup(parent, root, augment_rotate);
}

/* ---- walks ---- */

static struct rb_node *extreme(struct rb_node *node, bool dir)
{
	if (node)
		while (*child(node, dir))
			node = *child(node, dir);
	return node;
}

/*
 * The neighbour of @node towards @dir: the nearest node of its subtree on
 * that side, else the first ancestor reached from the other side.
 */
static struct rb_node *step(const struct rb_node *node, bool dir)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (*child((struct rb_node *)node, dir))
		return extreme(*child((struct rb_node *)node, dir), !dir);
	while ((parent = rb_parent(node)) && node == *child(parent, dir))
		node = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return step(node, true);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return step(node, false);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return extreme(root->rb_node, false);
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return extreme(root->rb_node, true);
}

/* The first node in post-order below @node: go left, else right, to a leaf. */
static struct rb_node *deepest_leftish(struct rb_node *node)
{
	while (node) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			break;
	}
	return node;
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return deepest_leftish(root->rb_node);
}

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	/* after a left subtree comes the right one, then the parent */
	if (parent && node == parent->rb_left && parent->rb_right)
		return deepest_leftish(parent->rb_right);
	return parent;
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	__rb_change_child(victim, new, parent, root);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Augmented red-black trees: each node also keeps a summary of its
 * subtree (say the largest free size below it, as vmalloc's free tree
 * does), so a search can skip whole subtrees. The summary of a node
 * depends only on the node and its two children, so it changes in three
 * situations, one callback each:
 *
 *   propagate(n, stop)	n's own data changed, or a child under n went:
 *			recompute from n upwards, stopping below @stop or
 *			as soon as a node's summary comes out unchanged
 *			(then nothing above it can change either);
 *   copy(old, new)	@new takes @old's place and subtree as it is;
 *   rotate(old, new)	a rotation put @new above @old: @new now covers
 *			what @old covered, @old covers less.
 *
 * Insertion: set the new node's summary, fold it into the summaries on
 * the path down (or propagate from the parent after linking), then call
 * rb_insert_augmented() instead of rb_insert_color(). Removal is
 * rb_erase_augmented(). RB_DECLARE_CALLBACKS_MAX writes the callbacks
 * for the common "max of a per-node value over the subtree" summary.
 *
 * Also the colour and parent helpers for code that edits trees directly.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/compiler.h>
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old,
						  struct rb_node *new));
void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      void (*augment_rotate)(struct rb_node *old,
					     struct rb_node *new));

static inline void rb_insert_augmented(struct rb_node *node,
				       struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

/*
 * RB_DECLARE_CALLBACKS: the three callbacks, as a const struct
 * rb_augment_callbacks named RBNAME, for RBSTRUCT whose rb_node is
 * RBFIELD and whose summary is RBAUGMENTED. RBCOMPUTE(node, exit)
 * recomputes node's summary from its children; with @exit it returns
 * true, without storing, when the summary is unchanged.
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
			     RBAUGMENTED, RBCOMPUTE)				\
static void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)	\
{										\
	for (; rb != stop; rb = rb_parent(rb))					\
		if (RBCOMPUTE(rb_entry(rb, RBSTRUCT, RBFIELD), true))		\
			break;							\
}										\
static void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =			\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;		\
}										\
static void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	RBNAME ## _copy(rb_old, rb_new);					\
	RBCOMPUTE(rb_entry(rb_old, RBSTRUCT, RBFIELD), false);			\
}										\
RBSTATIC const struct rb_augment_callbacks RBNAME = {				\
	.propagate = RBNAME ## _propagate,					\
	.copy = RBNAME ## _copy,						\
	.rotate = RBNAME ## _rotate,						\
}

/*
 * RB_DECLARE_CALLBACKS_MAX: callbacks keeping RBAUGMENTED (of type
 * RBTYPE) = the largest RBCOMPUTE(node) over the node's subtree.
 * RBCOMPUTE(node) is the node's own value.
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)		\
static inline RBTYPE RBNAME ## _child_max(struct rb_node *rb, RBTYPE max)	\
{										\
	if (rb && rb_entry(rb, RBSTRUCT, RBFIELD)->RBAUGMENTED > max)		\
		max = rb_entry(rb, RBSTRUCT, RBFIELD)->RBAUGMENTED;		\
	return max;								\
}										\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)		\
{										\
	RBTYPE max = RBCOMPUTE(node);						\
										\
	max = RBNAME ## _child_max(node->RBFIELD.rb_left, max);		\
	max = RBNAME ## _child_max(node->RBFIELD.rb_right, max);		\
	if (exit && node->RBAUGMENTED == max)					\
		return true;							\
	node->RBAUGMENTED = max;						\
	return false;								\
}										\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED,		\
		     RBNAME ## _compute_max)

/* ---- colours and parents, for code that rebuilds links itself ---- */

#define RB_RED		0
#define RB_BLACK	1

#define __rb_parent(pc)		((struct rb_node *)((pc) & ~3UL))
#define __rb_color(pc)		((pc) & 1)
#define __rb_is_black(pc)	__rb_color(pc)
#define __rb_is_red(pc)		(!__rb_color(pc))
#define rb_color(rb)		__rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb)		__rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb)		__rb_is_black((rb)->__rb_parent_color)

static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

static inline void rb_set_parent_color(struct rb_node *rb, struct rb_node *p,
				       int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

/* Makes @new the child of @parent (or the root) that @old was. */
static inline void __rb_change_child(struct rb_node *old, struct rb_node *new,
				     struct rb_node *parent,
				     struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 * Unlinks @node and fixes the summaries; returns the node below which a
 * black node went missing (the caller rebalances from there), or NULL.
 *
 * With two children, @node's in-order successor S (leftmost of the right
 * subtree, so it has no left child) takes @node's place and colour; what
 * is really removed is S's old position, which has at most one child.
 * A removed position with one child is black with a red leaf child (the
 * rules allow nothing else), so painting that child black settles it; a
 * removed black leaf leaves its parent one black short on that side.
 */
static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *left = node->rb_left, *right = node->rb_right;
	struct rb_node *parent = rb_parent(node), *rebalance = NULL;
	unsigned long pc = node->__rb_parent_color;

	if (!left || !right) {
		struct rb_node *child = left ? left : right;

		__rb_change_child(node, child, parent, root);
		if (child)
			child->__rb_parent_color = pc;
		else if (__rb_is_black(pc))
			rebalance = parent;
		augment->propagate(parent, NULL);
	} else {
		struct rb_node *succ = right, *succ_parent, *succ_child;
		unsigned long succ_pc;

		if (!succ->rb_left) {
			/* S is @node's right child: it keeps its right subtree */
			succ_parent = succ;
			succ_child = succ->rb_right;
			augment->copy(node, succ);
		} else {
			do {
				succ_parent = succ;
				succ = succ->rb_left;
			} while (succ->rb_left);
			succ_child = succ->rb_right;
			WRITE_ONCE(succ_parent->rb_left, succ_child);
			WRITE_ONCE(succ->rb_right, right);
			rb_set_parent(right, succ);
			augment->copy(node, succ);
			augment->propagate(succ_parent, succ);
		}
		succ_pc = succ->__rb_parent_color;
		WRITE_ONCE(succ->rb_left, left);
		rb_set_parent(left, succ);
		__rb_change_child(node, succ, parent, root);
		succ->__rb_parent_color = pc;
		if (succ_child)
			rb_set_parent_color(succ_child, succ_parent, RB_BLACK);
		else if (__rb_is_black(succ_pc))
			rebalance = succ_parent;
		augment->propagate(succ, NULL);
	}
	return rebalance;
}

static __always_inline void
rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		   const struct rb_augment_callbacks *augment)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, augment);

	if (rebalance)
		__rb_erase_color(rebalance, root, augment->rotate);
}

#endif

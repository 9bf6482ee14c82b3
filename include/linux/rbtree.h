/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees with Linux's interface: the node is embedded in the
 * object (rb_entry finds the object), and the caller does the search,
 * because only it knows the key. Insertion is two steps: walk down to
 * the empty link where the node belongs, rb_link_node() it there (red),
 * then rb_insert_color() restores the colour rules with at most two
 * rotations. The tree never allocates, so it works under any lock.
 *
 * A node's parent pointer and colour share one word, __rb_parent_color:
 * nodes are at least 4-byte aligned, so bit 0 is free to hold the colour
 * (1 = black). A node that is in no tree points to itself
 * (RB_CLEAR_NODE), which no node in a tree can do.
 *
 * The file is pure code (no hardware), built for the host tests too.
 * Trees that keep a per-subtree summary use <linux/rbtree_augmented.h>.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

struct rb_node {
	unsigned long __rb_parent_color;	/* parent | colour (bit 0) */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT		((struct rb_root) { NULL })

#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#define rb_entry(ptr, type, member)	container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) __ptr = (ptr);					\
	__ptr ? rb_entry(__ptr, type, member) : NULL;			\
})

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/* Is @node out of every tree? Only after RB_CLEAR_NODE (or never linked). */
#define RB_EMPTY_NODE(node)	\
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	\
	((node)->__rb_parent_color = (unsigned long)(node))

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order walks; NULL past either end (and for a cleared node). */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

/*
 * Post-order: children before their parent, so a whole tree can be
 * freed node by node without rebalancing (the tree is garbage after).
 */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)	\
	for (pos = rb_entry_safe(rb_first_postorder(root),		\
				 __typeof__(*pos), field);		\
	     pos && (n = rb_entry_safe(rb_next_postorder(&pos->field),	\
				       __typeof__(*pos), field), true);	\
	     pos = n)

/*
 * Puts @new where @victim is, with its colour and children, without
 * rebalancing: the caller promises @new sorts exactly where @victim did.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

/* Hangs @node, red and childless, on the empty link @rb_link of @parent. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

#endif

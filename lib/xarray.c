// SPDX-License-Identifier: GPL-2.0
/*
 * A radix tree of 64-slot nodes (see <linux/xarray.h>). The tree is as
 * tall as the largest index stored needs: height h covers indices below
 * 64^h. Growing adds levels on top (the old root becomes slot 0 of the
 * new one); erasing frees nodes that become empty and shrinks the tree
 * while its root holds only slot 0, so an array back to one entry at 0
 * costs no node at all.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xarray.h>

static unsigned long xa_max_index(unsigned int height)
{
	unsigned int bits = height * XA_CHUNK_SHIFT;

	return bits >= sizeof(unsigned long) * 8 ? ~0UL : (1UL << bits) - 1;
}

static struct xa_node *xa_alloc_node(unsigned int shift, gfp_t gfp)
{
	struct xa_node *node = kzalloc(sizeof(*node), gfp);

	if (node)
		node->shift = shift;
	return node;
}

void *xa_load(const struct xarray *xa, unsigned long index)
{
	void *entry = xa->xa_head;
	unsigned int h;

	if (index > xa_max_index(xa->xa_height))
		return NULL;
	for (h = xa->xa_height; h && entry; h--) {
		struct xa_node *node = entry;

		entry = node->slots[(index >> node->shift) & (XA_CHUNK_SIZE - 1)];
	}
	return entry;
}

/* Adds levels until @index fits. */
static int xa_grow(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	while (index > xa_max_index(xa->xa_height)) {
		struct xa_node *node;

		if (!xa->xa_head) {
			xa->xa_height++;
			continue;
		}
		node = xa_alloc_node(xa->xa_height * XA_CHUNK_SHIFT, gfp);
		if (!node)
			return -ENOMEM;
		node->slots[0] = xa->xa_head;
		node->count = 1;
		xa->xa_head = node;
		xa->xa_height++;
	}
	return 0;
}

/* Drops top levels whose root holds only slot 0. */
static void xa_shrink(struct xarray *xa)
{
	while (xa->xa_height) {
		struct xa_node *node = xa->xa_head;

		if (!node) {
			xa->xa_height = 0;
			return;
		}
		if (node->count != 1 || !node->slots[0])
			return;
		xa->xa_head = node->slots[0];
		xa->xa_height--;
		kfree(node);
	}
}

static void *xa_erase_node(struct xa_node *node, unsigned int height,
			   unsigned long index, bool *empty)
{
	unsigned int off = (index >> node->shift) & (XA_CHUNK_SIZE - 1);
	void *old = node->slots[off];
	bool child_empty = false;

	if (!old)
		return NULL;
	if (height > 1) {
		old = xa_erase_node(old, height - 1, index, &child_empty);
		if (child_empty) {
			kfree(node->slots[off]);
			node->slots[off] = NULL;
			node->count--;
		}
	} else {
		node->slots[off] = NULL;
		node->count--;
	}
	*empty = !node->count;
	return old;
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	bool empty = false;
	void *old;

	if (index > xa_max_index(xa->xa_height))
		return NULL;
	if (!xa->xa_height) {
		old = xa->xa_head;
		xa->xa_head = NULL;
		return old;
	}
	old = xa_erase_node(xa->xa_head, xa->xa_height, index, &empty);
	if (empty) {
		kfree(xa->xa_head);
		xa->xa_head = NULL;
		xa->xa_height = 0;
	}
	xa_shrink(xa);
	return old;
}

int xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *parent = NULL;
	void **slot;
	unsigned int h;

	if (!entry) {
		xa_erase(xa, index);
		return 0;
	}
	if (xa_grow(xa, index, gfp))
		return -ENOMEM;
	slot = &xa->xa_head;
	for (h = xa->xa_height; h; h--) {
		struct xa_node *node = *slot;

		if (!node) {
			node = xa_alloc_node((h - 1) * XA_CHUNK_SHIFT, gfp);
			if (!node) {
				xa_shrink(xa);
				return -ENOMEM;
			}
			*slot = node;
			if (parent)
				parent->count++;
		}
		parent = node;
		slot = &node->slots[(index >> node->shift) & (XA_CHUNK_SIZE - 1)];
	}
	if (!*slot && parent)
		parent->count++;
	*slot = entry;
	return 0;
}

static void *xa_find_node(struct xa_node *node, unsigned int height,
			  unsigned long *index, unsigned long max)
{
	unsigned long step = 1UL << node->shift;
	unsigned int off = (*index >> node->shift) & (XA_CHUNK_SIZE - 1);

	for (; off < XA_CHUNK_SIZE; off++) {
		void *entry = node->slots[off];
		/* the start of the next slot's range: the child moves *index on */
		unsigned long next = (*index | (step - 1)) + 1;

		if (*index > max)
			return NULL;
		if (entry) {
			if (height == 1)
				return entry;
			entry = xa_find_node(entry, height - 1, index, max);
			if (entry)
				return entry;
		}
		if (next == 0)
			return NULL;	/* past ~0UL */
		*index = next;
	}
	return NULL;
}

void *xa_find(const struct xarray *xa, unsigned long *index, unsigned long max)
{
	void *entry;

	if (*index > max || *index > xa_max_index(xa->xa_height))
		return NULL;
	if (!xa->xa_height)
		return xa->xa_head;	/* *index is 0 here */
	entry = xa_find_node(xa->xa_head, xa->xa_height, index, max);
	return entry && *index <= max ? entry : NULL;
}

static void xa_free_node(struct xa_node *node, unsigned int height)
{
	unsigned int i;

	if (height > 1)
		for (i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				xa_free_node(node->slots[i], height - 1);
	kfree(node);
}

void xa_destroy(struct xarray *xa)
{
	if (xa->xa_height && xa->xa_head)
		xa_free_node(xa->xa_head, xa->xa_height);
	xa_init(xa);
}

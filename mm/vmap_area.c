// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel virtual address space for vmalloc: ranges handed out lowest
 * address first, taken back and merged, with no linear scan anywhere.
 *
 * Free ranges are kept in a red-black tree by address whose nodes also
 * hold subtree_max_size, the largest free range in their subtree. The
 * lowest fit is an in-order walk that never enters a subtree whose
 * largest range is smaller than the request, nor one wholly outside
 * [vstart, vend): without alignment, the first range big enough and in
 * bounds fits, so the walk is a single descent plus the climb along the
 * bounds. An alignment can make a big-enough range miss; the walk then
 * goes on to the next candidate, so the answer is always the lowest fit
 * (Linux instead asks for size + align - 1 and may skip a lower fit).
 *
 * Allocating from a free range leaves a piece on its left, its right,
 * both, or neither. Both needs a second struct. It is allocated before
 * the lock is taken and parked in "spare" (as are structs that merging
 * frees), so slab is never entered with vmap_area_lock held and the tree
 * is never half changed when memory runs out; structs freed under the
 * lock go back to slab after it is dropped.
 *
 * Freeing finds the free neighbours in the same descent that finds the
 * insertion point and merges with them, so free ranges never touch.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/vmap_area.h>
#include <asm/memory.h>

DEFINE_SPINLOCK(vmap_area_lock);
LIST_HEAD(vmap_area_list);
struct rb_root vmap_area_root;
LIST_HEAD(free_vmap_area_list);
struct rb_root free_vmap_area_root;

static struct kmem_cache *vmap_area_cachep;
static struct vmap_area *spare;		/* for a split, under the lock */
static unsigned long free_bytes;

RB_DECLARE_CALLBACKS_MAX(static, free_va_augment, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, vmap_area_size);

static unsigned long subtree_max(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

static struct vmap_area *va_of(struct rb_node *node)
{
	return rb_entry(node, struct vmap_area, rb_node);
}

/* Structs freed under the lock, handed back to slab after it. */
struct va_batch {
	struct vmap_area *va[2];
	int n;
};

static void batch_add(struct va_batch *b, struct vmap_area *va)
{
	if (!spare)
		spare = va;	/* the next split's node, for free */
	else
		b->va[b->n++] = va;
}

static void batch_free(struct va_batch *b)
{
	while (b->n)
		kmem_cache_free(vmap_area_cachep, b->va[--b->n]);
}

/*
 * Where @va goes in @root: the link to hang it on, its parent, and the
 * in-order neighbours either side (NULL at the ends). Overlap with a
 * node already there is a corrupted caller and cannot be repaired.
 */
struct va_slot {
	struct rb_node **link;
	struct rb_node *parent;
	struct vmap_area *prev, *next;
};

static void find_slot(struct rb_root *root, const struct vmap_area *va,
		      struct va_slot *slot)
{
	slot->link = &root->rb_node;
	slot->parent = NULL;
	slot->prev = slot->next = NULL;
	while (*slot->link) {
		struct vmap_area *t = va_of(*slot->link);

		slot->parent = *slot->link;
		if (va->va_end <= t->va_start) {
			slot->next = t;
			slot->link = &t->rb_node.rb_left;
		} else {
			BUG_ON(va->va_start < t->va_end);
			slot->prev = t;
			slot->link = &t->rb_node.rb_right;
		}
	}
}

static void link_va(struct vmap_area *va, struct va_slot *slot,
		    struct list_head *head)
{
	rb_link_node(&va->rb_node, slot->parent, slot->link);
	list_add(&va->list, slot->prev ? &slot->prev->list : head);
}

static void insert_busy(struct vmap_area *va)
{
	struct va_slot slot;

	find_slot(&vmap_area_root, va, &slot);
	link_va(va, &slot, &vmap_area_list);
	rb_insert_color(&va->rb_node, &vmap_area_root);
}

/* Hangs a free range at @slot, its size folded into the ancestors' maxima. */
static void insert_free_at(struct vmap_area *va, struct va_slot *slot)
{
	va->subtree_max_size = vmap_area_size(va);
	link_va(va, slot, &free_vmap_area_list);
	free_va_augment_propagate(slot->parent, NULL);
	rb_insert_augmented(&va->rb_node, &free_vmap_area_root, &free_va_augment);
}

static void erase_free(struct vmap_area *va)
{
	rb_erase_augmented(&va->rb_node, &free_vmap_area_root, &free_va_augment);
	list_del(&va->list);
}

/* @va's bounds changed in place (its order did not): fix the maxima above. */
static void resized_free(struct vmap_area *va)
{
	free_va_augment_propagate(&va->rb_node, NULL);
}

/*
 * Does @va hold @size bytes aligned to @align inside [vstart, vend)?
 * If so, *addr is the lowest such start. Nothing may wrap at the top of
 * the address space, hence the comparisons rather than sums.
 */
static bool fit_in(const struct vmap_area *va, unsigned long size,
		   unsigned long align, unsigned long vstart,
		   unsigned long vend, unsigned long *addr)
{
	unsigned long lo = max(va->va_start, vstart);
	unsigned long hi = min(va->va_end, vend);
	unsigned long start = ALIGN(lo, align);

	if (start < lo || start >= hi || hi - start < size)
		return false;
	*addr = start;
	return true;
}

/*
 * In-order walk of the free tree, pruned: a left subtree is entered only
 * if it holds a big enough range and may reach past @vstart, a right one
 * only if it holds a big enough range and starts below @vend. After a
 * node and its right side come the ancestors of which it is in the left
 * subtree, each then visited, and so on up.
 */
static struct vmap_area *find_lowest_fit(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend,
					 unsigned long *addr)
{
	struct rb_node *node = free_vmap_area_root.rb_node, *parent;
	struct vmap_area *va;

	if (subtree_max(node) < size)
		return NULL;
	while (node) {
		va = va_of(node);
		if (subtree_max(node->rb_left) >= size && vstart < va->va_start) {
			node = node->rb_left;
			continue;
		}
		for (;;) {
			va = va_of(node);
			if (va->va_start >= vend)
				return NULL;	/* and so is all that follows */
			if (fit_in(va, size, align, vstart, vend, addr))
				return va;
			if (subtree_max(node->rb_right) >= size) {
				node = node->rb_right;
				break;
			}
			while ((parent = rb_parent(node)) && node == parent->rb_right)
				node = parent;
			node = parent;
			if (!node)
				return NULL;
		}
	}
	return NULL;
}

/*
 * Takes [addr, addr + size) out of the free range @fva, keeping what is
 * left either side. Returns false if that needs a struct and there is
 * none spare; @fva goes to @done if nothing of it is left.
 */
static bool carve(struct vmap_area *fva, unsigned long addr, unsigned long size,
		  struct va_batch *done)
{
	bool left = addr > fva->va_start, right = addr + size < fva->va_end;
	struct vmap_area *nva;
	struct va_slot slot;

	if (left && right) {
		if (!spare)
			return false;
		nva = spare;
		spare = NULL;
		nva->va_start = addr + size;
		nva->va_end = fva->va_end;
		fva->va_end = addr;
		resized_free(fva);
		find_slot(&free_vmap_area_root, nva, &slot);
		insert_free_at(nva, &slot);
	} else if (left) {
		fva->va_end = addr;
		resized_free(fva);
	} else if (right) {
		fva->va_start = addr + size;
		resized_free(fva);
	} else {
		erase_free(fva);
		batch_add(done, fva);
	}
	free_bytes -= size;
	return true;
}

static bool valid_request(unsigned long size, unsigned long align)
{
	return size && !(size & ~PAGE_MASK) && align && !(align & (align - 1));
}

struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend)
{
	struct va_batch done = { .n = 0 };
	struct vmap_area *va, *fva, *extra = NULL;
	unsigned long flags, addr;
	bool ok = false;

	if (WARN_ON(!valid_request(size, align) || !vmap_area_cachep))
		return NULL;
	align = max(align, PAGE_SIZE);
	if (vstart >= vend || vend - vstart < size)
		return NULL;
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		return NULL;
	if (!READ_ONCE(spare))
		extra = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);

	spin_lock_irqsave(&vmap_area_lock, flags);
	if (extra && !spare) {
		spare = extra;
		extra = NULL;
	}
	fva = find_lowest_fit(size, align, vstart, vend, &addr);
	if (fva && carve(fva, addr, size, &done)) {
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = NULL;
		insert_busy(va);
		ok = true;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);

	batch_free(&done);
	if (extra)
		kmem_cache_free(vmap_area_cachep, extra);
	if (ok)
		return va;
	kmem_cache_free(vmap_area_cachep, va);
	return NULL;
}

static struct vmap_area *lookup_busy(unsigned long addr)
{
	struct rb_node *node = vmap_area_root.rb_node;

	while (node) {
		struct vmap_area *va = va_of(node);

		if (addr < va->va_start)
			node = node->rb_left;
		else if (addr >= va->va_end)
			node = node->rb_right;
		else
			return va;
	}
	return NULL;
}

/* Gives @va's range to the free tree, as part of a neighbour if it touches one. */
static void merge_free(struct vmap_area *va, struct va_batch *done)
{
	struct va_slot slot;
	struct vmap_area *prev, *next;

	find_slot(&free_vmap_area_root, va, &slot);
	prev = slot.prev && slot.prev->va_end == va->va_start ? slot.prev : NULL;
	next = slot.next && slot.next->va_start == va->va_end ? slot.next : NULL;
	if (prev && next) {
		erase_free(next);
		prev->va_end = next->va_end;
		resized_free(prev);
		batch_add(done, next);
		batch_add(done, va);
	} else if (prev) {
		prev->va_end = va->va_end;
		resized_free(prev);
		batch_add(done, va);
	} else if (next) {
		next->va_start = va->va_start;
		resized_free(next);
		batch_add(done, va);
	} else {
		insert_free_at(va, &slot);
	}
}

void free_vmap_area(struct vmap_area *va)
{
	struct va_batch done = { .n = 0 };
	unsigned long flags;

	if (!va)
		return;
	spin_lock_irqsave(&vmap_area_lock, flags);
	if (WARN_ON(lookup_busy(va->va_start) != va)) {
		/* not busy: a double free or a stray pointer */
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		return;
	}
	rb_erase(&va->rb_node, &vmap_area_root);
	list_del(&va->list);
	free_bytes += vmap_area_size(va);
	merge_free(va, &done);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	batch_free(&done);
}

struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = lookup_busy(addr);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va;
}

unsigned long vmap_free_bytes(void)
{
	return READ_ONCE(free_bytes);
}

unsigned long vmap_largest_free(void)
{
	unsigned long flags, max;

	spin_lock_irqsave(&vmap_area_lock, flags);
	max = subtree_max(free_vmap_area_root.rb_node);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return max;
}

/* Moves every struct on @from to @to, the lists being dropped anyway. */
static void take_all(struct list_head *from, struct list_head *to)
{
	while (!list_empty(from))
		list_move(from->next, to);
}

void vmap_area_init(unsigned long start, unsigned long end)
{
	struct vmap_area *va = NULL, *old, *tmp;
	unsigned long flags;
	LIST_HEAD(stale);

	if (!vmap_area_cachep)
		vmap_area_cachep = kmem_cache_create("vmap_area",
						     sizeof(struct vmap_area), 0,
						     SLAB_PANIC, NULL);
	if (start < end)
		va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);

	spin_lock_irqsave(&vmap_area_lock, flags);
	take_all(&vmap_area_list, &stale);
	take_all(&free_vmap_area_list, &stale);
	if (spare)
		list_add(&spare->list, &stale);
	spare = NULL;
	vmap_area_root = RB_ROOT;
	free_vmap_area_root = RB_ROOT;
	free_bytes = 0;
	if (va) {
		struct va_slot slot;

		va->va_start = start;
		va->va_end = end;
		find_slot(&free_vmap_area_root, va, &slot);
		insert_free_at(va, &slot);
		free_bytes = end - start;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);

	list_for_each_entry_safe(old, tmp, &stale, list)
		kmem_cache_free(vmap_area_cachep, old);
	WARN_ON(start < end && !va);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The allocator of kernel virtual address space behind vmalloc: it hands
 * out page-aligned ranges [va_start, va_end) of the vmalloc area and
 * takes them back; what gets mapped there is mm/vmalloc.c's business.
 *
 * Busy ranges sit in a red-black tree by address (find_vmap_area is a
 * descent) and in vmap_area_list in address order (for vmallocinfo).
 * Free ranges sit in a second tree, augmented with the largest free size
 * in each subtree, so the lowest fitting range is found by a descent that
 * skips subtrees too small to help, and in an address-ordered list.
 * Adjacent free ranges are always merged into one.
 *
 * All of it is guarded by vmap_area_lock (taken with interrupts masked,
 * so any context may allocate or free); walkers of the lists and trees
 * exported below hold it too.
 */
#ifndef _LINUX_VMAP_AREA_H
#define _LINUX_VMAP_AREA_H

#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>

struct vm_struct;

struct vmap_area {
	unsigned long va_start;		/* [va_start, va_end) */
	unsigned long va_end;
	struct rb_node rb_node;		/* in the busy or the free tree */
	struct list_head list;		/* busy or free list, address order */
	struct list_head purge_list;	/* busy, freed lazily: mm/vmalloc.c's purge list */
	union {
		/* free: the largest free range in this node's subtree */
		unsigned long subtree_max_size;
		struct vm_struct *vm;	/* busy: its owner */
	};
};

/*
 * Makes [start, end) one free range, forgetting (and freeing the structs
 * of) everything from before: boot calls it once, tests call it again.
 * The first call creates the vmap_area cache, so slab must be up.
 */
void vmap_area_init(unsigned long start, unsigned long end);

/*
 * The lowest range of @size bytes starting at a multiple of @align inside
 * [vstart, vend), now busy (its ->vm NULL), or NULL when none is free or
 * no struct could be allocated. @size is a non-zero multiple of
 * PAGE_SIZE and @align a power of two (below PAGE_SIZE means PAGE_SIZE);
 * anything else warns and fails.
 */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend);

/* Makes a busy range free again, merged with its free neighbours. */
void free_vmap_area(struct vmap_area *va);

/* The busy range containing @addr, or NULL. */
struct vmap_area *find_vmap_area(unsigned long addr);

unsigned long vmap_free_bytes(void);	/* all free space */
unsigned long vmap_largest_free(void);	/* the largest free range */

extern spinlock_t vmap_area_lock;
extern struct list_head vmap_area_list;		/* busy, address order */
extern struct rb_root vmap_area_root;		/* busy, by address */
/* Free ranges: for self-checks and debugging views, under the lock. */
extern struct list_head free_vmap_area_list;
extern struct rb_root free_vmap_area_root;

static inline unsigned long vmap_area_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

#endif

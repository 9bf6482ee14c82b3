// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (mmap MAP_SHARED|MAP_ANONYMOUS): its pages
 * belong to a shmem object, not to any one address space, so every VMA
 * that maps it, in this process or in a child after fork, faults in the
 * same page for the same offset. The object counts the VMAs that hold it
 * and holds one reference on each of its pages; the last VMA to go frees
 * them. (Linux does this with a shmem file; there is no tmpfs here.)
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/shmem.h>
#include <linux/slab.h>

/*
 * The pages are found through a two-level table, as a tiny page cache:
 * a directory of leaves, each leaf a page of struct page pointers made
 * on first use, so a large mapping that is barely touched costs little.
 */
#define SHMEM_LEAF_PAGES	(PAGE_SIZE / sizeof(struct page *))

struct shmem_object {
	int refcount;
	unsigned long base_pgoff;	/* the vm_pgoff its first page had */
	unsigned long nr_pages;
	struct page ***dir;		/* leaves of SHMEM_LEAF_PAGES entries */
};

static unsigned long shmem_nr_leaves(const struct shmem_object *obj)
{
	return DIV_ROUND_UP(obj->nr_pages, SHMEM_LEAF_PAGES);
}

struct shmem_object *shmem_create(unsigned long nr_pages, unsigned long base_pgoff)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	obj->nr_pages = nr_pages;
	obj->dir = kcalloc(shmem_nr_leaves(obj), sizeof(*obj->dir), GFP_KERNEL);
	if (!obj->dir) {
		kfree(obj);
		return NULL;
	}
	obj->refcount = 1;
	obj->base_pgoff = base_pgoff;
	return obj;
}

void shmem_get(struct shmem_object *obj)
{
	obj->refcount++;
}

void shmem_put(struct shmem_object *obj)
{
	unsigned long i, j;

	if (--obj->refcount)
		return;
	for (i = 0; i < shmem_nr_leaves(obj); i++) {
		struct page **leaf = obj->dir[i];

		if (!leaf)
			continue;
		for (j = 0; j < SHMEM_LEAF_PAGES; j++)
			if (leaf[j])
				put_page(leaf[j]);
		free_page((unsigned long)leaf);
	}
	kfree(obj->dir);
	kfree(obj);
}

/* The object's page for @vma's @addr, made (zeroed) on first use. */
int shmem_page(struct vm_area_struct *vma, unsigned long addr, struct page **pagep)
{
	struct shmem_object *obj = vma->vm_private_data;
	unsigned long idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT) -
			    obj->base_pgoff;
	struct page ***leafp, **slot;

	if (idx >= obj->nr_pages)
		return -EINVAL;
	leafp = &obj->dir[idx / SHMEM_LEAF_PAGES];
	if (!*leafp) {
		*leafp = (struct page **)get_zeroed_page(GFP_KERNEL);
		if (!*leafp)
			return -ENOMEM;
	}
	slot = &(*leafp)[idx % SHMEM_LEAF_PAGES];
	if (!*slot)
		*slot = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO | __GFP_NOWARN);
	*pagep = *slot;
	return *slot ? 0 : -ENOMEM;
}

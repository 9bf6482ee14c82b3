/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A sparse array of pointers indexed by unsigned long (lib/xarray.c):
 * a radix tree of 64-slot nodes, as tall as the largest index needs, so
 * a file's page cache costs a node per 64 pages actually present (and
 * one pointer when it holds only page 0). Entries are non-NULL pointers;
 * storing NULL erases.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/gfp.h>
#include <linux/types.h>

#define XA_CHUNK_SHIFT	6
#define XA_CHUNK_SIZE	(1UL << XA_CHUNK_SHIFT)

struct xa_node {
	unsigned char shift;		/* index bits below this node */
	unsigned char count;		/* non-NULL slots */
	void *slots[XA_CHUNK_SIZE];
};

struct xarray {
	void *xa_head;			/* an entry (index 0 only) or a node */
	unsigned char xa_height;	/* node levels; 0: xa_head is the entry */
};

#define XARRAY_INIT	{ NULL, 0 }

static inline void xa_init(struct xarray *xa)
{
	xa->xa_head = NULL;
	xa->xa_height = 0;
}

static inline bool xa_empty(const struct xarray *xa)
{
	return !xa->xa_head;
}

void *xa_load(const struct xarray *xa, unsigned long index);
/* 0, or -ENOMEM (nothing changed). */
int xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
/* Removes and returns the entry at @index (NULL if none). */
void *xa_erase(struct xarray *xa, unsigned long index);
/* The first entry at or after *@index and at most @max; *@index says where. */
void *xa_find(const struct xarray *xa, unsigned long *index, unsigned long max);
/* Frees the nodes (not the entries). */
void xa_destroy(struct xarray *xa);

#define xa_for_each(xa, index, entry)					\
	for ((index) = 0, (entry) = xa_find((xa), &(index), ~0UL); (entry); \
	     (entry) = (index) == ~0UL ? NULL :				\
		       ((index)++, xa_find((xa), &(index), ~0UL)))

#endif

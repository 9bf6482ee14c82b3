/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical frame, in mem_map, 32 bytes. Its middle
 * is a union, because a frame has one owner at a time: the buddy
 * allocator (free-list link and order), a slab cache (freelist and
 * counts), or a mapping (anonymous or file pages, later).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/page-flags.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/pgtable.h>

struct kmem_cache;

struct page {
	unsigned long flags;
	union {
		/*
		 * A tail page of a multi-page slab or kmalloc block: the
		 * first page's address | 1, over the first word of the others
		 * (always an aligned pointer there, so bit 0 is clear).
		 */
		unsigned long compound_head;
		struct {	/* free in the buddy allocator, or on a pcp list */
			struct list_head lru;
			unsigned long private;	/* order of a free block */
		};
		struct {	/* owned by a slab cache */
			struct list_head slab_list;	/* partial or full list */
			struct kmem_cache *slab_cache;
			void *freelist;		/* first free object */
			union {
				unsigned long counters;
				struct {
					unsigned inuse:16;
					unsigned objects:15;
					unsigned frozen:1;	/* a CPU's slab */
				};
			};
		};
		struct {	/* mapped into user space */
			struct list_head pt_list;
			void *mapping;
			unsigned long index;
		};
	};
	int _refcount;	/* users; the frame is free at 0 */
	int _mapcount;	/* page-table mappings - 1 */
};

static inline bool PageTail(const struct page *page)
{
	return page->compound_head & 1;
}

static inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? (struct page *)(page->compound_head - 1) : page;
}

/*
 * An address space: its page tables (the L1 table TTBR0 walks) and, with
 * user tasks, its VMAs. init_mm is the kernel's own (swapper_pg_dir).
 */
struct mm_struct {
	pgd_t *pgd;
	spinlock_t page_table_lock;	/* guards page-table pages */
	unsigned long pgtables_bytes;	/* pte pages it owns */
	const char *name;		/* for views: "init_mm", or the task */
};

extern struct mm_struct init_mm;

/* A mapped region of an address space (the user-tasks work fills it in). */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	struct mm_struct *vm_mm;
};

#ifndef HOST_TEST
_Static_assert(sizeof(struct page) <= 32, "struct page must stay 32 bytes");
#endif

#endif

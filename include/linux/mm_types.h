/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical frame, in mem_map, 32 bytes. Its middle
 * is a union, because a frame has one owner at a time: the buddy
 * allocator (free-list link and order), a slab cache (freelist and
 * counts), or a mapping (anonymous or file pages, later).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/cpumask.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/page-flags.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>
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
		struct {	/* a user page-table page */
			unsigned long _pt_pad;	/* over compound_head: bit 0 clear */
			spinlock_t *ptl;	/* its ptes' lock (split pte locks) */
		};
		struct {	/* mapped into user space */
			struct list_head pt_list;
			void *mapping;
			unsigned long index;
		};
	};
	atomic_t _refcount;	/* users; the frame is free at 0 */
	atomic_t _mapcount;	/* page-table mappings - 1 */
};

static inline bool PageTail(const struct page *page)
{
	return page->compound_head & 1;
}

static inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? (struct page *)(page->compound_head - 1) : page;
}

struct file;
struct vm_operations_struct;

/*
 * A mapped region [vm_start, vm_end) of an address space: one protection,
 * one backing (anonymous, or a file at vm_pgoff pages). An mm keeps its
 * VMAs both in a list in address order (vm_next/vm_prev) and in a
 * red-black tree (vm_rb) that find_vma descends.
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;
	struct rb_node vm_rb;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;		/* from vm_flags, see vm_get_page_prot */
	unsigned long vm_flags;		/* VM_READ, VM_WRITE, ... */
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct file *vm_file;		/* NULL: anonymous */
	struct list_head shared;	/* on vm_file's i_mmap while in an mm */
	void *vm_private_data;		/* shared anonymous: its shmem object */
};

enum mm_counter {
	MM_FILEPAGES,	/* resident file-backed pages */
	MM_ANONPAGES,	/* resident anonymous pages */
	MM_SHMEMPAGES,	/* resident shared memory: tmpfs and shared anonymous pages */
	NR_MM_COUNTERS,
};

/* A task's not yet folded changes to its mm's RSS counters (SPLIT_RSS_COUNTING). */
struct task_rss_stat {
	int events;	/* faults since the last fold */
	int count[NR_MM_COUNTERS];
};

/*
 * An address space: its VMAs (list and tree), its page tables (the L1
 * table TTBR0 walks), its layout, and two counts: mm_users (tasks using
 * it: the pages go when it drops to 0) and mm_count (references to the
 * struct itself, mm_users counting as one: it goes at 0). init_mm is the
 * kernel's own (swapper_pg_dir, no VMAs).
 */
struct mm_struct {
	struct vm_area_struct *mmap;	/* VMAs in address order */
	struct rb_root mm_rb;
	int map_count;
	pgd_t *pgd;
	int mm_users;
	int mm_count;
	struct rw_semaphore mmap_lock;	/* VMAs: written by their changes, read by faults */
	spinlock_t page_table_lock;	/* guards page-table pages */
	unsigned long mmap_base;	/* where top-down searches start */
	unsigned long task_size;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	struct file *exe_file;		/* the program exec mapped (/proc/PID/exe), held */
	unsigned long total_vm;		/* pages mapped */
	unsigned long data_vm, exec_vm, stack_vm;
	unsigned long hiwater_rss;
	/* resident pages; a faulting task batches its own changes (linux/mm.h) */
	atomic_long_t rss_stat[NR_MM_COUNTERS];
	atomic_long_t pgtables_bytes;	/* pte pages it owns (faults add them in parallel) */
	u64 context_id;			/* ASID and its generation */
	struct cpumask cpu_vm_mask;	/* CPUs it ran on since it got that ASID */
	unsigned long sigpage;		/* where exec mapped [sigpage] (Linux's context.sigpage) */
	const char *name;		/* for views: "init_mm", or the task */
};

/* The CPUs whose TLBs may hold entries of @mm (arch/arm/mm/context.c). */
static inline struct cpumask *mm_cpumask(struct mm_struct *mm)
{
	return &mm->cpu_vm_mask;
}

extern struct mm_struct init_mm;

#ifndef HOST_TEST
_Static_assert(sizeof(struct page) <= 32, "struct page must stay 32 bytes");
/* SLUB exchanges freelist and counters as one doubleword (LDREXD/STREXD) */
_Static_assert(offsetof(struct page, freelist) % 8 == 0 && sizeof(struct page) % 8 == 0,
	       "struct page: freelist must be 8-byte aligned in mem_map");
#endif

#endif

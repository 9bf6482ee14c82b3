/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counters of memory by use, for meminfo: the owners (slab, kernel
 * stacks, page tables, vmalloc) add and subtract as they take and give
 * pages. Free pages are counted by the zones themselves.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/mmzone.h>
#include <asm/cmpxchg.h>

enum node_stat_item {
	NR_SLAB_RECLAIMABLE,	/* pages */
	NR_SLAB_UNRECLAIMABLE,	/* pages */
	NR_KERNEL_STACK_KB,	/* kB */
	NR_PAGETABLE,		/* pages */
	NR_VMALLOC,		/* pages */
	NR_FILE_PAGES,		/* pages in files' address spaces (Cached) */
	NR_SHMEM,		/* ... of them tmpfs's (Shmem) */
	NR_VM_NODE_STAT_ITEMS,
};

extern long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

static inline void mod_node_page_state(enum node_stat_item item, long delta)
{
	/* atomic: page faults make page tables on several CPUs at once, unlocked */
	__fetch_add((volatile u32 *)&vm_node_stat[item], delta);
}

static inline unsigned long global_node_page_state(enum node_stat_item item)
{
	return vm_node_stat[item];
}

unsigned long global_zone_free_pages(void);
unsigned long nr_free_highpages(void);
unsigned long totalreserve_pages(void);

struct seq_file;
void meminfo_show(struct seq_file *m);
void buddyinfo_show(struct seq_file *m);
void pagetypeinfo_show(struct seq_file *m);
void zoneinfo_show(struct seq_file *m);
void memmap_show(struct seq_file *m);

#endif

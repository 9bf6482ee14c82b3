/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counters of memory by use, for meminfo: the owners (slab, kernel
 * stacks, page tables, vmalloc) add and subtract as they take and give
 * pages. Free pages are counted by the zones themselves (under
 * zone->lock).
 *
 * As Linux's vmstat: each CPU adds into a small differential of its own
 * (per_cpu_nodestats, interrupts masked) and only when that drifts past
 * its threshold folds it into the global atomic counter, so the common
 * update touches no shared cache line. A read folds this CPU's
 * differentials and adds the others' as they stand: exact whenever no
 * update is under way. Each CPU also folds its own once a second, from
 * its tick, as Linux's vmstat_update does, so that the global counters
 * lag no more than that.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/mmzone.h>

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

/* What the CPUs have folded in so far. */
extern atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

/* One CPU's drift from vm_node_stat, at most stat_threshold either way. */
struct per_cpu_nodestat {
	s8 stat_threshold;
	s8 vm_node_stat_diff[NR_VM_NODE_STAT_ITEMS];
	u16 ticks_since_fold;	/* vmstat_tick's count, up to HZ */
} ____cacheline_aligned_in_smp;

extern struct per_cpu_nodestat per_cpu_nodestats[NR_CPUS];

/* Any context: interrupts are masked for the update. */
void mod_node_page_state(enum node_stat_item item, long delta);
/* The sum, this CPU's differentials folded first. */
unsigned long global_node_page_state(enum node_stat_item item);
/* Folds this CPU's differentials into the global counters. */
void refresh_cpu_vm_stats(void);
/* Each CPU's tick: folds its differentials once a second. */
void vmstat_tick(void);
/* The thresholds, from the zones' sizes and the CPUs (once they are known). */
void refresh_zone_stat_thresholds(void);

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

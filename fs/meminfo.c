// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo, in Linux 6.1's format: every line a 32-bit ARM kernel
 * with highmem shows, in Linux's order. Lines for what this kernel does
 * not have read 0: no LRU lists (Active, Inactive...), no swap or
 * zswap, no writeback, no CMA, no per-CPU allocator, no running total
 * of committed memory (the heuristic overcommit mode keeps none).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/vmstat.h>

unsigned long vmalloc_total_bytes(void);

static void show_val_kb(struct seq_file *m, const char *s, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", s, pages << (PAGE_SHIFT - 10));
}

/* Linux's si_mem_available: free memory minus reserves, plus what could be reclaimed. */
static long mem_available(void)
{
	long free = global_zone_free_pages(), reserve = totalreserve_pages();
	long reclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long wmark_low = 0;
	struct zone *zone;
	long available;

	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = free - reserve;
	available += reclaimable - min(reclaimable / 2, (long)wmark_low);
	return available < 0 ? 0 : available;
}

void meminfo_show(struct seq_file *m)
{
	unsigned long free = global_zone_free_pages();
	unsigned long high_free = nr_free_highpages();
	unsigned long sreclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long sunreclaim = global_node_page_state(NR_SLAB_UNRECLAIMABLE);

	show_val_kb(m, "MemTotal:", totalram_pages);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", mem_available());
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", global_node_page_state(NR_FILE_PAGES));
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "Active:", 0);
	show_val_kb(m, "Inactive:", 0);
	show_val_kb(m, "Active(anon):", 0);
	show_val_kb(m, "Inactive(anon):", 0);
	show_val_kb(m, "Active(file):", 0);
	show_val_kb(m, "Inactive(file):", 0);
	show_val_kb(m, "Unevictable:", 0);
	show_val_kb(m, "Mlocked:", 0);
	show_val_kb(m, "HighTotal:", totalhigh_pages);
	show_val_kb(m, "HighFree:", high_free);
	show_val_kb(m, "LowTotal:", totalram_pages - totalhigh_pages);
	show_val_kb(m, "LowFree:", free - high_free);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Zswap:", 0);
	show_val_kb(m, "Zswapped:", 0);
	show_val_kb(m, "Dirty:", 0);
	show_val_kb(m, "Writeback:", 0);
	show_val_kb(m, "AnonPages:", 0);
	show_val_kb(m, "Mapped:", 0);
	show_val_kb(m, "Shmem:", global_node_page_state(NR_SHMEM));
	show_val_kb(m, "KReclaimable:", sreclaimable);
	show_val_kb(m, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(m, "SReclaimable:", sreclaimable);
	show_val_kb(m, "SUnreclaim:", sunreclaim);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:",
		   global_node_page_state(NR_KERNEL_STACK_KB));
	show_val_kb(m, "PageTables:", global_node_page_state(NR_PAGETABLE));
	show_val_kb(m, "SecPageTables:", 0);
	show_val_kb(m, "NFS_Unstable:", 0);
	show_val_kb(m, "Bounce:", 0);
	show_val_kb(m, "WritebackTmp:", 0);
	/* vm.overcommit_ratio is 50: half of RAM, plus swap (none) */
	show_val_kb(m, "CommitLimit:", totalram_pages / 2);
	show_val_kb(m, "Committed_AS:", 0);
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", vmalloc_total_bytes() >> 10);
	show_val_kb(m, "VmallocUsed:", global_node_page_state(NR_VMALLOC));
	show_val_kb(m, "VmallocChunk:", 0);
	show_val_kb(m, "Percpu:", 0);
	show_val_kb(m, "CmaTotal:", 0);
	show_val_kb(m, "CmaFree:", 0);
}

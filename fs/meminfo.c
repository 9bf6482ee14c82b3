// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo, in Linux's format (the lines this kernel has the
 * counters for, in Linux's order).
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
	show_val_kb(m, "HighTotal:", totalhigh_pages);
	show_val_kb(m, "HighFree:", high_free);
	show_val_kb(m, "LowTotal:", totalram_pages - totalhigh_pages);
	show_val_kb(m, "LowFree:", free - high_free);
	show_val_kb(m, "Shmem:", global_node_page_state(NR_SHMEM));
	show_val_kb(m, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(m, "SReclaimable:", sreclaimable);
	show_val_kb(m, "SUnreclaim:", sunreclaim);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:",
		   global_node_page_state(NR_KERNEL_STACK_KB));
	show_val_kb(m, "PageTables:", global_node_page_state(NR_PAGETABLE));
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", vmalloc_total_bytes() >> 10);
	show_val_kb(m, "VmallocUsed:", global_node_page_state(NR_VMALLOC));
}

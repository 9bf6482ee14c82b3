// SPDX-License-Identifier: GPL-2.0
/*
 * The allocator's views, in the formats of Linux's /proc/buddyinfo,
 * /proc/pagetypeinfo and /proc/zoneinfo, plus the counters meminfo reads:
 * per-CPU differentials folded into global atomics past a threshold
 * (include/linux/vmstat.h). A differential is only written by its CPU,
 * with interrupts masked; other CPUs only read it.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <linux/vmstat.h>

atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];
struct per_cpu_nodestat per_cpu_nodestats[NR_CPUS];

void mod_node_page_state(enum node_stat_item item, long delta)
{
	struct per_cpu_nodestat *p;
	unsigned long flags;
	long x;

	local_irq_save(flags);
	p = &per_cpu_nodestats[smp_processor_id()];
	x = p->vm_node_stat_diff[item] + delta;
	if (x > p->stat_threshold || x < -p->stat_threshold) {
		atomic_long_add(x, &vm_node_stat[item]);
		x = 0;
	}
	p->vm_node_stat_diff[item] = x;
	local_irq_restore(flags);
}

void refresh_cpu_vm_stats(void)
{
	struct per_cpu_nodestat *p;
	unsigned long flags;
	int i;

	local_irq_save(flags);
	p = &per_cpu_nodestats[smp_processor_id()];
	for (i = 0; i < NR_VM_NODE_STAT_ITEMS; i++) {
		if (p->vm_node_stat_diff[i]) {
			atomic_long_add(p->vm_node_stat_diff[i], &vm_node_stat[i]);
			p->vm_node_stat_diff[i] = 0;
		}
	}
	local_irq_restore(flags);
}

/*
 * Every HZ ticks of this CPU (interrupts off): what Linux's vmstat_update
 * does from a per-CPU work item every sysctl_stat_interval (a second).
 */
void vmstat_tick(void)
{
	struct per_cpu_nodestat *p = &per_cpu_nodestats[smp_processor_id()];

	if (++p->ticks_since_fold < HZ)
		return;
	p->ticks_since_fold = 0;
	refresh_cpu_vm_stats();
}

/*
 * The other CPUs' differentials are read, not folded (only their own
 * CPU writes them). A sum caught mid-update may dip below zero: 0 then.
 */
unsigned long global_node_page_state(enum node_stat_item item)
{
	long x;
	int cpu;

	refresh_cpu_vm_stats();
	x = atomic_long_read(&vm_node_stat[item]);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		x += READ_ONCE(per_cpu_nodestats[cpu].vm_node_stat_diff[item]);
	return x < 0 ? 0 : x;
}

/*
 * As Linux's calculate_normal_threshold: more drift allowed with more
 * CPUs (each folds less often) and more memory (the drift matters less),
 * at most 125 so that it fits a differential. The CPUs are counted as
 * the device tree lists them: they all come up, later in the boot.
 */
static int calculate_normal_threshold(const struct zone *zone)
{
	unsigned int mem = zone->managed_pages >> (27 - PAGE_SHIFT);	/* 128 MiB units */

	return min(125, 2 * fls(nr_cpu_ids) * (1 + fls(mem)));
}

/* The node's counters drift by the most any of its zones allows. */
void refresh_zone_stat_thresholds(void)
{
	struct zone *zone;
	int threshold = 0, cpu;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		zone->stat_threshold = calculate_normal_threshold(zone);
		threshold = max(threshold, zone->stat_threshold);
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		per_cpu_nodestats[cpu].stat_threshold = threshold;
}

int get_pageblock_migratetype(const struct page *page);

unsigned long global_zone_free_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		n += zone->free_pages;
	return n;
}

unsigned long nr_free_highpages(void)
{
	return NODE_DATA(0)->node_zones[ZONE_HIGHMEM].free_pages;
}

/* What the kernel keeps out of reach of ordinary allocations. */
unsigned long totalreserve_pages(void)
{
	struct zone *zone;
	unsigned long total = 0;

	for_each_zone(zone) {
		unsigned long max_reserve = 0;
		int i;

		for (i = 0; i < MAX_NR_ZONES; i++)
			max_reserve = max(max_reserve, zone->lowmem_reserve[i]);
		max_reserve += high_wmark_pages(zone);
		total += min(max_reserve, zone->managed_pages);
	}
	return total;
}

void buddyinfo_show(struct seq_file *m)
{
	struct zone *zone;
	int o;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		seq_printf(m, "Node 0, zone %8s ", zone->name);
		for (o = 0; o < MAX_ORDER; o++)
			seq_printf(m, "%6lu ", zone->free_area[o].nr_free);
		seq_putc(m, '\n');
	}
}

void pagetypeinfo_show(struct seq_file *m)
{
	struct zone *zone;
	int o, mt;

	seq_printf(m, "Page block order: %d\n", pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n\n", pageblock_nr_pages);
	seq_printf(m, "%-43s", "Free pages count per migrate type at order");
	for (o = 0; o < MAX_ORDER; o++)
		seq_printf(m, "%6d ", o);
	seq_putc(m, '\n');
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		for (mt = 0; mt < MIGRATE_TYPES; mt++) {
			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0, zone->name,
				   migratetype_names[mt]);
			for (o = 0; o < MAX_ORDER; o++)
				seq_printf(m, "%6zu ",
					   list_count(&zone->free_area[o].free_list[mt]));
			seq_putc(m, '\n');
		}
	}
	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		seq_printf(m, "%12s ", migratetype_names[mt]);
	seq_putc(m, '\n');
	for_each_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = { 0 }, pfn;
		unsigned long end = zone->zone_start_pfn + zone->spanned_pages;

		if (!populated_zone(zone))
			continue;
		for (pfn = zone->zone_start_pfn; pfn < end; pfn += pageblock_nr_pages)
			count[get_pageblock_migratetype(pfn_to_page(pfn))]++;
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			seq_printf(m, "%12lu ", count[mt]);
		seq_putc(m, '\n');
	}
}

void zoneinfo_show(struct seq_file *m)
{
	struct zone *zone;
	int i, cpu;

	for_each_zone(zone) {
		seq_printf(m, "Node 0, zone %8s\n", zone->name);
		seq_printf(m, "  pages free     %lu\n", zone->free_pages);
		seq_printf(m, "        min      %lu\n", min_wmark_pages(zone));
		seq_printf(m, "        low      %lu\n", low_wmark_pages(zone));
		seq_printf(m, "        high     %lu\n", high_wmark_pages(zone));
		seq_printf(m, "        spanned  %lu\n", zone->spanned_pages);
		seq_printf(m, "        present  %lu\n", zone->present_pages);
		seq_printf(m, "        managed  %lu\n", zone->managed_pages);
		seq_printf(m, "        protection: (");
		for (i = 0; i < MAX_NR_ZONES; i++)
			seq_printf(m, "%s%lu", i ? ", " : "", zone->lowmem_reserve[i]);
		seq_printf(m, ")\n");
		if (!populated_zone(zone))
			continue;
		seq_printf(m, "      nr_free_pages %lu\n", zone->free_pages);
		seq_printf(m, "      nr_alloc_fail %lu\n", zone->alloc_fail);
		seq_printf(m, "  pagesets\n");
		for (cpu = 0; cpu < (int)nr_cpu_ids; cpu++)
			seq_printf(m, "    cpu: %d\n              count: %d\n"
				   "              high:  %d\n              batch: %d\n"
				   "  vm stats threshold: %d\n",
				   cpu, READ_ONCE(zone->pcp[cpu].count), zone->pcp[cpu].high,
				   zone->pcp[cpu].batch, zone->stat_threshold);
		seq_printf(m, "  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}

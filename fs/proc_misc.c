// SPDX-License-Identifier: GPL-2.0
/*
 * The system's text views under /proc, in Linux 6.1's formats: stat
 * (CPU ticks, interrupts, context switches, tasks), uptime, loadavg,
 * version, cmdline, vmstat, and the sysctl files under sys/kernel and
 * sys/vm that busybox and C libraries read. Every figure is a counter
 * the kernel keeps; a key Linux has and this kernel counts nothing for
 * reads 0, and no key is made up. There is no wall clock yet, so the
 * boot time (btime) is 0, the epoch.
 */
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/kernel_stat.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/utsname.h>
#include <linux/vmstat.h>
#include <asm/setup.h>

static unsigned long nr_threads(void)
{
	struct task_struct *t;
	unsigned long n = 0;

	list_for_each_entry(t, &task_list, tasks)
		if (t->state != EXIT_DEAD)
			n++;
	return n;
}

/* One cpu line: user nice system idle iowait irq softirq steal guest guest_nice. */
static void show_cpu_line(struct seq_file *m, const char *name, const struct kernel_cpustat *k)
{
	seq_printf(m, "%s %lu 0 %lu %lu 0 0 0 0 0 0\n", name, k->user, k->system, k->idle);
}

static unsigned long total_idle_ticks(void)
{
	unsigned long idle = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		idle += kcpustat[cpu].idle;
	return idle;
}

/*
 * The ticks of all CPUs, then of each online one, in USER_HZ ticks (HZ
 * is 100 already); the interrupts, in all then by number; the tasks.
 */
void proc_stat_show(struct seq_file *m)
{
	struct kernel_cpustat sum = { 0, 0, 0 };
	unsigned long long total = 0;
	unsigned int irq;
	int cpu;

	for_each_possible_cpu(cpu) {
		sum.user += kcpustat[cpu].user;
		sum.system += kcpustat[cpu].system;
		sum.idle += kcpustat[cpu].idle;
	}
	show_cpu_line(m, "cpu ", &sum);
	for_each_online_cpu(cpu) {
		char name[12];

		snprintf(name, sizeof(name), "cpu%d", cpu);
		show_cpu_line(m, name, &kcpustat[cpu]);
	}
	for (irq = 0; irq < NR_IRQS; irq++)
		for_each_possible_cpu(cpu)
			total += irq_to_desc(irq)->count[cpu];
	seq_printf(m, "intr %llu", total);
	for (irq = 0; irq < NR_IRQS; irq++) {
		unsigned long n = 0;

		for_each_possible_cpu(cpu)
			n += irq_to_desc(irq)->count[cpu];
		seq_printf(m, " %lu", n);
	}
	seq_printf(m, "\nctxt %lu\nbtime 0\nprocesses %lu\n", nr_context_switches(),
		   total_forks);
	seq_printf(m, "procs_running %lu\nprocs_blocked %lu\n", nr_running(),
		   nr_uninterruptible());
	/* the ten softirq kinds: there are no softirqs here */
	seq_puts(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
}

/* Seconds since boot and seconds the CPUs spent idle (all of them), to the hundredth. */
void proc_uptime_show(struct seq_file *m)
{
	u64 now = ktime_get_ns();
	unsigned long idle = total_idle_ticks();

	seq_printf(m, "%llu.%02llu %lu.%02lu\n", now / NSEC_PER_SEC,
		   now % NSEC_PER_SEC / (NSEC_PER_SEC / 100), idle / HZ,
		   idle % HZ * (100 / HZ));
}

/* The three averages, runnable/all tasks, and the last pid given. */
void proc_loadavg_show(struct seq_file *m)
{
	unsigned long a[3];
	int i;

	for (i = 0; i < 3; i++)
		a[i] = avenrun[i] + FIXED_1 / 200;	/* rounded to the hundredth */
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%lu %d\n",
		   LOAD_INT(a[0]), LOAD_FRAC(a[0]), LOAD_INT(a[1]), LOAD_FRAC(a[1]),
		   LOAD_INT(a[2]), LOAD_FRAC(a[2]), nr_running(), nr_threads(),
		   last_pid_nr());
}

/* Linux's banner: system, release, who built it, the compiler, the version. */
void proc_version_show(struct seq_file *m)
{
	seq_printf(m, "Linux version %s (pagoda@pagoda) (gcc %s) #1 %s\n", UTS_RELEASE,
		   __VERSION__, pagoda_banner);
}

void proc_cmdline_show(struct seq_file *m)
{
	seq_printf(m, "%s\n", boot_command_line);
}

/*
 * Linux 6.1's keys in its order for a 32-bit ARM kernel with DMA,
 * Normal, HighMem and Movable zones: the first value of each is a
 * counter here, the rest 0 (no LRU lists, no swap, no reclaim, no
 * compaction or migration, no event counters yet).
 */
static const char *const vmstat_text[] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_zspages", "nr_free_cma",
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon",
	"workingset_activate_file", "workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim", "nr_anon_pages", "nr_mapped", "nr_file_pages",
	"nr_dirty", "nr_writeback", "nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages",
	"nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
	"nr_anon_transparent_hugepages", "nr_vmscan_write", "nr_vmscan_immediate_reclaim",
	"nr_dirtied", "nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
	"nr_page_table_pages", "nr_sec_page_table_pages", "nr_swapcached",
	"nr_dirty_threshold", "nr_dirty_background_threshold", "pgpgin", "pgpgout",
	"pswpin", "pswpout", "pgalloc_dma", "pgalloc_normal", "pgalloc_high",
	"pgalloc_movable", "allocstall_dma", "allocstall_normal", "allocstall_high",
	"allocstall_movable", "pgskip_dma", "pgskip_normal", "pgskip_high",
	"pgskip_movable", "pgfree", "pgactivate", "pgdeactivate", "pglazyfree",
	"pgfault", "pgmajfault", "pglazyfreed", "pgrefill", "pgreuse", "pgsteal_kswapd",
	"pgsteal_direct", "pgdemote_kswapd", "pgdemote_direct", "pgscan_kswapd",
	"pgscan_direct", "pgscan_direct_throttle", "pgscan_anon", "pgscan_file",
	"pgsteal_anon", "pgsteal_file", "pginodesteal", "slabs_scanned",
	"kswapd_inodesteal", "kswapd_low_wmark_hit_quickly",
	"kswapd_high_wmark_hit_quickly", "pageoutrun", "pgrotated", "drop_pagecache",
	"drop_slab", "oom_kill", "pgmigrate_success", "pgmigrate_fail",
	"thp_migration_success", "thp_migration_fail", "thp_migration_split",
	"compact_migrate_scanned", "compact_free_scanned", "compact_isolated",
	"compact_stall", "compact_fail", "compact_success", "compact_daemon_wake",
	"compact_daemon_migrate_scanned", "compact_daemon_free_scanned",
	"cma_alloc_success", "cma_alloc_fail", "unevictable_pgs_culled",
	"unevictable_pgs_scanned", "unevictable_pgs_rescued", "unevictable_pgs_mlocked",
	"unevictable_pgs_munlocked", "unevictable_pgs_cleared", "unevictable_pgs_stranded",
	"balloon_inflate", "balloon_deflate", "balloon_migrate", "swap_ra", "swap_ra_hit",
	"ksm_swpin_copy", "cow_ksm", "zswpin", "zswpout", "nr_unstable",
};

/* The counters this kernel keeps, by key. */
static unsigned long vmstat_value(const char *key)
{
	if (!strcmp(key, "nr_free_pages"))
		return global_zone_free_pages();
	if (!strcmp(key, "nr_slab_reclaimable"))
		return global_node_page_state(NR_SLAB_RECLAIMABLE);
	if (!strcmp(key, "nr_slab_unreclaimable"))
		return global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	if (!strcmp(key, "nr_file_pages"))
		return global_node_page_state(NR_FILE_PAGES);
	if (!strcmp(key, "nr_shmem"))
		return global_node_page_state(NR_SHMEM);
	if (!strcmp(key, "nr_kernel_stack"))
		return global_node_page_state(NR_KERNEL_STACK_KB);
	if (!strcmp(key, "nr_page_table_pages"))
		return global_node_page_state(NR_PAGETABLE);
	return 0;
}

void proc_vmstat_show(struct seq_file *m)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vmstat_text); i++)
		seq_printf(m, "%s %lu\n", vmstat_text[i], vmstat_value(vmstat_text[i]));
}

/* ---- sysctl files ---- */

void proc_ostype_show(struct seq_file *m)
{
	seq_puts(m, "Linux\n");
}

void proc_osrelease_show(struct seq_file *m)
{
	seq_puts(m, UTS_RELEASE "\n");
}

void proc_hostname_show(struct seq_file *m)
{
	seq_printf(m, "%s\n", uts_nodename);
}

/* A write replaces the name with the text up to a newline, as sysctl's strings. */
int proc_hostname_write(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);

	if (nl)
		len = nl - buf;
	len = min(len, (size_t)__NEW_UTS_LEN);
	memset(uts_nodename, 0, sizeof(uts_nodename));
	memcpy(uts_nodename, buf, len);
	return 0;
}

void proc_pid_max_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", pid_max);
}

/* A number from PID_MAX_MIN to PID_MAX (sysctl's integers: blanks around it), or EINVAL. */
int proc_pid_max_write(const char *buf, size_t len)
{
	char text[16];
	long v;

	while (len && (*buf == ' ' || *buf == '\t'))
		buf++, len--;
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	if (!len || len >= sizeof(text))
		return -EINVAL;
	memcpy(text, buf, len);
	text[len] = '\0';
	if (kstrtol(text, 10, &v) || v < PID_MAX_MIN || v > PID_MAX)
		return -EINVAL;
	pid_max = v;
	return 0;
}

void proc_min_free_kbytes_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", min_free_kbytes);
}

void proc_overcommit_memory_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", OVERCOMMIT_GUESS);
}

void proc_max_map_count_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", sysctl_max_map_count);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the secondary CPUs, and the IPIs between CPUs.
 *
 * setup_arch reads the device tree's /cpus: the boot CPU is CPU 0, the
 * others are numbered in the order the tree lists them, each with its
 * MPIDR affinity (cpu_logical_map) and whether its enable-method is
 * PSCI, the only one supported. smp_init then starts each with PSCI
 * CPU_ON at secondary_startup (head.S), MMU off, with its own idle task
 * (whose stack it starts on) and a page directory holding the kernel's
 * mappings plus an identity map of __turn_mmu_on. On its own stack and
 * tables the CPU sets its number (TPIDRPRW), exception stacks, GIC CPU
 * interface, VFP access and timer, marks itself online and runs tasks
 * from its run queue (kernel/sched.c). A CPU that has not come online after a second
 * is reported and left out; should it start later, it finds its
 * secondary_data marked abandoned and parks.
 *
 * Invariant: every CPU allocates memory only holding the big kernel lock
 * (process context: linux/smp_lock.h), so the holder may still drain
 * every CPU's per-CPU lists itself.
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/barrier.h>
#include <asm/cp15.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/smp.h>
#include <asm/vfp.h>

#define MPIDR_HWID_BITMASK	0xffffff

enum { CPU_BOOTING, CPU_ALIVE, CPU_ABANDONED };

static u32 cpu_logical_map[NR_CPUS];	/* MPIDR affinity of each CPU */
static const char *cpu_method[NR_CPUS];	/* its enable-method, in the DT */
static bool cpu_psci[NR_CPUS];		/* which is "psci" */
static u32 cpu_midr[NR_CPUS];
static struct secondary_data secondary_data[NR_CPUS];
static unsigned int ipi_count[NR_CPUS][NR_IPI];
static void (*smp_cross_call)(unsigned long mask, unsigned int ipi);

_Static_assert(__builtin_offsetof(struct secondary_data, pgdir) == SD_PGDIR, "SD_PGDIR");
_Static_assert(__builtin_offsetof(struct secondary_data, stack) == SD_STACK, "SD_STACK");

int psci_cpu_on(unsigned long mpidr, unsigned long entry, unsigned long context_id);
void arch_timer_starting_cpu(void);
extern char __turn_mmu_on[];

/* The CPUs the device tree lists, the boot CPU as CPU 0 (from setup_arch). */
void smp_init_cpus(const void *blob)
{
	int cpus = fdt_path_offset(blob, "/cpus"), node, depth = 0, next = 1;
	u32 boot = read_mpidr() & MPIDR_HWID_BITMASK;

	cpu_logical_map[0] = boot;
	cpu_midr[0] = read_midr();
	if (cpus < 0)
		return;
	for (node = fdt_next_node(blob, cpus, &depth); node >= 0;
	     node = fdt_next_node(blob, node, &depth)) {
		const char *type = fdt_stringlist_get(blob, node, "device_type", 0);
		const char *method;
		u32 hwid;

		if (depth != 1 || !type || strcmp(type, "cpu"))
			continue;
		if (fdt_read_u32(blob, node, "reg", &hwid)) {
			pr_warn("smp: %s has no reg: ignored\n", fdt_get_name(blob, node));
			continue;
		}
		hwid &= MPIDR_HWID_BITMASK;
		if (hwid == boot)
			continue;
		if (next == NR_CPUS) {
			pr_warn("smp: more than %d CPUs: mpidr %x ignored\n", NR_CPUS, hwid);
			continue;
		}
		method = fdt_stringlist_get(blob, node, "enable-method", 0);
		cpu_method[next] = method;
		cpu_psci[next] = method && !strcmp(method, "psci");
		cpu_logical_map[next] = hwid;
		set_cpu_possible(next, true);
		next++;
	}
	nr_cpu_ids = next;
}

/* Writes [start, start + size) back to memory, where an MMU-off CPU reads. */
static void clean_dcache_poc(const void *start, size_t size)
{
	unsigned long line = 4UL << ((read_ctr() >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);

	for (; addr < (unsigned long)start + size; addr += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" :: "r"(addr) : "memory");
	dsb();
}

/*
 * The page directory secondaries turn their MMU on with: the kernel's
 * (pgd_alloc copies them) plus a section mapping __turn_mmu_on's MiB at
 * its physical address, where the CPU runs when the MMU comes on. Kept:
 * a late CPU may still use it.
 */
static pgd_t *idmap_pgd_alloc(void)
{
	pgd_t *pgd = pgd_alloc(&init_mm);
	unsigned long id = __pa(__turn_mmu_on) & SECTION_MASK;

	if (!pgd)
		return NULL;
	((u32 *)pgd)[id >> SECTION_SHIFT] = id | PMD_TYPE_SECT | PMD_SECT_AP_WRITE |
		PMD_SECT_WBWA | PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL);
	clean_dcache_poc(pgd, PTRS_PER_PGD * sizeof(pgd_t));
	return pgd;
}

/* Starts @cpu and waits (a second at most) for it to come online. */
static int boot_secondary(int cpu, pgd_t *idmap)
{
	struct secondary_data *sd = &secondary_data[cpu];
	struct task_struct *idle;
	u64 deadline;
	int err;

	if (!cpu_psci[cpu])
		return -EOPNOTSUPP;
	idle = fork_idle(cpu);
	if (!idle)
		return -ENOMEM;
	sd->pgdir = __pa(idmap);
	sd->stack = (u32)idle->stack + THREAD_SIZE;
	/* the stack is vmalloc'ed: the tables it starts on must map it */
	if (vmalloc_sync_one(idmap, (unsigned long)idle->stack))
		clean_dcache_poc(idmap + pgd_index((unsigned long)idle->stack), sizeof(pgd_t));
	atomic_set(&sd->state, CPU_BOOTING);
	clean_dcache_poc(sd, sizeof(*sd));
	err = psci_cpu_on(cpu_logical_map[cpu], __pa(secondary_startup), __pa(sd));
	if (err) {
		free_idle(idle);
		return err;
	}
	deadline = ktime_get_ns() + NSEC_PER_SEC;
	while (!cpu_online(cpu) && ktime_get_ns() < deadline)
		cpu_relax();
	if (cpu_online(cpu))
		return 0;
	/* late: either it has begun its start-up (and will finish) or it parks */
	if (atomic_cmpxchg(&sd->state, CPU_BOOTING, CPU_ABANDONED) == CPU_BOOTING)
		return -ETIMEDOUT;
	while (!cpu_online(cpu))
		cpu_relax();
	return 0;
}

static void print_cpu_topology(int cpu)
{
	pr_info("CPU%d: thread -1, cpu %d, socket 0, mpidr %08x\n", cpu, cpu, read_mpidr());
}

void smp_init(void)
{
	u32 rate = arch_timer_get_rate();
	unsigned int n;
	pgd_t *idmap = NULL;
	int cpu;

	print_cpu_topology(0);
	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_possible_cpu(cpu) {
		int err;

		if (cpu == 0)
			continue;
		if (!idmap) {
			idmap = idmap_pgd_alloc();
			if (!idmap) {
				pr_err("smp: no memory for the identity map\n");
				break;
			}
		}
		err = boot_secondary(cpu, idmap);
		if (err == -EOPNOTSUPP && !cpu_method[cpu])
			pr_warn("CPU%d: no enable-method: not started\n", cpu);
		else if (err == -EOPNOTSUPP)
			pr_warn("CPU%d: enable-method '%s' not supported: not started\n", cpu,
				cpu_method[cpu]);
		else if (err == -ETIMEDOUT)
			pr_crit("CPU%d: failed to come online\n", cpu);
		else if (err)
			pr_err("CPU%d: failed to boot: %d\n", cpu, err);
	}
	n = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", n, n > 1 ? "s" : "");
	pr_info("SMP: Total of %u processors activated (%u.%02u BogoMIPS).\n", n,
		n * rate / 500000, n * rate / 5000 % 100);
}

/* Where a secondary CPU goes on from head.S: on its idle task's stack. */
void __noreturn secondary_start_kernel(void)
{
	int cpu = current_thread_info()->cpu;
	struct secondary_data *sd = &secondary_data[cpu];

	set_my_cpu_number(cpu);
	write_ttbr0(__pa(swapper_pg_dir) | TTB_FLAGS);	/* off the identity map */
	isb();
	local_flush_tlb_all();
	if (atomic_cmpxchg(&sd->state, CPU_BOOTING, CPU_ALIVE) != CPU_BOOTING) {
		for (;;)	/* given up on: stay out of the way */
			wfi();
	}
	cpu_midr[cpu] = read_midr();
	irq_cpu_init();
	vfp_starting_cpu();
	arch_timer_starting_cpu();
	print_cpu_topology(cpu);
	set_cpu_online(cpu, true);
	local_irq_enable();
	secondary_idle();
}

/* Whether this kernel knows how to start @cpu (the boot CPU: it runs). */
bool cpu_can_start(int cpu)
{
	return cpu == 0 || (cpu_possible(cpu) && cpu_psci[cpu]);
}

/* The MIDR of @cpu, as it read it when it came up (/proc/cpuinfo). */
u32 cpu_read_midr(int cpu)
{
	return cpu_midr[cpu];
}

void set_smp_cross_call(void (*fn)(unsigned long mask, unsigned int ipi))
{
	smp_cross_call = fn;
}

static void smp_send_ipi(unsigned long mask, unsigned int ipi)
{
	if (smp_cross_call && mask)
		smp_cross_call(mask, ipi);
}

void arch_send_call_function_ipi_mask(unsigned long mask)
{
	smp_send_ipi(mask, IPI_CALL_FUNC);
}

void smp_send_reschedule(int cpu)
{
	smp_send_ipi(1UL << cpu, IPI_RESCHEDULE);
}

/*
 * A CPU told to stop: it leaves the online mask and halts, interrupts
 * off; after a panic it says so (a power off stops CPUs quietly).
 */
static void __noreturn ipi_cpu_stop(int cpu)
{
	if (panic_in_progress())
		pr_crit("CPU%d: stopping\n", cpu);
	set_cpu_online(cpu, false);
	local_irq_disable();
	for (;;)
		wfe();
}

/* A CPU that panics while another does: out of the way of the first. */
void __noreturn panic_smp_self_stop(void)
{
	set_cpu_online(smp_processor_id(), false);
	for (;;)
		wfe();
}

/* Halts every other CPU (panic, power off): a second for them to go. */
void smp_send_stop(void)
{
	unsigned long others = cpu_online_mask->bits & ~(1UL << smp_processor_id());
	u64 deadline;

	if (!others)
		return;
	smp_send_ipi(others, IPI_CPU_STOP);
	deadline = ktime_get_ns() + NSEC_PER_SEC;
	while (num_online_cpus() > 1 && ktime_get_ns() < deadline)
		cpu_relax();
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs\n");
}

/* From the GIC's IRQ entry, for an SGI (already acknowledged and ended). */
void handle_IPI(int ipinr)
{
	int cpu = smp_processor_id();

	if (ipinr < NR_IPI)
		ipi_count[cpu][ipinr]++;
	switch (ipinr) {
	case IPI_RESCHEDULE:
		scheduler_ipi();
		break;
	case IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(cpu);
	default:
		pr_crit("CPU%d: Unknown IPI message 0x%x\n", cpu, ipinr);
	}
}

unsigned int ipi_count_of(int cpu, int ipi)
{
	return ipi_count[cpu][ipi];
}

static const char *const ipi_names[NR_IPI] = {
	[IPI_RESCHEDULE]	= "Rescheduling interrupts",
	[IPI_CALL_FUNC]		= "Function call interrupts",
	[IPI_CPU_STOP]		= "CPU stop interrupts",
};

/*
 * The IPI rows of /proc/interrupts, per online CPU, as Linux/ARM prints
 * them. Booted with tlb_ipi, a TLB row too, as Linux/x86's "TLB
 * shootdowns": the flushes each CPU ran because another asked by IPI.
 */
void arch_show_interrupts(struct seq_file *m)
{
	int ipi, cpu;

	for (ipi = 0; ipi < NR_IPI; ipi++) {
		if (!ipi_names[ipi])
			continue;
		seq_printf(m, "IPI%d:", ipi);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10u ", ipi_count[cpu][ipi]);
		seq_printf(m, " %s\n", ipi_names[ipi]);
	}
	if (tlb_ops_need_broadcast) {
		seq_puts(m, " TLB:");
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", READ_ONCE(tlb_ipi_flushes[cpu]));
		seq_puts(m, " TLB shootdowns\n");
	}
	seq_printf(m, "Err:%11u\n", 0);
}

/* The shell's `cpus`: each CPU the device tree lists, and what it does. */
void smp_cpus_show(struct seq_file *m)
{
	int cpu;

	seq_printf(m, "CPU  MPIDR     STATE    METHOD  %10s %10s %10s %8s %8s %8s\n",
		   "USER", "SYSTEM", "IDLE", "RESCHED", "CALLS", "STOPS");
	for_each_possible_cpu(cpu) {
		const struct kernel_cpustat *k = &kcpustat[cpu];

		seq_printf(m, "%3d  %08x  %-7s  %-6s  %10lu %10lu %10lu %8u %8u %8u\n", cpu,
			   cpu_logical_map[cpu], cpu_online(cpu) ? "online" : "offline",
			   cpu == 0 ? "boot" : cpu_psci[cpu] ? "psci" : "none",
			   k->user, k->system, k->idle, ipi_count[cpu][IPI_RESCHEDULE],
			   ipi_count[cpu][IPI_CALL_FUNC], ipi_count[cpu][IPI_CPU_STOP]);
	}
	seq_printf(m, "big lock: CPU 0's tick put its work off %lu times, at most %u in a row; "
		   "waited %lu times (after %u)\n", READ_ONCE(tick_lock_stats.total),
		   READ_ONCE(tick_lock_stats.most), READ_ONCE(tick_lock_stats.waits),
		   TICK_LOCK_TRIES);
}

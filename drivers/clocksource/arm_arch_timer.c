// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM generic timer: a 64-bit counter running at CNTFRQ (62.5 MHz on
 * QEMU virt) that is the kernel's clock, and the per-CPU virtual timer
 * whose compare value raises a PPI HZ times a second for the tick. The
 * virtual timer works whether or not a hypervisor runs beneath us.
 * Each CPU has its own virtual timer and event stream control, set up
 * on it when it comes up (arch_timer_starting_cpu); the counter is one
 * for all.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/cp15.h>
#include <asm/hwcap.h>

#define ARCH_TIMER_CTRL_ENABLE	(1 << 0)
#define ARCH_TIMER_CTRL_IT_MASK	(1 << 1)
#define CNTKCTL_EVNTEN		(1 << 2)	/* event stream on */
#define CNTKCTL_EVNTI_SHIFT	4		/* ... from this counter bit */
#define CNTKCTL_EVNTI_MASK	(0xf << CNTKCTL_EVNTI_SHIFT)
#define EVT_STREAM_FREQ		10000		/* Hz, as Linux */

/* "interrupts" of arm,armv7-timer: secure phys, non-secure phys, virt, hyp */
#define ARCH_TIMER_VIRT_PPI_INDEX 2

static u32 arch_timer_rate;
static u64 tick_period;		/* counter cycles per jiffy */
static u64 next_tick[NR_CPUS];
static int arch_timer_irq;

static u32 read_cntfrq(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}

u32 arch_timer_get_rate(void)
{
	return arch_timer_rate;
}

u64 arch_counter_read(void)
{
	u64 v;

	isb();
	__asm__ __volatile__("mrrc p15, 1, %Q0, %R0, c14" : "=r"(v));
	return v;
}

static void write_cntv_cval(u64 v)
{
	__asm__ __volatile__("mcrr p15, 3, %Q0, %R0, c14" :: "r"(v));
	isb();
}

static void write_cntv_ctl(u32 v)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 1" :: "r"(v));
	isb();
}

/*
 * The event stream wakes WFE every 100 us, so that user spin loops
 * waiting with WFE for a store that sends no event still make progress
 * (Linux turns it on and says so with HWCAP_EVTSTRM). The event fires
 * when the chosen counter bit toggles: the bit nearest rate / 10 kHz.
 */
static void arch_timer_evtstrm_enable(u32 rate)
{
	u32 div = rate / EVT_STREAM_FREQ, cntkctl;
	int bit = div ? 31 - __builtin_clz(div) : 0;

	if (bit > 0 && (div & (1U << (bit - 1))))
		bit++;
	if (bit > 15)
		bit = 15;
	__asm__ __volatile__("mrc p15, 0, %0, c14, c1, 0" : "=r"(cntkctl));
	cntkctl &= ~CNTKCTL_EVNTI_MASK;
	cntkctl |= bit << CNTKCTL_EVNTI_SHIFT | CNTKCTL_EVNTEN;
	__asm__ __volatile__("mcr p15, 0, %0, c14, c1, 0" :: "r"(cntkctl));
	isb();
}

/* Compare values are absolute, so a late interrupt does not stretch time. */
static void arch_timer_tick(int irq, void *dev)
{
	u64 *next = &next_tick[smp_processor_id()];

	(void)irq;
	(void)dev;
	do {
		*next += tick_period;
		tick_handle_periodic();
	} while (*next <= arch_counter_read());
	write_cntv_cval(*next);
}

/* This CPU's tick: its first deadline, its timer on, its PPI unmasked. */
static void arch_timer_setup(void)
{
	int cpu = smp_processor_id();

	next_tick[cpu] = arch_counter_read() + tick_period;
	write_cntv_cval(next_tick[cpu]);
	write_cntv_ctl(ARCH_TIMER_CTRL_ENABLE);
	arch_timer_evtstrm_enable(arch_timer_rate);
}

void arch_timer_starting_cpu(void)
{
	if (!tick_period)
		return;
	arch_timer_setup();
	enable_percpu_irq(arch_timer_irq);
}

static const struct clocksource arch_counter = {
	.name = "arch_sys_counter",
	.read = arch_counter_read,
};

int arch_timer_of_init(const void *blob)
{
	int node = fdt_find_compatible(blob, -1, "arm,armv7-timer");
	u32 freq = read_cntfrq();
	int irq, err;

	if (node < 0)
		return -ENODEV;
	if (!freq && fdt_read_u32(blob, node, "clock-frequency", &freq))
		return -EINVAL;
	if (!freq)
		return -EINVAL;
	arch_timer_rate = freq;
	clocksource_register(&arch_counter, freq);

	irq = irq_of_parse_and_map(blob, node, ARCH_TIMER_VIRT_PPI_INDEX);
	if (irq < 0)
		return irq;
	tick_period = freq / HZ;
	arch_timer_irq = irq;
	arch_timer_setup();
	err = request_irq(irq, arch_timer_tick, "arch_timer", NULL);
	if (err)
		return err;
	/* a PPI, each CPU's own: its handler takes no big lock (the tick takes it where needed) */
	enable_percpu_irq(irq);
	elf_hwcap |= HWCAP_EVTSTRM;
	pr_info("arch_timer: cp15 timer running at %u.%02uMHz (virt), tick irq %d, HZ %d\n",
		freq / 1000000, freq / 10000 % 100, irq, HZ);
	return 0;
}

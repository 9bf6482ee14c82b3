// SPDX-License-Identifier: GPL-2.0
/*
 * Timekeeping. The counter is the clock: nanoseconds are derived from it
 * on every read, so time is exact between ticks; jiffies count ticks.
 * The counter starts at zero at reset, so its value is time since boot.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <asm/ptrace.h>

volatile unsigned long jiffies;

static const struct clocksource *clock;
static u32 clock_rate;

int arch_timer_of_init(const void *blob);

void clocksource_register(const struct clocksource *cs, u32 freq)
{
	clock_rate = freq;
	clock = cs;
}

u64 clocksource_cycles(void)
{
	return clock ? clock->read() : 0;
}

u32 clocksource_rate(void)
{
	return clock_rate;
}

u64 ktime_get_ns(void)
{
	u64 c = clocksource_cycles();

	if (!clock_rate)
		return 0;
	return c / clock_rate * NSEC_PER_SEC + c % clock_rate * NSEC_PER_SEC / clock_rate;
}

struct pt_regs *get_irq_regs(void);

struct kernel_cpustat kcpustat[NR_CPUS];

/*
 * Every CPU's tick counts where that CPU was and drives its scheduler;
 * CPU 0's also keeps time and does the scheduler's global work.
 */
void tick_handle_periodic(void)
{
	struct pt_regs *regs = get_irq_regs();
	struct kernel_cpustat *kstat = &kcpustat[smp_processor_id()];
	bool user = regs && user_mode(regs);

	if (user)
		kstat->user++;
	else if (current->pid == 0)
		kstat->idle++;
	else
		kstat->system++;
	if (smp_processor_id() == 0)
		jiffies++;
	scheduler_tick(user, smp_processor_id() == 0);
	vmstat_tick();
}

void time_init(const void *blob)
{
	int err = arch_timer_of_init(blob);

	if (err)
		pr_err("time: no usable timer in the device tree (%d)\n", err);
}

void udelay(unsigned long usecs)
{
	u64 end = ktime_get_ns() + usecs * NSEC_PER_USEC;

	if (!clock_rate)
		return;
	while (ktime_get_ns() < end)
		;
}

void mdelay(unsigned long msecs)
{
	u64 end = ktime_get_ns() + msecs * NSEC_PER_MSEC;

	if (!clock_rate)
		return;
	while (ktime_get_ns() < end)
		;
}

#define KTIME_SEC_MAX	(0x7fffffffffffffffLL / (s64)NSEC_PER_SEC)

static int timespec_to_ns(s64 sec, s64 nsec, u64 *ns)
{
	if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	*ns = sec >= KTIME_SEC_MAX ? (u64)KTIME_SEC_MAX * NSEC_PER_SEC :
				     (u64)sec * NSEC_PER_SEC + nsec;
	return 0;
}

int get_old_timespec32_ns(const void *uts, u64 *ns)
{
	struct old_timespec32 ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	return timespec_to_ns(ts.tv_sec, ts.tv_nsec, ns);
}

int get_timespec64_ns(const void *uts, u64 *ns)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	return timespec_to_ns(ts.tv_sec, ts.tv_nsec, ns);
}

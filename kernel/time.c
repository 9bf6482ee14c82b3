// SPDX-License-Identifier: GPL-2.0
/*
 * Timekeeping. The counter is the clock: nanoseconds are derived from it
 * on every read, so time is exact between ticks; jiffies count ticks.
 * The counter starts at zero at reset, so its value is time since boot.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/time.h>
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

void tick_handle_periodic(void)
{
	struct pt_regs *regs = get_irq_regs();

	jiffies++;
	scheduler_tick(regs && user_mode(regs));
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

// SPDX-License-Identifier: GPL-2.0
/*
 * The clock and the tick: the counter never goes back, nanoseconds follow
 * it, and jiffies advance by HZ a second, catching up on ticks that came
 * while interrupts were masked.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/time.h>
#include <asm/barrier.h>
#include <asm/irqflags.h>

static void counter_is_monotonic(struct ktest *t)
{
	u64 prev = clocksource_cycles(), now;
	int i, backwards = 0;

	for (i = 0; i < 10000; i++) {
		now = clocksource_cycles();
		backwards += now < prev;
		prev = now;
	}
	KT_EXPECT_EQ(t, backwards, 0);
	KT_EXPECT_GT(t, clocksource_cycles(), 0);
}

static void rate_is_known(struct ktest *t)
{
	KT_EXPECT_GT(t, clocksource_rate(), 1000000);
}

static void ktime_follows_counter(struct ktest *t)
{
	u64 c0 = clocksource_cycles(), n0 = ktime_get_ns();
	u64 c1, n1;

	mdelay(20);
	c1 = clocksource_cycles();
	n1 = ktime_get_ns();
	KT_EXPECT_GE(t, n1 - n0, 20 * NSEC_PER_MSEC);
	/* both measure the same interval: within a millisecond */
	KT_EXPECT_LT(t, (s64)((c1 - c0) * NSEC_PER_SEC / clocksource_rate()) -
		     (s64)(n1 - n0), (s64)NSEC_PER_MSEC);
	KT_EXPECT_GT(t, (s64)((c1 - c0) * NSEC_PER_SEC / clocksource_rate()) -
		     (s64)(n1 - n0), -(s64)NSEC_PER_MSEC);
}

/* Right after a tick: none is late at this point, whatever the host did before. */
static void wait_for_tick(void)
{
	unsigned long j = jiffies;

	while (READ_ONCE(jiffies) == j)
		cpu_relax();
}

static void tick_advances(struct ktest *t)
{
	unsigned long j0, ticks, expected;
	u64 n0;

	KT_ASSERT_FALSE(t, irqs_disabled());
	wait_for_tick();
	j0 = jiffies;
	n0 = ktime_get_ns();
	mdelay(100);
	wait_for_tick();
	ticks = jiffies - j0;
	expected = (ktime_get_ns() - n0) * HZ / NSEC_PER_SEC;
	KT_EXPECT_GE(t, expected, 100 * HZ / 1000);
	/* the tick follows the clock, whatever the host's hiccups */
	KT_EXPECT_GE(t, ticks, expected - 1);
	KT_EXPECT_LE(t, ticks, expected + 1);
}

static void masked_ticks_are_caught_up(struct ktest *t)
{
	unsigned long flags, j0, j_masked;

	local_irq_save(flags);
	j0 = jiffies;
	mdelay(50);
	j_masked = jiffies;
	local_irq_restore(flags);
	udelay(2000);	/* the pending tick is taken a few instructions later */
	KT_EXPECT_EQ(t, j_masked, j0);
	/* one interrupt, five ticks counted: 2 ms alone could give one */
	KT_EXPECT_GE(t, jiffies - j0, 50 * HZ / 1000 - 1);
}

static const struct ktest_case timer_cases[] = {
	KTEST_CASE(counter_is_monotonic),
	KTEST_CASE(rate_is_known),
	KTEST_CASE(ktime_follows_counter),
	KTEST_CASE(tick_advances),
	KTEST_CASE(masked_ticks_are_caught_up),
	{}
};

static const struct ktest_suite timer_suite = {
	.name = "timer",
	.cases = timer_cases,
};
ktest_register_suite(timer_suite);

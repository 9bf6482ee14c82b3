// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel preemption (linux/preempt.h): the count nests through
 * preempt_disable and every spinlock flavour, an interrupt handler runs
 * with HARDIRQ_OFFSET in it, and the switches happen where they must.
 * Two kernel threads bound to one CPU (the last online one) show it: a
 * thread without the big kernel lock that spins, never calling
 * schedule(), is preempted by the tick so the other runs; one holding
 * the lock, or inside preempt_disable(), is not; preempt_enable() at the
 * end of the section makes the switch asked for meanwhile, and
 * preempt_enable_no_resched() does not. With preempt=none on the command
 * line nothing is preempted, and the same cases check that instead.
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/spinlock.h>
#include <linux/time.h>

/* How long a spinning thread waits for the other before giving up: many ticks. */
#define SPIN_NS		NSEC_PER_SEC

static void count_nesting(struct ktest *t)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	int depth;

	/* the runner holds the big kernel lock, which is not counted */
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_TRUE(t, preemptible());
	preempt_disable();
	KT_EXPECT_EQ(t, preempt_count(), 1);
	KT_EXPECT_TRUE(t, in_atomic());
	KT_EXPECT_FALSE(t, preemptible());
	preempt_disable();
	spin_lock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), 3);
	KT_EXPECT_EQ(t, spin_trylock(&lock), 0);	/* failing leaves it as it was */
	KT_EXPECT_EQ(t, preempt_count(), 3);
	spin_unlock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), 2);
	preempt_enable();
	preempt_enable_no_resched();
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_FALSE(t, in_atomic());

	spin_lock_irqsave(&lock, flags);
	KT_EXPECT_EQ(t, preempt_count(), 1);
	KT_EXPECT_TRUE(t, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	spin_lock_irq(&lock);
	KT_EXPECT_EQ(t, preempt_count(), 1);
	spin_unlock_irq(&lock);
	KT_EXPECT_EQ(t, spin_trylock(&lock), 1);
	KT_EXPECT_EQ(t, preempt_count(), 1);
	spin_unlock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_TRUE(t, preemptible());

	depth = current->lock_depth;
	lock_kernel();		/* only lock_depth moves */
	KT_EXPECT_EQ(t, current->lock_depth, depth + 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	unlock_kernel();
	KT_EXPECT_EQ(t, current->lock_depth, depth);
}

static void record_count(void *arg)
{
	*(int *)arg = preempt_count();
}

/* A call-function IPI's handler runs in hardirq context: in_atomic() there. */
static void count_in_interrupt(struct ktest *t)
{
	int cpu, other = -1, seen = -1;

	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			other = cpu;
	if (other < 0) {
		ktest_skip(t, "one CPU online");
		return;
	}
	KT_ASSERT_EQ(t, smp_call_function_single(other, record_count, &seen, 1), 0);
	KT_EXPECT_EQ(t, seen & HARDIRQ_MASK, HARDIRQ_OFFSET);
	KT_EXPECT_EQ(t, preempt_count(), 0);
}

struct pair {
	int cpu;
	bool bkl;		/* the spinner keeps the big kernel lock */
	bool other_ran;		/* set by the other thread */
	bool seen;		/* what the spinner saw before its deadline */
	bool started, done, other_done;
	struct task_struct *other;
	int nivcsw_before;
};

/* The CPU both threads of a pair run on: the last online one. */
static int pair_cpu(void)
{
	int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

/* @p, created and not yet run, will run on @cpu only (Linux's kthread_bind). */
static void bind_thread(struct task_struct *p, int cpu)
{
	p->cpus_allowed = 1UL << cpu;
	p->stack->cpu = cpu;
}

static int other_thread(void *arg)
{
	struct pair *pr = arg;

	WRITE_ONCE(pr->other_ran, true);
	WRITE_ONCE(pr->other_done, true);
	return 0;
}

/* Spins, never calling schedule(), until the other thread ran or time is up. */
static int spin_thread(void *arg)
{
	struct pair *pr = arg;
	u64 deadline;

	if (!pr->bkl)
		unlock_kernel();
	WRITE_ONCE(pr->started, true);
	deadline = ktime_get_ns() + SPIN_NS;
	while (!(pr->seen = READ_ONCE(pr->other_ran)) && ktime_get_ns() < deadline)
		cpu_relax();
	if (!pr->bkl)
		lock_kernel();
	WRITE_ONCE(pr->done, true);
	return 0;
}

static void wait_true(bool *flag)
{
	while (!READ_ONCE(*flag))
		msleep(1);
}

/* Both threads exited: the idle task releases them. */
static void pair_end(struct pair *pr)
{
	wait_true(&pr->done);
	wait_true(&pr->other_done);
	msleep(20);
}

/* The spinner starts alone on its CPU, then the other is queued behind it. */
static bool run_spin_pair(struct ktest *t, struct pair *pr)
{
	struct task_struct *spinner = kthread_create(spin_thread, pr, "preempt_spin");
	struct task_struct *other = kthread_create(other_thread, pr, "preempt_other");

	if (!spinner || !other) {
		KT_FAIL(t, "kthread_create failed");
		return false;
	}
	pr->cpu = pair_cpu();
	bind_thread(spinner, pr->cpu);
	bind_thread(other, pr->cpu);
	wake_up_process(spinner);
	wait_true(&pr->started);
	wake_up_process(other);
	pair_end(pr);
	return true;
}

/*
 * The tick asks the spinner to make way; the interrupt's return into
 * its loop switches it out (preempt=full), or does not (preempt=none).
 */
static void spinning_thread_is_preempted(struct ktest *t)
{
	struct pair pr = { .bkl = false };

	if (!run_spin_pair(t, &pr))
		return;
	KT_EXPECT_EQ(t, pr.seen, preempt_model_full());
	KT_EXPECT_TRUE(t, pr.other_ran);
}

/* Under the big kernel lock nothing is preempted: the code there counts on it. */
static void bkl_holder_is_not_preempted(struct ktest *t)
{
	struct pair pr = { .bkl = true };

	if (!run_spin_pair(t, &pr))
		return;
	KT_EXPECT_FALSE(t, pr.seen);
	KT_EXPECT_TRUE(t, pr.other_ran);
}

/*
 * Inside preempt_disable() the other thread, queued here and with a
 * switch asked for, does not run; it runs at the end of the section:
 * at preempt_enable() (preempt=full), else only when this thread
 * yields. preempt_enable_no_resched() never switches.
 */
struct enable_case {
	bool no_resched;
	bool ran_inside, ran_at_enable;
	struct pair pr;
};

static int enable_thread(void *arg)
{
	struct enable_case *ec = arg;
	u64 until;

	unlock_kernel();
	preempt_disable();
	wake_up_process(ec->pr.other);
	set_tsk_need_resched(current);
	until = ktime_get_ns() + 3 * NSEC_PER_SEC / HZ;	/* ticks come and go */
	while (ktime_get_ns() < until)
		cpu_relax();
	ec->ran_inside = READ_ONCE(ec->pr.other_ran);
	if (ec->no_resched) {
		local_irq_disable();	/* no tick's return to preempt in between */
		preempt_enable_no_resched();
		ec->ran_at_enable = READ_ONCE(ec->pr.other_ran);
		local_irq_enable();
	} else {
		preempt_enable();
		ec->ran_at_enable = READ_ONCE(ec->pr.other_ran);
	}
	lock_kernel();
	while (!READ_ONCE(ec->pr.other_ran))
		schedule();
	WRITE_ONCE(ec->pr.done, true);
	return 0;
}

static void run_enable_case(struct ktest *t, struct enable_case *ec)
{
	struct task_struct *p = kthread_create(enable_thread, ec, "preempt_enable");

	ec->pr.other = kthread_create(other_thread, &ec->pr, "preempt_other");
	if (!p || !ec->pr.other) {
		KT_FAIL(t, "kthread_create failed");
		return;
	}
	ec->pr.cpu = pair_cpu();
	bind_thread(p, ec->pr.cpu);
	bind_thread(ec->pr.other, ec->pr.cpu);
	wake_up_process(p);
	pair_end(&ec->pr);
	KT_EXPECT_FALSE(t, ec->ran_inside);
	KT_EXPECT_TRUE(t, ec->pr.other_ran);
}

static void preempt_enable_switches(struct ktest *t)
{
	struct enable_case ec = { .no_resched = false };

	run_enable_case(t, &ec);
	KT_EXPECT_EQ(t, ec.ran_at_enable, preempt_model_full());
}

static void preempt_enable_no_resched_does_not(struct ktest *t)
{
	struct enable_case ec = { .no_resched = true };

	run_enable_case(t, &ec);
	KT_EXPECT_FALSE(t, ec.ran_at_enable);
}

static const struct ktest_case preempt_cases[] = {
	KTEST_CASE(count_nesting),
	KTEST_CASE(count_in_interrupt),
	KTEST_CASE(spinning_thread_is_preempted),
	KTEST_CASE(bkl_holder_is_not_preempted),
	KTEST_CASE(preempt_enable_switches),
	KTEST_CASE(preempt_enable_no_resched_does_not),
	{}
};

static const struct ktest_suite preempt_suite = {
	.name = "preempt",
	.cases = preempt_cases,
};
ktest_register_suite(preempt_suite);

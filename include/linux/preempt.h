/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel preemption, as Linux's CONFIG_PREEMPT: a task running kernel
 * code may be switched out by an interrupt (on its return, entry-armv.S)
 * or when it ends a section that had preemption disabled, once the
 * scheduler asked for a switch (TIF_NEED_RESCHED), unless it is in such
 * a section. The count of those sections is thread_info->preempt_count,
 * per task: bits 0-7 the nesting of preempt_disable() (every spinlock
 * held counts one), bits 16-19 of interrupt handlers (do_IRQ adds
 * HARDIRQ_OFFSET). Invariant: a task is switched out by preemption only
 * with the count 0 and interrupts enabled where it was stopped.
 *
 * The big kernel lock is the other rule: a task holding it
 * (lock_depth >= 0) is never preempted, whatever its count, because
 * the code under it was written for a kernel that only switches where
 * it sleeps. The BKL is not counted here: schedule() gives it up and
 * takes it back around a sleep, which the count must not see as a
 * sleep in an atomic section.
 *
 * `preempt=none` on the command line turns the switches off (the count
 * is still kept, in_atomic() still answers), `preempt=full` (the
 * default) on, as Linux's dynamic preemption names them.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/irqflags.h>
#include <asm/thread_info.h>

#define PREEMPT_MASK	0x000000ff
#define HARDIRQ_SHIFT	16
#define HARDIRQ_OFFSET	(1 << HARDIRQ_SHIFT)
#define HARDIRQ_MASK	0x000f0000

static __always_inline volatile int *preempt_count_ptr(void)
{
	return &current_thread_info()->preempt_count;
}

static __always_inline bool tif_need_resched(void)
{
	return READ_ONCE(current_thread_info()->flags) & _TIF_NEED_RESCHED;
}

static __always_inline int preempt_count(void)
{
	return *preempt_count_ptr();
}

/* Only this task changes its count (an interrupt takes back what it adds). */
static __always_inline void preempt_count_add(int val)
{
	*preempt_count_ptr() += val;
}

static __always_inline void preempt_count_sub(int val)
{
	*preempt_count_ptr() -= val;
}

static __always_inline bool preempt_count_dec_and_test(void)
{
	return --*preempt_count_ptr() == 0;
}

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define in_hardirq()	(hardirq_count() != 0)

/* Whether the caller may not sleep: a preempt-disabled section or an interrupt. */
#define in_atomic()	(preempt_count() != 0)

/* Whether an interrupt here could switch tasks (the BKL rule aside). */
#define preemptible()	(preempt_count() == 0 && !irqs_disabled())

/* kernel/sched.c: the switch that preempt_enable() asks for. */
void preempt_schedule(void);

/* The mode preempt= chose. */
bool preempt_model_none(void);
bool preempt_model_full(void);

#define preempt_disable() do {						\
	preempt_count_add(1);						\
	barrier();							\
} while (0)

/* Ends the section without switching: the caller is about to switch itself. */
#define preempt_enable_no_resched() do {				\
	barrier();							\
	preempt_count_sub(1);						\
} while (0)

/* Ends the section; at the outermost end, a switch asked for meanwhile is made. */
#define preempt_enable() do {						\
	barrier();							\
	if (unlikely(preempt_count_dec_and_test() && tif_need_resched())) \
		preempt_schedule();					\
} while (0)

#endif

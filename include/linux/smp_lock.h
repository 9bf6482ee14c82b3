/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The big kernel lock (Linux 2.0-2.4's lock_kernel): one lock, kernel_flag,
 * that process-context kernel code holds while it runs, so that with
 * several CPUs running user code in parallel the kernel still runs one
 * task at a time, interleaved only where a task sleeps, as it was written
 * for. A task takes it on every entry from user mode (system call,
 * undefined instruction, an abort that is not a page fault (those take
 * mmap_lock and the page-table locks instead, arch/arm/mm/fault.c), or
 * an interrupt that has work to do on the way out) and drops it on the
 * way back; schedule() releases it while the
 * task is off the CPU and takes it again before the task goes on.
 * Kernel threads hold it while they run.
 *
 * task->lock_depth counts the holds: -1 not held, 0 held once. A task is
 * made holding it once (it goes on from schedule_tail, which retakes it).
 *
 * Interrupt handlers that touch what process context shares (signals,
 * the task list, the tty) take it too, with irq_lock_kernel(): they wait
 * for it unless the interrupted task on this CPU is its holder, in which
 * case the old uniprocessor rule applies (that code masks interrupts
 * where it must); CPU 0's tick tries first (tick_lock_stats below). So
 * it is never waited for with a ticket while interrupts are enabled: a
 * holder's CPU could then run a handler waiting behind it. lock_kernel()
 * spins with trylock, interrupts on.
 */
#ifndef _LINUX_SMP_LOCK_H
#define _LINUX_SMP_LOCK_H

#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/time.h>

extern spinlock_t kernel_flag;

void lock_kernel(void);
void unlock_kernel(void);
/* The lock if no other task holds it (true: give it back with unlock_kernel). */
bool trylock_kernel(void);

/*
 * From an interrupt: 1 if it took the lock (give it back with
 * irq_unlock_kernel), 0 if the interrupted task holds it, -1 if it may
 * not wait for it: the interrupted kernel code runs without the lock but
 * holds a spinlock (a page fault's pte lock, say), which the lock's
 * holder may be spinning for, and this CPU would never let it go. The
 * caller then puts its work off (a device's interrupt until the next
 * tick that can take the lock: irq_run_deferred()).
 */
int irq_lock_kernel(void);
/* As irq_lock_kernel, but -1 whenever another CPU holds it: never waits. */
int irq_trylock_kernel(void);

/*
 * CPU 0's tick does its global work (interval timers, the load average,
 * put-off device interrupts) under the lock, but only tries for it, up
 * to TICK_LOCK_TRIES ticks in a row: waiting, it would sit with
 * interrupts masked for the rest of another CPU's system call. A later
 * tick catches up. After that many misses it waits, with a ticket that
 * the next release serves, so that tasks taking turns with the lock
 * cannot put the timers off for ever. The shell's `cpus` shows the counts.
 */
#define TICK_LOCK_TRIES	(HZ / 10)
struct tick_lock_stats {
	unsigned int misses;	/* ticks in a row that found it held, so far */
	unsigned int most;	/* the longest such run */
	unsigned long total;	/* all the ticks that put their work off */
	unsigned long waits;	/* the ticks that then waited for it */
};
extern struct tick_lock_stats tick_lock_stats;

static inline void irq_unlock_kernel(int taken)
{
	if (taken > 0)
		spin_unlock(&kernel_flag);
}

/* entry-armv.S: on each entry from user mode, and before the work on the way back. */
void kernel_lock_user_entry(void);
/* entry-armv.S: the last thing before user mode, interrupts masked. */
void kernel_unlock_user_exit(void);

#endif

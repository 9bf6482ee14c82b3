/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks: the architecture's ticket lock (asm/spinlock.h) plus the
 * number of the CPU holding it, which catches the one mistake a ticket
 * lock cannot survive: taking a lock this CPU already holds (in an
 * interrupt handler that interrupted its holder, or twice on one path)
 * would wait forever, so it is a BUG instead. The holder is checked only
 * once the lock was found taken, off the fast path. A zeroed spinlock_t
 * is unlocked.
 *
 * spin_lock_irqsave/spin_unlock_irqrestore also mask interrupts on this
 * CPU for the time the lock is held: needed for any lock an interrupt
 * handler takes, as on Linux. Every spin_lock disables preemption until
 * its spin_unlock (linux/preempt.h).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/irqflags.h>
#include <asm/spinlock.h>

typedef struct {
	arch_spinlock_t raw;
	int owner_cpu;		/* the holder's CPU number + 1; 0: none */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ __ARCH_SPIN_LOCK_UNLOCKED, 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	*lock = (spinlock_t)__SPIN_LOCK_UNLOCKED;
}

/*
 * The lock alone, with no change to the preempt count: for the big
 * kernel lock, which is not counted there (linux/preempt.h), and for a
 * run queue's lock held across a switch (kernel/sched.c).
 */
static inline void do_raw_spin_lock(spinlock_t *lock)
{
	if (unlikely(!arch_spin_trylock(&lock->raw))) {
		/* only this CPU writes its own number there */
		BUG_ON(READ_ONCE(lock->owner_cpu) == smp_processor_id() + 1);
		arch_spin_lock(&lock->raw);
	}
	lock->owner_cpu = smp_processor_id() + 1;
}

static inline int do_raw_spin_trylock(spinlock_t *lock)
{
	if (!arch_spin_trylock(&lock->raw))
		return 0;
	lock->owner_cpu = smp_processor_id() + 1;
	return 1;
}

static inline void do_raw_spin_unlock(spinlock_t *lock)
{
	lock->owner_cpu = 0;
	arch_spin_unlock(&lock->raw);
}

/*
 * A holder is not preempted: another task on its CPU spinning for the
 * lock would wait for a holder that cannot run, and the CPU number in
 * owner_cpu would go stale if the holder moved.
 */
static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

/* 1 if the lock was free and is now ours, 0 if someone holds it. */
static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return 1;
	preempt_enable();
	return 0;
}

static inline void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline int spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

#define spin_lock_irqsave(lock, flags) do {				\
	local_irq_save(flags);						\
	preempt_disable();						\
	do_raw_spin_lock(lock);						\
} while (0)

/* Interrupts back first: a switch asked for meanwhile is then made at once. */
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#endif

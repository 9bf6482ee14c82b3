/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. One CPU runs today, so taking a lock is masking interrupts
 * on it; the lock word still records the holder, which catches a
 * recursive acquisition (a deadlock on SMP) with a BUG. Shared
 * structures are guarded with this API from the start, so SMP adds a
 * real ldrex/strex loop here and changes no caller.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <asm/irqflags.h>

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void __spin_acquire(spinlock_t *lock)
{
	BUG_ON(lock->locked);
	lock->locked = 1;
}

static inline void __spin_release(spinlock_t *lock)
{
	lock->locked = 0;
}

#define spin_lock_irqsave(lock, flags) do {				\
	local_irq_save(flags);						\
	__spin_acquire(lock);						\
} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	__spin_release(lock);
	local_irq_restore(flags);
}

static inline void spin_lock(spinlock_t *lock)
{
	__spin_acquire(lock);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__spin_release(lock);
}

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in: a test program is one thread, so a lock is a flag; a
 * lock found taken is a recursion, which linux/spinlock.h reports.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <stdbool.h>

typedef struct {
	unsigned int slock;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ 0 }

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	if (lock->slock)
		return 0;
	lock->slock = 1;
	return 1;
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	lock->slock = 1;
}

/* One thread: the ticket is served at once. */
static inline unsigned short arch_spin_take_ticket(arch_spinlock_t *lock)
{
	lock->slock = 1;
	return 0;
}

static inline bool arch_spin_ticket_served(arch_spinlock_t *lock, unsigned short ticket)
{
	(void)lock;
	(void)ticket;
	return true;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	lock->slock = 0;
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	return lock->slock;
}

#endif

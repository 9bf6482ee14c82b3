/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlocks, as Linux's on ARMv7. The lock word holds two 16-bit
 * counters: "next", the ticket the next arrival takes (high half), and
 * "owner", the ticket being served (low half). Taking the lock is an
 * atomic add to next, whose old value is our ticket, then waiting until
 * owner reaches it; releasing is owner + 1, a plain store since only the
 * holder writes owner. CPUs are served in the order they came, and the
 * lock is free exactly when owner == next, which a zeroed word is.
 *
 * A dmb after the acquisition keeps the critical section's accesses
 * after it, a dmb before the release keeps them before it. A waiter
 * sleeps in WFE; the release wakes it with DSB + SEV.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

#define TICKET_SHIFT	16

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner;	/* little-endian: the low half */
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ { 0 } }

/* Our place in the queue: the lock is ours once owner reaches it. */
static inline u16 arch_spin_take_ticket(arch_spinlock_t *lock)
{
	return __fetch_add(&lock->slock, 1 << TICKET_SHIFT) >> TICKET_SHIFT;
}

/* True once @ticket is served: the lock is ours. */
static inline bool arch_spin_ticket_served(arch_spinlock_t *lock, u16 ticket)
{
	if (READ_ONCE(lock->tickets.owner) != ticket)
		return false;
	smp_mb();
	return true;
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(lock);

	while (!arch_spin_ticket_served(lock, ticket))
		wfe();
}

/* Takes the lock only if nobody holds or waits for it: 1 if taken. */
static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = READ_ONCE(lock->slock);

	if ((old >> TICKET_SHIFT) != (old & 0xffff))
		return 0;
	if (__cmpxchg_relaxed(&lock->slock, old, old + (1 << TICKET_SHIFT)) != old)
		return 0;
	smp_mb();
	return 1;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	WRITE_ONCE(lock->tickets.owner, lock->tickets.owner + 1);
	dsb_sev();
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	u32 v = READ_ONCE(lock->slock);

	return (v >> TICKET_SHIFT) != (v & 0xffff);
}

#endif

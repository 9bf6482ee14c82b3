// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlock debugging (make DEBUG_LOCKS=1): the checks linux/spinlock.h
 * makes around the ticket lock, worded as Linux's spinlock debugging
 * words them ("BUG: spinlock recursion on CPU#0, ..."), plus the lock
 * order checker's hooks (lockdep.c).
 *
 * A misuse is reported and the kernel goes on; the operation is left
 * undone where doing it would hang (taking a lock this CPU holds: the
 * ticket would never come) or corrupt the lock (releasing a free one
 * advances its owner ticket past the next, and it never frees again).
 * An unlock by a CPU or task that is not the holder is done: the lock
 * was taken, and the caller meant to free it. Invariant: while a lock
 * is held, dep_map.owner and owner_cpu name its holder.
 */
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/irqflags.h>

bool spin_debug_lock(spinlock_t *lock, unsigned int subclass, unsigned long ip)
{
	if (unlikely(READ_ONCE(lock->owner_cpu) == smp_processor_id() + 1)) {
		debug_lock_report("spinlock recursion", &lock->dep_map);
		return false;
	}
	return lock_acquire(&lock->dep_map, subclass, 0, 0, ip);
}

void spin_debug_locked(spinlock_t *lock, bool trylock, unsigned long ip)
{
	if (trylock)
		lock_acquire(&lock->dep_map, 0, 1, 0, ip);
	lock_acquired(&lock->dep_map);
}

bool spin_debug_unlock(spinlock_t *lock, unsigned long ip)
{
	const char *bad = NULL;

	if (!spin_is_locked(lock)) {
		debug_lock_report("spinlock already unlocked", &lock->dep_map);
		return false;
	}
	if (lock->owner_cpu != smp_processor_id() + 1)
		bad = "spinlock wrong CPU";
	else if (lock->dep_map.owner != current)
		bad = "spinlock wrong owner";
	if (bad) {
		/* the holder's stack of held locks is its own: left as it is */
		debug_lock_report(bad, &lock->dep_map);
		lock->dep_map.owner = NULL;
		lock->dep_map.cpu = -1;
		return true;
	}
	lock_release(&lock->dep_map, ip);
	return true;
}

void spin_lock_hand_over(spinlock_t *lock, struct task_struct *from)
{
	lock_hand_over(&lock->dep_map, from);
}

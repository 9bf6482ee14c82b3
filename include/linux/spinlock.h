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
 * With lock debugging (make DEBUG_LOCKS=1) each lock also records its
 * owner task and takes part in the lock-order checker (linux/lockdep.h);
 * misuse is reported and, where going on would hang or corrupt the
 * lock, the operation is left undone.
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
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/irqflags.h>
#include <asm/spinlock.h>

struct task_struct;

typedef struct {
	arch_spinlock_t raw;
	int owner_cpu;		/* the holder's CPU number + 1; 0: none */
	struct lockdep_map dep_map;	/* lock debugging (linux/lockdep.h); else empty */
} spinlock_t;

/*
 * A statically initialised lock is named after its variable (DEFINE_SPINLOCK)
 * or, inside a bigger initialiser, after the place it is written at.
 */
#define __SPIN_LOCK_UNLOCKED_NAMED(name)				\
	{ __ARCH_SPIN_LOCK_UNLOCKED, 0, STATIC_LOCKDEP_MAP_INIT(name) }
#define __SPIN_LOCK_UNLOCKED						\
	__SPIN_LOCK_UNLOCKED_NAMED(__FILE__ ":" __stringify(__LINE__))
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED_NAMED(#x)

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    struct lock_class_key *key)
{
	*lock = (spinlock_t)__SPIN_LOCK_UNLOCKED_NAMED(name);
	lockdep_init_map(&lock->dep_map, name, key);
}

/* The locks initialised here form a class of their own (linux/lockdep.h). */
#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
									\
	__spin_lock_init((lock), #lock, &__key);			\
} while (0)

/*
 * Lock debugging's checks around the ticket lock (kernel/locking/
 * spinlock_debug.c): spin_debug_lock() before taking it (false: this CPU
 * holds it already, reported, and it must not be taken: that would spin
 * for ever), spin_debug_locked() once it is held, spin_debug_unlock()
 * before giving it back (false: it is not held, reported, and releasing
 * it would break its tickets). Without CONFIG_DEBUG_LOCKS they are empty.
 */
#ifdef CONFIG_DEBUG_LOCKS
bool spin_debug_lock(spinlock_t *lock, unsigned int subclass, unsigned long ip);
void spin_debug_locked(spinlock_t *lock, bool trylock, unsigned long ip);
bool spin_debug_unlock(spinlock_t *lock, unsigned long ip);
/* The run-queue lock of a context switch, taken by @from, goes on with current. */
void spin_lock_hand_over(spinlock_t *lock, struct task_struct *from);
#else
static inline bool spin_debug_lock(spinlock_t *lock, unsigned int subclass, unsigned long ip)
{
	(void)lock;
	(void)subclass;
	(void)ip;
	return true;
}

static inline void spin_debug_locked(spinlock_t *lock, bool trylock, unsigned long ip)
{
	(void)lock;
	(void)trylock;
	(void)ip;
}

static inline bool spin_debug_unlock(spinlock_t *lock, unsigned long ip)
{
	(void)lock;
	(void)ip;
	return true;
}

static inline void spin_lock_hand_over(spinlock_t *lock, struct task_struct *from)
{
	(void)lock;
	(void)from;
}
#endif

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
 * The second of two locks of one class taken together, always after the
 * first (subclass 0): for the lock-order checker a class of its own.
 * A holder is not preempted: another task on its CPU spinning for the
 * lock would wait for a holder that cannot run, and the CPU number in
 * owner_cpu would go stale if the holder moved.
 */
static inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	if (!spin_debug_lock(lock, subclass, _THIS_IP_))
		return;
	preempt_disable();
	do_raw_spin_lock(lock);
	spin_debug_locked(lock, false, _THIS_IP_);
}

static inline void spin_lock(spinlock_t *lock)
{
	spin_lock_nested(lock, 0);
}

/*
 * spin_lock() for a waiter that has work to do while it waits, @poll
 * between looks at the lock (CPU 0's tick waiting for the big kernel
 * lock runs the call-function IPIs it cannot take, interrupts masked),
 * served in ticket order like any other. The order checker sees it as a
 * trylock: it comes from an interrupt, outside the task's lock order.
 */
static inline void spin_lock_polling(spinlock_t *lock, void (*poll)(void))
{
	u16 ticket;

	preempt_disable();
	ticket = arch_spin_take_ticket(&lock->raw);
	while (!arch_spin_ticket_served(&lock->raw, ticket))
		poll();
	lock->owner_cpu = smp_processor_id() + 1;
	spin_debug_locked(lock, true, _THIS_IP_);
}

/* 1 if the lock was free and is now ours, 0 if someone holds it. */
static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (!do_raw_spin_trylock(lock)) {
		preempt_enable();
		return 0;
	}
	spin_debug_locked(lock, true, _THIS_IP_);
	return 1;
}

static inline void spin_unlock(spinlock_t *lock)
{
	if (!spin_debug_unlock(lock, _THIS_IP_))
		return;
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline int spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

#define spin_lock_irqsave(lock, flags) do {				\
	local_irq_save(flags);						\
	spin_lock(lock);						\
} while (0)

/*
 * Interrupts back first: a switch asked for meanwhile is then made at
 * once. (A release lock debugging refused leaves the count alone.)
 */
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	bool held = spin_debug_unlock(lock, _THIS_IP_);

	if (held)
		do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	if (held)
		preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	bool held = spin_debug_unlock(lock, _THIS_IP_);

	if (held)
		do_raw_spin_unlock(lock);
	local_irq_enable();
	if (held)
		preempt_enable();
}

#endif

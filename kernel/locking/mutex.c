// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (linux/mutex.h). The owner word is the whole state: 0 free,
 * else the owning task, with MUTEX_FLAG_WAITERS once someone sleeps on
 * it. The fast paths are one compare-and-swap each; everything else
 * happens under wait_lock, where a waiter queues and an unlock with
 * waiters hands the mutex to the first of them before waking it. A
 * woken waiter therefore finds the mutex already its own; it never
 * competes again with tasks that came later.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/signal.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;		/* the unlocker made us the owner */
};

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&lock->owner, 0);
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lockdep_init_map(&lock->dep_map, name, key);
}

static bool __mutex_trylock_fast(struct mutex *lock)
{
	return atomic_long_cmpxchg(&lock->owner, 0, (long)current) == 0;
}

int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock_fast(lock))
		return 0;
	lock_acquire(&lock->dep_map, 0, 1, 0, _RET_IP_);
	lock_acquired(&lock->dep_map);
	return 1;
}

/*
 * Under wait_lock: take the mutex if it is free, else mark it as having
 * waiters, so that its owner's unlock comes to wait_lock and finds us.
 * The mark goes in with a compare-and-swap: an owner may give the mutex
 * back (fast, while no mark is set) between our read and our write.
 */
static bool __mutex_take_or_mark(struct mutex *lock)
{
	long owner = atomic_long_read(&lock->owner);

	for (;;) {
		long seen, new;

		if (owner == 0)
			new = (long)current |
			      (list_empty(&lock->wait_list) ? 0 : MUTEX_FLAG_WAITERS);
		else if (owner & MUTEX_FLAG_WAITERS)
			return false;
		else
			new = owner | MUTEX_FLAG_WAITERS;
		seen = atomic_long_cmpxchg(&lock->owner, owner, new);
		if (seen == owner)
			return owner == 0;
		owner = seen;
	}
}

static int __mutex_lock_slowpath(struct mutex *lock, long state)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&lock->wait_lock, flags);
	BUG_ON(__mutex_owner(lock) == current);	/* would wait for itself */
	if (__mutex_take_or_mark(lock)) {
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		return 0;
	}
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		if (READ_ONCE(waiter.granted))
			break;
		if (state == TASK_INTERRUPTIBLE && signal_pending(current)) {
			spin_lock_irqsave(&lock->wait_lock, flags);
			if (waiter.granted) {	/* handed over meanwhile: keep it */
				spin_unlock_irqrestore(&lock->wait_lock, flags);
				break;
			}
			list_del(&waiter.list);
			if (list_empty(&lock->wait_list))
				atomic_long_andnot(MUTEX_FLAG_WAITERS, &lock->owner);
			spin_unlock_irqrestore(&lock->wait_lock, flags);
			ret = -EINTR;
			break;
		}
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	return ret;
}

/*
 * The lock-order checker sees the acquisition before it can wait, so an
 * inversion is reported before it deadlocks; a mutex its caller holds
 * already is reported and not waited for (with lock debugging only).
 */
static int __mutex_lock(struct mutex *lock, long state, unsigned int subclass,
			unsigned long ip)
{
	int ret = 0;

	if (!lock_acquire(&lock->dep_map, subclass, 0, 0, ip))
		return 0;
	if (!__mutex_trylock_fast(lock))
		ret = __mutex_lock_slowpath(lock, state);
	if (ret)
		lock_release(&lock->dep_map, ip);
	else
		lock_acquired(&lock->dep_map);
	return ret;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, 0, _RET_IP_);
}

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, subclass, _RET_IP_);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, 0, _RET_IP_);
}

/* Hands the mutex to the first waiter, still marked if more wait. */
static void __mutex_unlock_slowpath(struct mutex *lock)
{
	struct mutex_waiter *next;
	struct task_struct *task;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (list_empty(&lock->wait_list)) {	/* the only one gave up (-EINTR) */
		atomic_long_set(&lock->owner, 0);
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		return;
	}
	next = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
	list_del(&next->list);
	task = next->task;	/* @next is on its stack: gone once it sees granted */
	atomic_long_set(&lock->owner, (long)task |
			(list_empty(&lock->wait_list) ? 0 : MUTEX_FLAG_WAITERS));
	WRITE_ONCE(next->granted, true);
	wake_up_process(task);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

void mutex_unlock(struct mutex *lock)
{
	if (!lock_release(&lock->dep_map, _RET_IP_))
		return;		/* not ours: reported (lock debugging), left alone */
	BUG_ON(__mutex_owner(lock) != current);
	if (atomic_long_cmpxchg(&lock->owner, (long)current, 0) != (long)current)
		__mutex_unlock_slowpath(lock);
}

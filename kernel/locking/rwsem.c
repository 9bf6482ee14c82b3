// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores (linux/rwsem.h). Fast paths touch only the count;
 * the slow paths queue under wait_lock, and rwsem_grant() serves the
 * queue: it is called whenever the semaphore may have become free for
 * the task at its head (an unlock that saw waiters, a reader backing out,
 * a task that just queued) and gives the semaphore to that task (and the
 * readers right behind a reader) by changing the count on their behalf
 * before waking them. A woken task finds itself already in.
 */
#include <linux/bug.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

enum rwsem_waiter_type { RWSEM_WAITING_FOR_READ, RWSEM_WAITING_FOR_WRITE };

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	enum rwsem_waiter_type type;
	bool granted;
};

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&sem->count, 0);
	sem->owner = NULL;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_map(&sem->dep_map, name, key);
}

static void rwsem_wake_waiter(struct rwsem_waiter *w)
{
	struct task_struct *task = w->task;	/* @w is gone once granted is seen */

	WRITE_ONCE(w->granted, true);
	wake_up_process(task);
}

/* Under wait_lock: lets in whoever heads the queue, if it can get in now. */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct rwsem_waiter *w, *next;

	list_for_each_entry_safe(w, next, &sem->wait_list, list) {
		if (w->type == RWSEM_WAITING_FOR_WRITE) {
			/* only if nothing but the waiters flag is left */
			if (atomic_long_cmpxchg(&sem->count, RWSEM_FLAG_WAITERS,
						RWSEM_FLAG_WAITERS | RWSEM_WRITER_LOCKED) !=
			    RWSEM_FLAG_WAITERS)
				break;
			sem->owner = w->task;
			list_del(&w->list);
			rwsem_wake_waiter(w);
			break;		/* a writer is alone */
		}
		/*
		 * A reader: none but queued writers can take the writer bit
		 * now (the waiters flag keeps the fast paths out), so if it
		 * is clear it stays clear while we add the readers' bias.
		 */
		if (atomic_long_read(&sem->count) & RWSEM_WRITER_LOCKED)
			break;
		atomic_long_add(RWSEM_READER_BIAS, &sem->count);
		list_del(&w->list);
		rwsem_wake_waiter(w);
	}
	if (list_empty(&sem->wait_list))
		atomic_long_andnot(RWSEM_FLAG_WAITERS, &sem->count);
}

static void rwsem_wake(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	rwsem_grant(sem);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

/*
 * Queues the task, sets the waiters flag (which sends unlocks to
 * rwsem_wake), serves the queue in case the semaphore came free before
 * the flag was seen, and sleeps until served.
 */
static void rwsem_down_slowpath(struct rw_semaphore *sem, enum rwsem_waiter_type type)
{
	struct rwsem_waiter waiter = { .task = current, .type = type };
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	list_add_tail(&waiter.list, &sem->wait_list);
	atomic_long_or(RWSEM_FLAG_WAITERS, &sem->count);
	smp_mb();	/* the flag before the count rwsem_grant reads */
	rwsem_grant(sem);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&sem->wait_lock, flags);
		if (READ_ONCE(waiter.granted))
			break;
		schedule();
		spin_lock_irqsave(&sem->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
}

/* A reader's bias is gone: if it was the last and tasks wait, serve them. */
static void rwsem_read_release(struct rw_semaphore *sem)
{
	long count = atomic_long_add_return(-RWSEM_READER_BIAS, &sem->count);

	if ((count & ~RWSEM_FLAG_WAITERS) == 0 && (count & RWSEM_FLAG_WAITERS))
		rwsem_wake(sem);
}

static bool rwsem_read_trylock(struct rw_semaphore *sem)
{
	long count = atomic_long_add_return(RWSEM_READER_BIAS, &sem->count);

	if (!(count & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS)))
		return true;
	rwsem_read_release(sem);
	return false;
}

/*
 * With lock debugging, the lock-order checker sees each acquisition
 * before it can wait (a reader like a writer: see lockdep.c), and a
 * release by a task that does not hold the semaphore is reported and
 * not done.
 */
static void __down_read(struct rw_semaphore *sem, unsigned int subclass, unsigned long ip)
{
	if (!lock_acquire(&sem->dep_map, subclass, 0, 1, ip))
		return;
	if (!rwsem_read_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_READ);
}

void down_read(struct rw_semaphore *sem)
{
	__down_read(sem, 0, _RET_IP_);
}

void down_read_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	__down_read(sem, subclass, _RET_IP_);
}

int down_read_trylock(struct rw_semaphore *sem)
{
	if (!rwsem_read_trylock(sem))
		return 0;
	lock_acquire(&sem->dep_map, 0, 1, 1, _RET_IP_);
	return 1;
}

void up_read(struct rw_semaphore *sem)
{
	if (!lock_release(&sem->dep_map, _RET_IP_))
		return;
	BUG_ON(!(atomic_long_read(&sem->count) & RWSEM_READER_MASK));
	rwsem_read_release(sem);
}

static bool __down_write_trylock(struct rw_semaphore *sem)
{
	if (atomic_long_cmpxchg(&sem->count, 0, RWSEM_WRITER_LOCKED) != 0)
		return false;
	sem->owner = current;
	return true;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	if (!__down_write_trylock(sem))
		return 0;
	lock_acquire(&sem->dep_map, 0, 1, 0, _RET_IP_);
	lock_acquired(&sem->dep_map);
	return 1;
}

static void __down_write(struct rw_semaphore *sem, unsigned int subclass, unsigned long ip)
{
	if (!lock_acquire(&sem->dep_map, subclass, 0, 0, ip))
		return;
	if (!__down_write_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_WRITE);
	lock_acquired(&sem->dep_map);
}

void down_write(struct rw_semaphore *sem)
{
	__down_write(sem, 0, _RET_IP_);
}

void down_write_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	__down_write(sem, subclass, _RET_IP_);
}

void up_write(struct rw_semaphore *sem)
{
	if (!lock_release(&sem->dep_map, _RET_IP_))
		return;
	BUG_ON(sem->owner != current);
	sem->owner = NULL;
	if (atomic_long_cmpxchg(&sem->count, RWSEM_WRITER_LOCKED, 0) != RWSEM_WRITER_LOCKED) {
		atomic_long_andnot(RWSEM_WRITER_LOCKED, &sem->count);
		rwsem_wake(sem);
	}
}

void downgrade_write(struct rw_semaphore *sem)
{
	BUG_ON(sem->owner != current);
	lock_downgrade(&sem->dep_map, _RET_IP_);
	sem->owner = NULL;
	/* in one step: a reader's bias in, the writer bit out */
	atomic_long_add(RWSEM_READER_BIAS - RWSEM_WRITER_LOCKED, &sem->count);
	if (atomic_long_read(&sem->count) & RWSEM_FLAG_WAITERS)
		rwsem_wake(sem);	/* readers at the head may join */
}

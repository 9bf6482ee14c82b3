/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes: a sleeping lock with one owner. Taking a free mutex is one
 * compare-and-swap of its owner word from 0 to the task; giving it back,
 * one swap back, as long as nobody waits. A task that finds it taken
 * queues itself on wait_list (under wait_lock), sets MUTEX_FLAG_WAITERS
 * in the owner word so that the owner's unlock takes the slow path, and
 * sleeps. The slow unlock hands the mutex straight to the first waiter
 * (the owner word becomes that task), so waiters get it in the order
 * they came: no task can be overtaken for ever.
 *
 * Only the owner unlocks, and not from an interrupt: a mutex may sleep.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct task_struct;

#define MUTEX_FLAG_WAITERS	0x01UL	/* in the owner word: unlock must wake */
#define MUTEX_FLAGS		0x03UL	/* task_structs are 4-aligned */

struct mutex {
	atomic_long_t owner;		/* task_struct pointer | flags, 0 if free */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* struct mutex_waiter, first come first */
	struct lockdep_map dep_map;	/* lock debugging (linux/lockdep.h); else empty */
};

#define __MUTEX_INITIALIZER(name) {					\
	.owner = ATOMIC_LONG_INIT(0),					\
	.wait_lock = __SPIN_LOCK_UNLOCKED_NAMED(#name ".wait_lock"),	\
	.wait_list = LIST_HEAD_INIT((name).wait_list),			\
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#name),			\
}
#define DEFINE_MUTEX(name)	struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);

/* The mutexes initialised here form a class of their own (linux/lockdep.h). */
#define mutex_init(lock) do {						\
	static struct lock_class_key __key;				\
									\
	__mutex_init((lock), #lock, &__key);				\
} while (0)

void mutex_lock(struct mutex *lock);
/* The second of two mutexes of one class, always taken after the first. */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
/* Like mutex_lock, but gives up with -EINTR when a signal arrives. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 if it took the mutex, 0 if someone holds it. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline struct task_struct *__mutex_owner(struct mutex *lock)
{
	return (struct task_struct *)(atomic_long_read(&lock->owner) & ~MUTEX_FLAGS);
}

static inline bool mutex_is_locked(struct mutex *lock)
{
	return __mutex_owner(lock) != NULL;
}

#endif

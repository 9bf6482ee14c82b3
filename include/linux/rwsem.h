/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores: any number of readers, or one writer; both
 * sleep while they wait. The count word holds it all:
 *
 *	bit 0		RWSEM_WRITER_LOCKED	a writer holds it
 *	bit 1		RWSEM_FLAG_WAITERS	tasks sleep on wait_list
 *	bits 8-31	readers, in units of RWSEM_READER_BIAS
 *
 * A reader adds its bias and is in if it saw neither a writer nor
 * waiters; otherwise it takes the bias back and queues. A writer is in
 * if it can change the count from 0. Queued tasks are served in order
 * under wait_lock: a writer when the count has nothing but the waiters
 * flag, the readers at the head of the queue as long as no writer holds
 * it. Since a reader queues as soon as anyone waits, a stream of readers
 * cannot starve a writer, which is what the mm needs of mmap_lock: page
 * faults (readers) come all the time, munmap and mprotect (writers) must
 * still get in.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct task_struct;

#define RWSEM_WRITER_LOCKED	0x01L
#define RWSEM_FLAG_WAITERS	0x02L
#define RWSEM_READER_SHIFT	8
#define RWSEM_READER_BIAS	(1L << RWSEM_READER_SHIFT)
#define RWSEM_READER_MASK	(~(RWSEM_READER_BIAS - 1))

struct rw_semaphore {
	atomic_long_t count;
	struct task_struct *owner;	/* the writer, for debugging and /proc */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* struct rwsem_waiter, first come first */
	struct lockdep_map dep_map;	/* lock debugging (linux/lockdep.h); else empty */
};

#define __RWSEM_INITIALIZER(name) {					\
	.count = ATOMIC_LONG_INIT(0),					\
	.wait_lock = __SPIN_LOCK_UNLOCKED_NAMED(#name ".wait_lock"),	\
	.wait_list = LIST_HEAD_INIT((name).wait_list),			\
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#name),			\
}
#define DECLARE_RWSEM(name)	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);

/* The rw_semaphores initialised here form a class of their own (linux/lockdep.h). */
#define init_rwsem(sem) do {						\
	static struct lock_class_key __key;				\
									\
	__init_rwsem((sem), #sem, &__key);				\
} while (0)

void down_read(struct rw_semaphore *sem);
/* The second of two rw_semaphores of one class, always taken after the first. */
void down_read_nested(struct rw_semaphore *sem, unsigned int subclass);
/* 1 if it got in, 0 if it would have to wait. */
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);

void down_write(struct rw_semaphore *sem);
void down_write_nested(struct rw_semaphore *sem, unsigned int subclass);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* The writer becomes a reader without letting another writer in between. */
void downgrade_write(struct rw_semaphore *sem);

static inline bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return atomic_long_read(&sem->count) & ~RWSEM_FLAG_WAITERS;
}

static inline bool rwsem_is_write_locked(struct rw_semaphore *sem)
{
	return atomic_long_read(&sem->count) & RWSEM_WRITER_LOCKED;
}

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock debugging (make DEBUG_LOCKS=1, CONFIG_DEBUG_LOCKS): the lock-order
 * checker of kernel/locking/lockdep.c, in the spirit of Linux's lockdep,
 * and the checks the lock types make of their own use.
 *
 * Every spinlock, mutex and rw_semaphore carries a struct lockdep_map:
 * which class of locks it belongs to, its name, and the task and CPU that
 * last took it exclusively. A class is all the locks initialised at one
 * place in the code: spin_lock_init(), mutex_init() and init_rwsem() are
 * macros with a static struct lock_class_key of their own, whose address
 * is the class; a lock defined statically (DEFINE_SPINLOCK, ...) is a
 * class of its own, keyed by its address. The checker keeps, per task,
 * the locks it holds, and learns "class A held while class B was taken"
 * from each acquisition; an acquisition that would close a cycle in that
 * graph is a possible deadlock, reported with the stacks of the
 * acquisitions that make the cycle, even if no deadlock happened.
 *
 * A subclass (spin_lock_nested(), down_write_nested(), ...) tells the
 * checker that two locks of one class are taken nested in a fixed order
 * (fork's two mms), as on Linux.
 *
 * Without CONFIG_DEBUG_LOCKS all of this is empty and costs nothing.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

#define MAX_LOCKDEP_SUBCLASSES	8
#define SINGLE_DEPTH_NESTING	1

#ifdef CONFIG_DEBUG_LOCKS

/* Its address (of subkeys[subclass]) is what names a class. */
struct lock_class_key {
	char subkeys[MAX_LOCKDEP_SUBCLASSES];
};

struct lock_class;

struct lockdep_map {
	struct lock_class_key *key;	/* NULL: a static lock, keyed by its address */
	const char *name;
	struct lock_class *class;	/* subclass 0's, once looked up */
	struct task_struct *owner;	/* the last exclusive holder, NULL once released */
	int cpu;			/* the CPU it took the lock on */
};

#define STATIC_LOCKDEP_MAP_INIT(_name)	{ .name = (_name), .cpu = -1 }

/* A lock taken, in a task's stack of held locks. */
struct held_lock {
	struct lockdep_map *instance;
	struct lock_class *class;
	unsigned long acquire_ip;
	u8 trylock;		/* trylocks make no dependency on what is held */
	u8 read;		/* a reader of an rw_semaphore */
};

#define MAX_LOCK_DEPTH		24

/* Per task (task_struct.lockdep): what it holds, in the order taken. */
struct lockdep_task {
	int depth;
	bool sys_exit_reported;	/* lockdep_sys_exit() told once already */
	struct held_lock held[MAX_LOCK_DEPTH];
};

void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key);

/*
 * Before taking @lock (after, for a successful trylock): checks the order
 * against what current holds, then records the hold. False if current
 * already holds this very lock exclusively (or asks for it exclusively
 * while reading it): reported, and the caller must not take it, which
 * would wait for ever.
 */
bool lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, unsigned long ip);
/* After taking @lock exclusively: current and this CPU are its owner. */
void lock_acquired(struct lockdep_map *lock);
/*
 * Before giving @lock back: false if current does not hold it
 * ("bad unlock balance", reported), and the caller must not release it.
 */
bool lock_release(struct lockdep_map *lock, unsigned long ip);
/* A write hold became a read hold (downgrade_write). */
void lock_downgrade(struct lockdep_map *lock, unsigned long ip);
/*
 * The scheduler's run-queue lock is taken by the task switched away from
 * and released by the one switched to: the hold moves to current's stack.
 */
void lock_hand_over(struct lockdep_map *lock, struct task_struct *from);

/*
 * On the way back to user mode: a lock still held is one a system call
 * forgot to release ("lock held when returning to user space!").
 */
void lockdep_sys_exit(void);

/*
 * The lock types' own misuse reports (spinlock recursion, unlock of an
 * unheld lock or of another's): one report naming @lock, its owner and
 * current, with a backtrace. The reports of the checker and these are
 * counted in lockdep_reports.
 */
void debug_lock_report(const char *what, struct lockdep_map *lock);
extern unsigned long lockdep_reports;

struct seq_file;
void lockdep_show(struct seq_file *m);		/* /proc/lockdep */
void lockdep_stats_show(struct seq_file *m);	/* /proc/lockdep_stats */

#else /* !CONFIG_DEBUG_LOCKS: empty, so that the lock types need no #ifdef */

struct lock_class_key { };
struct lockdep_map { };
struct lockdep_task { };

#define STATIC_LOCKDEP_MAP_INIT(_name)	{ }

static inline void lockdep_init_map(struct lockdep_map *lock, const char *name,
				    struct lock_class_key *key)
{
	(void)lock;
	(void)name;
	(void)key;
}

static inline bool lock_acquire(struct lockdep_map *lock, unsigned int subclass,
				int trylock, int read, unsigned long ip)
{
	(void)lock;
	(void)subclass;
	(void)trylock;
	(void)read;
	(void)ip;
	return true;
}

static inline void lock_acquired(struct lockdep_map *lock)
{
	(void)lock;
}

static inline bool lock_release(struct lockdep_map *lock, unsigned long ip)
{
	(void)lock;
	(void)ip;
	return true;
}

static inline void lock_downgrade(struct lockdep_map *lock, unsigned long ip)
{
	(void)lock;
	(void)ip;
}

static inline void lockdep_sys_exit(void)
{
}

#endif

#endif

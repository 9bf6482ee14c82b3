/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: a task that must wait for something puts itself on the
 * queue the waker will wake, marks itself sleeping, and schedules. It
 * checks its condition again after each wakeup (wakeups may be spurious).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;
struct wait_queue_entry;

/*
 * What waking an entry does. Without one (NULL) the entry's task is
 * woken; poll and select put entries on many queues at once, whose
 * function marks the poller as triggered (in @private) before waking it.
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *w);

struct wait_queue_entry {
	struct task_struct *task;
	wait_queue_func_t func;
	void *private;			/* the func's */
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .lock = __SPIN_LOCK_UNLOCKED, .head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
/* Calls (or wakes the task of) every entry on @wq. */
void wake_up(struct wait_queue_head *wq);
/* Puts @w on @wq / takes it off, leaving the task's state alone. */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);

#define WAIT_FOREVER	(~0ULL)		/* a deadline that never comes */

/*
 * Sleeps until @cond holds, giving up at @deadline (ns, the ktime_get_ns
 * clock, or WAIT_FOREVER): 0 once @cond holds, -ETIMEDOUT, or -EINTR if
 * a signal arrives first.
 */
#define wait_event_interruptible_deadline(wq, cond, deadline) ({	\
	struct wait_queue_entry __w = { .task = current };		\
	int __ret = 0;							\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, TASK_INTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		if (signal_pending(current)) {				\
			__ret = -EINTR;					\
			break;						\
		}							\
		if (ktime_get_ns() >= (deadline)) {			\
			__ret = -ETIMEDOUT;				\
			break;						\
		}							\
		schedule_deadline(deadline);				\
	}								\
	finish_wait(&(wq), &__w);					\
	__ret;								\
})

/* Sleeps until @cond holds; returns -EINTR if a signal arrives first. */
#define wait_event_interruptible(wq, cond)				\
	wait_event_interruptible_deadline(wq, cond, WAIT_FOREVER)

#endif

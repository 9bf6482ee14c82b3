/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Polling: a file's poll() says which events are ready now and, given a
 * table, registers the caller on the wait queues that will be woken when
 * that changes (poll_wait). poll/select/ppoll/pselect6 (fs/select.c)
 * call every file's poll with a table, sleep until one of the queues is
 * woken, a signal or the timeout, then ask again without one.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>
#include <uapi/linux/eventpoll.h>
#include <uapi/linux/poll.h>

/* A file without poll is always ready, as Linux's DEFAULT_POLLMASK. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, struct wait_queue_head *,
				struct poll_table_struct *);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

static inline void poll_wait(struct file *filp, struct wait_queue_head *wq,
			     poll_table *p)
{
	if (p && p->_qproc && wq)
		p->_qproc(filp, wq, p);
}

/* What @f is ready for (DEFAULT_POLLMASK without a poll). */
__poll_t vfs_poll(struct file *f, poll_table *pt);

#endif

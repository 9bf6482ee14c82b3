/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions: "wait until this has happened". done counts the
 * complete() calls not yet consumed; each wait_for_completion consumes
 * one, or sleeps until there is one. complete_all() makes done
 * unbounded, letting every waiter, present and future, through.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;		/* under wait.lock */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(name) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }
#define DECLARE_COMPLETION(name) \
	struct completion name = COMPLETION_INITIALIZER(name)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* -ERESTARTSYS if SIGKILL comes first (Linux's _killable). */
int wait_for_completion_killable(struct completion *x);
/* Whether a wait would not sleep, consuming one done if so. */
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif

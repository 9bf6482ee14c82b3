// SPDX-License-Identifier: GPL-2.0
/*
 * Completions (linux/completion.h), on a wait queue whose lock also
 * guards done. complete() wakes the longest waiter only: one done lets
 * one task through.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>

#define COMPLETE_ALL	(~0U)	/* done after complete_all() */

void complete(struct completion *x)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL)
		x->done++;
	if (!list_empty(&x->wait.head)) {
		w = list_first_entry(&x->wait.head, struct wait_queue_entry, entry);
		wake_up_process(w->task);
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL;
	list_for_each_entry(w, &x->wait.head, entry)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * A killable wait sleeps interruptibly, so that a signal wakes it, but
 * goes back to sleep unless the signal is SIGKILL.
 */
static int do_wait_for_common(struct completion *x, bool killable)
{
	struct wait_queue_entry w = { .task = current };
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done) {
		list_add_tail(&w.entry, &x->wait.head);
		for (;;) {
			if (killable && fatal_signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			set_current_state(killable ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE);
			spin_unlock_irqrestore(&x->wait.lock, flags);
			schedule();
			spin_lock_irqsave(&x->wait.lock, flags);
			if (x->done)
				break;
		}
		list_del(&w.entry);
		__set_current_state(TASK_RUNNING);
	}
	if (!ret && x->done != COMPLETE_ALL)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, false);
}

int wait_for_completion_killable(struct completion *x)
{
	return do_wait_for_common(x, true);
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETE_ALL)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}

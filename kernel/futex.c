// SPDX-License-Identifier: GPL-2.0
/*
 * futex, private and minimal: FUTEX_WAIT sleeps while the user word
 * still holds the expected value; FUTEX_WAKE wakes waiters on that
 * address. Enough for thread joins (clear_child_tid) and simple locks.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CMD_MASK		(~FUTEX_PRIVATE_FLAG)

struct futex_q {
	struct mm_struct *mm;
	unsigned long uaddr;
	struct task_struct *task;
	struct list_head list;
};

static LIST_HEAD(futex_queue);

int futex_wake(unsigned long uaddr, int nr)
{
	struct futex_q *q, *tmp;
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	list_for_each_entry_safe(q, tmp, &futex_queue, list) {
		if (woken >= nr)
			break;
		if (q->uaddr != uaddr || q->mm != current->mm)
			continue;
		list_del_init(&q->list);
		wake_up_process(q->task);
		woken++;
	}
	local_irq_restore(flags);
	return woken;
}

int futex_wait(unsigned long uaddr, u32 val, u64 timeout_ns)
{
	struct futex_q q = { .mm = current->mm, .uaddr = uaddr, .task = current };
	unsigned long flags;
	u32 cur;

	if (uaddr & 3)
		return -EINVAL;
	if (get_user(cur, (u32 *)uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	local_irq_save(flags);
	list_add_tail(&q.list, &futex_queue);
	if (timeout_ns) {
		local_irq_restore(flags);
		schedule_timeout_ns(ktime_get_ns() + timeout_ns);
		local_irq_save(flags);
	} else {
		while (!list_empty(&q.list) && !signal_pending(current)) {
			current->state = TASK_INTERRUPTIBLE;
			schedule();
		}
		current->state = TASK_RUNNING;
	}
	if (!list_empty(&q.list)) {
		list_del(&q.list);
		local_irq_restore(flags);
		return signal_pending(current) ? -EINTR : -ETIMEDOUT;
	}
	local_irq_restore(flags);
	return 0;
}

long sys_futex(u32 *uaddr, int op, u32 val, const void *utimeout, u32 *uaddr2,
	       u32 val3)
{
	struct { s32 sec, nsec; } ts;
	u64 timeout = 0;

	(void)uaddr2;
	(void)val3;
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		if (utimeout) {
			if (copy_from_user(&ts, utimeout, sizeof(ts)))
				return -EFAULT;
			if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= 1000000000)
				return -EINVAL;
			timeout = (u64)ts.sec * NSEC_PER_SEC + ts.nsec;
			if (!timeout)
				return -ETIMEDOUT;
		}
		return futex_wait((unsigned long)uaddr, val, timeout);
	case FUTEX_WAKE:
		return futex_wake((unsigned long)uaddr, val);
	default:
		return -ENOSYS;
	}
}

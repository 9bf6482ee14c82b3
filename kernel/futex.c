// SPDX-License-Identifier: GPL-2.0
/*
 * futex, private and minimal: FUTEX_WAIT sleeps while the user word
 * still holds the expected value; FUTEX_WAKE wakes waiters on that
 * address. Enough for thread joins (clear_child_tid) and simple locks.
 * And robust futexes: a task registers a list of the locks it holds
 * (set_robust_list); when it exits, every lock word on it that still
 * names the task gets FUTEX_OWNER_DIED, and one waiter is woken, so the
 * next locker learns that the owner died holding it.
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

/* The lock word of a robust futex: owner tid and two state bits. */
#define FUTEX_WAITERS		0x80000000U
#define FUTEX_OWNER_DIED	0x40000000U
#define FUTEX_TID_MASK		0x3fffffffU
#define ROBUST_LIST_LIMIT	2048	/* a cyclic list must not hang the exit */

/* User space's struct robust_list_head (32-bit pointers). */
struct robust_list_head {
	u32 next;		/* the first held lock's list entry, or &next */
	s32 futex_offset;	/* from an entry to its lock word */
	u32 list_op_pending;	/* an entry being added or removed, or 0 */
};

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

long sys_set_robust_list(unsigned long head, size_t len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

long sys_get_robust_list(int pid, unsigned long *head_ptr, size_t *len_ptr)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	size_t len = sizeof(struct robust_list_head);

	if (!t)
		return -ESRCH;
	if (copy_to_user(len_ptr, &len, sizeof(len)) ||
	    copy_to_user(head_ptr, &t->robust_list, sizeof(t->robust_list)))
		return -EFAULT;
	return 0;
}

/* The lock word at @uaddr, if @tsk holds it: owner died, wake a waiter. */
static void futex_owner_died(struct task_struct *tsk, unsigned long uaddr)
{
	u32 uval, nval;

	if (uaddr & 3 || get_user(uval, (u32 *)uaddr) ||
	    (uval & FUTEX_TID_MASK) != (u32)tsk->pid)
		return;
	/* one CPU and no preemption in the kernel: nothing runs in between */
	nval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (copy_to_user((u32 *)uaddr, &nval, sizeof(nval)))
		return;
	if (uval & FUTEX_WAITERS)
		futex_wake(uaddr, 1);
}

/*
 * At exit, with the task's mm still in place: walks the registered list
 * (an entry's low bit marks a PI lock, the same word for our purpose),
 * then the entry an interrupted lock or unlock left pending.
 */
void exit_robust_list(struct task_struct *tsk)
{
	struct robust_list_head head;
	unsigned long entry, pending;
	int limit = ROBUST_LIST_LIMIT;
	u32 next;

	if (!tsk->robust_list ||
	    copy_from_user(&head, (void *)tsk->robust_list, sizeof(head)))
		return;
	pending = head.list_op_pending & ~1UL;
	for (entry = head.next & ~1UL; entry != tsk->robust_list && limit--;
	     entry = next & ~1UL) {
		if (get_user(next, (u32 *)entry))
			break;
		if (entry != pending)
			futex_owner_died(tsk, entry + head.futex_offset);
	}
	if (pending)
		futex_owner_died(tsk, pending + head.futex_offset);
	tsk->robust_list = 0;
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

// SPDX-License-Identifier: GPL-2.0
/*
 * futex: FUTEX_WAIT sleeps while the user word still holds the expected
 * value; FUTEX_WAKE wakes the waiters on the same futex. A futex is
 * known by its key, as Linux's get_futex_key makes it: a
 * FUTEX_PRIVATE_FLAG futex, or one in memory private to the process, by
 * (mm, address); one in MAP_SHARED memory by the object behind it (the
 * shmem object or the file's inode) and its place there, so processes
 * that map the same page, at any address, meet on the same futex. A
 * waiter holds a reference on its shmem object while queued, so no other
 * object can take that address and its key while the waiter sleeps.
 * And robust futexes: a task registers a list of the locks it holds
 * (set_robust_list); when it exits, every lock word on it that still
 * names the task gets FUTEX_OWNER_DIED, and one waiter is woken, so the
 * next locker learns that the owner died holding it.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/shmem.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CMD_MASK		(~FUTEX_PRIVATE_FLAG)

struct futex_key {
	const void *object;	/* the mm, the shmem object or the inode */
	unsigned long word;	/* the address, or the page's offset in the object */
	unsigned int offset;	/* in the page, for an object's key */
};

struct futex_q {
	struct futex_key key;
	struct shmem_object *shmem;	/* held while queued, if the key's object */
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

static bool futex_match(const struct futex_key *a, const struct futex_key *b)
{
	return a->object == b->object && a->word == b->word && a->offset == b->offset;
}

/*
 * The key of the futex at @uaddr, with Linux's errors: -EINVAL when it is
 * not word aligned, -EFAULT outside user space; for a shared futex also
 * -EFAULT where nothing readable or writable is mapped, and on read-only
 * private anonymous memory (its pages never change, so nobody could be
 * woken through them). *@shmem is the shmem object the key names, if any.
 */
static int get_futex_key(unsigned long uaddr, bool shared, struct futex_key *key,
			 struct shmem_object **shmem)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (uaddr % sizeof(u32))
		return -EINVAL;
	if (!access_ok((void *)uaddr, sizeof(u32)))
		return -EFAULT;
	*key = (struct futex_key){ .object = mm, .word = uaddr };
	*shmem = NULL;
	if (!shared)
		return 0;
	vma = find_vma(mm, uaddr);
	if (!vma || vma->vm_start > uaddr || !(vma->vm_flags & (VM_READ | VM_WRITE)))
		return -EFAULT;
	if (!(vma->vm_flags & VM_SHARED)) {
		if (vma->vm_flags & VM_WRITE)
			return 0;	/* the process's own copy */
		if (!vma->vm_file)
			return -EFAULT;
	}
	/* the file's page or the shmem object's, wherever it is mapped */
	if (vma->vm_file) {
		key->object = file_inode(vma->vm_file);
	} else {
		*shmem = vma->vm_private_data;
		key->object = *shmem;
	}
	key->word = vma->vm_pgoff + ((uaddr - vma->vm_start) >> PAGE_SHIFT);
	key->offset = uaddr & ~PAGE_MASK;
	return 0;
}

/*
 * Wakes up to @nr waiters on the futex at @uaddr (at least one, as
 * Linux: a count of 0 or less still wakes one); returns how many.
 */
int futex_wake(u32 *uaddr, bool shared, int nr)
{
	struct shmem_object *shmem;
	struct futex_q *q, *tmp;
	struct futex_key key;
	unsigned long flags;
	int woken = 0, err;

	err = get_futex_key((unsigned long)uaddr, shared, &key, &shmem);
	if (err)
		return err;
	local_irq_save(flags);
	list_for_each_entry_safe(q, tmp, &futex_queue, list) {
		if (!futex_match(&q->key, &key))
			continue;
		list_del_init(&q->list);
		wake_up_process(q->task);
		if (++woken >= nr)
			break;
	}
	local_irq_restore(flags);
	return woken;
}

static int futex_wait(u32 *uaddr, bool shared, u32 val, u64 timeout_ns)
{
	u64 deadline = timeout_ns ? ktime_get_ns() + timeout_ns : WAIT_FOREVER;
	struct futex_q q = { .task = current };
	unsigned long flags;
	int err;
	u32 cur;

	err = get_futex_key((unsigned long)uaddr, shared, &q.key, &q.shmem);
	if (err)
		return err;
	if (get_user(cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	if (q.shmem)
		shmem_get(q.shmem);
	local_irq_save(flags);
	list_add_tail(&q.list, &futex_queue);
	/* until a wake takes q off the queue, a signal, or the deadline */
	while (!list_empty(&q.list) && !signal_pending(current) &&
	       ktime_get_ns() < deadline) {
		current->state = TASK_INTERRUPTIBLE;
		schedule_deadline(deadline);
	}
	current->state = TASK_RUNNING;
	if (!list_empty(&q.list)) {
		list_del(&q.list);
		/* untimed, it is restarted as Linux's, unless a handler without SA_RESTART runs */
		err = !signal_pending(current) ? -ETIMEDOUT : timeout_ns ? -EINTR : -ERESTARTSYS;
	}
	local_irq_restore(flags);
	if (q.shmem)
		shmem_put(q.shmem);
	return err;
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
		futex_wake((u32 *)uaddr, true, 1);	/* a shared wake, as Linux's handle_futex_death */
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
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	u64 timeout = 0;
	int err;

	(void)uaddr2;
	(void)val3;
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		if (utimeout) {
			err = get_old_timespec32_ns(utimeout, &timeout);
			if (err)
				return err;
			if (!timeout)
				return -ETIMEDOUT;
		}
		return futex_wait(uaddr, shared, val, timeout);
	case FUTEX_WAKE:
		return futex_wake(uaddr, shared, val);
	default:
		return -ENOSYS;
	}
}

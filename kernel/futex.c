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
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/shmem.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <uapi/linux/futex.h>
#include <asm/irqflags.h>

struct futex_key {
	const void *object;	/* the mm, the shmem object or the inode */
	unsigned long word;	/* the address, or the page's offset in the object */
	unsigned int offset;	/* in the page, for an object's key */
};

struct futex_q {
	struct futex_key key;
	struct shmem_object *shmem;	/* held while queued, if the key's object */
	struct task_struct *task;
	u32 bitset;			/* FUTEX_WAKE_BITSET wakes it if they share a bit */
	struct list_head list;
};

static LIST_HEAD(futex_queue);

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
static int shared_futex_key(struct mm_struct *mm, unsigned long uaddr,
			    struct futex_key *key, struct shmem_object **shmem)
{
	struct vm_area_struct *vma = find_vma(mm, uaddr);

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

static int get_futex_key(unsigned long uaddr, bool shared, struct futex_key *key,
			 struct shmem_object **shmem)
{
	struct mm_struct *mm = current->mm;
	int err;

	if (uaddr % sizeof(u32))
		return -EINVAL;
	if (!access_ok((void *)uaddr, sizeof(u32)))
		return -EFAULT;
	*key = (struct futex_key){ .object = mm, .word = uaddr };
	*shmem = NULL;
	if (!shared)
		return 0;
	/* the VMA is only looked at: mmap_lock for reading, as Linux */
	mmap_read_lock(mm);
	err = shared_futex_key(mm, uaddr, key, shmem);
	mmap_read_unlock(mm);
	return err;
}

/*
 * Wakes up to @nr waiters on the futex at @key whose bitset meets
 * @bitset; returns how many.
 */
static int wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_q *q, *tmp;
	int woken = 0;

	list_for_each_entry_safe(q, tmp, &futex_queue, list) {
		if (woken >= nr)
			break;
		if (!futex_match(&q->key, key) || !(q->bitset & bitset))
			continue;
		list_del_init(&q->list);
		wake_up_process(q->task);
		woken++;
	}
	return woken;
}

/*
 * Wakes up to @nr waiters on the futex at @uaddr (at least one, as
 * Linux: a count of 0 or less still wakes one); returns how many.
 */
static int futex_wake_bitset(u32 *uaddr, bool shared, int nr, u32 bitset)
{
	struct shmem_object *shmem;
	struct futex_key key;
	unsigned long flags;
	int woken, err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key((unsigned long)uaddr, shared, &key, &shmem);
	if (err)
		return err;
	local_irq_save(flags);
	woken = wake_key(&key, nr > 0 ? nr : 1, bitset);
	local_irq_restore(flags);
	return woken;
}

int futex_wake(u32 *uaddr, bool shared, int nr)
{
	return futex_wake_bitset(uaddr, shared, nr, FUTEX_BITSET_MATCH_ANY);
}

/* Sleeps on @uaddr while it holds @val: until woken, a signal or @deadline. */
static int futex_wait(u32 *uaddr, bool shared, u32 val, u64 deadline, u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	unsigned long flags;
	int err;
	u32 cur;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key((unsigned long)uaddr, shared, &q.key, &q.shmem);
	if (err)
		return err;
	if (get_user(cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	if (deadline != WAIT_FOREVER && ktime_get_ns() >= deadline)
		return -ETIMEDOUT;
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
		err = !signal_pending(current) ? -ETIMEDOUT :
		      deadline != WAIT_FOREVER ? -EINTR : -ERESTARTSYS;
	}
	local_irq_restore(flags);
	if (q.shmem)
		shmem_put(q.shmem);
	return err;
}

/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: wake @nr_wake waiters of @uaddr and
 * move up to @nr_requeue others to @uaddr2's queue (condition variables
 * hand waiters to the mutex this way). CMP_REQUEUE first checks that
 * *@uaddr still holds @cmpval (-EAGAIN).
 */
static int futex_requeue(u32 *uaddr, bool shared, u32 *uaddr2, int nr_wake,
			 int nr_requeue, const u32 *cmpval)
{
	struct futex_key key1, key2;
	struct shmem_object *sh1, *sh2;
	struct futex_q *q, *tmp;
	unsigned long flags;
	int done, moved = 0, err;
	u32 cur;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	err = get_futex_key((unsigned long)uaddr, shared, &key1, &sh1);
	if (!err)
		err = get_futex_key((unsigned long)uaddr2, shared, &key2, &sh2);
	if (err)
		return err;
	if (cmpval) {
		if (get_user(cur, uaddr))
			return -EFAULT;
		if (cur != *cmpval)
			return -EAGAIN;
	}
	local_irq_save(flags);
	done = wake_key(&key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	list_for_each_entry_safe(q, tmp, &futex_queue, list) {
		if (moved >= nr_requeue)
			break;
		if (!futex_match(&q->key, &key1))
			continue;
		/* the waiter now holds the second futex's object, not the first's */
		if (q->shmem)
			shmem_put(q->shmem);
		q->key = key2;
		q->shmem = sh2;
		if (sh2)
			shmem_get(sh2);
		moved++;
	}
	local_irq_restore(flags);
	return done + moved;
}

/*
 * FUTEX_WAKE_OP: *@uaddr2 is changed by the operation encoded in @encoded,
 * @nr waiters of @uaddr are woken, and if the old value of *@uaddr2
 * compares as encoded, up to @nr2 of its waiters too.
 */
static int futex_wake_op(u32 *uaddr, bool shared, u32 *uaddr2, int nr, int nr2,
			 u32 encoded)
{
	unsigned int op = (encoded >> 28) & 7, cmp = (encoded >> 24) & 15;
	int oparg = (int)(encoded << 8) >> 20, cmparg = (int)(encoded << 20) >> 20;
	struct shmem_object *sh1, *sh2;
	struct futex_key key1, key2;
	unsigned long flags;
	u32 old, new;
	bool hit;
	int woken, err;

	if ((encoded >> 28) & FUTEX_OP_OPARG_SHIFT) {
		if (oparg < 0 || oparg > 31)
			oparg &= 31;	/* as Linux, which only warns */
		oparg = 1 << oparg;
	}
	err = get_futex_key((unsigned long)uaddr, shared, &key1, &sh1);
	if (!err)
		err = get_futex_key((unsigned long)uaddr2, shared, &key2, &sh2);
	if (err)
		return err;
	if (get_user(old, uaddr2))
		return -EFAULT;
	switch (op) {
	case FUTEX_OP_SET: new = oparg; break;
	case FUTEX_OP_ADD: new = old + oparg; break;
	case FUTEX_OP_OR: new = old | oparg; break;
	case FUTEX_OP_ANDN: new = old & ~oparg; break;
	case FUTEX_OP_XOR: new = old ^ oparg; break;
	default: return -ENOSYS;
	}
	switch (cmp) {
	case 0: hit = (int)old == cmparg; break;
	case 1: hit = (int)old != cmparg; break;
	case 2: hit = (int)old < cmparg; break;
	case 3: hit = (int)old <= cmparg; break;
	case 4: hit = (int)old > cmparg; break;
	case 5: hit = (int)old >= cmparg; break;
	default: return -ENOSYS;
	}
	/* one CPU and no preemption: the read and the write are one step */
	if (put_user(new, uaddr2))
		return -EFAULT;
	local_irq_save(flags);
	woken = wake_key(&key1, nr, FUTEX_BITSET_MATCH_ANY);
	if (hit)
		woken += wake_key(&key2, nr2, FUTEX_BITSET_MATCH_ANY);
	local_irq_restore(flags);
	return woken;
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

/*
 * The futex calls. @utimeout is relative for FUTEX_WAIT and absolute for
 * FUTEX_WAIT_BITSET (the realtime clock with FUTEX_CLOCK_REALTIME, which
 * here counts from boot as the monotonic one does); for the requeue and
 * wake-op commands the same argument is a count, as on Linux.
 */
static long do_futex(u32 *uaddr, int op, u32 val, const void *utimeout, u32 *uaddr2,
		     u32 val3, bool time64)
{
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = WAIT_FOREVER, ns;
	int err;

	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (utimeout) {
			err = time64 ? get_timespec64_ns(utimeout, &ns) :
				       get_old_timespec32_ns(utimeout, &ns);
			if (err)
				return err;
			deadline = cmd == FUTEX_WAIT ? ktime_get_ns() + ns : ns;
		}
		return futex_wait(uaddr, shared, val, deadline,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, shared, val);
	case FUTEX_WAKE_BITSET:
		return futex_wake_bitset(uaddr, shared, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, val, (int)(unsigned long)utimeout, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, val, (int)(unsigned long)utimeout, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, shared, uaddr2, val, (int)(unsigned long)utimeout, val3);
	default:
		return -ENOSYS;
	}
}

long sys_futex(u32 *uaddr, int op, u32 val, const void *utimeout, u32 *uaddr2,
	       u32 val3)
{
	return do_futex(uaddr, op, val, utimeout, uaddr2, val3, false);
}

/* futex_time64: the same with a 64-bit time_t timespec (glibc tries it first). */
long sys_futex_time64(u32 *uaddr, int op, u32 val, const void *utimeout, u32 *uaddr2,
		      u32 val3)
{
	return do_futex(uaddr, op, val, utimeout, uaddr2, val3, true);
}

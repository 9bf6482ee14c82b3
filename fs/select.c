// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect6 (and their time64 forms). One pass
 * asks every file's poll() what it is ready for; the first pass also
 * puts the task on each wait queue a file names (poll_wait), with an
 * entry whose wake function marks the poll_wqueues triggered. If nothing
 * is ready the task sleeps until a queue is woken, a signal comes or the
 * deadline passes, then asks again (without registering again). The
 * entries hold a reference on their file, so a file closed meanwhile
 * keeps its queue alive until poll_freewait takes them all off.
 *
 * Timeouts are deadlines on the ktime_get_ns clock: WAIT_FOREVER for
 * none, 0 for a zero timeout (one pass, no sleep). Like Linux, select,
 * pselect6 and ppoll write the time left back to user space.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

__poll_t vfs_poll(struct file *f, poll_table *pt)
{
	if (!f->f_op->poll)
		return DEFAULT_POLLMASK;
	return f->f_op->poll(f, pt);
}

/* ---- the table of wait-queue entries one poll or select adds ---- */

struct poll_table_entry {
	struct file *filp;
	struct wait_queue_entry wait;
	struct wait_queue_head *wait_address;
};

/* A page of entries once the inline ones are used up. */
struct poll_table_page {
	struct poll_table_page *next;
	unsigned int nr;
	struct poll_table_entry entries[];
};

#define PAGE_ENTRIES	((PAGE_SIZE - sizeof(struct poll_table_page)) / \
			 sizeof(struct poll_table_entry))
#define INLINE_ENTRIES	8

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	bool triggered;			/* a queue was woken since the last look */
	int error;			/* -ENOMEM: an entry could not be had */
	unsigned int inline_index;
	struct poll_table_entry inline_entries[INLINE_ENTRIES];
};

static int pollwake(struct wait_queue_entry *w)
{
	struct poll_wqueues *pwq = w->private;

	pwq->triggered = true;
	wake_up_process(pwq->polling_task);
	return 1;
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < INLINE_ENTRIES)
		return &p->inline_entries[p->inline_index++];
	if (!table || table->nr == PAGE_ENTRIES) {
		struct poll_table_page *new = kmalloc(PAGE_SIZE, GFP_KERNEL);

		if (!new) {
			p->error = -ENOMEM;
			return NULL;
		}
		new->nr = 0;
		new->next = table;
		p->table = table = new;
	}
	return &table->entries[table->nr++];
}

static void __pollwait(struct file *filp, struct wait_queue_head *wq, poll_table *pt)
{
	struct poll_wqueues *p = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(p);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wq;
	entry->wait.task = current;
	entry->wait.func = pollwake;
	entry->wait.private = p;
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->pt._key = ~(__poll_t)0;
	pwq->polling_task = current;
	pwq->triggered = false;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;
	unsigned int i;

	for (i = 0; i < pwq->inline_index; i++)
		free_poll_entry(&pwq->inline_entries[i]);
	while (p) {
		struct poll_table_page *next = p->next;

		for (i = 0; i < p->nr; i++)
			free_poll_entry(&p->entries[i]);
		kfree(p);
		p = next;
	}
}

/*
 * Sleeps until a queue is woken, a signal is pending or @deadline:
 * false once the deadline has passed. The state is set before the last
 * look at triggered, so a wakeup in between is not lost.
 */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, u64 deadline)
{
	current->state = TASK_INTERRUPTIBLE;
	if (!pwq->triggered && !signal_pending(current) && ktime_get_ns() < deadline)
		schedule_deadline(deadline);
	current->state = TASK_RUNNING;
	pwq->triggered = false;
	return ktime_get_ns() < deadline;
}

/* ---- timeouts ---- */

/* The deadline @ns from now (WAIT_FOREVER is never reached by adding). */
static u64 deadline_after(u64 ns)
{
	u64 now = ktime_get_ns(), end;

	if (!ns)
		return 0;
	if (__builtin_add_overflow(now, ns, &end) || end == WAIT_FOREVER)
		end = WAIT_FOREVER - 1;
	return end;
}

enum poll_time_type { PT_TIMEVAL, PT_OLD_TIMESPEC, PT_TIMESPEC };

struct old_timeval32 {
	s32 tv_sec;
	s32 tv_usec;
};

/*
 * The end of a ppoll/pselect/select: the saved signal mask goes back now
 * unless a signal interrupted the call (then after its handler's frame
 * is set up), and the time left to @deadline is written to @p. If that
 * write faults the call cannot be restarted with the right time: an
 * interrupted call then says EINTR.
 */
static long poll_select_finish(u64 deadline, void *p, enum poll_time_type type, long ret)
{
	u64 now, left;
	int err;

	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!p || !deadline)
		return ret;
	now = ktime_get_ns();
	left = deadline > now ? deadline - now : 0;
	switch (type) {
	case PT_TIMEVAL: {
		struct old_timeval32 tv = { left / NSEC_PER_SEC,
					    left % NSEC_PER_SEC / NSEC_PER_USEC };

		err = copy_to_user(p, &tv, sizeof(tv));
		break;
	}
	case PT_OLD_TIMESPEC: {
		struct old_timespec32 ts = { left / NSEC_PER_SEC, left % NSEC_PER_SEC };

		err = copy_to_user(p, &ts, sizeof(ts));
		break;
	}
	default: {
		struct __kernel_timespec ts = { left / NSEC_PER_SEC, left % NSEC_PER_SEC };

		err = copy_to_user(p, &ts, sizeof(ts));
		break;
	}
	}
	if (err && ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

/* A ppoll/pselect6 timespec of @type at @uts as a deadline: 0 or -errno. */
static int timespec_deadline(const void *uts, enum poll_time_type type, u64 *deadline)
{
	u64 ns;
	int err;

	if (!uts) {
		*deadline = WAIT_FOREVER;
		return 0;
	}
	err = type == PT_TIMESPEC ? get_timespec64_ns(uts, &ns) :
				    get_old_timespec32_ns(uts, &ns);
	if (err)
		return err;
	*deadline = deadline_after(ns);
	return 0;
}

/* ---- poll ---- */

/* The pollfds in kernel memory: the first chunk on the stack, more in pages. */
struct poll_list {
	struct poll_list *next;
	unsigned int len;
	struct pollfd entries[];
};

#define FRONTEND_STACK_ALLOC	256
#define POLLFD_PER_PAGE	((PAGE_SIZE - sizeof(struct poll_list)) / sizeof(struct pollfd))
#define N_STACK_PPS	((FRONTEND_STACK_ALLOC - sizeof(struct poll_list)) / \
			 sizeof(struct pollfd))

/* What one pollfd is ready for, in its revents too; POLLNVAL for a closed fd. */
static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	__poll_t mask = 0, filter;
	struct file *f;

	if (pfd->fd >= 0) {
		f = fget(pfd->fd);
		if (!f) {
			mask = EPOLLNVAL;
		} else {
			filter = (unsigned short)pfd->events | EPOLLERR | EPOLLHUP;
			pt->_key = filter;
			mask = vfs_poll(f, pt) & filter;
			fput(f);
		}
	}
	pfd->revents = mask;
	return mask;
}

static int do_poll(struct poll_list *list, struct poll_wqueues *wait, u64 deadline)
{
	poll_table *pt = &wait->pt;
	bool timed_out = false;
	int count;

	if (!deadline) {
		pt->_qproc = NULL;
		timed_out = true;
	}
	for (;;) {
		struct poll_list *walk;

		count = 0;
		for (walk = list; walk; walk = walk->next) {
			unsigned int i;

			for (i = 0; i < walk->len; i++) {
				if (do_pollfd(&walk->entries[i], pt)) {
					count++;
					pt->_qproc = NULL;	/* no need to wait any more */
				}
			}
		}
		pt->_qproc = NULL;
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -ERESTARTNOHAND;
		}
		if (count || timed_out)
			break;
		if (!poll_schedule_timeout(wait, deadline))
			timed_out = true;
	}
	return count;
}

static long do_sys_poll(struct pollfd *ufds, unsigned int nfds, u64 deadline)
{
	long stack_pps[FRONTEND_STACK_ALLOC / sizeof(long)];
	struct poll_list *const head = (struct poll_list *)stack_pps;
	struct poll_list *walk = head;
	struct pollfd *up = ufds;
	unsigned int todo = nfds;
	struct poll_wqueues table;
	long err = -EFAULT;
	int fdcount;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	head->next = NULL;
	head->len = min_t(unsigned int, todo, N_STACK_PPS);
	for (;;) {
		if (copy_from_user(walk->entries, up, walk->len * sizeof(struct pollfd)))
			goto out_fds;
		up += walk->len;
		todo -= walk->len;
		if (!todo)
			break;
		walk->next = kmalloc(sizeof(struct poll_list) + sizeof(struct pollfd) *
				     min_t(unsigned int, todo, POLLFD_PER_PAGE), GFP_KERNEL);
		walk = walk->next;
		if (!walk) {
			err = -ENOMEM;
			goto out_fds;
		}
		walk->next = NULL;
		walk->len = min_t(unsigned int, todo, POLLFD_PER_PAGE);
	}

	poll_initwait(&table);
	fdcount = do_poll(head, &table, deadline);
	poll_freewait(&table);

	/* revents go back even for a call a signal cut short */
	up = ufds;
	for (walk = head; walk; walk = walk->next) {
		unsigned int i;

		for (i = 0; i < walk->len; i++, up++)
			if (put_user(walk->entries[i].revents, &up->revents))
				goto out_fds;
	}
	err = fdcount;
out_fds:
	walk = head->next;
	while (walk) {
		struct poll_list *next = walk->next;

		kfree(walk);
		walk = next;
	}
	return err;
}

/* poll cut short by a signal with no handler to run goes on to the same deadline. */
static long do_restart_poll(struct restart_block *rb)
{
	long ret = do_sys_poll(rb->ufds, rb->nfds, rb->deadline);

	if (ret == -ERESTARTNOHAND) {
		current->restart_block.fn = do_restart_poll;
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_msecs)
{
	u64 deadline = WAIT_FOREVER;
	long ret;

	if (timeout_msecs >= 0)
		deadline = deadline_after((u64)timeout_msecs * NSEC_PER_MSEC);
	ret = do_sys_poll(ufds, nfds, deadline);
	if (ret == -ERESTARTNOHAND) {
		struct restart_block *rb = &current->restart_block;

		rb->fn = do_restart_poll;
		rb->ufds = ufds;
		rb->nfds = nfds;
		rb->deadline = deadline;
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

static long do_ppoll(struct pollfd *ufds, unsigned int nfds, void *tsp,
		     const u64 *sigmask, size_t sigsetsize, enum poll_time_type type)
{
	u64 deadline;
	long ret;

	ret = timespec_deadline(tsp, type, &deadline);
	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, deadline);
	return poll_select_finish(deadline, tsp, type, ret);
}

long sys_ppoll(struct pollfd *ufds, unsigned int nfds, void *tsp,
	       const u64 *sigmask, size_t sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, sigmask, sigsetsize, PT_OLD_TIMESPEC);
}

long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds, void *tsp,
		      const u64 *sigmask, size_t sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, sigmask, sigsetsize, PT_TIMESPEC);
}

/* ---- select ---- */

#define FDS_LONGS(n)	DIV_ROUND_UP(n, BITS_PER_LONG)
#define FDS_BYTES(n)	(FDS_LONGS(n) * sizeof(long))

#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	EPOLLPRI

struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static int get_fd_set(unsigned int n, const void *ufdset, unsigned long *fdset)
{
	if (!ufdset) {
		memset(fdset, 0, FDS_BYTES(n));
		return 0;
	}
	return copy_from_user(fdset, ufdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, void *ufdset, const unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static bool fd_bit(const unsigned long *set, unsigned int fd)
{
	return set[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

/* One past the highest fd asked about, or -EBADF if any of them is not open. */
static int max_select_fd(unsigned int n, const struct fd_set_bits *fds)
{
	unsigned int fd;
	int max = 0;

	for (fd = 0; fd < n; fd++) {
		if (!fd_bit(fds->in, fd) && !fd_bit(fds->out, fd) && !fd_bit(fds->ex, fd))
			continue;
		if (!fget_raw_noref(fd))
			return -EBADF;
		max = fd + 1;
	}
	return max;
}

static void set_bit_in(unsigned long *set, unsigned int fd)
{
	set[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static int do_select(unsigned int n, struct fd_set_bits *fds, u64 deadline)
{
	struct poll_wqueues table;
	poll_table *wait = &table.pt;
	bool timed_out = false;
	int retval;

	retval = max_select_fd(n, fds);
	if (retval < 0)
		return retval;
	n = retval;
	poll_initwait(&table);
	if (!deadline) {
		wait->_qproc = NULL;
		timed_out = true;
	}
	for (;;) {
		unsigned int fd;

		retval = 0;
		for (fd = 0; fd < n; fd++) {
			bool in = fd_bit(fds->in, fd), out = fd_bit(fds->out, fd);
			bool ex = fd_bit(fds->ex, fd);
			struct file *f;
			__poll_t mask;

			if (!in && !out && !ex)
				continue;
			f = fget(fd);
			if (!f)
				continue;	/* closed by another thread meanwhile */
			wait->_key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) |
				     (ex ? POLLEX_SET : 0);
			mask = vfs_poll(f, wait);
			fput(f);
			if (in && (mask & POLLIN_SET)) {
				set_bit_in(fds->res_in, fd);
				retval++;
				wait->_qproc = NULL;
			}
			if (out && (mask & POLLOUT_SET)) {
				set_bit_in(fds->res_out, fd);
				retval++;
				wait->_qproc = NULL;
			}
			if (ex && (mask & POLLEX_SET)) {
				set_bit_in(fds->res_ex, fd);
				retval++;
				wait->_qproc = NULL;
			}
		}
		wait->_qproc = NULL;
		if (retval || timed_out || signal_pending(current))
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (!poll_schedule_timeout(&table, deadline))
			timed_out = true;
	}
	poll_freewait(&table);
	return retval;
}

/*
 * The three sets are read for @n fds, cut at the size of the fd table
 * (bits past it are neither looked at nor written back), and the
 * results replace them, unless a signal cut the call short.
 */
static long core_sys_select(int n, void *inp, void *outp, void *exp, u64 deadline)
{
	struct fd_set_bits fds;
	unsigned long *bits;
	size_t size;
	long ret;

	if (n < 0)
		return -EINVAL;
	if ((unsigned int)n > current->files->max_fds)
		n = current->files->max_fds;
	size = FDS_BYTES(n);
	bits = kmalloc(6 * size + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (void *)((char *)bits + size);
	fds.ex = (void *)((char *)bits + 2 * size);
	fds.res_in = (void *)((char *)bits + 3 * size);
	fds.res_out = (void *)((char *)bits + 4 * size);
	fds.res_ex = (void *)((char *)bits + 5 * size);
	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (ret)
		goto out;
	memset(fds.res_in, 0, 3 * size);
	ret = do_select(n, &fds, deadline);
	if (ret < 0)
		goto out;
	if (!ret && signal_pending(current)) {
		ret = -ERESTARTNOHAND;
		goto out;
	}
	if (set_fd_set(n, inp, fds.res_in) || set_fd_set(n, outp, fds.res_out) ||
	    set_fd_set(n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	kfree(bits);
	return ret;
}

/* select's timeval: tv_usec may be a second or more (it is carried over). */
long sys_select(int n, void *inp, void *outp, void *exp, struct old_timeval32 *tvp)
{
	u64 deadline = WAIT_FOREVER;
	struct old_timeval32 tv;
	long ret;

	if (tvp) {
		s64 sec;
		s32 nsec;

		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		sec = (s64)tv.tv_sec + tv.tv_usec / 1000000;
		nsec = tv.tv_usec % 1000000 * 1000;
		if (sec < 0 || nsec < 0)
			return -EINVAL;
		deadline = deadline_after(sec * NSEC_PER_SEC + nsec);
	}
	ret = core_sys_select(n, inp, outp, exp, deadline);
	return poll_select_finish(deadline, tvp, PT_TIMEVAL, ret);
}

/* pselect6's sixth argument: where the signal mask is, and its size. */
struct sigset_argpack {
	const u64 *p;
	size_t size;
};

static long do_pselect(int n, void *inp, void *outp, void *exp, void *tsp,
		       const struct sigset_argpack *usig, enum poll_time_type type)
{
	struct sigset_argpack x = { NULL, 0 };
	u64 deadline;
	long ret;

	if (usig && copy_from_user(&x, usig, sizeof(x)))
		return -EFAULT;
	ret = timespec_deadline(tsp, type, &deadline);
	if (ret)
		return ret;
	ret = set_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, deadline);
	return poll_select_finish(deadline, tsp, type, ret);
}

long sys_pselect6(int n, void *inp, void *outp, void *exp, void *tsp,
		  const struct sigset_argpack *sig)
{
	return do_pselect(n, inp, outp, exp, tsp, sig, PT_OLD_TIMESPEC);
}

long sys_pselect6_time64(int n, void *inp, void *outp, void *exp, void *tsp,
			 const struct sigset_argpack *sig)
{
	return do_pselect(n, inp, outp, exp, tsp, sig, PT_TIMESPEC);
}

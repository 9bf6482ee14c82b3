// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping locks: mutexes, rw_semaphores and completions.
 *
 * The torture cases start a kernel thread pinned to each online CPU
 * (two to CPU 0 with a single CPU, so that there is something to
 * exclude), which gives up the big kernel lock for the run: they really
 * run in parallel. Each section's work is a read-modify-write with a
 * sleep now and then in the middle, so a lock that let two in would
 * lose an update or be caught with two inside.
 *
 * The ordering cases are sequential and exact: a mutex goes to its
 * waiters in the order they queued, even against its last owner asking
 * again at once; a writer queued behind readers that never all let go
 * at the same time still gets in, and readers that came after it wait.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/string.h>
#include <linux/time.h>

#define TORTURE_ROUNDS	400

struct lock_torture {
	struct mutex mutex;
	struct rw_semaphore sem;
	bool use_rwsem;
	int counter;		/* under the lock (the writer's, for the rwsem) */
	int writes;		/* rounds that wrote */
	atomic_t inside;	/* holders now: writers count 1000, readers 1 */
	atomic_t max_readers;	/* most readers inside at once */
	atomic_t bad;		/* a holder found someone it excludes inside */
	atomic_t started, finished;
	bool go;
};

static void slow_increment(int *counter)
{
	int v = READ_ONCE(*counter), i;

	for (i = 0; i < 16; i++)
		cpu_relax();
	WRITE_ONCE(*counter, v + 1);
}

static void note_readers(atomic_t *max, int now)
{
	int seen = atomic_read(max);

	while (now > seen) {
		int old = atomic_cmpxchg(max, seen, now);

		if (old == seen)
			break;
		seen = old;
	}
}

static void torture_write_section(struct lock_torture *lt, int round)
{
	if (atomic_add_return(1000, &lt->inside) != 1000)
		atomic_inc(&lt->bad);
	slow_increment(&lt->counter);
	lt->writes++;
	if (round % 32 == 0)
		msleep(1);	/* a sleeping lock's holder may sleep */
	atomic_sub(1000, &lt->inside);
}

static void torture_read_section(struct lock_torture *lt, int round)
{
	int now = atomic_inc_return(&lt->inside);

	if (now >= 1000)
		atomic_inc(&lt->bad);
	note_readers(&lt->max_readers, now);
	if (round % 16 == 1)	/* (rounds 0 mod 4 write) */
		msleep(1);
	else
		(void)READ_ONCE(lt->counter);
	atomic_dec(&lt->inside);
}

static int lock_torture_thread(void *arg)
{
	struct lock_torture *lt = arg;
	int i;

	unlock_kernel();	/* from here on, truly in parallel */
	atomic_inc(&lt->started);
	while (!READ_ONCE(lt->go))
		msleep(1);
	for (i = 0; i < TORTURE_ROUNDS; i++) {
		if (!lt->use_rwsem) {
			mutex_lock(&lt->mutex);
			torture_write_section(lt, i);
			mutex_unlock(&lt->mutex);
		} else if (i % 4 == 0) {
			down_write(&lt->sem);
			torture_write_section(lt, i);
			up_write(&lt->sem);
		} else {
			down_read(&lt->sem);
			torture_read_section(lt, i);
			up_read(&lt->sem);
		}
	}
	atomic_inc(&lt->finished);
	lock_kernel();
	return 0;
}

/* Starts the threads, lets them go together, waits for all: how many ran. */
static int run_lock_torture(struct lock_torture *lt)
{
	int cpu, n = 0, copies;

	mutex_init(&lt->mutex);
	init_rwsem(&lt->sem);
	copies = num_online_cpus() > 1 ? 1 : 2;
	for_each_online_cpu(cpu) {
		int k;

		for (k = 0; k < copies; k++) {
			struct task_struct *p = kthread_create(lock_torture_thread, lt,
							       "lock_torture");

			if (!p)
				continue;
			p->cpus_allowed = 1UL << cpu;
			wake_up_process(p);
			n++;
		}
	}
	while (atomic_read(&lt->started) < n)
		msleep(1);
	WRITE_ONCE(lt->go, true);
	while (atomic_read(&lt->finished) < n)
		msleep(2);
	msleep(20);	/* they exit; the idle task releases them */
	return n;
}

static void mutex_torture(struct ktest *t)
{
	struct lock_torture *lt = kzalloc(sizeof(*lt), GFP_KERNEL);
	int n;

	KT_ASSERT_NOT_NULL(t, lt);
	n = run_lock_torture(lt);
	KT_EXPECT_GE(t, n, 2);
	KT_EXPECT_EQ(t, atomic_read(&lt->bad), 0);
	KT_EXPECT_EQ(t, lt->counter, n * TORTURE_ROUNDS);
	KT_EXPECT_FALSE(t, mutex_is_locked(&lt->mutex));
	kfree(lt);
}

static void rwsem_torture(struct ktest *t)
{
	struct lock_torture *lt = kzalloc(sizeof(*lt), GFP_KERNEL);
	int n;

	KT_ASSERT_NOT_NULL(t, lt);
	lt->use_rwsem = true;
	n = run_lock_torture(lt);
	KT_EXPECT_EQ(t, atomic_read(&lt->bad), 0);
	KT_EXPECT_EQ(t, lt->counter, n * TORTURE_ROUNDS / 4);
	KT_EXPECT_EQ(t, lt->writes, lt->counter);
	/* readers sleep inside: others join them */
	KT_EXPECT_GE(t, atomic_read(&lt->max_readers), 2);
	KT_EXPECT_FALSE(t, rwsem_is_locked(&lt->sem));
	KT_EXPECT_EQ(t, atomic_read(&lt->sem.count), 0);
	kfree(lt);
}

/* ---- ordering, one step at a time ---- */

struct order {
	struct mutex mutex;
	struct rw_semaphore sem;
	struct task_struct *task[3];
	int log[4];		/* who got in, in order */
	atomic_t logged;
	bool release;		/* the reader holding the rwsem may go */
	bool stop_readers;
};

struct order_arg {
	struct order *o;
	int id;
};

static void log_entry(struct order *o, int id)
{
	o->log[atomic_inc_return(&o->logged) - 1] = id;
}

static int mutex_waiter_thread(void *arg)
{
	struct order_arg *a = arg;

	mutex_lock(&a->o->mutex);
	log_entry(a->o, a->id);
	mutex_unlock(&a->o->mutex);
	return 0;
}

/* Until @p sleeps (on the lock it went for); false after a second. */
static bool wait_until_sleeping(struct task_struct *p)
{
	int i;

	for (i = 0; i < 1000; i++) {
		if (READ_ONCE(p->state) == TASK_UNINTERRUPTIBLE)
			return true;
		msleep(1);
	}
	return false;
}

static struct task_struct *start_thread(int (*fn)(void *), struct order_arg *a)
{
	struct task_struct *p = kthread_create(fn, a, "lock_order");

	if (p)
		wake_up_process(p);
	return p;
}

static void mutex_hands_over_in_order(struct ktest *t)
{
	static struct order o;
	static struct order_arg args[2];
	int i;

	memset(&o, 0, sizeof(o));
	mutex_init(&o.mutex);
	mutex_lock(&o.mutex);
	KT_EXPECT_EQ(t, mutex_trylock(&o.mutex), 0);
	for (i = 0; i < 2; i++) {
		args[i] = (struct order_arg){ &o, i + 1 };
		o.task[i] = start_thread(mutex_waiter_thread, &args[i]);
		KT_ASSERT_NOT_NULL(t, o.task[i]);
		KT_ASSERT_TRUE(t, wait_until_sleeping(o.task[i]));
	}
	mutex_unlock(&o.mutex);
	/* handed over: the first waiter owns it before it even runs */
	KT_EXPECT_EQ(t, mutex_trylock(&o.mutex), 0);
	mutex_lock(&o.mutex);	/* and we queue behind the second */
	log_entry(&o, 3);
	mutex_unlock(&o.mutex);
	KT_EXPECT_EQ(t, atomic_read(&o.logged), 3);
	for (i = 0; i < 3; i++)
		KT_EXPECT_EQ(t, o.log[i], i + 1);
	KT_EXPECT_FALSE(t, mutex_is_locked(&o.mutex));
	msleep(10);
}

/*
 * Two readers hold the rwsem by turns: each takes it again before the
 * other lets go, so its count never falls to zero by itself.
 */
static int relay_reader_thread(void *arg)
{
	struct order_arg *a = arg;
	struct order *o = a->o;

	while (!READ_ONCE(o->stop_readers)) {
		down_read(&o->sem);
		msleep(2);
		up_read(&o->sem);
	}
	return 0;
}

static int rwsem_writer_thread(void *arg)
{
	struct order_arg *a = arg;

	down_write(&a->o->sem);
	log_entry(a->o, a->id);
	msleep(5);
	up_write(&a->o->sem);
	return 0;
}

static int rwsem_late_reader_thread(void *arg)
{
	struct order_arg *a = arg;

	down_read(&a->o->sem);
	log_entry(a->o, a->id);
	up_read(&a->o->sem);
	return 0;
}

static void rwsem_writer_not_starved(struct ktest *t)
{
	static struct order o;
	static struct order_arg args[4];
	struct task_struct *writer, *late;
	u64 deadline;
	int i;

	memset(&o, 0, sizeof(o));
	init_rwsem(&o.sem);
	for (i = 0; i < 2; i++) {
		args[i] = (struct order_arg){ &o, 0 };
		KT_ASSERT_NOT_NULL(t, start_thread(relay_reader_thread, &args[i]));
	}
	msleep(10);
	KT_EXPECT_TRUE(t, rwsem_is_locked(&o.sem));
	args[2] = (struct order_arg){ &o, 1 };
	writer = start_thread(rwsem_writer_thread, &args[2]);
	KT_ASSERT_NOT_NULL(t, writer);
	KT_ASSERT_TRUE(t, wait_until_sleeping(writer));
	/* a reader that comes after the writer waits behind it */
	args[3] = (struct order_arg){ &o, 2 };
	late = start_thread(rwsem_late_reader_thread, &args[3]);
	KT_ASSERT_NOT_NULL(t, late);
	deadline = ktime_get_ns() + 2 * NSEC_PER_SEC;
	while (atomic_read(&o.logged) < 2 && ktime_get_ns() < deadline)
		msleep(2);
	WRITE_ONCE(o.stop_readers, true);
	KT_EXPECT_EQ(t, atomic_read(&o.logged), 2);
	KT_EXPECT_EQ(t, o.log[0], 1);
	KT_EXPECT_EQ(t, o.log[1], 2);
	msleep(30);
	KT_EXPECT_FALSE(t, rwsem_is_locked(&o.sem));
}

static void rwsem_trylock_and_downgrade(struct ktest *t)
{
	static struct rw_semaphore sem;

	init_rwsem(&sem);
	KT_EXPECT_EQ(t, down_read_trylock(&sem), 1);
	KT_EXPECT_EQ(t, down_read_trylock(&sem), 1);
	KT_EXPECT_EQ(t, down_write_trylock(&sem), 0);
	up_read(&sem);
	up_read(&sem);
	KT_EXPECT_EQ(t, down_write_trylock(&sem), 1);
	KT_EXPECT_TRUE(t, rwsem_is_write_locked(&sem));
	KT_EXPECT_EQ(t, down_read_trylock(&sem), 0);
	downgrade_write(&sem);
	KT_EXPECT_FALSE(t, rwsem_is_write_locked(&sem));
	KT_EXPECT_EQ(t, down_read_trylock(&sem), 1);	/* a reader joins */
	KT_EXPECT_EQ(t, down_write_trylock(&sem), 0);
	up_read(&sem);
	up_read(&sem);
	KT_EXPECT_EQ(t, atomic_read(&sem.count), 0);
}

/* ---- completions ---- */

struct completion_arg {
	struct completion *done;
	atomic_t *through;
};

static int completion_waiter_thread(void *arg)
{
	struct completion_arg *a = arg;

	wait_for_completion(a->done);
	atomic_inc(a->through);
	return 0;
}

static void completion_counts_and_complete_all(struct ktest *t)
{
	static struct completion done;
	static atomic_t through;
	static struct completion_arg a = { &done, &through };
	struct task_struct *p[3];
	int i;

	init_completion(&done);
	atomic_set(&through, 0);
	KT_EXPECT_FALSE(t, try_wait_for_completion(&done));
	complete(&done);
	complete(&done);
	KT_EXPECT_TRUE(t, try_wait_for_completion(&done));
	wait_for_completion(&done);	/* the second: no sleep */
	KT_EXPECT_FALSE(t, completion_done(&done));

	for (i = 0; i < 3; i++) {
		p[i] = kthread_create(completion_waiter_thread, &a, "completion");
		KT_ASSERT_NOT_NULL(t, p[i]);
		wake_up_process(p[i]);
		KT_ASSERT_TRUE(t, wait_until_sleeping(p[i]));
	}
	complete(&done);	/* one through, the others still wait */
	msleep(20);
	KT_EXPECT_EQ(t, atomic_read(&through), 1);
	complete_all(&done);
	msleep(20);
	KT_EXPECT_EQ(t, atomic_read(&through), 3);
	KT_EXPECT_TRUE(t, try_wait_for_completion(&done));	/* stays done */
	msleep(10);
}

/* ---- the big kernel lock and CPU 0's tick ---- */

#define BKL_HOLD_US	200	/* a long system call's worth */
#define BKL_PASS_NS	(400 * NSEC_PER_MSEC)

struct bkl_pass {
	u64 stop;
	bool go;
	atomic_t started, finished;
};

/* Holds the big lock BKL_HOLD_US at a time, letting go only to take it again, until @stop. */
static int bkl_pass_thread(void *arg)
{
	struct bkl_pass *bp = arg;

	atomic_inc(&bp->started);
	while (!READ_ONCE(bp->go))
		msleep(1);	/* the lock is free while it sleeps */
	while (ktime_get_ns() < bp->stop) {
		udelay(BKL_HOLD_US);
		unlock_kernel();
		lock_kernel();
	}
	atomic_inc(&bp->finished);
	return 0;
}

/*
 * Threads on every CPU but 0 keep the big lock busy, so that CPU 0's
 * tick, which runs the timers under it, finds it held tick after tick:
 * it puts that work off at most TICK_LOCK_TRIES ticks in a row, then
 * waits with a ticket, which the next release serves, and so goes round
 * again and again while they keep it busy. (Taken only when free, the
 * work would wait for as long as they go on; waited for with trylock,
 * it could lose to them time after time.)
 */
static void tick_puts_off_then_waits_for_big_lock(struct ktest *t)
{
	struct bkl_pass *bp;
	unsigned long total, waits;
	int cpu, n = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU: its tick interrupts the holder itself");
		return;
	}
	bp = kzalloc(sizeof(*bp), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, bp);
	for_each_online_cpu(cpu) {
		struct task_struct *p;

		if (cpu == 0)
			continue;
		p = kthread_create(bkl_pass_thread, bp, "bkl_pass");
		if (!p)
			continue;
		p->cpus_allowed = 1UL << cpu;
		wake_up_process(p);
		n++;
	}
	while (atomic_read(&bp->started) < n)
		msleep(1);
	total = READ_ONCE(tick_lock_stats.total);
	waits = READ_ONCE(tick_lock_stats.waits);
	tick_lock_stats.most = 0;	/* this run's longest */
	bp->stop = ktime_get_ns() + BKL_PASS_NS;
	WRITE_ONCE(bp->go, true);
	while (atomic_read(&bp->finished) < n)
		msleep(2);
	msleep(20);	/* they exit; the idle task releases them */
	/* 40 ticks: runs of misses, each ended by a wait that got the lock */
	KT_EXPECT_GE(t, READ_ONCE(tick_lock_stats.total) - total, 2 * TICK_LOCK_TRIES);
	KT_EXPECT_GE(t, READ_ONCE(tick_lock_stats.waits) - waits, 2);
	KT_EXPECT_LE(t, READ_ONCE(tick_lock_stats.most), TICK_LOCK_TRIES);
	kfree(bp);
}

static const struct ktest_case locking_cases[] = {
	KTEST_CASE(mutex_torture),
	KTEST_CASE(rwsem_torture),
	KTEST_CASE(mutex_hands_over_in_order),
	KTEST_CASE(rwsem_writer_not_starved),
	KTEST_CASE(rwsem_trylock_and_downgrade),
	KTEST_CASE(completion_counts_and_complete_all),
	KTEST_CASE(tick_puts_off_then_waits_for_big_lock),
	{}
};

static const struct ktest_suite locking_suite = {
	.name = "locking",
	.cases = locking_cases,
};
ktest_register_suite(locking_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * Lock debugging (built only with make DEBUG_LOCKS=1): the lock-order
 * checker finds inversions planted with the suite's own locks, and the
 * lock types report their misuse and go on. Every inversion is made one
 * side after the other on one task, so nothing can deadlock; each report
 * is counted in lockdep_reports, and run_tests.py's lockdep config checks
 * the report text and that the log holds these reports and no other.
 *
 * The planted dependencies stay in the graph (the checker keeps what it
 * learnt): each case uses locks of its own, and the suite's counts hold
 * only for its first run after boot (a second run finds its edges known
 * and reports nothing new, which the repeat inside inversion_ab checks).
 */
#include <linux/completion.h>
#include <linux/ktest.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(ld_test_a);
static DEFINE_SPINLOCK(ld_test_b);

/* A then B, later B then A: one report, and none when it happens again. */
static void inversion_ab(struct ktest *t)
{
	unsigned long before = lockdep_reports;
	int i;

	spin_lock(&ld_test_a);
	spin_lock(&ld_test_b);
	spin_unlock(&ld_test_b);
	spin_unlock(&ld_test_a);
	KT_EXPECT_EQ(t, lockdep_reports, before);

	for (i = 0; i < 2; i++) {
		spin_lock(&ld_test_b);
		spin_lock(&ld_test_a);
		spin_unlock(&ld_test_a);
		spin_unlock(&ld_test_b);
		KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	}
}

static DEFINE_SPINLOCK(ld_test_ptl);
static DEFINE_SPINLOCK(ld_test_zone_lock);
static DEFINE_SPINLOCK(ld_test_list_lock);

/*
 * The mm's order in miniature (a pte lock, then zone->lock, which SLUB's
 * list_lock also takes: ptl -> zone, list -> zone, and ptl -> list) and
 * a path that takes the pte lock under list_lock: the cycle goes through
 * two recorded edges, both printed.
 */
static void inversion_through_a_chain(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	spin_lock(&ld_test_ptl);
	spin_lock(&ld_test_list_lock);
	spin_lock(&ld_test_zone_lock);
	spin_unlock(&ld_test_zone_lock);
	spin_unlock(&ld_test_list_lock);
	spin_unlock(&ld_test_ptl);
	KT_EXPECT_EQ(t, lockdep_reports, before);

	spin_lock(&ld_test_zone_lock);
	spin_lock(&ld_test_ptl);	/* zone -> ptl: closes ptl -> list -> zone */
	spin_unlock(&ld_test_ptl);
	spin_unlock(&ld_test_zone_lock);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

static DECLARE_RWSEM(ld_test_mmap_lock);
static DEFINE_MUTEX(ld_test_mutex);

/* A reader of an rw_semaphore counts: read R then M, later M then write R. */
static void rwsem_reader_inversion(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	down_read(&ld_test_mmap_lock);
	mutex_lock(&ld_test_mutex);
	mutex_unlock(&ld_test_mutex);
	up_read(&ld_test_mmap_lock);
	KT_EXPECT_EQ(t, lockdep_reports, before);

	mutex_lock(&ld_test_mutex);
	down_write(&ld_test_mmap_lock);
	up_write(&ld_test_mmap_lock);
	mutex_unlock(&ld_test_mutex);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_FALSE(t, rwsem_is_locked(&ld_test_mmap_lock));
	KT_EXPECT_FALSE(t, mutex_is_locked(&ld_test_mutex));
}

static DEFINE_SPINLOCK(ld_test_c);
static DEFINE_SPINLOCK(ld_test_d);

/* A trylock cannot wait, so it adds no dependency: D under C by trylock, then C under D. */
static void trylock_adds_no_dependency(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	spin_lock(&ld_test_c);
	KT_EXPECT_EQ(t, spin_trylock(&ld_test_d), 1);
	spin_unlock(&ld_test_d);
	spin_unlock(&ld_test_c);

	spin_lock(&ld_test_d);
	spin_lock(&ld_test_c);
	spin_unlock(&ld_test_c);
	spin_unlock(&ld_test_d);
	KT_EXPECT_EQ(t, lockdep_reports, before);
}

struct ld_pair {
	spinlock_t ld_test_lock;
};

static void ld_pair_init(struct ld_pair *p)
{
	spin_lock_init(&p->ld_test_lock);	/* one site: one class for both */
}

/*
 * Two locks of one class nested: reported (their order is unknown to the
 * checker) unless the inner one says it is a nested subclass; once.
 */
static void same_class_nesting(struct ktest *t)
{
	unsigned long before = lockdep_reports;
	struct ld_pair outer, inner;
	int i;

	ld_pair_init(&outer);
	ld_pair_init(&inner);
	spin_lock(&outer.ld_test_lock);
	spin_lock_nested(&inner.ld_test_lock, SINGLE_DEPTH_NESTING);
	spin_unlock(&inner.ld_test_lock);
	spin_unlock(&outer.ld_test_lock);
	KT_EXPECT_EQ(t, lockdep_reports, before);

	for (i = 0; i < 2; i++) {
		spin_lock(&outer.ld_test_lock);
		spin_lock(&inner.ld_test_lock);
		spin_unlock(&inner.ld_test_lock);
		spin_unlock(&outer.ld_test_lock);
		KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	}
	KT_EXPECT_FALSE(t, spin_is_locked(&outer.ld_test_lock));
	KT_EXPECT_FALSE(t, spin_is_locked(&inner.ld_test_lock));
}

static DEFINE_SPINLOCK(ld_test_recursive);

/* Taking a spinlock this CPU holds is reported and not done (it would spin for ever). */
static void spinlock_recursion(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	spin_lock(&ld_test_recursive);
	spin_lock(&ld_test_recursive);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_TRUE(t, spin_is_locked(&ld_test_recursive));
	spin_unlock(&ld_test_recursive);
	KT_EXPECT_FALSE(t, spin_is_locked(&ld_test_recursive));
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

static DEFINE_SPINLOCK(ld_test_unheld);

/* Releasing a free spinlock is reported and not done: the lock still works. */
static void spinlock_unlock_unheld(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	spin_unlock(&ld_test_unheld);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_FALSE(t, spin_is_locked(&ld_test_unheld));
	spin_lock(&ld_test_unheld);
	KT_EXPECT_TRUE(t, spin_is_locked(&ld_test_unheld));
	spin_unlock(&ld_test_unheld);
	KT_EXPECT_FALSE(t, spin_is_locked(&ld_test_unheld));
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

static DEFINE_MUTEX(ld_test_recursive_mutex);

/* A mutex its owner takes again: reported, and not waited for. */
static void mutex_recursion(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	mutex_lock(&ld_test_recursive_mutex);
	mutex_lock(&ld_test_recursive_mutex);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_PTR_EQ(t, __mutex_owner(&ld_test_recursive_mutex), current);
	mutex_unlock(&ld_test_recursive_mutex);
	KT_EXPECT_FALSE(t, mutex_is_locked(&ld_test_recursive_mutex));
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

static DECLARE_RWSEM(ld_test_recursive_rwsem);

/* A writer taking its rw_semaphore again: reported, and not waited for. */
static void rwsem_recursion(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	down_write(&ld_test_recursive_rwsem);
	down_write(&ld_test_recursive_rwsem);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_TRUE(t, rwsem_is_write_locked(&ld_test_recursive_rwsem));
	up_write(&ld_test_recursive_rwsem);
	KT_EXPECT_FALSE(t, rwsem_is_locked(&ld_test_recursive_rwsem));
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

struct ld_holder {
	struct mutex *lock;
	struct completion taken, release;
};

static int ld_holder_fn(void *arg)
{
	struct ld_holder *h = arg;

	mutex_lock(h->lock);
	complete(&h->taken);
	wait_for_completion(&h->release);
	mutex_unlock(h->lock);
	return 0;
}

static DEFINE_MUTEX(ld_test_held_mutex);

/* A mutex another task holds, unlocked by this one: reported and left to its owner. */
static void mutex_unlock_by_other(struct ktest *t)
{
	struct ld_holder h = { .lock = &ld_test_held_mutex };
	unsigned long before = lockdep_reports;
	struct task_struct *p;
	int pid, status;

	init_completion(&h.taken);
	init_completion(&h.release);
	p = kthread_run(ld_holder_fn, &h, "ld_holder");
	KT_ASSERT_NOT_NULL(t, p);
	pid = p->pid;
	wait_for_completion(&h.taken);

	mutex_unlock(&ld_test_held_mutex);
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	KT_EXPECT_PTR_EQ(t, __mutex_owner(&ld_test_held_mutex), p);

	complete(&h.release);
	KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED, NULL), pid);
	KT_EXPECT_FALSE(t, mutex_is_locked(&ld_test_held_mutex));
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
}

static DEFINE_SPINLOCK(ld_test_leaked);

/*
 * A system call that returns to user mode with a lock held (here the
 * check itself, called as the return path calls it): reported once per
 * task, naming the lock.
 */
static void lock_held_returning_to_user(struct ktest *t)
{
	unsigned long before = lockdep_reports;

	lockdep_sys_exit();
	KT_EXPECT_EQ(t, lockdep_reports, before);
	spin_lock(&ld_test_leaked);
	lockdep_sys_exit();
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	lockdep_sys_exit();
	KT_EXPECT_EQ(t, lockdep_reports, before + 1);
	spin_unlock(&ld_test_leaked);
}

static const struct ktest_case lockdep_cases[] = {
	KTEST_CASE(inversion_ab),
	KTEST_CASE(inversion_through_a_chain),
	KTEST_CASE(rwsem_reader_inversion),
	KTEST_CASE(trylock_adds_no_dependency),
	KTEST_CASE(same_class_nesting),
	KTEST_CASE(spinlock_recursion),
	KTEST_CASE(spinlock_unlock_unheld),
	KTEST_CASE(mutex_recursion),
	KTEST_CASE(rwsem_recursion),
	KTEST_CASE(mutex_unlock_by_other),
	KTEST_CASE(lock_held_returning_to_user),
	{}
};

static struct ktest_suite lockdep_suite = {
	.name = "lockdep",
	.cases = lockdep_cases,
};
ktest_register_suite(lockdep_suite);

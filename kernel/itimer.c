// SPDX-License-Identifier: GPL-2.0
/*
 * A process's interval timers, each of which sends it a signal when it
 * runs out, then rearms itself by its interval if it has one:
 * ITIMER_REAL counts wall-clock time (SIGALRM; glibc's alarm() is
 * setitimer on ARM EABI), ITIMER_VIRTUAL the process's user time
 * (SIGVTALRM), ITIMER_PROF its user and system time (SIGPROF). They
 * live in the group leader. Armed real timers sit on itimer_list, which
 * the tick walks; the CPU timers count down by a tick at each tick the
 * process is charged (as Linux samples CPU time). Invariant: a leader
 * is on the list exactly while it_real_expires is non-zero, and leaves
 * it when its group dies (exit_itimers). fork leaves the child's
 * timers disarmed; exec keeps them.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>

#define NSEC_PER_USEC	1000ULL
#define TICK_NSEC	(NSEC_PER_SEC / HZ)

struct timeval32 {
	s32 tv_sec, tv_usec;
};

struct itimerval32 {
	struct timeval32 it_interval, it_value;
};

static LIST_HEAD(itimer_list);

static void ns_to_timeval(u64 ns, struct timeval32 *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

static void disarm(struct task_struct *leader)
{
	if (leader->it_real_expires)
		list_del(&leader->it_real_node);
	leader->it_real_expires = 0;
}

/* A process signal: to the leader, or to a live thread once it has gone. */
static void send_process_sig(struct task_struct *leader, int sig)
{
	send_signal(leader->flags & PF_EXITING ? find_alive_thread(leader) ?: leader : leader,
		    sig);
}

/*
 * A tick of CPU time charged to @leader's process: @it runs out when
 * less than a tick was left, and the next period starts where this one
 * ended (one tick later at least).
 */
static void cpu_itimer_tick(struct task_struct *leader, struct cpu_itimer *it, int sig)
{
	u64 over;

	if (!it->left)
		return;
	if (it->left > TICK_NSEC) {
		it->left -= TICK_NSEC;
		return;
	}
	send_process_sig(leader, sig);
	over = TICK_NSEC - it->left;
	it->left = !it->incr ? 0 : it->incr > over ? it->incr - over : 1;
}

/* CPU 0's tick: SIGALRM to each process whose real timer ran out. */
void itimer_tick(u64 now)
{
	struct task_struct *p, *tmp;

	list_for_each_entry_safe(p, tmp, &itimer_list, it_real_node) {
		if (p->it_real_expires > now)
			continue;
		send_process_sig(p, SIGALRM);
		if (!p->it_real_incr) {
			disarm(p);
			continue;
		}
		while (p->it_real_expires <= now)
			p->it_real_expires += p->it_real_incr;
	}
}

bool cpu_itimers_armed(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;

	return !(tsk->flags & PF_KTHREAD) &&
	       (READ_ONCE(leader->it[ITIMER_VIRTUAL - 1].left) ||
		READ_ONCE(leader->it[ITIMER_PROF - 1].left));
}

/* On the way to user mode: the ticks current ran since, to its process's CPU timers. */
void itimer_notify_resume(void)
{
	struct task_struct *tsk = current, *leader = tsk->group_leader;

	for (; tsk->itimer_ticks; tsk->itimer_ticks--) {
		if (tsk->itimer_user_ticks) {
			tsk->itimer_user_ticks--;
			cpu_itimer_tick(leader, &leader->it[ITIMER_VIRTUAL - 1], SIGVTALRM);
		}
		cpu_itimer_tick(leader, &leader->it[ITIMER_PROF - 1], SIGPROF);
	}
}

void exit_itimers(struct task_struct *leader)
{
	unsigned long flags;

	local_irq_save(flags);
	disarm(leader);
	local_irq_restore(flags);
}

static void get_real(struct task_struct *leader, struct itimerval32 *v, u64 now)
{
	u64 left = leader->it_real_expires > now ? leader->it_real_expires - now :
		   leader->it_real_expires ? 1000 : 0;	/* due: Linux says 1 us */

	ns_to_timeval(left, &v->it_value);
	ns_to_timeval(leader->it_real_incr, &v->it_interval);
}

static void get_cpu_itimer(const struct cpu_itimer *it, struct itimerval32 *v)
{
	ns_to_timeval(it->left, &v->it_value);
	ns_to_timeval(it->incr, &v->it_interval);
}

/* What is left of timer @which of @leader, and its interval; -EINVAL for no such timer. */
static int get_itimer(struct task_struct *leader, int which, struct itimerval32 *v, u64 now)
{
	if (which == ITIMER_REAL)
		get_real(leader, v, now);
	else if (which == ITIMER_VIRTUAL || which == ITIMER_PROF)
		get_cpu_itimer(&leader->it[which - 1], v);
	else
		return -EINVAL;
	return 0;
}

long sys_getitimer(int which, struct itimerval32 *value)
{
	struct itimerval32 v;
	unsigned long flags;
	int err;

	local_irq_save(flags);
	err = get_itimer(current->group_leader, which, &v, ktime_get_ns());
	local_irq_restore(flags);
	if (err)
		return err;
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

static bool timeval_valid(const struct timeval32 *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

static u64 timeval_to_ns(const struct timeval32 *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

long sys_setitimer(int which, const struct itimerval32 *value, struct itimerval32 *ovalue)
{
	struct task_struct *leader = current->group_leader;
	struct itimerval32 v, old;
	unsigned long flags;
	u64 now;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (value) {
		if (copy_from_user(&v, value, sizeof(v)))
			return -EFAULT;
		if (!timeval_valid(&v.it_value) || !timeval_valid(&v.it_interval))
			return -EINVAL;
	} else {
		memset(&v, 0, sizeof(v));	/* a NULL value disarms, as Linux allows */
	}
	local_irq_save(flags);
	now = ktime_get_ns();
	get_itimer(leader, which, &old, now);
	if (which != ITIMER_REAL) {
		struct cpu_itimer *it = &leader->it[which - 1];

		/* as Linux, a tick more: the one under way is not all there */
		it->left = timeval_to_ns(&v.it_value);
		if (it->left)
			it->left += TICK_NSEC;
		it->incr = timeval_to_ns(&v.it_interval);
	} else {
		disarm(leader);
		if (v.it_value.tv_sec || v.it_value.tv_usec) {
			leader->it_real_expires = now + timeval_to_ns(&v.it_value);
			leader->it_real_incr = timeval_to_ns(&v.it_interval);
			list_add_tail(&leader->it_real_node, &itimer_list);
		}
	}
	local_irq_restore(flags);
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

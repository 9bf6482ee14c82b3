// SPDX-License-Identifier: GPL-2.0
/*
 * ITIMER_REAL: a process's wall-clock timer that sends it SIGALRM when
 * it runs out, then rearms itself by its interval if it has one (glibc's
 * alarm() is setitimer on ARM EABI). The timer lives in the group
 * leader; armed ones sit on itimer_list, which the tick walks. Invariant:
 * a leader is on the list exactly while it_real_expires is non-zero,
 * and leaves it when its group dies (exit_itimers).
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

/* Every tick: SIGALRM to each process whose timer ran out. */
void itimer_tick(u64 now)
{
	struct task_struct *p, *tmp;

	list_for_each_entry_safe(p, tmp, &itimer_list, it_real_node) {
		if (p->it_real_expires > now)
			continue;
		/* a process signal: the leader, or a live thread once it has gone */
		send_signal(p->flags & PF_EXITING ? find_alive_thread(p) ?: p : p, SIGALRM);
		if (!p->it_real_incr) {
			disarm(p);
			continue;
		}
		while (p->it_real_expires <= now)
			p->it_real_expires += p->it_real_incr;
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

long sys_getitimer(int which, struct itimerval32 *value)
{
	struct itimerval32 v;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	local_irq_save(flags);
	get_real(current->group_leader, &v, ktime_get_ns());
	local_irq_restore(flags);
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

	if (which != ITIMER_REAL)
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
	get_real(leader, &old, now);
	disarm(leader);
	if (v.it_value.tv_sec || v.it_value.tv_usec) {
		leader->it_real_expires = now + timeval_to_ns(&v.it_value);
		leader->it_real_incr = timeval_to_ns(&v.it_interval);
		list_add_tail(&leader->it_real_node, &itimer_list);
	}
	local_irq_restore(flags);
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

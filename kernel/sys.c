// SPDX-License-Identifier: GPL-2.0
/*
 * The small system calls: ids, process groups and sessions, time,
 * sleeping, yielding, uname and the host name, exit and wait, times and
 * sysinfo, prctl's task name, CPU affinity and reboot. Users and groups
 * are all root (0), as a single-user kernel's.
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/sysinfo.h>
#include <linux/time.h>
#include <linux/times.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/vmstat.h>
#include <asm/setup.h>

char uts_nodename[__NEW_UTS_LEN + 1] = "pagoda";

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_group_exit((code & 0xff) << 8);
}

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->tgid : 0;
}

/* A process group or session id is a pid; a group exists while a process is in it. */
static bool pgrp_exists(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p == p->group_leader && p->pgrp == pgrp && p->state != EXIT_DEAD)
			return true;
	return false;
}

/*
 * setpgid, as Linux decides it: a process may move itself or a child
 * that has not exec'd (EACCES after) and is in its session (EPERM), not
 * a session leader (EPERM), into a group of its own or one that exists
 * in the same session (EPERM).
 */
long sys_setpgid(int pid, int pgid)
{
	struct task_struct *leader = current->group_leader, *p, *g;

	if (!pid)
		pid = leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	p = find_task_by_pid(pid);
	if (!p || p->state == EXIT_DEAD)
		return -ESRCH;
	if (p != p->group_leader)
		return -EINVAL;
	if (p->parent && p->parent->group_leader == leader) {
		if (p->session != leader->session)
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p != leader) {
		return -ESRCH;
	}
	if (p->session_leader)
		return -EPERM;
	if (pgid != pid) {
		bool found = false;

		list_for_each_entry(g, &task_list, tasks) {
			if (g == g->group_leader && g->pgrp == pgid && g->state != EXIT_DEAD &&
			    g->session == leader->session) {
				found = true;
				break;
			}
		}
		if (!found)
			return -EPERM;
	}
	p->pgrp = pgid;
	return 0;
}

/* The process @pid names (0: the caller), for getpgid and getsid. */
static struct task_struct *process_of(int pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p && p->state != EXIT_DEAD ? p->group_leader : NULL;
}

long sys_getpgid(int pid)
{
	struct task_struct *p = process_of(pid);

	return p ? p->pgrp : -ESRCH;
}

long sys_getpgrp(void)
{
	return task_pgrp_nr(current);
}

long sys_getsid(int pid)
{
	struct task_struct *p = process_of(pid);

	return p ? p->session : -ESRCH;
}

/*
 * A new session and group, both named by the caller's pid, with no
 * controlling terminal: EPERM for a session leader, or when a group
 * already bears that id (the caller leads one).
 */
long sys_setsid(void)
{
	struct task_struct *leader = current->group_leader;

	if (leader->session_leader || pgrp_exists(leader->pid))
		return -EPERM;
	leader->session_leader = true;
	leader->session = leader->pgrp = leader->pid;
	leader->tty = NULL;
	return leader->pid;
}

long sys_getuid(void)
{
	return current->cred.uid;
}

long sys_geteuid(void)
{
	return current->cred.euid;
}

long sys_getgid(void)
{
	return current->cred.gid;
}

long sys_getegid(void)
{
	return current->cred.egid;
}

#define NO_ID	((unsigned int)-1)	/* "leave this id as it is"; never a valid id */

/*
 * The real uid becomes @uid: the task moves to that user's count. A
 * user already at its RLIMIT_NPROC is let in (Linux defers the refusal
 * to the next execve, which Pagoda does not make).
 */
static long set_user(struct cred *new)
{
	struct user_struct *up = alloc_uid(new->uid);

	if (!up)
		return -EAGAIN;
	up->processes++;
	current->cred.user->processes--;
	free_uid(current->cred.user);
	new->user = up;
	return 0;
}

/* Whether @id is one of the three a task without CAP_SETUID/SETGID may take. */
static bool id_held(unsigned int id, unsigned int r, unsigned int e, unsigned int s)
{
	return id == r || id == e || id == s;
}

/*
 * setresuid, and what setuid and setreuid come to: the ids to set
 * (NO_ID: unchanged) were checked by the caller; the saved uid follows
 * the rules of each call, the filesystem uid the effective one.
 */
static long commit_uids(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	struct cred new = current->cred;
	long err;

	if (ruid != NO_ID)
		new.uid = ruid;
	if (euid != NO_ID)
		new.euid = euid;
	if (suid != NO_ID)
		new.suid = suid;
	new.fsuid = new.euid;
	if (new.uid != current->cred.uid) {
		err = set_user(&new);
		if (err)
			return err;
	}
	current->cred = new;
	return 0;
}

/* With CAP_SETUID all three ids; without, the effective one to the real or saved. */
long sys_setuid(unsigned int uid)
{
	const struct cred *old = &current->cred;

	if (uid == NO_ID)
		return -EINVAL;
	if (capable(CAP_SETUID))
		return commit_uids(uid, uid, uid);
	if (uid != old->uid && uid != old->suid)
		return -EPERM;
	return commit_uids(NO_ID, uid, NO_ID);
}

/*
 * Without CAP_SETUID the real uid may become the effective one, the
 * effective any of the three; the saved uid takes the new effective one
 * when the real uid is set or the effective set to other than the real.
 */
long sys_setreuid(unsigned int ruid, unsigned int euid)
{
	const struct cred *old = &current->cred;
	bool cap = capable(CAP_SETUID);
	unsigned int suid = NO_ID;

	if (ruid != NO_ID && !cap && ruid != old->uid && ruid != old->euid)
		return -EPERM;
	if (euid != NO_ID && !cap && !id_held(euid, old->uid, old->euid, old->suid))
		return -EPERM;
	if (ruid != NO_ID || (euid != NO_ID && euid != old->uid))
		suid = euid != NO_ID ? euid : old->euid;
	return commit_uids(ruid, euid, suid);
}

long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	const struct cred *old = &current->cred;

	if (!capable(CAP_SETUID) &&
	    ((ruid != NO_ID && !id_held(ruid, old->uid, old->euid, old->suid)) ||
	     (euid != NO_ID && !id_held(euid, old->uid, old->euid, old->suid)) ||
	     (suid != NO_ID && !id_held(suid, old->uid, old->euid, old->suid))))
		return -EPERM;
	return commit_uids(ruid, euid, suid);
}

long sys_getresuid(unsigned int *ruid, unsigned int *euid, unsigned int *suid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->uid, ruid) || put_user(c->euid, euid) || put_user(c->suid, suid))
		return -EFAULT;
	return 0;
}

/* The group ids, as the user ids but with CAP_SETGID and no user to count. */
static void commit_gids(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	struct cred *c = &current->cred;

	if (rgid != NO_ID)
		c->gid = rgid;
	if (egid != NO_ID)
		c->egid = egid;
	if (sgid != NO_ID)
		c->sgid = sgid;
	c->fsgid = c->egid;
}

long sys_setgid(unsigned int gid)
{
	const struct cred *old = &current->cred;

	if (gid == NO_ID)
		return -EINVAL;
	if (capable(CAP_SETGID))
		commit_gids(gid, gid, gid);
	else if (gid == old->gid || gid == old->sgid)
		commit_gids(NO_ID, gid, NO_ID);
	else
		return -EPERM;
	return 0;
}

long sys_setregid(unsigned int rgid, unsigned int egid)
{
	const struct cred *old = &current->cred;
	bool cap = capable(CAP_SETGID);
	unsigned int sgid = NO_ID;

	if (rgid != NO_ID && !cap && rgid != old->gid && rgid != old->egid)
		return -EPERM;
	if (egid != NO_ID && !cap && !id_held(egid, old->gid, old->egid, old->sgid))
		return -EPERM;
	if (rgid != NO_ID || (egid != NO_ID && egid != old->gid))
		sgid = egid != NO_ID ? egid : old->egid;
	commit_gids(rgid, egid, sgid);
	return 0;
}

long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	const struct cred *old = &current->cred;

	if (!capable(CAP_SETGID) &&
	    ((rgid != NO_ID && !id_held(rgid, old->gid, old->egid, old->sgid)) ||
	     (egid != NO_ID && !id_held(egid, old->gid, old->egid, old->sgid)) ||
	     (sgid != NO_ID && !id_held(sgid, old->gid, old->egid, old->sgid))))
		return -EPERM;
	commit_gids(rgid, egid, sgid);
	return 0;
}

long sys_getresgid(unsigned int *rgid, unsigned int *egid, unsigned int *sgid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->gid, rgid) || put_user(c->egid, egid) || put_user(c->sgid, sgid))
		return -EFAULT;
	return 0;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

long sys_sched_yield(void)
{
	sched_yield();
	return 0;
}

static void ns_to_timespec(u64 ns, struct old_timespec32 *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

/* The time of clock @which, in *@ns; -EINVAL for a clock there is not. */
static long clock_ns(int which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();	/* no wall clock: time since boot */
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (u64)(current->utime + current->stime) * (NSEC_PER_SEC / HZ);
		return 0;
	}
	return -EINVAL;
}

/* Writes @ns to user space as a 32-bit or a 64-bit time_t timespec. */
static int put_timespec(u64 ns, void *uts, bool time64)
{
	struct __kernel_timespec t64 = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
	struct old_timespec32 t32;

	if (time64)
		return copy_to_user(uts, &t64, sizeof(t64)) ? -EFAULT : 0;
	ns_to_timespec(ns, &t32);
	return copy_to_user(uts, &t32, sizeof(t32)) ? -EFAULT : 0;
}

long sys_clock_gettime(int which, void *tp)
{
	u64 ns;
	long err = clock_ns(which, &ns);

	return err ? err : put_timespec(ns, tp, false);
}

/* clock_gettime64: the 64-bit time_t layout that glibc 2.34+ asks first */
long sys_clock_gettime64(int which, void *tp)
{
	u64 ns;
	long err = clock_ns(which, &ns);

	return err ? err : put_timespec(ns, tp, true);
}

static long nanosleep_restart(struct restart_block *rb);

/*
 * Sleeps until @deadline. Cut short by a signal, it writes the time
 * left to @rem and asks to go on to the same deadline (restart_block)
 * once the signal is dealt with, which is what happens when no handler
 * runs: after a stop and SIGCONT the sleep ends when it would have.
 */
static long do_nanosleep(u64 deadline, void *rem, bool rem64)
{
	if (schedule_timeout_ns(deadline))
		return 0;
	if (rem) {
		u64 now = ktime_get_ns();

		if (put_timespec(deadline > now ? deadline - now : 0, rem, rem64))
			return -EFAULT;
	}
	current->restart_block.fn = nanosleep_restart;
	current->restart_block.deadline = deadline;
	current->restart_block.rmtp = rem;
	current->restart_block.rmtp64 = rem64;
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->deadline, rb->rmtp, rb->rmtp64);
}

long sys_nanosleep(const void *req, void *rem)
{
	u64 ns;
	int err = get_old_timespec32_ns(req, &ns);

	return err ? err : do_nanosleep(ktime_get_ns() + ns, rem, false);
}

/*
 * clock_nanosleep: relative, or until an absolute time of @which (every
 * clock here counts from boot). An absolute sleep cut short by a signal
 * writes no time left and is simply started again when no handler runs.
 */
static long do_clock_nanosleep(int which, int flags, const void *req, void *rem,
			       bool time64)
{
	u64 ns, deadline;
	int err;

	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		break;
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_PROCESS_CPUTIME_ID:
		return -EOPNOTSUPP;	/* no CPU-time timers here */
	default:
		return -EINVAL;
	}
	err = time64 ? get_timespec64_ns(req, &ns) : get_old_timespec32_ns(req, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME) {
		if (schedule_timeout_ns(ns))
			return 0;
		return -ERESTARTNOHAND;
	}
	deadline = ktime_get_ns() + ns;
	return do_nanosleep(deadline, rem, time64);
}

long sys_clock_nanosleep(int which, int flags, const void *req, void *rem)
{
	return do_clock_nanosleep(which, flags, req, rem, false);
}

long sys_clock_nanosleep_time64(int which, int flags, const void *req, void *rem)
{
	return do_clock_nanosleep(which, flags, req, rem, true);
}

/* The resolution: 1 ns for the high-resolution clocks, a tick for the coarse ones. */
static long do_clock_getres(int which, void *tp, bool time64)
{
	u64 res = 1;

	switch (which) {
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		res = NSEC_PER_SEC / HZ;
		break;
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		break;
	default:
		return -EINVAL;
	}
	return tp ? put_timespec(res, tp, time64) : 0;
}

long sys_clock_getres(int which, void *tp)
{
	return do_clock_getres(which, tp, false);
}

long sys_clock_getres_time64(int which, void *tp)
{
	return do_clock_getres(which, tp, true);
}

/* gettimeofday: seconds and microseconds (since boot: there is no RTC yet). */
long sys_gettimeofday(void *tv, void *tz)
{
	u64 ns = ktime_get_ns();
	s32 t[2] = { ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / 1000 };
	s32 zone[2] = { 0, 0 };

	if (tv && copy_to_user(tv, t, sizeof(t)))
		return -EFAULT;
	if (tz && copy_to_user(tz, zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}

long sys_uname(void *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	/*
	 * It speaks Linux's system-call ABI, and C libraries check the
	 * kernel's name and version before they run: say Linux, a 6.1-era
	 * ABI, and name Pagoda in the release and version strings.
	 */
	snprintf(u.sysname, sizeof(u.sysname), "%s", "Linux");
	snprintf(u.nodename, sizeof(u.nodename), "%s", uts_nodename);
	snprintf(u.release, sizeof(u.release), "%s", UTS_RELEASE);
	snprintf(u.version, sizeof(u.version), "#1 %s", pagoda_banner);
	snprintf(u.machine, sizeof(u.machine), "%s", "armv7l");
	snprintf(u.domainname, sizeof(u.domainname), "%s", "(none)");
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/*
 * The child is reaped (or its stop or continue reported) before its
 * status and usage are written: a pointer that cannot be written gets
 * -EFAULT, and the child is gone all the same, as on Linux.
 */
long sys_wait4(int pid, int *status, int options, void *ru)
{
	struct rusage r;
	int st = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (pid == -__INT_MAX__ - 1)	/* no group -pid */
		return -ESRCH;
	ret = do_wait(pid, &st, options | WEXITED, ru ? &r : NULL);
	if (ret > 0 && status && put_user(st, status))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}

/* The SIGCHLD fields of a siginfo_t as waitid fills them (the rest of its 128 bytes 0). */
struct waitid_info {
	s32 si_signo, si_errno, si_code;
	s32 si_pid;
	u32 si_uid;
	s32 si_status;
};

/*
 * waitid(idtype, id, infop, options, rusage): what wait4 reports, said
 * as a siginfo: how the child changed (CLD_*) and its exit code or
 * signal. At least one of WEXITED, WSTOPPED and WCONTINUED must be
 * asked; WNOWAIT leaves the child to be reported again. With WNOHANG
 * and nothing to tell, 0 and a zeroed siginfo.
 */
long sys_waitid(int which, int id, void *infop, int options, void *ru)
{
	struct waitid_info info = { 0 };
	struct rusage r;
	int pid, st = 0;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (id <= 0)
			return -EINVAL;
		pid = id;
		break;
	case P_PGID:
		if (id < 0)
			return -EINVAL;
		pid = id ? -id : 0;	/* 0: the caller's own group */
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(pid, &st, options & ~(__WNOTHREAD | __WCLONE | __WALL), ru ? &r : NULL);
	if (ret < 0)
		return ret;
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_pid = ret;
		if (st == 0xffff) {
			info.si_code = CLD_CONTINUED;
			info.si_status = SIGCONT;
		} else if ((st & 0xff) == 0x7f) {
			info.si_code = CLD_STOPPED;
			info.si_status = (st >> 8) & 0xff;
		} else if (st & 0x7f) {
			info.si_code = st & 0x80 ? CLD_DUMPED : CLD_KILLED;
			info.si_status = st & 0x7f;
		} else {
			info.si_code = CLD_EXITED;
			info.si_status = (st >> 8) & 0xff;
		}
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	if (ru && ret > 0 && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return 0;
}

static void rusage_add(struct rusage_counts *to, const struct rusage_counts *from)
{
	to->utime += from->utime;
	to->stime += from->stime;
	to->nvcsw += from->nvcsw;
	to->nivcsw += from->nivcsw;
	to->min_flt += from->min_flt;
}

/*
 * RUSAGE_THREAD: @p itself; RUSAGE_SELF: the tasks of its thread group,
 * those there and those released; RUSAGE_CHILDREN: the children its
 * group reaped, theirs included; RUSAGE_BOTH: the last two together.
 */
void rusage_counts(struct task_struct *p, int who, struct rusage_counts *c)
{
	struct task_struct *leader = p->group_leader, *t;

	memset(c, 0, sizeof(*c));
	list_for_each_entry(t, &task_list, tasks) {
		if (who == RUSAGE_CHILDREN || (who == RUSAGE_THREAD ? t != p : t->tgid != p->tgid))
			continue;
		c->utime += t->utime;
		c->stime += t->stime;
		c->nvcsw += t->nvcsw;
		c->nivcsw += t->nivcsw;
		c->min_flt += t->min_flt;
	}
	if (who == RUSAGE_SELF || who == RUSAGE_BOTH)
		rusage_add(c, &leader->dead_threads);
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH)
		rusage_add(c, &leader->reaped_children);
}

void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	struct rusage_counts c;

	rusage_counts(p, who, &c);
	memset(r, 0, sizeof(*r));
	r->ru_utime.tv_sec = c.utime / HZ;
	r->ru_utime.tv_usec = c.utime % HZ * (1000000 / HZ);
	r->ru_stime.tv_sec = c.stime / HZ;
	r->ru_stime.tv_usec = c.stime % HZ * (1000000 / HZ);
	/* the peak of the memory it has now (a reaped child's is gone) */
	if (who != RUSAGE_CHILDREN && p->mm)
		r->ru_maxrss = max(p->mm->hiwater_rss, get_mm_rss(p->mm)) <<
			       (PAGE_SHIFT - 10);
	r->ru_minflt = c.min_flt;
	r->ru_nvcsw = c.nvcsw;
	r->ru_nivcsw = c.nivcsw;
}

void account_reaped_child(struct task_struct *parent, struct task_struct *p)
{
	struct rusage_counts c;

	rusage_counts(p, RUSAGE_BOTH, &c);
	rusage_add(&parent->group_leader->reaped_children, &c);
}

void account_released_task(struct task_struct *leader, struct task_struct *p)
{
	struct rusage_counts c;

	rusage_counts(p, RUSAGE_THREAD, &c);
	rusage_add(&leader->dead_threads, &c);
}

long sys_getrusage(int who, void *ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* ---- resource limits (kept on the group leader, copied at fork) ---- */

unsigned long rlimit(unsigned int res)
{
	return current->group_leader->rlim[res].rlim_cur;
}

/* The limit @res of @tsk's process to @old, then @new if given: prlimit's core. */
static long do_prlimit(struct task_struct *tsk, unsigned int res,
		       const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *r;

	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (res == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	r = &tsk->group_leader->rlim[res];
	if (new && new->rlim_max > r->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (old)
		*old = *r;
	if (new)
		*r = *new;
	return 0;
}

long sys_ugetrlimit(unsigned int res, struct rlimit *ulim)
{
	struct rlimit r;

	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	do_prlimit(current, res, NULL, &r);
	return copy_to_user(ulim, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_setrlimit(unsigned int res, const struct rlimit *ulim)
{
	struct rlimit r;

	if (copy_from_user(&r, ulim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, res, &r, NULL);
}

/* 64-bit values: anything a long cannot hold is "unlimited", both ways. */
static unsigned long rlim64_to_long(u64 v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static u64 rlim_to_64(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

long sys_prlimit64(int pid, unsigned int res, const struct rlimit64 *unew,
		   struct rlimit64 *uold)
{
	struct rlimit64 n64, o64;
	struct rlimit n, o;
	struct task_struct *tsk = current;
	long ret;

	if (unew) {
		if (copy_from_user(&n64, unew, sizeof(n64)))
			return -EFAULT;
		n.rlim_cur = rlim64_to_long(n64.rlim_cur);
		n.rlim_max = rlim64_to_long(n64.rlim_max);
	}
	if (pid) {
		tsk = find_task_by_pid(pid);
		if (!tsk || tsk->state == EXIT_DEAD)
			return -ESRCH;
	}
	ret = do_prlimit(tsk, res, unew ? &n : NULL, uold ? &o : NULL);
	if (ret || !uold)
		return ret;
	o64.rlim_cur = rlim_to_64(o.rlim_cur);
	o64.rlim_max = rlim_to_64(o.rlim_max);
	return copy_to_user(uold, &o64, sizeof(o64)) ? -EFAULT : 0;
}

long sys_sethostname(const char *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(uts_nodename, tmp, len);
	memset(uts_nodename + len, 0, sizeof(uts_nodename) - len);
	return 0;
}

/* ---- CPU time ---- */

/*
 * The process's times and its reaped children's in clock ticks (USER_HZ
 * is HZ here), and the ticks since boot.
 */
long sys_times(void *tbuf)
{
	struct tms t;
	struct rusage_counts self, children;

	if (tbuf) {
		rusage_counts(current, RUSAGE_SELF, &self);
		rusage_counts(current, RUSAGE_CHILDREN, &children);
		t.tms_utime = self.utime;
		t.tms_stime = self.stime;
		t.tms_cutime = children.utime;
		t.tms_cstime = children.stime;
		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return jiffies;
}

/* ---- sysinfo ---- */

long sys_sysinfo(void *info)
{
	struct sysinfo si;
	struct task_struct *t;
	u64 now = ktime_get_ns();
	unsigned long total;
	unsigned int bits = 0;
	int i;

	memset(&si, 0, sizeof(si));
	si.uptime = now / NSEC_PER_SEC + (now % NSEC_PER_SEC ? 1 : 0);
	for (i = 0; i < 3; i++)
		si.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - FSHIFT);
	list_for_each_entry(t, &task_list, tasks)
		if (t->state != EXIT_DEAD)
			si.procs++;
	si.totalram = totalram_pages;
	si.freeram = global_zone_free_pages();
	si.sharedram = global_node_page_state(NR_SHMEM);
	si.totalhigh = totalhigh_pages;
	si.freehigh = nr_free_highpages();
	si.mem_unit = PAGE_SIZE;
	/*
	 * As Linux does for old programs: when all of memory fits in 32
	 * bits counted in bytes, the figures are given in bytes (mem_unit 1).
	 */
	total = si.totalram + si.totalswap;
	if (total < (1UL << (32 - PAGE_SHIFT))) {
		bits = PAGE_SHIFT;
		si.mem_unit = 1;
		si.totalram <<= bits;
		si.freeram <<= bits;
		si.sharedram <<= bits;
		si.bufferram <<= bits;
		si.totalswap <<= bits;
		si.freeswap <<= bits;
		si.totalhigh <<= bits;
		si.freehigh <<= bits;
	}
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/* ---- prctl ---- */

#define PR_SET_NAME	15
#define PR_GET_NAME	16

/* The task's name (comm) only; every other option is refused, -EINVAL. */
long sys_prctl(int option, unsigned long arg2)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		memset(comm, 0, sizeof(comm));
		if (strncpy_from_user(comm, (const char *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		memcpy(current->comm, comm, sizeof(comm));
		return 0;
	case PR_GET_NAME:
		memcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((void *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	}
	return -EINVAL;
}

/* ---- sched_getaffinity, sched_setaffinity, getcpu ---- */

/*
 * The CPUs a task may run on (cpus_allowed, all by default), of those
 * online. The size is Linux's cpumask_size() for Debian's armmp kernel
 * (NR_CPUS 8), one long, which Pagoda's NR_CPUS also fits in.
 */
#define CPUMASK_SIZE	sizeof(unsigned long)

static struct task_struct *affinity_task(int pid)
{
	struct task_struct *t = current;

	if (pid) {
		t = find_task_by_pid(pid);
		if (!t || t->state == EXIT_DEAD)
			return NULL;
	}
	return t;
}

long sys_sched_getaffinity(int pid, unsigned int len, unsigned long *user_mask)
{
	struct task_struct *t;
	unsigned long mask;

	if (len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	t = affinity_task(pid);
	if (!t)
		return -ESRCH;
	mask = t->cpus_allowed & cpu_online_mask->bits;
	return copy_to_user(user_mask, &mask, CPUMASK_SIZE) ? -EFAULT : (long)CPUMASK_SIZE;
}

/*
 * A shorter mask than the kernel's reads as zeroes beyond its end, a
 * longer one is cut, as on Linux; no online CPU in it is EINVAL. Kernel
 * threads stay on the CPU that takes the interrupts (EINVAL, as Linux's
 * PF_NO_SETAFFINITY threads).
 */
long sys_sched_setaffinity(int pid, unsigned int len, const unsigned long *user_mask)
{
	unsigned long mask = 0;
	struct task_struct *t;

	if (copy_from_user(&mask, user_mask, min(len, (unsigned int)CPUMASK_SIZE)))
		return -EFAULT;
	t = affinity_task(pid);
	if (!t)
		return -ESRCH;
	if (t->flags & PF_KTHREAD)
		return -EINVAL;
	return set_cpus_allowed(t, mask);
}

/* The CPU the caller runs on (by the time it looks, maybe no longer), node 0. */
long sys_getcpu(unsigned int *cpup, unsigned int *nodep, void *unused)
{
	unsigned int cpu = smp_processor_id(), node = 0;

	(void)unused;
	if (cpup && copy_to_user(cpup, &cpu, sizeof(cpu)))
		return -EFAULT;
	if (nodep && copy_to_user(nodep, &node, sizeof(node)))
		return -EFAULT;
	return 0;
}

/* ---- reboot ---- */

#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216

#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2	0xA1B2C3D4

/*
 * Both magic numbers must match, as on Linux; Ctrl-Alt-Del has no
 * meaning on a serial console, so turning it on or off does nothing.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg)
{
	(void)arg;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	}
	return -EINVAL;
}

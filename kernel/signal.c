// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sending sets a pending bit, queues the signal's siginfo (a
 * standard signal already pending is not queued twice, a real-time one
 * is, once per send, up to RLIMIT_SIGPENDING) and wakes the task; the
 * lowest pending number is taken first, a real-time signal's instances
 * oldest first. On its way back to user mode (do_work_pending) a task
 * with an unblocked pending signal runs its handler on a frame that
 * arch/arm/kernel/signal.c builds, or dies of it, or ignores it
 * (SIG_IGN, or the default for SIGCHLD/SIGURG/SIGWINCH/SIGCONT), or
 * stops: SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU stop every thread of the group
 * (a group stop) until SIGCONT, which continues the group as it is sent,
 * blocked or ignored as it may be. The parent hears of both through
 * wait4 (WUNTRACED, WCONTINUED). A system call a signal cut short
 * (-ERESTART*) goes on where it was, or returns -EINTR to the handler's
 * caller, as Linux decides by the code and SA_RESTART. SIGKILL cannot
 * be blocked or ignored, and wakes a stopped task. Kernel threads take
 * no signals at all, and init none from user space that it has no
 * handler for. A task killed by a fault gets one line saying why.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_DEFAULT_IGNORE	(sigmask(SIGCHLD) | sigmask(SIGURG) | \
				 sigmask(SIGWINCH) | sigmask(SIGCONT))

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
	[SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU",
	[SIGURG] = "SIGURG", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signal_names) && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

/*
 * A pending signal's siginfo, on its task's sigqueue list (Linux's
 * struct sigqueue). Invariant: a signal has entries only while its
 * pending bit is set; a standard signal has one at most. A pending
 * signal without one lost its siginfo to the limit below.
 */
struct sigqueue {
	struct list_head list;
	struct kernel_siginfo info;
};

/*
 * Entries queued, counted against the RLIMIT_SIGPENDING of the task
 * they are queued to. Linux counts per user: every process here is
 * root's, so one count for the machine.
 */
static unsigned long nr_sigqueued;

/*
 * Queues @info for @sig: past the limit (which the kernel's own and
 * kill's standard signals may pass: @override) or out of memory, false.
 */
static bool sigqueue_add(struct task_struct *t, int sig, const struct kernel_siginfo *info,
			 bool override)
{
	struct sigqueue *q;

	if (!override && nr_sigqueued >= t->rlim[RLIMIT_SIGPENDING].rlim_cur)
		return false;
	q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (!q)
		return false;
	q->info = *info;
	q->info.si_signo = sig;
	list_add_tail(&q->list, &t->sigqueue);
	nr_sigqueued++;
	return true;
}

static void sigqueue_free(struct sigqueue *q)
{
	list_del(&q->list);
	kfree(q);
	nr_sigqueued--;
}

/* The signals of @mask are no longer pending in @t: their bits and entries go. */
static void flush_sigqueue_mask(struct task_struct *t, u64 mask)
{
	struct sigqueue *q, *tmp;
	unsigned long flags;

	local_irq_save(flags);
	t->pending &= ~mask;
	list_for_each_entry_safe(q, tmp, &t->sigqueue, list)
		if (mask & sigmask(q->info.si_signo))
			sigqueue_free(q);
	local_irq_restore(flags);
}

void flush_sigqueue(struct task_struct *t)
{
	flush_sigqueue_mask(t, ~0ULL);
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	unsigned long handler = t->sighand->action[sig - 1].handler;

	if (t->flags & PF_KTHREAD)
		return true;	/* kernel threads take no signals, SIGKILL included */
	if (sig == SIGKILL)
		return false;
	if (handler == (unsigned long)SIG_IGN)
		return true;
	return handler == (unsigned long)SIG_DFL && (SIG_DEFAULT_IGNORE & sigmask(sig));
}

/* Tells the parent of @leader's process that it stopped or went on. */
static void do_notify_parent_cldstop(struct task_struct *leader)
{
	struct task_struct *parent = leader->parent;

	if (!(parent->sighand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
		send_signal(parent, SIGCHLD);
	wake_up(&parent->wait_chldexit);
}

/*
 * Job control as a signal is sent (Linux's prepare_signal): a stop
 * signal drops a pending SIGCONT; SIGCONT drops pending stop signals,
 * calls off a group stop and wakes the stopped threads, whether or not
 * the signal itself is blocked or ignored; SIGKILL wakes @t if stopped.
 * Returns whether @sig is to be queued: false if @t ignores it.
 */
static bool prepare_signal(struct task_struct *t, int sig)
{
	struct task_struct *leader = t->group_leader, *p;

	if (sig == SIGCONT || (sigmask(sig) & SIG_KERNEL_STOP_MASK)) {
		list_for_each_entry(p, &task_list, tasks) {
			if (p->group_leader != leader)
				continue;
			if (sig != SIGCONT) {
				flush_sigqueue_mask(p, sigmask(SIGCONT));
				continue;
			}
			flush_sigqueue_mask(p, SIG_KERNEL_STOP_MASK);
			p->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_stopped(p);
		}
	}
	if (sig == SIGCONT) {
		leader->group_stop_count = 0;
		if (leader->signal_flags & SIGNAL_STOP_STOPPED) {
			leader->signal_flags = SIGNAL_STOP_CONTINUED;
			leader->group_stop_code = 0;
			do_notify_parent_cldstop(leader);
		}
	}
	if (sig == SIGKILL)
		wake_up_stopped(t);
	return !sig_ignored(t, sig);
}

/*
 * Pends @sig with its siginfo. A real-time signal that finds no room
 * is -EAGAIN when its sender chose the siginfo (sigqueue), as on Linux;
 * sent by kill or the kernel it is pending without one.
 */
int send_signal_info(struct task_struct *t, int sig, struct kernel_siginfo *info)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (t->state == EXIT_ZOMBIE || t->state == EXIT_DEAD || !prepare_signal(t, sig))
		return 0;
	local_irq_save(flags);
	if (sig >= SIGRTMIN) {
		if (!sigqueue_add(t, sig, info, false) && info->si_code != SI_USER &&
		    info->si_code != SI_KERNEL) {
			local_irq_restore(flags);
			return -EAGAIN;
		}
	} else if (!(t->pending & sigmask(sig))) {
		sigqueue_add(t, sig, info, info->si_code >= 0);
	}
	t->pending |= sigmask(sig);
	if (signal_pending(t) || sig == SIGKILL) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		if (t->state == TASK_INTERRUPTIBLE)
			wake_up_process(t);
	}
	local_irq_restore(flags);
	return 0;
}

int send_signal(struct task_struct *t, int sig)
{
	struct kernel_siginfo info = { .si_code = SI_KERNEL };

	return send_signal_info(t, sig, &info);
}

static bool has_handler(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].handler > (unsigned long)SIG_IGN;
}

/*
 * A fault: its handler runs if the task has one and does not block the
 * signal; otherwise the task dies of it, with a line saying why.
 */
void force_sig_fault(int sig, int code, unsigned long addr, struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct kernel_siginfo info = { .si_code = code, .fields = { addr } };
	struct vm_area_struct *vma;
	char where[64];

	if (has_handler(tsk, sig) && !(tsk->blocked & sigmask(sig))) {
		send_signal_info(tsk, sig, &info);
		return;
	}
	vma = tsk->mm ? find_vma(tsk->mm, addr) : NULL;
	if (vma && vma->vm_start <= addr)
		snprintf(where, sizeof(where), "in vma %08lx-%08lx %c%c%c%c",
			 vma->vm_start, vma->vm_end,
			 vma->vm_flags & VM_READ ? 'r' : '-',
			 vma->vm_flags & VM_WRITE ? 'w' : '-',
			 vma->vm_flags & VM_EXEC ? 'x' : '-',
			 vma->vm_flags & VM_SHARED ? 's' : 'p');
	else
		snprintf(where, sizeof(where), "no vma");
	pr_info("%s[%d]: killed by %s (%s) at %08lx, pc %08lx, %s\n", tsk->comm,
		tsk->pid, signal_name(sig),
		sig == SIGSEGV ? (code == SEGV_ACCERR ? "SEGV_ACCERR" : "SEGV_MAPERR") :
		sig == SIGBUS ? (code == BUS_ADRERR ? "BUS_ADRERR" : "BUS_ADRALN") :
		sig == SIGILL ? "ILL_ILLOPC" : "fault",
		addr, regs->ARM_pc, where);
	force_fatal_sig(sig);
}

/* @sig cannot be blocked or ignored now: the task dies of it on its way out. */
void force_fatal_sig(int sig)
{
	struct task_struct *tsk = current;

	tsk->sighand->action[sig - 1].handler = (unsigned long)SIG_DFL;
	tsk->blocked &= ~sigmask(sig);
	flush_sigqueue_mask(tsk, sigmask(sig));	/* its siginfo is the fault's, not an older one */
	send_signal(tsk, sig);
}

/*
 * @tsk's part in a group stop, if it has one: the last thread to stop
 * makes the group stopped and tells the parent. True if it had a part.
 */
static bool task_participate_group_stop(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;

	if (!(tsk->jobctl & JOBCTL_STOP_PENDING))
		return false;
	tsk->jobctl &= ~JOBCTL_STOP_PENDING;
	if (!--leader->group_stop_count) {
		leader->signal_flags = SIGNAL_STOP_STOPPED;
		do_notify_parent_cldstop(leader);
	}
	return true;
}

/*
 * A stop signal's default action, by the thread that took @sig, or a
 * thread's part in a group stop another began (@sig 0): the first asks
 * every live thread of the group to stop on its way to user mode; each
 * then sleeps, TASK_STOPPED, until SIGCONT or SIGKILL wakes it.
 */
static void do_signal_stop(struct task_struct *tsk, int sig)
{
	struct task_struct *leader = tsk->group_leader, *t;

	if (sig && !(tsk->jobctl & JOBCTL_STOP_PENDING)) {
		leader->group_stop_code = sig << 8 | 0x7f;
		leader->group_stop_count = 0;
		list_for_each_entry(t, &task_list, tasks) {
			if (t->group_leader != leader || (t->flags & PF_EXITING))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			leader->group_stop_count++;
			if (t == tsk)
				continue;
			set_tsk_thread_flag(t, TIF_SIGPENDING);
			if (t->state == TASK_INTERRUPTIBLE)
				wake_up_process(t);
		}
	}
	if (!task_participate_group_stop(tsk))
		return;
	tsk->state = TASK_STOPPED;
	local_irq_enable();
	schedule();
	local_irq_disable();
}

void exit_signals(struct task_struct *tsk)
{
	task_participate_group_stop(tsk);
}

void syscall_may_restart(long ret)
{
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR || ret == -ERESTARTNOHAND ||
	    ret == -ERESTART_RESTARTBLOCK) {
		current->restart_pending = true;
		set_tsk_thread_flag(current, TIF_SIGPENDING);
	}
}

/* Back to the svc instruction, with the call's first argument again. */
static void restart_syscall_insn(struct pt_regs *regs)
{
	regs->ARM_r0 = regs->ARM_ORIG_r0;
	regs->ARM_pc -= (regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4;
}

/*
 * The system call a signal cut short, once: before handler @ka runs, or
 * with @ka NULL when no handler ran. Without a handler nothing may see
 * the interruption, so every call goes on: a restart_block's here, the
 * others by executing the svc again. A handler sees -EINTR, except
 * after -ERESTARTNOINTR, or -ERESTARTSYS under SA_RESTART.
 */
static void handle_syscall_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	struct task_struct *tsk = current;
	long ret = regs->ARM_r0;
	long (*fn)(struct restart_block *) = tsk->restart_block.fn;

	if (!tsk->restart_pending)
		return;
	tsk->restart_pending = false;
	switch (ret) {
	case -ERESTART_RESTARTBLOCK:
		tsk->restart_block.fn = NULL;
		if (ka || !fn) {
			regs->ARM_r0 = -EINTR;
			return;
		}
		local_irq_enable();
		ret = fn(&tsk->restart_block);
		local_irq_disable();
		regs->ARM_r0 = ret;
		syscall_may_restart(ret);
		return;
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
		if (ka && (ret == -ERESTARTNOHAND || !(ka->flags & SA_RESTART))) {
			regs->ARM_r0 = -EINTR;
			return;
		}
		/* fall through */
	case -ERESTARTNOINTR:
		restart_syscall_insn(regs);
	}
}

/*
 * Runs the handler of @sig: its frame holds the mask to restore (the
 * one rt_sigsuspend replaced, if it did), and the handler runs with the
 * signal itself blocked too unless SA_NODEFER. A frame that does not
 * fit on the stack is a SIGSEGV.
 */
static void handle_signal(int sig, struct kernel_siginfo *info, struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct k_sigaction *ka = &tsk->sighand->action[sig - 1];
	u64 oldset = tsk->restore_sigmask ? tsk->saved_sigmask : tsk->blocked;

	handle_syscall_restart(regs, ka);
	if (setup_signal_frame(sig, info, ka, oldset, regs)) {
		force_fatal_sig(SIGSEGV);
		return;
	}
	tsk->restore_sigmask = false;
	tsk->blocked = oldset | ka->mask;
	if (!(ka->flags & SA_NODEFER))
		tsk->blocked |= sigmask(sig);
	tsk->blocked &= ~SIG_KERNEL_ONLY_MASK;
	if (ka->flags & SA_RESETHAND)
		ka->handler = (unsigned long)SIG_DFL;
}

/*
 * The lowest pending signal of @mask, with its oldest siginfo, which
 * is taken off the queue; the signal stays pending while it has more.
 * One that lost its siginfo reads as from kill with no sender. 0 if none.
 */
static int dequeue_signal(struct task_struct *tsk, u64 mask, struct kernel_siginfo *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;
	int sig;

	if (!(tsk->pending & mask))
		return 0;
	sig = __builtin_ctzll(tsk->pending & mask) + 1;
	list_for_each_entry(q, &tsk->sigqueue, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (first) {
		*info = first->info;
		sigqueue_free(first);
	} else {
		*info = (struct kernel_siginfo){ .si_signo = sig, .si_code = SI_USER };
	}
	if (!more)
		tsk->pending &= ~sigmask(sig);
	return sig;
}

/*
 * On the way back to user mode, interrupts masked: reschedule, then
 * signals (each ignored, stopping the group, ending it, or its handler
 * given a frame, one on top of the other), then the system call a
 * signal cut short goes on if no handler is to run. Run again while
 * work is left.
 */
void do_work_pending(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (need_resched()) {
		local_irq_enable();
		schedule();
		local_irq_disable();
	}
	if (test_tsk_thread_flag(tsk, TIF_NOTIFY_RESUME)) {
		clear_tsk_thread_flag(tsk, TIF_NOTIFY_RESUME);
		itimer_notify_resume();
	}
	while (signal_pending(tsk)) {
		struct kernel_siginfo info;
		int sig;

		if (tsk->jobctl & JOBCTL_STOP_PENDING) {
			do_signal_stop(tsk, 0);
			continue;
		}
		sig = dequeue_signal(tsk, ~tsk->blocked, &info);
		if (!sig || sig_ignored(tsk, sig))
			continue;
		if (has_handler(tsk, sig)) {
			handle_signal(sig, &info, regs);
			continue;
		}
		if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
			/* no one outside an orphaned group could continue it: as Linux, no stop */
			if (sig != SIGSTOP && is_current_pgrp_orphaned())
				continue;
			do_signal_stop(tsk, sig);
			continue;
		}
		local_irq_enable();
		do_group_exit(sig);	/* wait status: the signal in the low bits */
	}
	handle_syscall_restart(regs, NULL);
	if (tsk->restore_sigmask) {
		tsk->restore_sigmask = false;
		tsk->blocked = tsk->saved_sigmask;
	}
	if (!signal_pending(tsk) && !tsk->restart_pending)
		clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
}

/* ---- system calls ---- */

/*
 * init takes from user space only the signals it installed a handler
 * for, SIGKILL and SIGSTOP included (Linux's SIGNAL_UNKILLABLE): no
 * process may end or stop the machine's first task. The call still
 * succeeds, as on Linux.
 */
static int send_user_signal(struct task_struct *t, int sig, struct kernel_siginfo *info)
{
	if (!sig)
		return 0;
	if (t->tgid == 1 && t->sighand->action[sig - 1].handler == (unsigned long)SIG_DFL)
		return 0;
	return send_signal_info(t, sig, info);
}

/* A signal to the process @t leads: it takes it, or a live thread once it has gone. */
static int group_send_sig_info(struct task_struct *t, int sig, struct kernel_siginfo *info)
{
	if (t->flags & PF_EXITING)
		t = find_alive_thread(t) ?: t;
	return send_user_signal(t, sig, info);
}

/* A process signal, to the process of @pid (any of its threads). */
static int send_process_signal(int pid, int sig, struct kernel_siginfo *info)
{
	struct task_struct *t = find_task_by_pid(pid);

	if (!t || t->state == EXIT_DEAD)
		return -ESRCH;
	return group_send_sig_info(t->group_leader, sig, info);
}

/* @sig to every process of group @pgrp: 0 if one took it, else -ESRCH or the error. */
static int kill_pgrp_info(int pgrp, int sig, struct kernel_siginfo *info)
{
	struct task_struct *p, *tmp;
	int ret = -ESRCH;
	bool success = false;

	/* a process may leave the list as it dies of the signal: not while sending */
	list_for_each_entry_safe(p, tmp, &task_list, tasks) {
		if (p != p->group_leader || p->pgrp != pgrp || p->state == EXIT_DEAD)
			continue;
		ret = group_send_sig_info(p, sig, info);
		success |= !ret;
	}
	return success ? 0 : ret;
}

int kill_pgrp(int pgrp, int sig)
{
	struct kernel_siginfo info = { .si_code = SI_KERNEL };

	return kill_pgrp_info(pgrp, sig, &info);
}

/* kill(-1): every process but init and the caller's. */
static int kill_all(int sig, struct kernel_siginfo *info)
{
	struct task_struct *p, *tmp;
	int ret = 0, count = 0, err;

	list_for_each_entry_safe(p, tmp, &task_list, tasks) {
		if (p != p->group_leader || p->tgid <= 1 || p == current->group_leader ||
		    p->state == EXIT_DEAD || (p->flags & PF_KTHREAD))
			continue;
		err = group_send_sig_info(p, sig, info);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	return count ? ret : -ESRCH;
}

/* kill: a process (pid > 0), the caller's group (0), every process (-1), a group (< -1). */
long sys_kill(int pid, int sig)
{
	struct kernel_siginfo info = { .si_code = SI_USER,
				       .fields = { current->tgid, sys_getuid() } };

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return send_process_signal(pid, sig, &info);
	if (pid == -1)
		return kill_all(sig, &info);
	if (pid == -__INT_MAX__ - 1)	/* -pid would overflow */
		return -ESRCH;
	return kill_pgrp_info(pid ? -pid : task_pgrp_nr(current), sig, &info);
}

/* tgkill with @tgid 0: any thread of any process. */
static long do_tkill(int tgid, int tid, int sig)
{
	struct kernel_siginfo info = { .si_code = SI_TKILL,
				       .fields = { current->tgid, sys_getuid() } };
	struct task_struct *t;

	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	t = find_task_by_pid(tid);
	if (!t || t->state == EXIT_DEAD || t->state == EXIT_ZOMBIE ||
	    (tgid && t->tgid != tgid))
		return -ESRCH;
	return send_user_signal(t, sig, &info);
}

long sys_tkill(int tid, int sig)
{
	return do_tkill(0, tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, tid, sig);
}

/*
 * sigqueue: the caller's siginfo, whose si_code may not pass for the
 * kernel's or for tkill's when sent to another process.
 */
long sys_rt_sigqueueinfo(int pid, int sig, const void *uinfo)
{
	struct kernel_siginfo info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid <= 0)
		return -ESRCH;
	return send_process_signal(pid, sig, &info);
}

struct user_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	u32 mask[2];
};

long sys_rt_sigaction(int sig, const struct user_sigaction *act,
		      struct user_sigaction *oact, size_t sigsetsize)
{
	struct k_sigaction *k;
	struct user_sigaction u;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	if (oact) {
		u.handler = k->handler;
		u.flags = k->flags;
		u.restorer = k->restorer;
		u.mask[0] = k->mask;
		u.mask[1] = k->mask >> 32;
		if (copy_to_user(oact, &u, sizeof(u)))
			return -EFAULT;
	}
	if (act) {
		if (copy_from_user(&u, act, sizeof(u)))
			return -EFAULT;
		if (SIG_KERNEL_ONLY_MASK & sigmask(sig))
			return -EINVAL;
		k->handler = u.handler;
		k->flags = u.flags;
		k->restorer = u.restorer;
		k->mask = u.mask[0] | (u64)u.mask[1] << 32;
		if (sig_ignored(current, sig))
			flush_sigqueue_mask(current, sigmask(sig));
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const u64 *set, u64 *oset, size_t sigsetsize)
{
	u64 old = current->blocked, new;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&new, set, sizeof(new)))
			return -EFAULT;
		new &= ~SIG_KERNEL_ONLY_MASK;
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= new;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~new;
			break;
		case SIG_SETMASK:
			current->blocked = new;
			break;
		default:
			return -EINVAL;
		}
		if (signal_pending(current))
			set_tsk_thread_flag(current, TIF_SIGPENDING);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(u64 *set, size_t sigsetsize)
{
	u64 pending = current->pending & current->blocked;

	if (sigsetsize > sizeof(u64))
		return -EINVAL;
	return copy_to_user(set, &pending, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal is to be taken. */
static void sleep_until_signal(void)
{
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		if (!signal_pending(current))
			schedule();
	}
	current->state = TASK_RUNNING;
}

/*
 * Waits under @set for a signal; the old mask goes back as the signal
 * is taken (in its handler's frame, or after it was ignored).
 */
long sys_rt_sigsuspend(const u64 *set, size_t sigsetsize)
{
	u64 mask;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&mask, set, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~SIG_KERNEL_ONLY_MASK;
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

int set_user_sigmask(const u64 *umask, size_t sigsetsize)
{
	u64 mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~SIG_KERNEL_ONLY_MASK;
	if (signal_pending(current))
		set_tsk_thread_flag(current, TIF_SIGPENDING);
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_sigmask)
		return;
	current->restore_sigmask = false;
	current->blocked = current->saved_sigmask;
	if (signal_pending(current))
		set_tsk_thread_flag(current, TIF_SIGPENDING);
}

long sys_pause(void)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

static long copy_siginfo_to_user(void *uinfo, const struct kernel_siginfo *info)
{
	if (copy_to_user(uinfo, info, sizeof(*info)) ||
	    clear_user((char *)uinfo + sizeof(*info), 128 - sizeof(*info)))
		return -EFAULT;
	return 0;
}

/*
 * Takes a signal of @set off the pending set, waiting until @deadline
 * (~0ULL: for ever) with the signals of @set unblocked so that they
 * wake the task: the signal's number, -EAGAIN at the deadline, -EINTR if
 * another signal is to be taken first.
 */
static long do_sigtimedwait(const u64 *uset, void *uinfo, u64 deadline, size_t sigsetsize)
{
	struct task_struct *tsk = current;
	struct kernel_siginfo info;
	u64 set, blocked;
	unsigned long flags;
	int sig;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~SIG_KERNEL_ONLY_MASK;
	local_irq_save(flags);
	sig = dequeue_signal(tsk, set, &info);
	if (!sig && deadline) {
		blocked = tsk->blocked;
		tsk->blocked &= ~set;
		local_irq_restore(flags);
		schedule_timeout_ns(deadline);
		local_irq_save(flags);
		tsk->blocked = blocked;
		sig = dequeue_signal(tsk, set, &info);
	}
	local_irq_restore(flags);
	if (!sig)
		return signal_pending(tsk) ? -EINTR : -EAGAIN;
	if (uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return sig;
}

/* @uts read by @get; its deadline, 0 for a zero timeout (a poll), or none. */
static long sigtimedwait_timeout(const u64 *set, void *uinfo, const void *uts,
				 size_t sigsetsize, int (*get)(const void *uts, u64 *ns))
{
	u64 deadline = ~0ULL, ns;
	int err;

	if (uts) {
		err = get(uts, &ns);
		if (err)
			return err;
		deadline = ns ? ktime_get_ns() + ns : 0;
	}
	return do_sigtimedwait(set, uinfo, deadline, sigsetsize);
}

long sys_rt_sigtimedwait(const u64 *set, void *uinfo, const void *uts, size_t sigsetsize)
{
	return sigtimedwait_timeout(set, uinfo, uts, sigsetsize, get_old_timespec32_ns);
}

long sys_rt_sigtimedwait_time64(const u64 *set, void *uinfo, const void *uts,
				size_t sigsetsize)
{
	return sigtimedwait_timeout(set, uinfo, uts, sigsetsize, get_timespec64_ns);
}

/*
 * The alternate stack handlers with SA_ONSTACK run on. It cannot be
 * changed while running on it (EPERM); a stack smaller than
 * MINSIGSTKSZ is ENOMEM.
 */
long sys_sigaltstack(const void *uss, void *uoss)
{
	struct task_struct *tsk = current;
	unsigned long sp = task_pt_regs(tsk)->ARM_sp;
	stack_t old = {
		.ss_sp = (void *)tsk->sas_ss_sp, .ss_size = tsk->sas_ss_size,
		.ss_flags = !tsk->sas_ss_size ? SS_DISABLE : on_sig_stack(sp) ? SS_ONSTACK : 0,
	}, ss;
	unsigned int mode;

	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_sig_stack(sp))
			return -EPERM;
		mode = ss.ss_flags & ~SS_AUTODISARM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			ss.ss_size = 0;
			ss.ss_sp = NULL;
		} else if (ss.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		tsk->sas_ss_sp = (unsigned long)ss.ss_sp;
		tsk->sas_ss_size = ss.ss_size;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, with default actions only: sending sets a pending bit and
 * wakes the task; on its way back to user mode (do_work_pending) a task
 * with an unblocked pending signal dies of it unless it ignores it
 * (SIG_IGN, or the default for SIGCHLD/SIGURG/SIGWINCH/SIGCONT), or
 * stops: SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU stop every thread of the group
 * (a group stop) until SIGCONT, which continues the group as it is sent,
 * blocked or ignored as it may be. The parent hears of both through
 * wait4 (WUNTRACED, WCONTINUED). A user handler registered with
 * rt_sigaction is recorded but not delivered yet: the signal then takes
 * its default action. SIGKILL cannot be blocked or ignored, and wakes a
 * stopped task. Kernel threads take no signals at all, and init none
 * from user space that it has no handler for. A task killed by a fault
 * gets one line saying why.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>
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
	[SIGURG] = "SIGURG", [SIGWINCH] = "SIGWINCH",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signal_names) && signal_names[sig])
		return signal_names[sig];
	return "signal";
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
				p->pending &= ~sigmask(SIGCONT);
				continue;
			}
			p->pending &= ~SIG_KERNEL_STOP_MASK;
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

int send_signal(struct task_struct *t, int sig)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (t->state == EXIT_ZOMBIE || t->state == EXIT_DEAD || !prepare_signal(t, sig))
		return 0;
	local_irq_save(flags);
	t->pending |= sigmask(sig);
	if (signal_pending(t) || sig == SIGKILL) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		if (t->state == TASK_INTERRUPTIBLE)
			wake_up_process(t);
	}
	local_irq_restore(flags);
	return 0;
}

void force_sig_fault(int sig, int code, unsigned long addr, struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct vm_area_struct *vma = tsk->mm ? find_vma(tsk->mm, addr) : NULL;
	char where[64];

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

/*
 * A system call cut short by a signal that has not ended the task (one
 * it ignores, or a stop it has come back from) goes on where it was: no
 * handler runs, so nothing may see the interruption.
 */
static void resume_syscall(struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	long (*fn)(struct restart_block *) = tsk->restart_block.fn;

	if (regs->ARM_r0 != (unsigned long)-ERESTART_RESTARTBLOCK || !fn)
		return;
	tsk->restart_block.fn = NULL;
	local_irq_enable();
	regs->ARM_r0 = fn(&tsk->restart_block);
	local_irq_disable();
}

/*
 * On the way back to user mode, interrupts masked: reschedule, then
 * signals (each ignored, stopping the group, or ending it), then the
 * system call a signal cut short goes on. Run again while work is left.
 */
void do_work_pending(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (need_resched()) {
		local_irq_enable();
		schedule();
		local_irq_disable();
	}
	while (signal_pending(tsk)) {
		int sig;

		if (tsk->jobctl & JOBCTL_STOP_PENDING) {
			do_signal_stop(tsk, 0);
			continue;
		}
		sig = __builtin_ctzll(tsk->pending & ~tsk->blocked) + 1;
		tsk->pending &= ~sigmask(sig);
		if (sig_ignored(tsk, sig))
			continue;
		if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
			do_signal_stop(tsk, sig);
			continue;
		}
		local_irq_enable();
		do_group_exit(sig);	/* wait status: the signal in the low bits */
	}
	resume_syscall(regs);
	if (!signal_pending(tsk))
		clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
}

/* ---- system calls ---- */

long sys_kill(int pid, int sig)
{
	struct task_struct *t;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid <= 0)
		return pid == 0 || pid == -1 ? -EPERM : -ESRCH;
	t = find_task_by_pid(pid);
	if (!t || t->state == EXIT_DEAD)
		return -ESRCH;
	/* a process signal: its leader takes it, or a live thread once it has gone */
	t = t->group_leader;
	if (t->flags & PF_EXITING)
		t = find_alive_thread(t) ?: t;
	if (!sig)
		return 0;
	/*
	 * init takes from user space only the signals it installed a handler
	 * for, SIGKILL and SIGSTOP included (Linux's SIGNAL_UNKILLABLE): no
	 * process may end or stop the machine's first task. kill() still
	 * succeeds, as on Linux.
	 */
	if (t->tgid == 1 && t->sighand->action[sig - 1].handler == (unsigned long)SIG_DFL)
		return 0;
	return send_signal(t, sig);
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
			current->pending &= ~sigmask(sig);
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

// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, with default actions only: sending sets a pending bit and
 * wakes the task; on its way back to user mode (do_work_pending) a task
 * with an unblocked pending signal dies of it unless it ignores it
 * (SIG_IGN, or the default for SIGCHLD/SIGWINCH/SIGCONT). A user handler
 * registered with rt_sigaction is recorded but not delivered yet: the
 * signal then takes its default action. SIGKILL cannot be blocked or
 * ignored. A task killed by a fault gets one line saying why.
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
#define SIG_DEFAULT_IGNORE	(sigmask(SIGCHLD) | sigmask(SIGWINCH) | sigmask(SIGCONT))

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
	[SIGWINCH] = "SIGWINCH",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signal_names) && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	unsigned long handler = t->action[sig - 1].handler;

	if (sig == SIGKILL)
		return false;
	if (handler == (unsigned long)SIG_IGN)
		return true;
	return handler == (unsigned long)SIG_DFL && (SIG_DEFAULT_IGNORE & sigmask(sig));
}

int send_signal(struct task_struct *t, int sig)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (t->state == EXIT_ZOMBIE || t->state == EXIT_DEAD || sig_ignored(t, sig))
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
		sig == SIGBUS ? "BUS_ADRALN" : "fault",
		addr, regs->ARM_pc, where);
	force_fatal_sig(sig);
}

/* @sig cannot be blocked or ignored now: the task dies of it on its way out. */
void force_fatal_sig(int sig)
{
	struct task_struct *tsk = current;

	tsk->action[sig - 1].handler = (unsigned long)SIG_DFL;
	tsk->blocked &= ~sigmask(sig);
	send_signal(tsk, sig);
}

/* On the way back to user mode, interrupts masked: reschedule, then signals. */
void do_work_pending(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	(void)regs;
	if (need_resched()) {
		local_irq_enable();
		schedule();
		local_irq_disable();
	}
	if (!signal_pending(tsk)) {
		clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
		return;
	}
	while (signal_pending(tsk)) {
		u64 ready = tsk->pending & ~tsk->blocked;
		int sig = __builtin_ctzll(ready) + 1;

		tsk->pending &= ~sigmask(sig);
		if (sig_ignored(tsk, sig))
			continue;
		local_irq_enable();
		do_group_exit(sig);	/* wait status: the signal in the low bits */
	}
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
	k = &current->action[sig - 1];
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

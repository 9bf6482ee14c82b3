/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals: Linux's numbers, flags and si_codes; sending sets a pending
 * bit, queues the siginfo (once for a standard signal, at each send for
 * a real-time one) and wakes the task; on its way back
 * to user mode a task takes its pending signals: a default action
 * (terminate, ignore, stop the thread group; SIGCONT continues it as it
 * is sent) or a user handler, run on a frame arch/arm/kernel/signal.c
 * builds.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/signal_types.h>
#include <linux/types.h>

#define sigmask(sig)	(1ULL << ((sig) - 1))	/* its bit in a signal set */

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGRTMIN	32	/* to 64: real-time signals, queued one instance per send */

#define SIG_DFL		((void *)0)
#define SIG_IGN		((void *)1)

#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops or goes on */
#define SA_SIGINFO	0x00000004	/* the handler takes (sig, siginfo, ucontext) */
#define SA_RESTORER	0x04000000	/* sa_restorer is the handler's return address */
#define SA_ONSTACK	0x08000000	/* on the alternate signal stack, if one is set */
#define SA_RESTART	0x10000000	/* an interrupted call goes on, not -EINTR */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its own handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */

/* sigaltstack */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define MINSIGSTKSZ	2048

/* si_code of a signal sent by a task or the kernel */
#define SI_USER		0	/* kill */
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)	/* sigqueue */
#define SI_TKILL	(-6)	/* tkill, tgkill */

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code of a fault */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */
#define ILL_ILLOPC	1	/* an undefined (illegal) opcode */
#define BUS_ADRALN	1	/* misaligned access */
#define BUS_ADRERR	2	/* no object page at the address */
#define CLD_EXITED	1	/* SIGCHLD: the child exited (si_status: its code) */
#define CLD_KILLED	2	/* killed by a signal (si_status: the signal) */

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002	/* report a child stopped */
#define WCONTINUED	0x00000008	/* report a child continued */
#define WSTOPPED	WUNTRACED	/* waitid's name for it */
#define WEXITED		0x00000004	/* report a child that ended (wait4 always does) */
#define WNOWAIT		0x01000000	/* leave what is reported to be reported again */
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

struct task_struct;
struct pt_regs;
struct k_sigaction;

/* A signal from the kernel (si_code SI_KERNEL). */
int send_signal(struct task_struct *t, int sig);
/* A signal with its siginfo; @info->si_signo is set here. */
int send_signal_info(struct task_struct *t, int sig, struct kernel_siginfo *info);
/* Frees what @t has queued (exit). */
void flush_sigqueue(struct task_struct *t);
/* @sig from the kernel to every process of group @pgrp: 0, or -ESRCH if none took it. */
int kill_pgrp(int pgrp, int sig);
/* A fault the task cannot survive: report in one line, then kill it. */
void force_sig_fault(int sig, int code, unsigned long addr, struct pt_regs *regs);
/* Kills the current task with @sig on its return to user mode (execve's failure). */
void force_fatal_sig(int sig);
/*
 * ppoll and pselect6: @umask (if not NULL) replaces the blocked set while
 * they wait: 0, -EINVAL for a @sigsetsize other than 8, -EFAULT. The old
 * set is put back by restore_saved_sigmask_unless(), or, if a signal cut
 * the call short, once the signal's handler frame holds it.
 */
int set_user_sigmask(const u64 *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);
void do_work_pending(struct pt_regs *regs);
/* The call that returned @ret may have to go on or end -EINTR once signals are taken. */
void syscall_may_restart(long ret);

/* ---- interval timers (kernel/itimer.c) ---- */
/*
 * Each tick: ITIMER_REAL's at @now; the CPU timers of current's process
 * (@user_tick: it was in user mode).
 */
void itimer_tick(u64 now, bool user_tick);
/* The group of @leader is dead: its real timer goes. */
void exit_itimers(struct task_struct *leader);

/* ---- arch/arm/kernel/signal.c ---- */
struct mm_struct;
/* exec: maps [sigpage], the handlers' return code, into @mm; 0 or -errno. */
int arch_setup_additional_pages(struct mm_struct *mm);
/* Builds the frame of handler @ka for @sig on the user stack; -EFAULT if it cannot. */
int setup_signal_frame(int sig, struct kernel_siginfo *info, struct k_sigaction *ka,
		       u64 oldset, struct pt_regs *regs);
long sys_rt_sigreturn(struct pt_regs *regs);
long sys_sigreturn(struct pt_regs *regs);
/* Whether @sp is on the current task's alternate signal stack. */
bool on_sig_stack(unsigned long sp);
/* An exiting task leaves a group stop it was to take part in. */
void exit_signals(struct task_struct *tsk);
const char *signal_name(int sig);
struct rusage32;
/* wait4 (kernel/exit.c): @ru, if not NULL, gets the usage of the child reported. */
long do_wait(int pid, int *status, int options, struct rusage32 *ru);

/* ---- futex (kernel/futex.c) ---- */
/* FUTEX_WAKE of @nr waiters: a shared futex unless @shared is false. */
int futex_wake(u32 *uaddr, bool shared, int nr);
void exit_robust_list(struct task_struct *tsk);

#endif

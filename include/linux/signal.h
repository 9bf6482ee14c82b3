/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals (numbers, flags and si_codes: uapi); sending sets a pending
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
#include <uapi/linux/signal.h>
/* wait4's options: here, not in linux/wait.h, which host builds mix with glibc's */
#include <uapi/linux/wait.h>

#define sigmask(sig)	(1ULL << ((sig) - 1))	/* its bit in a signal set */

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
/* CPU 0's tick: the ITIMER_REAL timers at @now. */
void itimer_tick(u64 now);
/*
 * Whether @tsk's process has a CPU timer armed (each CPU's tick then
 * counts the tick in @tsk and sets TIF_NOTIFY_RESUME); on the way back
 * to user mode, the ticks counted go to the process's CPU timers.
 */
bool cpu_itimers_armed(struct task_struct *tsk);
void itimer_notify_resume(void);
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
struct rusage;
/* wait4 (kernel/exit.c): @ru, if not NULL, gets the usage of the child reported. */
long do_wait(int pid, int *status, int options, struct rusage *ru);

/* ---- futex (kernel/futex.c) ---- */
/* FUTEX_WAKE of @nr waiters: a shared futex unless @shared is false. */
int futex_wake(u32 *uaddr, bool shared, int nr);
void exit_robust_list(struct task_struct *tsk);

#endif

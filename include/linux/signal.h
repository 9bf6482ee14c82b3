/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals, minimal: Linux's numbers; sending sets a pending bit and
 * wakes the task; on its way back to user mode a task acts on its
 * pending signals with the default action (terminate, ignore), which is
 * all rt_sigaction can ask for so far besides SIG_IGN.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

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
#define SIGWINCH	28

#define SIG_DFL		((void *)0)
#define SIG_IGN		((void *)1)

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code of a fault */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */
#define BUS_ADRALN	1
#define ILL_ILLOPC	1	/* an undefined (illegal) opcode */

#define WNOHANG		0x00000001

struct task_struct;
struct pt_regs;

int send_signal(struct task_struct *t, int sig);
/* A fault the task cannot survive: report in one line, then kill it. */
void force_sig_fault(int sig, int code, unsigned long addr, struct pt_regs *regs);
void do_work_pending(struct pt_regs *regs);
const char *signal_name(int sig);
long do_wait(int pid, int *status, int options);

/* ---- futex (kernel/futex.c) ---- */
int futex_wake(unsigned long uaddr, int nr);
int futex_wait(unsigned long uaddr, u32 val, u64 timeout_ns);
void exit_robust_list(struct task_struct *tsk);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct thread_info, at the bottom of each task's kernel stack, its
 * fields' offsets for the assembly entry code, and its flags. Here, not
 * in linux/sched.h, because linux/preempt.h (included by the spinlocks,
 * which linux/sched.h includes) reads the preempt count in it.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define TI_FLAGS	0
#define TI_PREEMPT	4
#define TI_TASK		8
#define TI_CPU		12
#define TI_CPU_CONTEXT	16
#define TI_TP_VALUE	56

/* thread_info->flags */
#define TIF_SIGPENDING		0
#define TIF_NEED_RESCHED	1
#define TIF_NOTIFY_RESUME	2	/* work before user mode: CPU timers' ticks */
#define _TIF_SIGPENDING		(1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1 << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_RESUME	(1 << TIF_NOTIFY_RESUME)
#define _TIF_WORK_MASK		(_TIF_SIGPENDING | _TIF_NEED_RESCHED | _TIF_NOTIFY_RESUME)

#ifndef __ASSEMBLY__
#include <asm/vfp.h>

struct task_struct;

/* Callee-saved registers of a switched-out task (Linux's cpu_context_save). */
struct cpu_context_save {
	unsigned long r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
};

struct thread_info {
	unsigned long flags;		/* TIF_*, read by the return-to-user path */
	int preempt_count;
	struct task_struct *task;
	int cpu;
	struct cpu_context_save cpu_context;
	unsigned long tp_value;		/* the TLS register (TPIDRURO) */
	struct vfp_hard_state vfpstate;	/* while not in the VFP unit */
};
#endif

#endif

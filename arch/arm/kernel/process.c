// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's part of a task: its kernel stack (8 KiB, with the
 * thread_info at the bottom and, for a user task, the user registers in
 * a pt_regs at the top), the registers a new task starts with, and the
 * user mode a program is entered in.
 *
 * Stacks are vmalloc'ed, as Linux's VMAP_STACK: THREAD_SIZE bytes at a
 * THREAD_ALIGN (twice that) boundary, so that sp masking still finds the
 * thread_info and bit THREAD_SIZE of sp is clear anywhere on a stack but
 * set just below one, which exception entry tests (entry-armv.S). The
 * page below a stack is never mapped (every vmalloc area ends with an
 * unmapped guard page), so running off the bottom faults, and the fault's
 * entry finds sp off the stack, instead of writing over other memory.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

void ret_from_fork(void);

struct thread_info *alloc_thread_stack(struct task_struct *tsk)
{
	/* only the thread_info needs clearing: the stack is written before read */
	struct thread_info *ti = __vmalloc_caller(THREAD_SIZE, THREAD_ALIGN, GFP_KERNEL,
						  __builtin_return_address(0));

	if (!ti)
		return NULL;
	memset(ti, 0, sizeof(*ti));
	ti->task = tsk;
	*end_of_stack(ti) = STACK_END_MAGIC;
	mod_node_page_state(NR_KERNEL_STACK_KB, THREAD_SIZE / 1024);
	return ti;
}

void free_thread_stack(struct thread_info *ti)
{
	vfp_release_thread(ti);
	mod_node_page_state(NR_KERNEL_STACK_KB, -(THREAD_SIZE / 1024));
	vfree(ti);
}

struct pt_regs *task_pt_regs(struct task_struct *tsk)
{
	/* where exception entry from user mode puts it: a struct svc_pt_regs */
	return (struct pt_regs *)((unsigned long)tsk->stack + THREAD_SIZE - SVC_REGS_SIZE);
}

/*
 * The registers @p starts with: it resumes in ret_from_fork, where a
 * kernel thread calls @fn(@arg); a user task (@fn NULL) returns to user
 * mode through @regs, copied to the top of its stack (a fork's child gets
 * the parent's registers with r0 = 0, and @usp as its stack if given).
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg,
		 const struct pt_regs *regs, unsigned long usp, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct cpu_context_save *ctx = &p->stack->cpu_context;

	memset(ctx, 0, sizeof(*ctx));
	if (regs) {
		*childregs = *regs;
		childregs->ARM_r0 = 0;
		if (usp)
			childregs->ARM_sp = usp;
	} else {
		memset(childregs, 0, sizeof(*childregs));
		childregs->ARM_cpsr = SVC_MODE;
	}
	ctx->r4 = (unsigned long)arg;
	ctx->r5 = (unsigned long)fn;
	ctx->sp = (unsigned long)childregs;
	ctx->pc = (unsigned long)ret_from_fork;
	p->stack->tp_value = tls ? tls : current_thread_info()->tp_value;
	vfp_copy_thread(p->stack, current_thread_info());
}

/* Points the frame at a program's entry: user mode, ARM state, interrupts on. */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ARM_cpsr = USR_MODE;
	if (pc & 1)
		regs->ARM_cpsr |= PSR_T_BIT;	/* a Thumb entry point */
	regs->ARM_pc = pc & ~1UL;
	regs->ARM_sp = sp;
}

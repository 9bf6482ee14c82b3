/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/memory.h>

#define STACK_TOP	TASK_SIZE
#define TASK_UNMAPPED_BASE (TASK_SIZE / 3)	/* bottom-up searches start here */

struct task_struct;
struct thread_info;
struct pt_regs;

struct thread_info *alloc_thread_stack(struct task_struct *tsk);
void free_thread_stack(struct thread_info *ti);
struct pt_regs *task_pt_regs(struct task_struct *tsk);
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg,
		 const struct pt_regs *regs, unsigned long usp, unsigned long tls);
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);

#endif

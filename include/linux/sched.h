/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks. Each has an 8 KiB kernel stack with its thread_info at the
 * bottom, so current is found from sp alone, as on Linux/ARM. For now
 * only the boot task (init_task, "swapper/0") exists.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <asm/current.h>
#include <asm/memory.h>

#define TASK_COMM_LEN	16

struct task_struct;

struct thread_info {
	struct task_struct *task;
	int cpu;
};

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(unsigned long)];
};

struct task_struct {
	struct thread_info *stack;
	int pid;
	char comm[TASK_COMM_LEN];
};

extern union thread_union init_thread_union;
extern struct task_struct init_task;

#define current		(current_thread_info()->task)

static inline bool on_task_stack(unsigned long sp)
{
	return sp - (unsigned long)current_thread_info() < THREAD_SIZE;
}

#endif

// SPDX-License-Identifier: GPL-2.0
/* The boot task, pid 0, whose stack head.S runs start_kernel on. */
#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/smp.h>

unsigned int nr_cpu_ids = 1;

struct task_struct init_task = {
	.stack = &init_thread_union.thread_info,
	.pid = 0,
	.comm = "swapper/0",
};

union thread_union init_thread_union __section(".data..init_task") __aligned(THREAD_SIZE) = {
	.thread_info = { .task = &init_task, .cpu = 0 },
};

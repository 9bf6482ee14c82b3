// SPDX-License-Identifier: GPL-2.0
/*
 * The boot task, pid 0, whose stack head.S runs start_kernel on; once
 * the first threads are started it becomes the idle task.
 */
#include <linux/compiler.h>
#include <linux/mm_types.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/thread_info.h>

/* Never freed: init_task holds the first reference. */
struct sighand_struct init_sighand = { .count = 1 };

struct task_struct init_task = {
	.stack = &init_thread_union.thread_info,
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.on_cpu = true,
	.cpus_allowed = 1,
	.lock_depth = -1,
	.pid = 0,
	.comm = "swapper/0",
	.active_mm = &init_mm,
	.parent = &init_task,
	.group_leader = &init_task,
	.group_live = 1,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.sigqueue = LIST_HEAD_INIT(init_task.sigqueue),
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.sighand = &init_sighand,
	.fs = &init_fs,
	.cred = { .user = &root_user },
	/*
	 * Linux's defaults, as its init passes them on; NPROC and
	 * SIGPENDING scale with memory there (half of threads-max): here
	 * half the pids, as finite and as unenforced for root.
	 */
	.rlim = {
		[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK]		= { 8UL << 20, RLIM_INFINITY },
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
		[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC]		= { 16384, 16384 },
		[RLIMIT_NOFILE]		= { 1024, 4096 },
		[RLIMIT_MEMLOCK]	= { 8UL << 20, 8UL << 20 },
		[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_SIGPENDING]	= { 16384, 16384 },
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
		[RLIMIT_NICE]		= { 0, 0 },
		[RLIMIT_RTPRIO]		= { 0, 0 },
		[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },
	},
};

/* THREAD_ALIGN, as a vmalloc'ed stack: exception entry's overflow test passes on it */
union thread_union init_thread_union __section(".data..init_task") __aligned(THREAD_ALIGN) = {
	.thread_info = { .task = &init_task, .cpu = 0 },
};

_Static_assert(__builtin_offsetof(struct thread_info, flags) == TI_FLAGS, "TI_FLAGS");
_Static_assert(__builtin_offsetof(struct thread_info, task) == TI_TASK, "TI_TASK");
_Static_assert(__builtin_offsetof(struct thread_info, cpu) == TI_CPU, "TI_CPU");
_Static_assert(__builtin_offsetof(struct thread_info, cpu_context) == TI_CPU_CONTEXT,
	       "TI_CPU_CONTEXT");
_Static_assert(__builtin_offsetof(struct thread_info, tp_value) == TI_TP_VALUE,
	       "TI_TP_VALUE");

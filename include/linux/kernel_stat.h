/* SPDX-License-Identifier: GPL-2.0 */
/* Where each CPU's ticks went, counted by the tick on that CPU (kernel/time.c). */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/threads.h>

struct kernel_cpustat {
	unsigned long user;	/* ticks that interrupted user mode */
	unsigned long system;	/* ... the kernel, in a task */
	unsigned long idle;	/* ... an idle task */
};

extern struct kernel_cpustat kcpustat[NR_CPUS];

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource usage and limits: struct rusage (as getrusage and wait4
 * report it) and the limit numbers are the user ABI's (uapi); the
 * limits are kept on a process's group leader.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>
#include <uapi/linux/resource.h>

struct task_struct;

/* The soft limit @res of the current process. */
unsigned long rlimit(unsigned int res);

/* What @t has used itself: times, context switches, peak RSS (kernel/sys.c). */
void task_rusage(struct task_struct *t, struct rusage *r);

#endif

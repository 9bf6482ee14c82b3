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

#define RUSAGE_BOTH	(-2)		/* both: what wait4 tells of the child it reaps */

/* The counts getrusage reports, in ticks and events. */
struct rusage_counts {
	unsigned long utime, stime, nvcsw, nivcsw, min_flt;
};

/* What @p used, as getrusage's @who counts them (kernel/sys.c), raw or as a rusage. */
void rusage_counts(struct task_struct *p, int who, struct rusage_counts *c);
void getrusage(struct task_struct *p, int who, struct rusage *r);
/* Adds what the reaped child @p used, its children's included, to its parent's. */
void account_reaped_child(struct task_struct *parent, struct task_struct *p);
/* Adds what the thread @p, going, used to its group's (@leader's) dead_threads. */
void account_released_task(struct task_struct *leader, struct task_struct *p);

#endif

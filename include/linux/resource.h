/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource usage as getrusage and wait4 report it, in the layout of the
 * 32-bit ARM struct rusage (times as seconds and microseconds).
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

struct rusage32 {
	struct { s32 sec, usec; } ru_utime, ru_stime;
	s32 ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	s32 ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	s32 ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/* Resource limits: Linux's numbering, kept on a process's group leader. */
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct task_struct;

/* The soft limit @res of the current process. */
unsigned long rlimit(unsigned int res);

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_BOTH	(-2)		/* both: what wait4 tells of the child it reaps */
#define RUSAGE_THREAD	1

/* The counts getrusage reports, in ticks and events. */
struct rusage_counts {
	unsigned long utime, stime, nvcsw, nivcsw, min_flt;
};

/* What @p used, as getrusage's @who counts them (kernel/sys.c), raw or as a rusage. */
void rusage_counts(struct task_struct *p, int who, struct rusage_counts *c);
void getrusage(struct task_struct *p, int who, struct rusage32 *r);
/* Adds what the reaped child @p used, its children's included, to its parent's. */
void account_reaped_child(struct task_struct *parent, struct task_struct *p);
/* Adds what the thread @p, going, used to its group's (@leader's) dead_threads. */
void account_released_task(struct task_struct *leader, struct task_struct *p);

#endif

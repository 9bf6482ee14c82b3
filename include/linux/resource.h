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

struct task_struct;

/* What @t has used itself: times, context switches, peak RSS (kernel/sys.c). */
void task_rusage(struct task_struct *t, struct rusage32 *r);

#endif

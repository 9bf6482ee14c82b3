/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* getrusage's struct rusage, the resource limits and their structures. */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

#include <linux/types.h>
#include <linux/time_types.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

/* What getrusage and wait4 report (the counters Linux does not keep stay 0). */
struct rusage {
	struct __kernel_old_timeval ru_utime;	/* user time */
	struct __kernel_old_timeval ru_stime;	/* system time */
	__kernel_long_t	ru_maxrss;		/* peak RSS, KiB */
	__kernel_long_t	ru_ixrss;
	__kernel_long_t	ru_idrss;
	__kernel_long_t	ru_isrss;
	__kernel_long_t	ru_minflt;
	__kernel_long_t	ru_majflt;
	__kernel_long_t	ru_nswap;
	__kernel_long_t	ru_inblock;
	__kernel_long_t	ru_oublock;
	__kernel_long_t	ru_msgsnd;
	__kernel_long_t	ru_msgrcv;
	__kernel_long_t	ru_nsignals;
	__kernel_long_t	ru_nvcsw;		/* voluntary context switches */
	__kernel_long_t	ru_nivcsw;		/* involuntary ones */
};

struct rlimit {
	__kernel_ulong_t	rlim_cur;	/* the soft limit */
	__kernel_ulong_t	rlim_max;	/* the hard limit, the soft one's ceiling */
};

#define RLIM64_INFINITY		(~0ULL)

/* prlimit64's, the same on every ABI */
struct rlimit64 {
	__u64 rlim_cur;
	__u64 rlim_max;
};

#include <asm/resource.h>

#endif

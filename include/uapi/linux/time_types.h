/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The time structures of the system calls, named for the kernel's side. */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <linux/types.h>

/* The time64 timespec (clock_gettime64, ppoll_time64 ...): 64-bit fields everywhere. */
struct __kernel_timespec {
	__kernel_time64_t	tv_sec;
	long long		tv_nsec;
};

/* The timeval of the long-based calls (getrusage, setitimer, select). */
struct __kernel_old_timeval {
	__kernel_long_t		tv_sec;
	__kernel_long_t		tv_usec;
};

#endif

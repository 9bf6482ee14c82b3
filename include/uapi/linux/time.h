/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Clocks and timers: the clock ids, the interval timers, and the long
 * (time_t) based timespec, timeval and itimerval user space passes. The
 * kernel reads those through its own types (linux/time.h).
 */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#include <linux/types.h>
#include <linux/time_types.h>

#ifndef __KERNEL__
struct timespec {
	__kernel_old_time_t	tv_sec;
	long			tv_nsec;
};

struct timeval {
	__kernel_old_time_t	tv_sec;
	__kernel_suseconds_t	tv_usec;
};

struct itimerval {
	struct timeval it_interval;	/* the period (0: one shot) */
	struct timeval it_value;	/* the time to the next expiry (0: disarmed) */
};
#endif

#define ITIMER_REAL	0	/* SIGALRM in real time */
#define ITIMER_VIRTUAL	1	/* SIGVTALRM in user time */
#define ITIMER_PROF	2	/* SIGPROF in user and system time */

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

#define TIMER_ABSTIME	0x01	/* clock_nanosleep: the time is a deadline */

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* What times(2) fills in: CPU times in clock ticks. */
#ifndef _UAPI_LINUX_TIMES_H
#define _UAPI_LINUX_TIMES_H

#include <linux/types.h>

struct tms {
	__kernel_clock_t tms_utime;
	__kernel_clock_t tms_stime;
	__kernel_clock_t tms_cutime;	/* of the children waited for */
	__kernel_clock_t tms_cstime;
};

#endif

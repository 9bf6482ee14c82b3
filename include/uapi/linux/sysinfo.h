/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* What sysinfo(2) fills in: uptime, loads, memory and swap figures, the number of tasks. */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#include <linux/types.h>

#define SI_LOAD_SHIFT	16	/* loads[] are fixed point with this many fraction bits */

struct sysinfo {
	__kernel_long_t uptime;		/* seconds since boot */
	__kernel_ulong_t loads[3];	/* 1, 5, 15 minute loads */
	__kernel_ulong_t totalram;
	__kernel_ulong_t freeram;
	__kernel_ulong_t sharedram;
	__kernel_ulong_t bufferram;
	__kernel_ulong_t totalswap;
	__kernel_ulong_t freeswap;
	__u16 procs;			/* tasks */
	__u16 pad;
	__kernel_ulong_t totalhigh;
	__kernel_ulong_t freehigh;
	__u32 mem_unit;			/* the size of the units above, in bytes */
	char _f[20 - 2 * sizeof(__kernel_ulong_t) - sizeof(__u32)];
};

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* How many CPUs the kernel is built for: every per-CPU array's size. */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define NR_CPUS			4

#endif

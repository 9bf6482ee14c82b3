/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cache line size and alignment. Data that each CPU writes for itself
 * (per-CPU page lists, CPU slabs, vmstat differentials) sits on a line
 * of its own, ____cacheline_aligned_in_smp: two CPUs writing their own
 * words of one shared line would pass the line to and fro (false
 * sharing) at every write.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#define L1_CACHE_BYTES		64	/* Cortex-A7 and -A15 */
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#define ____cacheline_aligned	__attribute__((__aligned__(SMP_CACHE_BYTES)))
/* every build is an SMP one (nr_cpu_ids comes from the device tree) */
#define ____cacheline_aligned_in_smp	____cacheline_aligned

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: linux/atomic.h's barriers, from the compiler (one thread runs). */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	smp_mb()
#define smp_wmb()	smp_mb()
#define cpu_relax()	__asm__ __volatile__("" ::: "memory")

#endif

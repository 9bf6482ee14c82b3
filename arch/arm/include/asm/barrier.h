/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory barriers between CPUs. Every CPU of an ARMv7 SMP system sits in
 * one inner-shareable domain, so the smp_* barriers are "dmb ish": they
 * order this CPU's accesses as the other CPUs see them, and cost nothing
 * on the bus (ordering against devices is the I/O accessors' dsb/dmb).
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

#define smp_mb()	__asm__ __volatile__("dmb ish" ::: "memory")
#define smp_rmb()	smp_mb()
#define smp_wmb()	__asm__ __volatile__("dmb ishst" ::: "memory")

/* Completes this CPU's stores: others see them before what follows (an SGI). */
static inline void dsb_ishst(void)
{
	__asm__ __volatile__("dsb ishst" ::: "memory");
}

/* Wakes the CPUs waiting in WFE, once this CPU's stores are visible. */
static inline void dsb_sev(void)
{
	__asm__ __volatile__("dsb ishst\n\tsev" ::: "memory");
}

static inline void wfe(void)
{
	__asm__ __volatile__("wfe" ::: "memory");
}

/* In a busy-wait loop: lets the compiler reload what another CPU writes. */
#define cpu_relax()	__asm__ __volatile__("" ::: "memory")

#define smp_store_release(p, v) do {					\
	smp_mb();							\
	WRITE_ONCE(*(p), (v));						\
} while (0)

#define smp_load_acquire(p) ({						\
	__typeof__(*(p)) ___v = READ_ONCE(*(p));			\
	smp_mb();							\
	___v;								\
})

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Accessors for the CP15 system registers the kernel reads and writes. */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#include <linux/types.h>

#define __ACCESS_CP15(name, op1, crn, crm, op2)				\
static inline u32 read_##name(void)					\
{									\
	u32 v;								\
	__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     : "=r"(v));				\
	return v;							\
}									\
static inline void write_##name(u32 v)					\
{									\
	__asm__ __volatile__("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     :: "r"(v) : "memory");			\
}

__ACCESS_CP15(midr, 0, c0, c0, 0)
__ACCESS_CP15(ctr, 0, c0, c0, 1)
__ACCESS_CP15(mpidr, 0, c0, c0, 5)
__ACCESS_CP15(id_pfr0, 0, c0, c1, 0)
__ACCESS_CP15(id_mmfr0, 0, c0, c1, 4)
__ACCESS_CP15(id_isar0, 0, c0, c2, 0)
__ACCESS_CP15(id_isar3, 0, c0, c2, 3)
__ACCESS_CP15(id_isar4, 0, c0, c2, 4)
__ACCESS_CP15(id_isar5, 0, c0, c2, 5)
__ACCESS_CP15(sctlr, 0, c1, c0, 0)
__ACCESS_CP15(cpacr, 0, c1, c0, 2)
__ACCESS_CP15(ttbr0, 0, c2, c0, 0)
__ACCESS_CP15(ttbr1, 0, c2, c0, 1)
__ACCESS_CP15(ttbcr, 0, c2, c0, 2)
__ACCESS_CP15(dacr, 0, c3, c0, 0)
__ACCESS_CP15(dfsr, 0, c5, c0, 0)
__ACCESS_CP15(ifsr, 0, c5, c0, 1)
__ACCESS_CP15(dfar, 0, c6, c0, 0)
__ACCESS_CP15(ifar, 0, c6, c0, 2)
__ACCESS_CP15(contextidr, 0, c13, c0, 1)
__ACCESS_CP15(tpidruro, 0, c13, c0, 3)
__ACCESS_CP15(tpidrprw, 0, c13, c0, 4)

static inline void isb(void)
{
	__asm__ __volatile__("isb" ::: "memory");
}

static inline void dsb(void)
{
	__asm__ __volatile__("dsb" ::: "memory");
}

static inline void dmb(void)
{
	__asm__ __volatile__("dmb" ::: "memory");
}

static inline void wfi(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

/* Writes a first-level descriptor and makes the walker see it. */
/* Wakes every core waiting in WFE (the Pi's boot stubs poll after one). */
static inline void sev(void)
{
	__asm__ __volatile__("sev" ::: "memory");
}

/* This CPU's TLB only: a CPU coming up (the others use asm/tlbflush.h). */
static inline void local_flush_tlb_all(void)
{
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 0" :: "r"(0) : "memory");
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 6" :: "r"(0) : "memory");
	dsb();
	isb();
}

/*
 * ICIALLUIS: every I-cache line and the branch predictors, of every CPU
 * in the inner-shareable domain: a page made executable here may be run
 * by a thread on another CPU (ARMv7-MP, as Linux's __flush_icache_all).
 */
static inline void flush_icache_all(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 0" :: "r"(0) : "memory");
	dsb();
	isb();
}

#endif

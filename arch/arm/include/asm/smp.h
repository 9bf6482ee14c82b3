/* SPDX-License-Identifier: GPL-2.0 */
/*
 * This CPU's number lives in TPIDRPRW, a register only the kernel can
 * read, set once when the CPU comes up: one instruction on hot paths
 * (per-CPU slabs and page lists), as Linux keeps its per-CPU offset there.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <asm/cp15.h>

static inline int raw_smp_processor_id(void)
{
	return read_tpidrprw();
}

static inline void set_my_cpu_number(int cpu)
{
	write_tpidrprw(cpu);
}

#endif

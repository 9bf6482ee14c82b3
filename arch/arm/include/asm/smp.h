/* SPDX-License-Identifier: GPL-2.0 */
/*
 * This CPU's number lives in TPIDRPRW, a register only the kernel can
 * read, set once when the CPU comes up: one instruction on hot paths
 * (per-CPU slabs and page lists), as Linux keeps its per-CPU offset there.
 *
 * The IPIs are the GIC's software-generated interrupts, numbered as
 * Linux/ARM numbers them (so /proc/interrupts reads the same).
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

/* offsets in struct secondary_data, for head.S */
#define SD_PGDIR	0
#define SD_STACK	4

#ifndef __ASSEMBLY__
#include <linux/atomic.h>
#include <asm/cp15.h>

static inline int raw_smp_processor_id(void)
{
	return read_tpidrprw();
}

static inline void set_my_cpu_number(int cpu)
{
	write_tpidrprw(cpu);
}

enum ipi_msg_type {
	IPI_RESCHEDULE = 2,	/* wake up: there may be work */
	IPI_CALL_FUNC = 3,	/* run the calls queued for this CPU */
	IPI_CPU_STOP = 4,	/* halt (panic, power off) */
	NR_IPI
};

/*
 * What a starting secondary CPU reads, by physical address before its
 * MMU is on (arch/arm/boot/head.S, secondary_startup): the identity-
 * mapping page directory it turns the MMU on with and its idle task's
 * stack. SD_* are the offsets head.S uses.
 */
struct secondary_data {
	u32 pgdir;		/* physical */
	u32 stack;		/* virtual: the top of the idle task's stack */
	atomic_t state;		/* CPU_BOOTING, CPU_ALIVE or CPU_ABANDONED */
};

void handle_IPI(int ipinr);
/* The interrupt controller's way to send IPI @ipi to the CPUs in @mask. */
void set_smp_cross_call(void (*fn)(unsigned long mask, unsigned int ipi));
void arch_send_call_function_ipi_mask(unsigned long mask);
void smp_init_cpus(const void *blob);
void secondary_startup(void);
u32 cpu_read_midr(int cpu);
bool cpu_can_start(int cpu);
unsigned int ipi_count_of(int cpu, int ipi);

#endif /* __ASSEMBLY__ */
#endif

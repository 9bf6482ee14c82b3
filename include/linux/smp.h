/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU numbers (per-CPU data is indexed by them) and calls of a function
 * on other CPUs (kernel/smp.c): the caller's CPU queues the call on each
 * target and interrupts it (an IPI); with @wait it spins until every
 * target has run the function. The function runs in interrupt context
 * with interrupts masked, so it must be short and must not sleep. A
 * caller must have interrupts enabled (two CPUs calling each other with
 * them masked would wait for each other forever).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/threads.h>
#include <asm/smp.h>

struct cpumask;

extern unsigned int nr_cpu_ids;	/* possible CPUs: 1 + the highest number */

static inline int smp_processor_id(void)
{
	return raw_smp_processor_id();
}

typedef void (*smp_call_func_t)(void *info);

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, int wait);
void generic_smp_call_function_interrupt(void);
/* This CPU's queued calls, run now (interrupts masked): see irq_lock_kernel. */
void flush_smp_call_function_queue(void);

void smp_send_reschedule(int cpu);
void smp_send_stop(void);
void __noreturn panic_smp_self_stop(void);
void smp_init(void);

struct seq_file;
void smp_cpus_show(struct seq_file *m);

#endif

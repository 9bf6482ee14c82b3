/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of CPUs, one bit per CPU in one word (NR_CPUS <= 32). The
 * possible CPUs are those the device tree lists (fixed once setup_arch
 * has read it); the online ones are those running now: a CPU sets its
 * own bit when it has come up and clears it when it stops, so changes
 * to a shared mask are atomic (LDREX/STREX) and readers take a snapshot.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>
#include <asm/cmpxchg.h>

struct cpumask {
	unsigned long bits;
};

extern struct cpumask __cpu_possible_mask, __cpu_online_mask;
#define cpu_possible_mask	((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask		((const struct cpumask *)&__cpu_online_mask)

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *mask)
{
	return (READ_ONCE(mask->bits) >> cpu) & 1;
}

static inline void cpumask_set_cpu(int cpu, struct cpumask *mask)
{
	__fetch_or((volatile u32 *)&mask->bits, 1U << cpu);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *mask)
{
	__fetch_andnot((volatile u32 *)&mask->bits, 1U << cpu);
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	return __builtin_popcountl(READ_ONCE(mask->bits));
}

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)			\
		if (!cpumask_test_cpu((cpu), (mask))) {} else

#define for_each_possible_cpu(cpu)	for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu)	for_each_cpu((cpu), cpu_online_mask)

#define cpu_online(cpu)		cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu((cpu), cpu_possible_mask)
#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)

/* The set as a list ("0-3", "0,2") or a hex mask, and a newline, into a page (fs/sysfs.c). */
int cpumap_print_to_pagebuf(bool list, char *buf, const struct cpumask *mask);

static inline void set_cpu_possible(int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_online(int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

#endif

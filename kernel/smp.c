// SPDX-License-Identifier: GPL-2.0
/*
 * Running a function on other CPUs, and the CPU masks.
 *
 * A call is a call_single_data (csd): the function, its argument and a
 * LOCK flag. The caller fills one, pushes it on the target CPU's queue
 * and sends that CPU a call-function IPI; the target's handler takes its
 * whole queue, runs each call and clears LOCK, which is what a waiting
 * caller spins on. A caller owns one csd per target CPU (cfd_csd[me]
 * [target]); before reusing it, it waits for the LOCK of its previous
 * call there, so a csd is never queued twice. A call that is not waited
 * for is unlocked before it runs (the caller may then reuse the csd),
 * a waited-for one after.
 *
 * Several targets are all queued first and interrupted with one IPI,
 * and on_each_cpu() runs the local call meanwhile, so that the calls
 * really run at the same time on every CPU.
 */
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <asm/irqflags.h>

unsigned int nr_cpu_ids = 1;
struct cpumask __cpu_possible_mask = { 1 }, __cpu_online_mask = { 1 };

#define CSD_FLAG_LOCK	1	/* queued or running */
#define CSD_FLAG_SYNC	2	/* the caller waits: unlock once it has run */

struct call_single_data {
	struct call_single_data *next;
	smp_call_func_t func;
	void *info;
	unsigned int flags;
};

/* Calls waiting on a CPU, newest first (zeroed: empty). */
struct call_queue {
	spinlock_t lock;
	struct call_single_data *first;
};

static struct call_queue call_queues[NR_CPUS];
static struct call_single_data cfd_csd[NR_CPUS][NR_CPUS];	/* [caller][target] */

static void csd_lock_wait(struct call_single_data *csd)
{
	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void csd_unlock(struct call_single_data *csd)
{
	smp_store_release(&csd->flags, 0);
}

static void csd_queue(int cpu, struct call_single_data *csd)
{
	struct call_queue *q = &call_queues[cpu];
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	csd->next = q->first;
	q->first = csd;
	spin_unlock_irqrestore(&q->lock, flags);
}

/*
 * Runs this CPU's queued calls, oldest first; interrupts masked. The
 * call-function IPI does, and so does a CPU that spins with interrupts
 * masked for something a caller waiting on it may hold (irq_lock_kernel).
 */
void flush_smp_call_function_queue(void)
{
	struct call_queue *q = &call_queues[smp_processor_id()];
	struct call_single_data *csd, *next, *todo = NULL;

	if (!READ_ONCE(q->first))
		return;
	spin_lock(&q->lock);
	csd = q->first;
	q->first = NULL;
	spin_unlock(&q->lock);
	for (; csd; csd = next) {	/* reversed: oldest first */
		next = csd->next;
		csd->next = todo;
		todo = csd;
	}
	for (csd = todo; csd; csd = next) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		next = csd->next;
		if (csd->flags & CSD_FLAG_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

/* The call-function IPI. */
void generic_smp_call_function_interrupt(void)
{
	flush_smp_call_function_queue();
}

/*
 * @func(@info) on the online CPUs of @mask but this one, and on this one
 * too if @run_local; with @wait, returns once every one has run it.
 */
static void smp_call_function_many_cond(unsigned long mask, smp_call_func_t func,
					void *info, bool wait, bool run_local)
{
	int this_cpu = smp_processor_id(), cpu;
	unsigned long targets = 0, flags;

	WARN_ON(irqs_disabled());
	for_each_online_cpu(cpu) {
		struct call_single_data *csd = &cfd_csd[this_cpu][cpu];

		if (cpu == this_cpu || !(mask & (1UL << cpu)))
			continue;
		csd_lock_wait(csd);
		csd->func = func;
		csd->info = info;
		csd->flags = CSD_FLAG_LOCK | (wait ? CSD_FLAG_SYNC : 0);
		csd_queue(cpu, csd);
		targets |= 1UL << cpu;
	}
	if (targets)
		arch_send_call_function_ipi_mask(targets);
	if (run_local && (mask & (1UL << this_cpu))) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	}
	if (!wait)
		return;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (targets & (1UL << cpu))
			csd_lock_wait(&cfd_csd[this_cpu][cpu]);
}

/* @func(@info) on @cpu (this one: directly); -ENXIO if it is not online. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu))
		return -ENXIO;
	smp_call_function_many_cond(1UL << cpu, func, info, wait, false);
	return 0;
}

/* @func(@info) on every other online CPU. */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many_cond(cpu_online_mask->bits, func, info, wait, false);
}

/* @func(@info) on the online CPUs of @mask, this one too if in it (interrupts masked). */
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many_cond(READ_ONCE(mask->bits), func, info, wait, true);
}

/* @func(@info) on every online CPU, this one included (interrupts masked there too). */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many_cond(cpu_online_mask->bits, func, info, wait, true);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt layer: one descriptor per line with its handler, a count
 * and the controller that owns it; the root controller dispatches from
 * the IRQ vector. Each controller owns a range of irq numbers (a domain)
 * and is found from a device-tree node's interrupt parent; a chained one
 * (the Pi's BCM2835 controller behind the BCM2836 local one) is an
 * ordinary handler of one of its parent's lines.
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/cpumask.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <asm/ptrace.h>

#define MAX_IRQ_DOMAINS	4

struct irq_domain {
	int node;			/* the controller's device-tree node */
	const struct irq_chip *chip;
};

static struct irq_desc irq_desc[NR_IRQS];
static const struct irq_chip *root_chip;
static struct irq_domain irq_domains[MAX_IRQ_DOMAINS];
static int nr_irq_domains;

int irq_domain_add(int node, const struct irq_chip *chip, unsigned int first,
		   unsigned int count)
{
	unsigned int irq;

	if (nr_irq_domains == MAX_IRQ_DOMAINS || first + count > NR_IRQS)
		return -ENOSPC;
	irq_domains[nr_irq_domains].node = node;
	irq_domains[nr_irq_domains++].chip = chip;
	for (irq = first; irq < first + count; irq++)
		irq_desc[irq].chip = chip;
	return 0;
}

void set_root_irq_chip(const struct irq_chip *chip)
{
	root_chip = chip;
}

const struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev)
{
	if (irq >= NR_IRQS || !irq_desc[irq].chip)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	irq_desc[irq].handler = handler;
	irq_desc[irq].dev = dev;
	irq_desc[irq].name = name;
	irq_desc[irq].chip->unmask(irq);
	return 0;
}

/* Some descriptor is marked deferred: irq_run_deferred has work. */
static atomic_t irqs_deferred = ATOMIC_INIT(0);

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq < NR_IRQS ? &irq_desc[irq] : NULL;

	if (!desc || !desc->handler) {
		pr_err("irq %u: no handler, masking it\n", irq);
		if (desc && desc->chip)
			desc->chip->mask(irq);
		return;
	}
	desc->count[smp_processor_id()]++;
	if (desc->percpu) {
		desc->handler(irq, desc->dev);
	} else {
		/* a device's handler feeds what tasks share (the tty, signals) */
		int bkl = irq_lock_kernel();

		if (bkl < 0) {
			/* masked until a tick that can take the lock runs it */
			desc->chip->mask(irq);
			WRITE_ONCE(desc->deferred, true);
			atomic_set(&irqs_deferred, 1);
			return;
		}
		desc->handler(irq, desc->dev);
		irq_unlock_kernel(bkl);
	}
}

/* Under the big lock, from CPU 0's tick: the device interrupts put off. */
void irq_run_deferred(void)
{
	unsigned int irq;

	if (!atomic_xchg(&irqs_deferred, 0))
		return;		/* the usual tick: no scan of every descriptor */
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = &irq_desc[irq];

		if (!READ_ONCE(desc->deferred))
			continue;
		desc->deferred = false;
		desc->handler(irq, desc->dev);
		desc->chip->unmask(irq);
	}
}

/* A per-CPU line (a PPI): unmasked on the calling CPU only. */
void enable_percpu_irq(unsigned int irq)
{
	if (irq < NR_IRQS && irq_desc[irq].chip) {
		irq_desc[irq].percpu = true;
		irq_desc[irq].chip->unmask(irq);
	}
}

/* A CPU coming up sets up its own part of the root controller. */
void irq_cpu_init(void)
{
	if (root_chip->cpu_init)
		root_chip->cpu_init();
}

void arch_show_interrupts(struct seq_file *m);

/*
 * /proc/interrupts as Linux lays it out: a column per online CPU, a row
 * per line that has a handler, then the IPIs (arch_show_interrupts).
 */
void show_interrupts(struct seq_file *m)
{
	unsigned int irq;
	int cpu;

	seq_printf(m, "%*s", 11, "");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8d", cpu);
	seq_putc(m, '\n');
	for (irq = 0; irq < NR_IRQS; irq++) {
		const struct irq_desc *desc = &irq_desc[irq];

		if (!desc->handler)
			continue;
		seq_printf(m, "%3u: ", irq);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", desc->count[cpu]);
		seq_printf(m, " %-8s %3u  %s\n", desc->chip->name, irq, desc->name);
	}
	arch_show_interrupts(m);
}

int irq_of_parse_and_map(const void *blob, int node, int index)
{
	int parent = fdt_interrupt_parent(blob, node);
	u32 cells[4];
	int i, n;

	n = fdt_read_interrupt(blob, node, index, cells, ARRAY_SIZE(cells));
	if (n < 0)
		return n;
	for (i = 0; i < nr_irq_domains; i++)
		if (irq_domains[i].node == parent)
			return irq_domains[i].chip->xlate(cells, n);
	return -ENODEV;
}

static struct pt_regs *irq_regs[NR_CPUS];

/* The registers this CPU's current interrupt interrupted (user or kernel?). */
struct pt_regs *get_irq_regs(void)
{
	return irq_regs[smp_processor_id()];
}

void do_IRQ(struct pt_regs *regs)
{
	int cpu = smp_processor_id();
	struct pt_regs *old = irq_regs[cpu];

	stack_guard_check();
	preempt_count_add(HARDIRQ_OFFSET);	/* in_atomic() in the handlers */
	irq_regs[cpu] = regs;
	root_chip->handle(regs);
	irq_regs[cpu] = old;
	preempt_count_sub(HARDIRQ_OFFSET);
}

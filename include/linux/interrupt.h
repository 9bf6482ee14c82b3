/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt lines. Each controller owns a range of irq numbers (on virt
 * the GIC's INTIDs, from 0) and translates its device-tree specifiers
 * into them.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/threads.h>
#include <linux/types.h>

#define NR_IRQS		256

struct pt_regs;

typedef void (*irq_handler_t)(int irq, void *dev);

struct irq_chip {
	const char *name;
	void (*mask)(unsigned int irq);
	void (*unmask)(unsigned int irq);
	/* device-tree interrupt specifier to irq number, or -EINVAL */
	int (*xlate)(const u32 *cells, int count);
	void (*handle)(struct pt_regs *regs);	/* the root IRQ entry */
	void (*cpu_init)(void);		/* a root's per-CPU state, on each CPU */
};

struct irq_desc {
	const struct irq_chip *chip;
	irq_handler_t handler;
	void *dev;
	const char *name;
	unsigned long count[NR_CPUS];	/* handled, per CPU */
	bool percpu;			/* a CPU's own line (its timer): no big kernel lock */
	bool deferred;			/* masked, for the next tick to handle (irq_lock_kernel) */
};

void set_root_irq_chip(const struct irq_chip *chip);
/* Runs the device interrupts put off while the big lock could not be waited for. */
void irq_run_deferred(void);
int irq_domain_add(int node, const struct irq_chip *chip, unsigned int first,
		   unsigned int count);
int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev);
void generic_handle_irq(unsigned int irq);
void enable_percpu_irq(unsigned int irq);
void irq_cpu_init(void);
int irq_of_parse_and_map(const void *blob, int node, int index);
const struct irq_desc *irq_to_desc(unsigned int irq);
void init_IRQ(void);
struct seq_file;
void show_interrupts(struct seq_file *m);

#endif

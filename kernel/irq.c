// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt layer: one descriptor per line with its handler and a
 * count, and the root controller that dispatches from the IRQ vector.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/ptrace.h>

static struct irq_desc irq_desc[NR_IRQS];
static const struct irq_chip *root_chip;

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
	if (irq >= NR_IRQS || !root_chip)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	irq_desc[irq].handler = handler;
	irq_desc[irq].dev = dev;
	irq_desc[irq].name = name;
	root_chip->unmask(irq);
	return 0;
}

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq < NR_IRQS ? &irq_desc[irq] : NULL;

	if (!desc || !desc->handler) {
		pr_err("irq %u: no handler, masking it\n", irq);
		if (root_chip && irq < NR_IRQS)
			root_chip->mask(irq);
		return;
	}
	desc->count++;
	desc->handler(irq, desc->dev);
}

int irq_of_parse_and_map(const void *blob, int node, int index)
{
	u32 cells[4];
	int n;

	if (!root_chip)
		return -ENODEV;
	n = fdt_read_interrupt(blob, node, index, cells, ARRAY_SIZE(cells));
	if (n < 0)
		return n;
	return root_chip->xlate(cells, n);
}

static struct pt_regs *irq_regs;

/* The registers the current interrupt interrupted (user or kernel?). */
struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

void do_IRQ(struct pt_regs *regs)
{
	struct pt_regs *old = irq_regs;

	stack_guard_check();
	irq_regs = regs;
	root_chip->handle(regs);
	irq_regs = old;
}

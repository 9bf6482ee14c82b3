// SPDX-License-Identifier: GPL-2.0
/*
 * The BCM2835 ARM interrupt controller: the VideoCore's 64 peripheral
 * lines (banks 1 and 2) and 8 ARM-side lines (bank 0), with pending,
 * enable and disable registers per bank. On the BCM2836 it is not the
 * root: its output is line 8 of the local controller, and it is served
 * from that line's handler. Its irq numbers follow the local
 * controller's: BCM2835_IRQ_BASE + 32 * bank + line.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/io.h>

#define BCM2835_IRQ_BASE	32
#define BCM2835_BANKS		3

/* per bank 0 (basic), 1, 2 */
static const unsigned int reg_pending[BCM2835_BANKS] = { 0x00, 0x04, 0x08 };
static const unsigned int reg_enable[BCM2835_BANKS] = { 0x18, 0x10, 0x14 };
static const unsigned int reg_disable[BCM2835_BANKS] = { 0x24, 0x1c, 0x20 };
static const u32 bank_lines[BCM2835_BANKS] = { 0xff, ~0U, ~0U };

static void __iomem *armctrl_base;
static u32 enabled[BCM2835_BANKS];	/* the pending bits we serve */

static void bcm2835_mask(unsigned int irq)
{
	unsigned int bank = (irq - BCM2835_IRQ_BASE) / 32, bit = irq % 32;

	enabled[bank] &= ~(1U << bit);
	writel(1U << bit, armctrl_base + reg_disable[bank]);
}

static void bcm2835_unmask(unsigned int irq)
{
	unsigned int bank = (irq - BCM2835_IRQ_BASE) / 32, bit = irq % 32;

	enabled[bank] |= 1U << bit;
	writel(1U << bit, armctrl_base + reg_enable[bank]);
}

/* #interrupt-cells = 2: bank, line */
static int bcm2835_xlate(const u32 *cells, int count)
{
	if (count != 2 || cells[0] >= BCM2835_BANKS || cells[1] >= 32 ||
	    !(bank_lines[cells[0]] & 1U << cells[1]))
		return -EINVAL;
	return BCM2835_IRQ_BASE + 32 * cells[0] + cells[1];
}

/* The local controller's line 8: every enabled line raised here. */
static void bcm2835_chained_irq(int irq, void *dev)
{
	unsigned int bank;
	u32 pending;

	(void)irq;
	(void)dev;
	for (bank = 0; bank < BCM2835_BANKS; bank++) {
		pending = readl_relaxed(armctrl_base + reg_pending[bank]) &
			  enabled[bank];
		while (pending) {
			unsigned int bit = __builtin_ctz(pending);

			pending &= pending - 1;
			generic_handle_irq(BCM2835_IRQ_BASE + 32 * bank + bit);
		}
	}
}

static const struct irq_chip bcm2835_chip = {
	.name = "bcm2835-armctrl",
	.mask = bcm2835_mask,
	.unmask = bcm2835_unmask,
	.xlate = bcm2835_xlate,
};

int bcm2835_armctrl_of_init(const void *blob)
{
	int node = fdt_find_compatible(blob, -1, "brcm,bcm2836-armctrl-ic");
	unsigned int bank;
	u64 base, size;
	int parent_irq;

	if (node < 0)
		return -ENODEV;
	if (fdt_read_reg_translated(blob, node, 0, &base, &size)) {
		pr_err("bcm2835-armctrl: bad reg in %s\n", fdt_get_name(blob, node));
		return -EINVAL;
	}
	armctrl_base = ioremap(base, size);
	if (!armctrl_base)
		return -ENOMEM;
	for (bank = 0; bank < BCM2835_BANKS; bank++)
		writel(bank_lines[bank], armctrl_base + reg_disable[bank]);
	if (irq_domain_add(node, &bcm2835_chip, BCM2835_IRQ_BASE, 32 * BCM2835_BANKS))
		return -ENOSPC;
	parent_irq = irq_of_parse_and_map(blob, node, 0);
	if (parent_irq < 0)
		return parent_irq;
	if (request_irq(parent_irq, bcm2835_chained_irq, "bcm2835-armctrl", NULL))
		return -EBUSY;
	pr_info("bcm2835-armctrl: at 0x%08llx, chained to irq %d\n", base, parent_irq);
	return 0;
}

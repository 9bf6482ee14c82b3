// SPDX-License-Identifier: GPL-2.0
/*
 * The BCM2836's per-core local interrupt controller (Raspberry Pi 2): the
 * root controller there. Each core has a source register saying which of
 * its lines are raised: its four generic-timer lines (0-3), mailboxes
 * (4-7), the GPU's interrupt (8, the BCM2835 controller chained behind
 * it, routed to core 0 at reset), the PMU (9). Its irq numbers are its
 * line numbers, from 0; the timer lines are masked per core here, the
 * GPU line is masked behind it, line by line, by the BCM2835 controller.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/memory.h>

#define LOCAL_GPU_ROUTING	0x00c
#define LOCAL_TIMER_INT_CTRL0	0x040	/* + 4 * core: timer line enables */
#define LOCAL_IRQ_PENDING0	0x060	/* + 4 * core: raised lines */
#define LOCAL_MAILBOX3_SET0	0x08c	/* + 16 * core: write-set */
#define LOCAL_CORES		4

#define LOCAL_IRQ_CNTVIRQ	3	/* the last of the timer lines */
#define LOCAL_IRQ_GPU		8
#define LOCAL_IRQS		10

static void __iomem *local_base;

extern const char _text[];

/*
 * Cores 1-3 wait in the loader's stub (the Pi's firmware, QEMU's) for an
 * address in their mailbox 3. Until there is SMP, send them to stext,
 * which parks every core but 0 in WFI: the stub's WFE polling loop keeps
 * a host CPU busy per core under QEMU, and the stub's page is RAM.
 */
static void bcm2836_park_secondaries(void)
{
	unsigned int core;

	for (core = 1; core < LOCAL_CORES; core++)
		writel(__pa(_text), local_base + LOCAL_MAILBOX3_SET0 + 16 * core);
	dsb();
	sev();
}

/* Only core 0 takes interrupts until there is SMP. */
static void bcm2836_mask(unsigned int irq)
{
	if (irq <= LOCAL_IRQ_CNTVIRQ)
		writel(readl(local_base + LOCAL_TIMER_INT_CTRL0) & ~(1U << irq),
		       local_base + LOCAL_TIMER_INT_CTRL0);
}

static void bcm2836_unmask(unsigned int irq)
{
	if (irq <= LOCAL_IRQ_CNTVIRQ)
		writel(readl(local_base + LOCAL_TIMER_INT_CTRL0) | 1U << irq,
		       local_base + LOCAL_TIMER_INT_CTRL0);
}

/* #interrupt-cells = 2: line, flags; the lines that can be masked here */
static int bcm2836_xlate(const u32 *cells, int count)
{
	if (count != 2)
		return -EINVAL;
	if (cells[0] <= LOCAL_IRQ_CNTVIRQ || cells[0] == LOCAL_IRQ_GPU)
		return cells[0];
	return -EINVAL;
}

static void bcm2836_handle_irq(struct pt_regs *regs)
{
	u32 pending;

	(void)regs;
	while ((pending = readl_relaxed(local_base + LOCAL_IRQ_PENDING0) &
			  ((1U << LOCAL_IRQS) - 1)))
		generic_handle_irq(__builtin_ctz(pending));
}

static const struct irq_chip bcm2836_chip = {
	.name = "bcm2836-l1",
	.mask = bcm2836_mask,
	.unmask = bcm2836_unmask,
	.xlate = bcm2836_xlate,
	.handle = bcm2836_handle_irq,
};

int bcm2836_l1_intc_of_init(const void *blob)
{
	int node = fdt_find_compatible(blob, -1, "brcm,bcm2836-l1-intc");
	u64 base, size;

	if (node < 0)
		return -ENODEV;
	if (fdt_read_reg_translated(blob, node, 0, &base, &size)) {
		pr_err("bcm2836-l1: bad reg in %s\n", fdt_get_name(blob, node));
		return -EINVAL;
	}
	local_base = ioremap(base, size);
	if (!local_base)
		return -ENOMEM;
	writel(0, local_base + LOCAL_TIMER_INT_CTRL0);
	writel(0, local_base + LOCAL_GPU_ROUTING);	/* GPU IRQ to core 0 */
	if (irq_domain_add(node, &bcm2836_chip, 0, LOCAL_IRQS))
		return -ENOSPC;
	set_root_irq_chip(&bcm2836_chip);
	bcm2836_park_secondaries();
	pr_info("bcm2836-l1: local interrupt controller at 0x%08llx\n", base);
	return 0;
}

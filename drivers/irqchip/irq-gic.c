// SPDX-License-Identifier: GPL-2.0
/*
 * ARM Generic Interrupt Controller v2: a distributor shared by all CPUs
 * (enables, priorities, targets) and a CPU interface per CPU (acknowledge
 * and end of interrupt). Found by compatible; its two register frames are
 * the first two "reg" entries. INTIDs: 0-15 SGIs, 16-31 PPIs, 32+ SPIs.
 *
 * SGIs are the IPIs (asm/smp.h), PPIs the per-CPU timers: the enables and
 * priorities of INTIDs 0-31 are banked, one copy per CPU, so each CPU
 * sets up its own (gic_cpu_init) when it comes up. A CPU's bit in SGI
 * target lists is its CPU interface's number, which it reads from the
 * (banked) ITARGETSR0 rather than assuming it equals its CPU number.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/barrier.h>
#include <asm/io.h>

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_SGIR		0xf00

#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010

#define GIC_SPURIOUS		1020
#define GIC_IRQ_PRIORITY	0xa0
#define GIC_PRIORITY_MASK	0xf0
#define GIC_SPI_BASE		32
#define GIC_PPI_BASE		16
#define GIC_NR_SGIS		16

/* #interrupt-cells = 3: type (0 SPI, 1 PPI), number, flags */
#define GIC_DT_SPI		0
#define GIC_DT_PPI		1

static void __iomem *dist_base;
static void __iomem *cpu_base;
static unsigned int gic_irqs;
static u8 gic_cpu_map[NR_CPUS];	/* each CPU's bit in SGI and SPI target lists */

static void gic_mask(unsigned int irq)
{
	writel(1U << (irq % 32), dist_base + GICD_ICENABLER + irq / 32 * 4);
}

static void gic_unmask(unsigned int irq)
{
	writel(1U << (irq % 32), dist_base + GICD_ISENABLER + irq / 32 * 4);
}

static int gic_xlate(const u32 *cells, int count)
{
	unsigned int irq;

	if (count != 3)
		return -EINVAL;
	if (cells[0] == GIC_DT_SPI)
		irq = GIC_SPI_BASE + cells[1];
	else if (cells[0] == GIC_DT_PPI && cells[1] < 16)
		irq = GIC_PPI_BASE + cells[1];
	else
		return -EINVAL;
	return irq < gic_irqs && irq < NR_IRQS ? (int)irq : -EINVAL;
}

static void gic_handle_irq(struct pt_regs *regs)
{
	(void)regs;
	for (;;) {
		u32 iar = readl_relaxed(cpu_base + GICC_IAR);
		u32 irq = iar & 0x3ff;

		if (irq >= GIC_SPURIOUS)
			break;
		if (irq < GIC_NR_SGIS) {
			/*
			 * An IPI ends at once: the stop IPI never returns, and
			 * a call queued from now on sends a fresh SGI. The
			 * barrier keeps the handler's reads of what the sender
			 * wrote after the acknowledgement.
			 */
			writel_relaxed(iar, cpu_base + GICC_EOIR);
			smp_rmb();
			handle_IPI(irq);
			continue;
		}
		generic_handle_irq(irq);
		writel_relaxed(iar, cpu_base + GICC_EOIR);
	}
}

/* Sends SGI @ipi to the CPUs in @mask, once this CPU's stores are visible. */
static void gic_raise_softirq(unsigned long mask, unsigned int ipi)
{
	unsigned long targets = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (mask & (1UL << cpu))
			targets |= gic_cpu_map[cpu];
	dsb_ishst();
	writel_relaxed(targets << 16 | ipi, dist_base + GICD_SGIR);
}

/*
 * This CPU's banked state: its interface number, SGIs on, PPIs off
 * until their drivers enable them on this CPU, priorities, then the
 * CPU interface itself.
 */
static void gic_cpu_init(void)
{
	u32 mask = readl(dist_base + GICD_ITARGETSR) & 0xff;
	unsigned int i;

	gic_cpu_map[smp_processor_id()] = mask ? mask : 1;	/* uniprocessor GICs read 0 */
	writel(0xffff0000, dist_base + GICD_ICENABLER);
	writel(0x0000ffff, dist_base + GICD_ISENABLER);
	for (i = 0; i < GIC_SPI_BASE; i += 4)
		writel(GIC_IRQ_PRIORITY * 0x01010101U, dist_base + GICD_IPRIORITYR + i);
	writel(GIC_PRIORITY_MASK, cpu_base + GICC_PMR);
	writel(1, cpu_base + GICC_CTLR);
}

static const struct irq_chip gic_chip = {
	.name = "GICv2",
	.mask = gic_mask,
	.unmask = gic_unmask,
	.xlate = gic_xlate,
	.handle = gic_handle_irq,
	.cpu_init = gic_cpu_init,
};

static void gic_dist_init(void)
{
	unsigned int i;

	writel(0, dist_base + GICD_CTLR);
	gic_irqs = min(((readl(dist_base + GICD_TYPER) & 0x1f) + 1) * 32, 1020U);
	for (i = GIC_SPI_BASE; i < gic_irqs; i += 32)
		writel(~0U, dist_base + GICD_ICENABLER + i / 32 * 4);
	for (i = GIC_SPI_BASE; i < gic_irqs; i += 4)
		writel(GIC_IRQ_PRIORITY * 0x01010101U, dist_base + GICD_IPRIORITYR + i);
	/* every SPI to the boot CPU (gic_cpu_init has found its bit) */
	for (i = GIC_SPI_BASE; i < gic_irqs; i += 4)
		writel(gic_cpu_map[0] * 0x01010101U, dist_base + GICD_ITARGETSR + i);
	writel(1, dist_base + GICD_CTLR);
}

static const char *const gic_compatibles[] = {
	"arm,cortex-a15-gic", "arm,cortex-a7-gic", "arm,gic-400",
};

int gic_of_init(const void *blob)
{
	u64 dist, dist_size, cpu, cpu_size;
	unsigned int i;
	int node = -ENOENT;

	for (i = 0; i < ARRAY_SIZE(gic_compatibles) && node < 0; i++)
		node = fdt_find_compatible(blob, -1, gic_compatibles[i]);
	if (node < 0)
		return -ENODEV;
	if (fdt_read_reg_translated(blob, node, 0, &dist, &dist_size) ||
	    fdt_read_reg_translated(blob, node, 1, &cpu, &cpu_size)) {
		pr_err("GIC: bad reg in %s\n", fdt_get_name(blob, node));
		return -EINVAL;
	}
	dist_base = ioremap(dist, dist_size);
	cpu_base = ioremap(cpu, cpu_size);
	if (!dist_base || !cpu_base)
		return -ENOMEM;
	gic_cpu_init();
	gic_dist_init();
	set_smp_cross_call(gic_raise_softirq);
	if (irq_domain_add(node, &gic_chip, 0, min(gic_irqs, (unsigned int)NR_IRQS)))
		return -ENOSPC;
	set_root_irq_chip(&gic_chip);
	pr_info("GIC: GICv2 at 0x%08llx (cpu interface 0x%08llx), %u irqs\n",
		dist, cpu, gic_irqs);
	return 0;
}

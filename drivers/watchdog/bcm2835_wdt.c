// SPDX-License-Identifier: GPL-2.0
/*
 * The BCM2835 power manager's watchdog, the Pi's only way to restart or
 * power off (there is no PSCI): a full reset fires when the watchdog
 * counter runs out. For power off, the reset-status register first names
 * partition 63, which the Pi's firmware (and QEMU's raspi machines) takes
 * as "halt" rather than "boot again". Every write carries a password.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <asm/io.h>

#define PM_RSTC			0x1c
#define PM_RSTS			0x20
#define PM_WDOG			0x24

#define PM_PASSWORD		0x5a000000
#define PM_RSTC_WRCFG_MASK	0x00000030
#define PM_RSTC_WRCFG_FULL_RESET 0x00000020
#define PM_RSTS_PARTITION_63	0x00000555	/* bits 0, 2, ... 10 */
#define PM_WDOG_TICKS		10		/* ~150 us, at 65536 Hz */

static void __iomem *pm_base;

/* The reset comes ~150 us later; the caller halts meanwhile. */
static void bcm2835_restart(void)
{
	u32 rstc = readl(pm_base + PM_RSTC) & ~PM_RSTC_WRCFG_MASK;

	writel(PM_PASSWORD | PM_WDOG_TICKS, pm_base + PM_WDOG);
	writel(PM_PASSWORD | rstc | PM_RSTC_WRCFG_FULL_RESET, pm_base + PM_RSTC);
}

static void bcm2835_power_off(void)
{
	writel(PM_PASSWORD | readl(pm_base + PM_RSTS) | PM_RSTS_PARTITION_63,
	       pm_base + PM_RSTS);
	bcm2835_restart();
}

int bcm2835_wdt_init(const void *blob)
{
	int node = fdt_find_compatible(blob, -1, "brcm,bcm2835-pm-wdt");
	u64 base, size;

	if (node < 0)
		node = fdt_find_compatible(blob, -1, "brcm,bcm2835-pm");
	if (node < 0)
		return -ENODEV;
	if (fdt_read_reg_translated(blob, node, 0, &base, &size))
		return -EINVAL;
	pm_base = ioremap(base, size);
	if (!pm_base)
		return -ENOMEM;
	pm_power_off = bcm2835_power_off;
	pm_restart = bcm2835_restart;
	pr_info("bcm2835-wdt: power off and restart by the watchdog at 0x%08llx\n", base);
	return 0;
}

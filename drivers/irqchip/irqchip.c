// SPDX-License-Identifier: GPL-2.0
/*
 * Picks the interrupt controllers the device tree describes: each driver
 * returns -ENODEV when its compatible is absent. Exactly one root
 * controller must be found; chained ones come after their parent.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/printk.h>

int gic_of_init(const void *blob);
int bcm2836_l1_intc_of_init(const void *blob);
int bcm2835_armctrl_of_init(const void *blob);

static int (*const root_inits[])(const void *blob) = {
	gic_of_init,			/* QEMU virt */
	bcm2836_l1_intc_of_init,	/* Raspberry Pi 2 */
};

static int (*const chained_inits[])(const void *blob) = {
	bcm2835_armctrl_of_init,	/* behind the BCM2836 local controller */
};

int irqchip_init(const void *blob)
{
	int err = -ENODEV;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(root_inits) && err == -ENODEV; i++)
		err = root_inits[i](blob);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(chained_inits); i++) {
		int ret = chained_inits[i](blob);

		if (ret && ret != -ENODEV)
			pr_err("irqchip: a chained controller failed: %d\n", ret);
	}
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart and halt. PSCI does the first two when the firmware
 * has it, else a board's driver (pm_power_off, pm_restart); otherwise,
 * and for halt, the CPU sleeps with interrupts masked.
 */
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/time.h>
#include <asm/cp15.h>
#include <asm/irqflags.h>

void psci_system_off(void);
void psci_system_reset(void);

void (*pm_power_off)(void);
void (*pm_restart)(void);

void __noreturn machine_halt(void)
{
	local_irq_disable();
	for (;;)
		wfi();
}

void __noreturn machine_power_off(void)
{
	local_irq_disable();
	psci_system_off();
	if (pm_power_off) {
		pm_power_off();
		mdelay(100);	/* its reset comes a moment later */
	}
	pr_emerg("reboot: power off failed, halting\n");
	machine_halt();
}

void __noreturn machine_restart(void)
{
	local_irq_disable();
	psci_system_reset();
	if (pm_restart) {
		pm_restart();
		mdelay(100);
	}
	pr_emerg("reboot: restart failed, halting\n");
	machine_halt();
}

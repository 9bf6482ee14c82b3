// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart and halt. PSCI does the first two when the firmware
 * has it; otherwise, and for halt, the CPU sleeps with interrupts masked.
 */
#include <linux/printk.h>
#include <linux/reboot.h>
#include <asm/cp15.h>
#include <asm/irqflags.h>

void psci_system_off(void);
void psci_system_reset(void);

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
	pr_emerg("reboot: power off failed, halting\n");
	machine_halt();
}

void __noreturn machine_restart(void)
{
	local_irq_disable();
	psci_system_reset();
	pr_emerg("reboot: restart failed, halting\n");
	machine_halt();
}

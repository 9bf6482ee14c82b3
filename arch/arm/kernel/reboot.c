// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart and halt. PSCI does the first two when the firmware
 * has it, else a board's driver (pm_power_off, pm_restart); otherwise,
 * and for halt, the CPU sleeps with interrupts masked. Each first stops
 * the other CPUs.
 *
 * A run that ends with a verdict (ktest=) can also hand it to QEMU as its
 * exit status through Arm semihosting's SYS_EXIT, but only when the
 * command line says "semihosting": without QEMU's -semihosting-config
 * enable=on the call is an ordinary SVC exception into this kernel.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/smp.h>
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
	smp_send_stop();
	for (;;)
		wfi();
}

void __noreturn machine_power_off(void)
{
	local_irq_disable();
	smp_send_stop();
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
	smp_send_stop();
	psci_system_reset();
	if (pm_restart) {
		pm_restart();
		mdelay(100);
	}
	pr_emerg("reboot: restart failed, halting\n");
	machine_halt();
}

static bool semihosting;

static int __init semihosting_setup(const char *val)
{
	(void)val;
	semihosting = true;
	return 0;
}
__setup("semihosting", semihosting_setup);

#define SYS_EXIT			0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026	/* QEMU exits with 0 */
#define ADP_STOPPED_INTERNAL_ERROR	0x20024	/* QEMU exits with 1 */

void __noreturn machine_exit(bool failed)
{
	if (semihosting) {
		register unsigned long op asm("r0") = SYS_EXIT;
		register unsigned long reason asm("r1") = failed ?
			ADP_STOPPED_INTERNAL_ERROR : ADP_STOPPED_APPLICATION_EXIT;

		local_irq_disable();
		/* the A32 semihosting trap */
		asm volatile("svc #0x123456" : : "r" (op), "r" (reason) : "memory");
		pr_emerg("reboot: semihosting exit failed, powering off\n");
	}
	machine_power_off();
}

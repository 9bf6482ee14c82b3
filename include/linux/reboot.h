/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* A board's own way, where PSCI is absent (the Pi's watchdog). */
extern void (*pm_power_off)(void);
extern void (*pm_restart)(void);

void __noreturn machine_power_off(void);
void __noreturn machine_restart(void);
void __noreturn machine_halt(void);
/* Power off; with "semihosting" on the command line, QEMU exits 1 if
 * @failed, else 0. */
void __noreturn machine_exit(bool failed);

#endif

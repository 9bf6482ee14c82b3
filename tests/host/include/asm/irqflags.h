/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: a test program has no interrupts to mask. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define local_irq_enable()	do { } while (0)
#define local_irq_disable()	do { } while (0)
#define local_irq_save(flags)	((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define irqs_disabled()		0

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: one CPU. */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

static inline int raw_smp_processor_id(void)
{
	return 0;
}

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* CPU numbers: per-CPU data is indexed by these from the first day. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/smp.h>

extern unsigned int nr_cpu_ids;	/* CPUs brought up */

static inline int smp_processor_id(void)
{
	return raw_smp_processor_id();
}

#endif

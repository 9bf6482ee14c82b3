/* SPDX-License-Identifier: GPL-2.0 */
/* The running task's thread_info sits at the bottom of its 8 KiB stack. */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <asm/memory.h>

struct thread_info;

static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	__asm__("mov %0, sp" : "=r"(sp));
	return (struct thread_info *)(sp & ~(THREAD_SIZE - 1UL));
}

#endif

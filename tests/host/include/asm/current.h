/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: one task, on CPU 0 (tests/host/host_main.c). */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct thread_info;
extern struct thread_info host_thread_info;

static inline struct thread_info *current_thread_info(void)
{
	return &host_thread_info;
}

#endif

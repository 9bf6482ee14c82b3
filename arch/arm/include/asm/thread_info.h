/* SPDX-License-Identifier: GPL-2.0 */
/* Offsets into struct thread_info for the assembly entry code. */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define TI_FLAGS	0
#define TI_PREEMPT	4
#define TI_TASK		8
#define TI_CPU		12
#define TI_CPU_CONTEXT	16
#define TI_TP_VALUE	56

#endif

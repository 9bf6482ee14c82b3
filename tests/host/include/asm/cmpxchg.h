/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the atomic read-modify-writes linux/sched.h uses, from the compiler. */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/types.h>

static inline u32 __fetch_or(volatile u32 *p, u32 v)
{
	return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);
}

static inline u32 __fetch_andnot(volatile u32 *p, u32 v)
{
	return __atomic_fetch_and(p, ~v, __ATOMIC_SEQ_CST);
}

#endif

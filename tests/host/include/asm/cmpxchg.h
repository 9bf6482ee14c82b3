/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the atomic read-modify-writes linux/atomic.h and sched.h use, from the compiler. */
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

static inline u32 __fetch_add(volatile u32 *p, u32 v)
{
	return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}

static inline u32 __fetch_sub(volatile u32 *p, u32 v)
{
	return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST);
}

static inline u32 __xchg_relaxed(volatile u32 *p, u32 v)
{
	return __atomic_exchange_n(p, v, __ATOMIC_RELAXED);
}

static inline u32 __cmpxchg_relaxed(volatile u32 *p, u32 old, u32 new)
{
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
	return old;
}

#endif

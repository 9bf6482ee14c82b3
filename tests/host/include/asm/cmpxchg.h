/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the atomic read-modify-writes linux/sched.h and linux/atomic.h use, from the compiler. */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/types.h>

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
	return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

static inline u32 __cmpxchg_relaxed(volatile u32 *p, u32 old, u32 new)
{
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

static inline u32 __fetch_or(volatile u32 *p, u32 v)
{
	return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);
}

static inline u32 __fetch_andnot(volatile u32 *p, u32 v)
{
	return __atomic_fetch_and(p, ~v, __ATOMIC_SEQ_CST);
}

/* Host tests run one thread: a compare, then two stores, will do. */
static inline bool __cmpxchg_double_relaxed(volatile unsigned long *p,
					    unsigned long old1, unsigned long old2,
					    unsigned long new1, unsigned long new2)
{
	if (p[0] != old1 || p[1] != old2)
		return false;
	p[0] = new1;
	p[1] = new2;
	return true;
}

#endif

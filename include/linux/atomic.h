/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic integers, with Linux's names and ordering rules: atomic_read and
 * atomic_set are plain accesses, the operations that return nothing
 * (atomic_add, atomic_inc, atomic_or...) are atomic but order nothing,
 * and every operation that returns a value (atomic_add_return,
 * atomic_cmpxchg, atomic_dec_and_test...) is a full barrier: smp_mb()
 * before and after, so a reference count dropped to zero on one CPU is
 * seen with everything that CPU wrote before it. The atomicity itself is
 * the LDREX/STREX loops of asm/cmpxchg.h.
 *
 * atomic_long_t is atomic_t: long is 32 bits here, as on Linux/ARM.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

#define __atomic_word(v)	((volatile u32 *)&(v)->counter)

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__fetch_add(__atomic_word(v), i);
}

static inline void atomic_sub(int i, atomic_t *v)
{
	__fetch_sub(__atomic_word(v), i);
}

static inline void atomic_or(int i, atomic_t *v)
{
	__fetch_or(__atomic_word(v), i);
}

static inline void atomic_andnot(int i, atomic_t *v)
{
	__fetch_andnot(__atomic_word(v), i);
}

#define atomic_inc(v)	atomic_add(1, (v))
#define atomic_dec(v)	atomic_sub(1, (v))

static inline int atomic_fetch_add(int i, atomic_t *v)
{
	int old;

	smp_mb();
	old = __fetch_add(__atomic_word(v), i);
	smp_mb();
	return old;
}

static inline int atomic_fetch_or(int i, atomic_t *v)
{
	int old;

	smp_mb();
	old = __fetch_or(__atomic_word(v), i);
	smp_mb();
	return old;
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return atomic_fetch_add(i, v) + i;
}

#define atomic_sub_return(i, v)		atomic_add_return(-(i), (v))
#define atomic_inc_return(v)		atomic_add_return(1, (v))
#define atomic_dec_return(v)		atomic_add_return(-1, (v))
#define atomic_sub_and_test(i, v)	(atomic_sub_return((i), (v)) == 0)
#define atomic_dec_and_test(v)		(atomic_dec_return(v) == 0)
#define atomic_inc_and_test(v)		(atomic_inc_return(v) == 0)

static inline int atomic_xchg(atomic_t *v, int new)
{
	int old;

	smp_mb();
	old = __xchg_relaxed(__atomic_word(v), new);
	smp_mb();
	return old;
}

/* Stores @new if *v holds @old; returns what it held (== @old: stored). */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int seen;

	smp_mb();
	seen = __cmpxchg_relaxed(__atomic_word(v), old, new);
	smp_mb();
	return seen;
}

/* Adds @a unless *v is @u; true if it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	for (;;) {
		int seen;

		if (c == u)
			return false;
		seen = atomic_cmpxchg(v, c, c + a);
		if (seen == c)
			return true;
		c = seen;
	}
}

/* Takes a reference only on an object someone still holds one on. */
#define atomic_inc_not_zero(v)		atomic_add_unless((v), 1, 0)

/* ---- atomic_long_t: the same operations on a long ---- */

typedef atomic_t atomic_long_t;

#define ATOMIC_LONG_INIT(i)		ATOMIC_INIT(i)

static inline long atomic_long_read(const atomic_long_t *v)
{
	return atomic_read(v);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	atomic_set(v, i);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	atomic_add(i, v);
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	atomic_sub(i, v);
}

static inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return atomic_add_return(i, v);
}

static inline void atomic_long_or(long i, atomic_long_t *v)
{
	atomic_or(i, v);
}

static inline void atomic_long_andnot(long i, atomic_long_t *v)
{
	atomic_andnot(i, v);
}

static inline long atomic_long_cmpxchg(atomic_long_t *v, long old, long new)
{
	return atomic_cmpxchg(v, old, new);
}

#define atomic_long_inc(v)		atomic_long_add(1, (v))
#define atomic_long_dec(v)		atomic_long_sub(1, (v))
#define atomic_long_inc_return(v)	atomic_long_add_return(1, (v))
#define atomic_long_dec_and_test(v)	(atomic_long_add_return(-1, (v)) == 0)
#define atomic_long_inc_not_zero(v)	atomic_inc_not_zero(v)

#endif

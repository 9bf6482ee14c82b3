/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-modify-write of one 32-bit word with LDREX/STREX: the load marks
 * the word in this CPU's exclusive monitor, the store succeeds only if
 * no other CPU (and no exception return) touched it meanwhile, and each
 * loop retries until a store succeeds. None of these orders anything:
 * callers put the dmb their ordering needs around them (asm/atomic.h,
 * asm/spinlock.h). Nothing may sit between the LDREX and the STREX but
 * register arithmetic, hence one asm statement each.
 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/types.h>

/* __fetch_NAME(p, v): *p = *p INSN v, atomically; returns the old *p. */
#define __ARCH_FETCH_OP(name, insn)					\
static inline u32 __fetch_##name(volatile u32 *p, u32 v)		\
{									\
	u32 old, new, fail;						\
									\
	__asm__ __volatile__(						\
	"1:	ldrex	%[old], %[mem]\n"				\
	"	" insn "	%[new], %[old], %[v]\n"			\
	"	strex	%[fail], %[new], %[mem]\n"			\
	"	cmp	%[fail], #0\n"					\
	"	bne	1b"						\
	: [old] "=&r" (old), [new] "=&r" (new), [fail] "=&r" (fail),	\
	  [mem] "+Q" (*p)						\
	: [v] "r" (v)							\
	: "cc");							\
	return old;							\
}

__ARCH_FETCH_OP(add, "add")
__ARCH_FETCH_OP(sub, "sub")
__ARCH_FETCH_OP(or, "orr")
__ARCH_FETCH_OP(andnot, "bic")

#undef __ARCH_FETCH_OP

/* Stores @v in *p and returns what was there. */
static inline u32 __xchg_relaxed(volatile u32 *p, u32 v)
{
	u32 old, fail;

	__asm__ __volatile__(
	"1:	ldrex	%[old], %[mem]\n"
	"	strex	%[fail], %[v], %[mem]\n"
	"	cmp	%[fail], #0\n"
	"	bne	1b"
	: [old] "=&r" (old), [fail] "=&r" (fail), [mem] "+Q" (*p)
	: [v] "r" (v)
	: "cc");
	return old;
}

/*
 * Stores @new in *p if it holds @old; returns what *p held, so the
 * store happened exactly when the result equals @old. A failed STREX
 * (the reservation lost, not the comparison) reads again.
 */
static inline u32 __cmpxchg_relaxed(volatile u32 *p, u32 old, u32 new)
{
	u32 seen, fail;

	do {
		__asm__ __volatile__(
		"	ldrex	%[seen], %[mem]\n"
		"	mov	%[fail], #0\n"
		"	teq	%[seen], %[old]\n"
		"	strexeq	%[fail], %[new], %[mem]"
		: [seen] "=&r" (seen), [fail] "=&r" (fail), [mem] "+Q" (*p)
		: [old] "r" (old), [new] "r" (new)
		: "cc");
	} while (fail);
	return seen;
}

/*
 * Two adjacent words, the first 8-byte aligned, compared and exchanged
 * as one with LDREXD/STREXD (in ARM state the pair is an even register
 * and the next, which GCC gives a 64-bit operand): true if they held
 * @old1, @old2 and now hold @new1, @new2. Linux's cmpxchg_double, which
 * SLUB uses for a slab's freelist and counters (cmpxchg_double_slab).
 */
static inline bool __cmpxchg_double_relaxed(volatile unsigned long *p,
					    unsigned long old1, unsigned long old2,
					    unsigned long new1, unsigned long new2)
{
	u64 old = old1 | (u64)old2 << 32, new = new1 | (u64)new2 << 32, seen;
	u32 fail;

	do {
		__asm__ __volatile__(
		"	ldrexd	%[seen], %H[seen], %[mem]\n"
		"	mov	%[fail], #0\n"
		"	teq	%[seen], %[old]\n"
		"	teqeq	%H[seen], %H[old]\n"
		"	strexdeq	%[fail], %[new], %H[new], %[mem]"
		: [seen] "=&r" (seen), [fail] "=&r" (fail),
		  [mem] "+Q" (*(volatile u64 *)p)
		: [old] "r" (old), [new] "r" (new)
		: "cc");
	} while (fail);
	return seen == old;
}

#endif

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
 * The same for an 8-byte-aligned doubleword, with LDREXD/STREXD (ARM
 * state: the pair is an even register and the next one, which GCC gives
 * a 64-bit operand). SLUB exchanges a slab's freelist and counters with
 * it in one step (cmpxchg_double_slab).
 */
static inline u64 __cmpxchg64_relaxed(volatile u64 *p, u64 old, u64 new)
{
	u64 seen;
	u32 fail;

	do {
		__asm__ __volatile__(
		"	ldrexd	%[seen], %H[seen], %[mem]\n"
		"	mov	%[fail], #0\n"
		"	teq	%[seen], %[old]\n"
		"	teqeq	%H[seen], %H[old]\n"
		"	strexdeq	%[fail], %[new], %H[new], %[mem]"
		: [seen] "=&r" (seen), [fail] "=&r" (fail), [mem] "+Q" (*p)
		: [old] "r" (old), [new] "r" (new)
		: "cc");
	} while (fail);
	return seen;
}

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A backtrace kept for later rather than printed: the return addresses
 * of the calls that led here, from the same frame walk as an oops's
 * (arch/arm/kernel/traps.c). Lockdep remembers where each dependency
 * between two locks was first seen with it.
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

/*
 * Stores up to @size return addresses into @store, the innermost first,
 * leaving out the first @skip (the caller's own helpers). Returns how many.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skip);

#endif

/*
 * Raw Linux ARM EABI system calls (private to the libc): the number goes
 * in r7, arguments in r0-r5, "svc #0", the result or -errno comes back
 * in r0 and every other register is preserved.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/syscall.h>

#define SC_REG(r, v)	register long r __asm__(#r) = (long)(v)

static inline long __syscall0(long n)
{
	SC_REG(r7, n);
	register long r0 __asm__("r0");

	__asm__ __volatile__("svc #0" : "=r"(r0) : "r"(r7) : "memory");
	return r0;
}

static inline long __syscall1(long n, long a)
{
	SC_REG(r7, n);
	SC_REG(r0, a);

	__asm__ __volatile__("svc #0" : "+r"(r0) : "r"(r7) : "memory");
	return r0;
}

static inline long __syscall2(long n, long a, long b)
{
	SC_REG(r7, n);
	SC_REG(r0, a);
	SC_REG(r1, b);

	__asm__ __volatile__("svc #0" : "+r"(r0) : "r"(r7), "r"(r1) : "memory");
	return r0;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	SC_REG(r7, n);
	SC_REG(r0, a);
	SC_REG(r1, b);
	SC_REG(r2, c);

	__asm__ __volatile__("svc #0" : "+r"(r0)
			     : "r"(r7), "r"(r1), "r"(r2) : "memory");
	return r0;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	SC_REG(r7, n);
	SC_REG(r0, a);
	SC_REG(r1, b);
	SC_REG(r2, c);
	SC_REG(r3, d);

	__asm__ __volatile__("svc #0" : "+r"(r0)
			     : "r"(r7), "r"(r1), "r"(r2), "r"(r3) : "memory");
	return r0;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	SC_REG(r7, n);
	SC_REG(r0, a);
	SC_REG(r1, b);
	SC_REG(r2, c);
	SC_REG(r3, d);
	SC_REG(r4, e);

	__asm__ __volatile__("svc #0" : "+r"(r0)
			     : "r"(r7), "r"(r1), "r"(r2), "r"(r3), "r"(r4)
			     : "memory");
	return r0;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e,
			      long f)
{
	SC_REG(r7, n);
	SC_REG(r0, a);
	SC_REG(r1, b);
	SC_REG(r2, c);
	SC_REG(r3, d);
	SC_REG(r4, e);
	SC_REG(r5, f);

	__asm__ __volatile__("svc #0" : "+r"(r0)
			     : "r"(r7), "r"(r1), "r"(r2), "r"(r3), "r"(r4),
			       "r"(r5)
			     : "memory");
	return r0;
}

/* Sets errno and returns -1 (used by the assembly wrappers too). */
long __set_errno(long err);

/* Results in -4095..-1 are -errno: set errno, give -1. */
static inline long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL)
		return __set_errno(-r);
	return r;
}

#endif

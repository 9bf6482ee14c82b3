/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM user copies, in arch/arm/lib/uaccess.S: each user load or
 * store fixed up on a fault. They take any address, unchecked, and need
 * user memory open (software PAN, asm/domain.h): <linux/uaccess.h> checks
 * the range, then opens it with uaccess_save_and_enable() around the
 * call only.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm/domain.h>

/* These return the number of bytes not copied (0 on success). */
unsigned long __copy_from_user(void *to, const void *from, unsigned long n);
unsigned long __copy_to_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void *to, unsigned long n);
/* Copies up to @n bytes and the NUL; returns the length, or -EFAULT. */
long __strncpy_from_user(char *dst, const char *src, long n);

/*
 * Reads the word at @ptr with a plain load, user memory left as it is
 * (closed, in the kernel), as Linux's get_kernel_nofault: 0, or -EFAULT
 * when the load faults (the exception table resumes after it, so the
 * "mov" that clears the error is skipped) and @val is left untouched.
 */
#define get_kernel_nofault(val, ptr) ({					\
	int __gkn_err = -EFAULT;					\
	unsigned long __gkn_v = (unsigned long)(val);			\
									\
	__asm__ __volatile__(						\
		"1:	ldr	%1, [%2]\n"					\
		"	mov	%0, #0\n"					\
		"2:\n"							\
		"	.pushsection __ex_table, \"a\"\n"			\
		"	.long	1b, 2b\n"					\
		"	.popsection\n"					\
		: "+r"(__gkn_err), "+r"(__gkn_v) : "r"(ptr) : "memory");	\
	(val) = (__typeof__(val))__gkn_v;				\
	__gkn_err;							\
})

#endif

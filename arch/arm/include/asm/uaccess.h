/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM user copies: arch/arm/lib/uaccess.S does the bytes (each user
 * load or store fixed up on a fault), and these wrappers open user
 * memory to the kernel for the duration of the call only (software PAN,
 * asm/domain.h). They take any address, unchecked: <linux/uaccess.h>
 * checks ranges first.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm/domain.h>

unsigned long arm_copy_from_user(void *to, const void *from, unsigned long n);
unsigned long arm_copy_to_user(void *to, const void *from, unsigned long n);
unsigned long arm_clear_user(void *to, unsigned long n);
long arm_strncpy_from_user(char *dst, const char *src, long n);

/* These return the number of bytes not copied (0 on success). */
static inline unsigned long __copy_from_user(void *to, const void *from, unsigned long n)
{
	unsigned int ua = uaccess_save_and_enable();

	n = arm_copy_from_user(to, from, n);
	uaccess_restore(ua);
	return n;
}

static inline unsigned long __copy_to_user(void *to, const void *from, unsigned long n)
{
	unsigned int ua = uaccess_save_and_enable();

	n = arm_copy_to_user(to, from, n);
	uaccess_restore(ua);
	return n;
}

static inline unsigned long __clear_user(void *to, unsigned long n)
{
	unsigned int ua = uaccess_save_and_enable();

	n = arm_clear_user(to, n);
	uaccess_restore(ua);
	return n;
}

/* Copies up to @n bytes and the NUL; returns the length, or -EFAULT. */
static inline long __strncpy_from_user(char *dst, const char *src, long n)
{
	unsigned int ua = uaccess_save_and_enable();
	long ret = arm_strncpy_from_user(dst, src, n);

	uaccess_restore(ua);
	return ret;
}

#endif

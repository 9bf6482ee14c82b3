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

#endif

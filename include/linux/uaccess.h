/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Touching user memory from the kernel. Every access goes through these:
 * the address range is checked to lie below TASK_SIZE, and each load or
 * store that may fault has an exception-table entry, so a bad pointer
 * makes the call return -EFAULT (or the bytes not copied) instead of an
 * oops. A fault on a valid but absent page is handled like a user fault
 * first (the page is brought in), so copies work on fresh mappings.
 * User memory is otherwise closed to the kernel (software PAN,
 * asm/domain.h): each copy opens it around the access only.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/errno.h>
#include <linux/kasan.h>
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/uaccess.h>

static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* KASAN=1 checks the kernel side of each copy: the copies are assembly. */
static inline unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	unsigned int ua;

	kasan_check_write(to, n);
	if (!access_ok(from, n))
		return n;
	ua = uaccess_save_and_enable();
	n = __copy_from_user(to, from, n);
	uaccess_restore(ua);
	return n;
}

static inline unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	unsigned int ua;

	kasan_check_read(from, n);
	if (!access_ok(to, n))
		return n;
	ua = uaccess_save_and_enable();
	n = __copy_to_user(to, from, n);
	uaccess_restore(ua);
	return n;
}

static inline unsigned long clear_user(void *to, unsigned long n)
{
	unsigned int ua;

	if (!access_ok(to, n))
		return n;
	ua = uaccess_save_and_enable();
	n = __clear_user(to, n);
	uaccess_restore(ua);
	return n;
}

static inline long strncpy_from_user(char *dst, const char *src, long n)
{
	unsigned int ua;
	long ret;

	if (!access_ok(src, 1))
		return -EFAULT;
	kasan_check_write(dst, n);
	ua = uaccess_save_and_enable();
	ret = __strncpy_from_user(dst, src, n);
	uaccess_restore(ua);
	return ret;
}

#define get_user(x, ptr) ({						\
	__typeof__(*(ptr) + 0) __gu_v;					\
	int __gu_err = copy_from_user(&__gu_v, (ptr), sizeof(__gu_v)) ?	\
		-EFAULT : 0;						\
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_v;		\
	__gu_err;							\
})

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_v = (x);				\
	copy_to_user((ptr), &__pu_v, sizeof(__pu_v)) ? -EFAULT : 0;	\
})

#endif

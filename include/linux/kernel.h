/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <stdarg.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Each argument is evaluated once, as with Linux's min()/max(). */
#define min(a, b) ({ __typeof__(a) __x = (a); __typeof__(b) __y = (b); \
		     __x < __y ? __x : __y; })
#define max(a, b) ({ __typeof__(a) __x = (a); __typeof__(b) __y = (b); \
		     __x > __y ? __x : __y; })
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define min_t(type, a, b) min((type)(a), (type)(b))

#define ALIGN(x, a)		(((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* The last set bit, counted from 1 (0 for none), as Linux's fls(). */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

#define STR(x)		#x
#define __stringify(x)	STR(x)

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int refuse(int err, char *why, size_t whylen, const char *fmt, ...) __printf(4, 5);

#endif

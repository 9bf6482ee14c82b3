/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG_ON for invariants whose failure leaves nothing safe to do (panic
 * with file, line and backtrace); WARN_ON for those the kernel survives
 * (a report with a backtrace, then on).
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

void __noreturn __bug(const char *file, int line);
void __warn(const char *file, int line, const char *func);

#define BUG()		__bug(__FILE__, __LINE__)
#define BUG_ON(c)	do { if (unlikely(c)) BUG(); } while (0)

#define WARN_ON(c) ({							\
	int __ret = !!(c);						\
	if (unlikely(__ret))						\
		__warn(__FILE__, __LINE__, __func__);			\
	unlikely(__ret);						\
})

#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

/* Seconds to wait before a reset; 0 = stay halted, < 0 = reset at once. */
extern int panic_timeout;

void __noreturn panic(const char *fmt, ...) __printf(1, 2);
void dump_stack(void);
bool panic_in_progress(void);

#endif

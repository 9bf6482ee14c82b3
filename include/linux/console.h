/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A console is where printk's output goes (input comes through its
 * tty). Registering one replays the log buffer, so messages printed
 * before any console existed are not lost.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/compiler.h>

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int n);
	void *data;
};

void register_console(struct console *con);
/* Writes straight to the console, bypassing the log (for the shell). */
void console_write(const char *s, unsigned int n);
/* The same, formatted (at most 255 bytes). */
__printf(1, 2) void console_printf(const char *fmt, ...);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_file: where /proc-style views write their text. A view is a
 * function filling a seq_file; the shell prints the buffer, a test reads
 * it. Output past the buffer's end is dropped and marked as overflow.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct seq_file {
	char *buf;
	size_t size;
	size_t count;
	bool overflow;
};

static inline void seq_init(struct seq_file *m, char *buf, size_t size)
{
	m->buf = buf;
	m->size = size;
	m->count = 0;
	m->overflow = false;
	if (size)
		buf[0] = '\0';
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);

typedef void (*seq_show_fn)(struct seq_file *m);

#endif

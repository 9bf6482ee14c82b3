/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_file: where /proc-style views write their text. A view is a
 * function filling a seq_file. The buffer never grows under it: output
 * that does not fit sets overflow, and every later write is a no-op, so
 * a view needs no checks of its own; whoever runs the view (seq_render,
 * for /proc files and the shell alike) then runs it again into a buffer
 * twice the size, as Linux's seq_read does.
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

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->overflow;
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
/* @len bytes as they are, NULs included (cmdline, environ). */
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_pad_to(struct seq_file *m, size_t line_start, size_t column);

/* The largest text a view may produce (4 MiB): past it, -EFBIG. */
#define SEQ_MAX_SIZE	(4UL << 20)

typedef void (*seq_show_fn)(struct seq_file *m, void *arg);

/*
 * Runs @show(m, @arg) into a buffer that doubles from a page until the
 * text fits: the text, NUL-terminated, for kfree(), its length in *@len;
 * or NULL with -ENOMEM or -EFBIG in *@err.
 */
char *seq_render(seq_show_fn show, void *arg, size_t *len, int *err);

#endif

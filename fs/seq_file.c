// SPDX-License-Identifier: GPL-2.0
/*
 * Appending formatted text to a seq_file's buffer, always NUL-terminated,
 * and running a view into a buffer large enough for all of it. Once a
 * write has not fitted, the seq_file is marked overflowed and ignores
 * every later write: the text so far is a prefix that will be thrown
 * away, and a view's loops end because they never wait on the buffer.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (m->overflow)
		return;
	if (m->count + 1 >= m->size) {
		m->overflow = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
	va_end(ap);
	if (m->count + n >= m->size) {
		m->overflow = true;
		m->buf[m->count] = '\0';	/* no half-written line */
	} else {
		m->count += n;
	}
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->overflow)
		return;
	if (m->count + len >= m->size) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	m->buf[m->count] = '\0';
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

void seq_putc(struct seq_file *m, char c)
{
	seq_printf(m, "%c", c);
}

/* Spaces until the line that began at offset @line_start reaches @column. */
void seq_pad_to(struct seq_file *m, size_t line_start, size_t column)
{
	size_t len = m->count - line_start;

	if (!m->overflow && len < column)
		seq_printf(m, "%*s", (int)(column - len), "");
}

char *seq_render(seq_show_fn show, void *arg, size_t *len, int *err)
{
	size_t size;

	for (size = PAGE_SIZE; size <= SEQ_MAX_SIZE; size *= 2) {
		char *buf = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
		struct seq_file m;

		if (!buf) {
			*err = -ENOMEM;
			return NULL;
		}
		seq_init(&m, buf, size);
		show(&m, arg);
		if (!seq_has_overflowed(&m)) {
			*len = m.count;
			*err = 0;
			return buf;
		}
		kfree(buf);
	}
	*err = -EFBIG;
	return NULL;
}

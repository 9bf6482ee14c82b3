// SPDX-License-Identifier: GPL-2.0
/* Appending formatted text to a seq_file's buffer, always NUL-terminated. */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (m->count + 1 >= m->size) {
		m->overflow = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
	va_end(ap);
	if (m->count + n >= m->size) {
		m->overflow = true;
		m->count = m->size - 1;
	} else {
		m->count += n;
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

void seq_putc(struct seq_file *m, char c)
{
	seq_printf(m, "%c", c);
}

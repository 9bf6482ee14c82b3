/*
 * The printf family. One formatter writes into a sink: a caller's buffer
 * (snprintf) or a small stack buffer flushed to a file descriptor with
 * write(2) whenever it fills and at the end (printf, dprintf).
 *
 * Conversions: d i u x X o p s c %, flags - 0 + space #, width and
 * precision (numbers or *), lengths hh h l ll z j t.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sink {
	char *buf;
	size_t size;	/* capacity of buf */
	size_t pos;	/* bytes in buf (buffer sinks: may pass size) */
	int fd;		/* >= 0: flush to fd; < 0: plain buffer */
	int total;	/* characters produced */
};

static void sink_flush(struct sink *s)
{
	size_t done = 0;
	ssize_t n;

	while (done < s->pos) {
		n = write(s->fd, s->buf + done, s->pos - done);
		if (n <= 0)
			break;
		done += n;
	}
	s->pos = 0;
}

static void put(struct sink *s, char c)
{
	s->total++;
	if (s->fd >= 0) {
		if (s->pos == s->size)
			sink_flush(s);
		s->buf[s->pos++] = c;
	} else {
		if (s->pos + 1 < s->size)
			s->buf[s->pos] = c;
		s->pos++;
	}
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

#define F_LEFT	1
#define F_ZERO	2
#define F_PLUS	4
#define F_SPACE	8
#define F_ALT	16

static void put_number(struct sink *s, unsigned long long v, int neg, int base,
		       int upper, int flags, int width, int prec)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], prefix[3];
	int n = 0, np = 0, zeros;
	int zero_pad = (flags & F_ZERO) && !(flags & F_LEFT) && prec < 0;
	int is_zero = v == 0;

	if (v == 0 && prec == 0) {
		n = 0;
	} else if (v <= 0xffffffffULL) {
		unsigned long w = v;	/* 32-bit division is much cheaper */

		do {
			tmp[n++] = digits[w % base];
			w /= base;
		} while (w);
	} else {
		do {
			tmp[n++] = digits[v % base];
			v /= base;
		} while (v);
	}
	if (neg)
		prefix[np++] = '-';
	else if (flags & F_PLUS)
		prefix[np++] = '+';
	else if (flags & F_SPACE)
		prefix[np++] = ' ';
	if ((flags & F_ALT) && base == 16 && !is_zero) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	} else if ((flags & F_ALT) && base == 8 && prec <= n &&
		   (n == 0 || tmp[n - 1] != '0')) {
		prec = n + 1;		/* one leading zero */
	}
	zeros = prec > n ? prec - n : 0;
	if (zero_pad && width > np + zeros + n)
		zeros = width - np - n;
	width -= np + zeros + n;
	if (!(flags & F_LEFT))
		pad(s, ' ', width);
	for (int i = 0; i < np; i++)
		put(s, prefix[i]);
	pad(s, '0', zeros);
	while (n)
		put(s, tmp[--n]);
	if (flags & F_LEFT)
		pad(s, ' ', width);
}

static void put_string(struct sink *s, const char *str, int flags, int width,
		       int prec)
{
	int len = prec >= 0 ? (int)strnlen(str, prec) : (int)strlen(str);

	if (!(flags & F_LEFT))
		pad(s, ' ', width - len);
	for (int i = 0; i < len; i++)
		put(s, str[i]);
	if (flags & F_LEFT)
		pad(s, ' ', width - len);
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int flags = 0, width = 0, prec = -1, lng = 0, base, neg;
		unsigned long long v;
		const char *str;

		if (*fmt != '%') {
			put(s, *fmt);
			continue;
		}
		for (;; fmt++) {
			char c = fmt[1];

			if (c == '-')
				flags |= F_LEFT;
			else if (c == '0')
				flags |= F_ZERO;
			else if (c == '+')
				flags |= F_PLUS;
			else if (c == ' ')
				flags |= F_SPACE;
			else if (c == '#')
				flags |= F_ALT;
			else
				break;
		}
		fmt++;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + *fmt++ - '0';
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				if (prec < 0)
					prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + *fmt++ - '0';
			}
		}
		/* lng: -2 hh, -1 h, 0 int, 1 long, 2 long long */
		for (;; fmt++) {
			if (*fmt == 'h')
				lng--;
			else if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z' || *fmt == 't')
				lng = 1;	/* size_t, ptrdiff_t: 32 bits */
			else if (*fmt == 'j')
				lng = 2;
			else
				break;
		}
		neg = 0;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long x;

			if (lng >= 2)
				x = va_arg(ap, long long);
			else if (lng == 1)
				x = va_arg(ap, long);
			else
				x = va_arg(ap, int);
			if (lng == -1)
				x = (short)x;
			else if (lng <= -2)
				x = (signed char)x;
			neg = x < 0;
			v = neg ? 0ULL - (unsigned long long)x : (unsigned long long)x;
			put_number(s, v, neg, 10, 0, flags, width, prec);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 2)
				v = va_arg(ap, unsigned long long);
			else if (lng == 1)
				v = va_arg(ap, unsigned long);
			else
				v = va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng <= -2)
				v = (unsigned char)v;
			base = *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16;
			put_number(s, v, 0, base, *fmt == 'X', flags, width,
				   prec);
			break;
		case 'p':		/* as glibc: 0x..., or (nil) */
			v = (uintptr_t)va_arg(ap, void *);
			if (v)
				put_number(s, v, 0, 16, 0, flags | F_ALT, width,
					   prec);
			else
				put_string(s, "(nil)", flags, width, -1);
			break;
		case 'c':
			flags &= ~F_ZERO;
			if (!(flags & F_LEFT))
				pad(s, ' ', width - 1);
			put(s, (char)va_arg(ap, int));
			if (flags & F_LEFT)
				pad(s, ' ', width - 1);
			break;
		case 's':
			str = va_arg(ap, const char *);
			put_string(s, str ? str : "(null)", flags, width, prec);
			break;
		case '%':
			put(s, '%');
			break;
		case '\0':
			fmt--;		/* a lone '%' at the end */
			break;
		default:		/* unknown: print it as it was */
			put(s, '%');
			put(s, *fmt);
			break;
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .buf = buf, .size = size, .fd = -1 };

	format(&s, fmt, ap);
	if (size)
		buf[s.pos < size ? s.pos : size - 1] = '\0';
	return s.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
	va_end(ap);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[256];
	struct sink s = { .buf = buf, .size = sizeof(buf), .fd = fd };

	format(&s, fmt, ap);
	sink_flush(&s);
	return s.total;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vdprintf(STDOUT_FILENO, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(STDOUT_FILENO, fmt, ap);
	va_end(ap);
	return n;
}

static int write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n <= 0)
			return EOF;
		p += n;
		len -= n;
	}
	return 0;
}

int fputs_fd(int fd, const char *str)
{
	return write_all(fd, str, strlen(str));
}

int puts(const char *str)
{
	return dprintf(STDOUT_FILENO, "%s\n", str) < 0 ? EOF : 0;
}

int putchar(int c)
{
	char ch = c;

	return write_all(STDOUT_FILENO, &ch, 1) ? EOF : (unsigned char)c;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and friends: the kernel's formatter.
 *
 * One pass over the format. Every byte goes through a sink that stores
 * it only while there is room but counts it anyway, so the C99 return
 * value comes for free and no conversion has to care about truncation.
 * A conversion is parsed into struct fmt_spec, its argument fetched by
 * length modifier (hh h l ll z t j) and printed by one of three
 * emitters: number(), put_field() for strings and characters, and
 * pointer().
 *
 * Integers, %c and %s follow C99, which the host tests check against
 * the C library. %p follows Linux instead:
 *	%p, %px	the raw address: 2 * sizeof(void *) hex digits, no "0x"
 *	%pS	symbol+0xoffset/0xsize, from kallsyms
 *	%ps	symbol
 * falling back to the raw address when kallsyms does not know it.
 * A conversion we do not know (%n among them, on purpose) is copied to
 * the output as written and takes no argument. There is no floating
 * point in the kernel, hence no %f, %e, %g or %a.
 */
/* kernel.h first: on the host, its compiler.h must precede libc's headers */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <linux/types.h>
#include <stdarg.h>

#define F_LEFT		0x01	/* '-': pad on the right */
#define F_ZEROPAD	0x02	/* '0': pad numbers with zeros */
#define F_PLUS		0x04	/* '+': sign positive numbers */
#define F_SPACE		0x08	/* ' ': a space in place of a '+' */
#define F_SPECIAL	0x10	/* '#': 0x prefix, leading octal 0 */
#define F_SIGNED	0x20	/* %d, %i */
#define F_UPPER		0x40	/* %X */

struct fmt_spec {
	unsigned int flags;
	int width;		/* minimum field width; 0 when not given */
	int precision;		/* -1 when not given */
	unsigned int base;	/* 8, 10 or 16 */
	char qualifier;		/* as written; 'H' is hh, 'L' is ll */
};

struct sink {
	char *buf;
	size_t size;
	size_t len;		/* bytes produced so far, stored or not */
};

static void put_char(struct sink *out, char c)
{
	if (out->len < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_chars(struct sink *out, const char *s, size_t n)
{
	while (n--)
		put_char(out, *s++);
}

static void put_repeat(struct sink *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

/* Prints @n bytes of @s in the field described by @spec. */
static void put_field(struct sink *out, const char *s, size_t n,
		      const struct fmt_spec *spec)
{
	int pad = (size_t)spec->width > n ? spec->width - (int)n : 0;

	if (!(spec->flags & F_LEFT))
		put_repeat(out, ' ', pad);
	put_chars(out, s, n);
	if (spec->flags & F_LEFT)
		put_repeat(out, ' ', pad);
}

static void string(struct sink *out, const char *s,
		   const struct fmt_spec *spec)
{
	size_t max = spec->precision < 0 ? (size_t)-1 : (size_t)spec->precision;

	if (!s)
		s = "(null)";
	/* strnlen: with a precision, @s need not be NUL-terminated */
	put_field(out, s, strnlen(s, max), spec);
}

/* Writes the digits of @num into @tmp, least significant first. */
static int to_digits(char *tmp, unsigned long long num, unsigned int base,
		     bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int shift = base == 16 ? 4 : 3;
	int n = 0;

	/* Shifts for 8 and 16 spare a 32-bit CPU the 64-bit division. */
	do {
		if (base == 10) {
			tmp[n++] = digits[num % 10];
			num /= 10;
		} else {
			tmp[n++] = digits[num & (base - 1)];
			num >>= shift;
		}
	} while (num);
	return n;
}

/* Prints the magnitude @num with the sign @negative, as C99 says. */
static void number(struct sink *out, unsigned long long num, bool negative,
		   const struct fmt_spec *spec)
{
	char tmp[24];		/* 64 bits in octal take 22 digits */
	const char *prefix = "";
	int ndigits = 0, precision = spec->precision, head, zeros, pad;
	char sign = 0;
	bool zeropad;

	if (negative)
		sign = '-';
	else if ((spec->flags & F_SIGNED) && (spec->flags & F_PLUS))
		sign = '+';
	else if ((spec->flags & F_SIGNED) && (spec->flags & F_SPACE))
		sign = ' ';

	/* An explicit precision of 0 prints no digit at all for 0. */
	if (num || precision != 0)
		ndigits = to_digits(tmp, num, spec->base,
				    spec->flags & F_UPPER);

	if (spec->flags & F_SPECIAL) {
		/* %#o: make the first digit a 0, unless it already is. */
		if (spec->base == 8 && (num || !ndigits))
			precision = max(precision, ndigits + 1);
		else if (spec->base == 16 && num)
			prefix = spec->flags & F_UPPER ? "0X" : "0x";
	}

	/* A precision turns the '0' flag off, as '-' does. */
	zeropad = (spec->flags & (F_LEFT | F_ZEROPAD)) == F_ZEROPAD &&
		  spec->precision < 0;
	zeros = precision > ndigits ? precision - ndigits : 0;
	head = !!sign + (int)strlen(prefix) + ndigits;
	/* Written so as not to overflow when the precision is huge. */
	pad = zeros < spec->width - head ? spec->width - head - zeros : 0;

	if (!(spec->flags & F_LEFT) && !zeropad)
		put_repeat(out, ' ', pad);
	if (sign)
		put_char(out, sign);
	put_chars(out, prefix, strlen(prefix));
	if (zeropad)
		put_repeat(out, '0', pad);
	put_repeat(out, '0', zeros);
	while (ndigits)
		put_char(out, tmp[--ndigits]);
	if (spec->flags & F_LEFT)
		put_repeat(out, ' ', pad);
}

static unsigned long long fetch_unsigned(va_list *ap, char qualifier)
{
	switch (qualifier) {
	case 'H':
		return (unsigned char)va_arg(*ap, unsigned int);
	case 'h':
		return (unsigned short)va_arg(*ap, unsigned int);
	case 'l':
		return va_arg(*ap, unsigned long);
	case 'L':
		return va_arg(*ap, unsigned long long);
	case 'z':
		return va_arg(*ap, size_t);
	case 't':
		/* %tu reads a ptrdiff_t as the unsigned type of its width */
		return (size_t)va_arg(*ap, ptrdiff_t);
	case 'j':
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long fetch_signed(va_list *ap, char qualifier)
{
	switch (qualifier) {
	case 'H':
		return (signed char)va_arg(*ap, int);
	case 'h':
		return (short)va_arg(*ap, int);
	case 'l':
		return va_arg(*ap, long);
	case 'L':
		return va_arg(*ap, long long);
	case 'z':
		return va_arg(*ap, ssize_t);
	case 't':
		return va_arg(*ap, ptrdiff_t);
	case 'j':
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static void integer(struct sink *out, va_list *ap, const struct fmt_spec *spec)
{
	unsigned long long magnitude;
	long long v;

	if (!(spec->flags & F_SIGNED)) {
		number(out, fetch_unsigned(ap, spec->qualifier), false, spec);
		return;
	}
	v = fetch_signed(ap, spec->qualifier);
	/* 0 - v in unsigned arithmetic: -LLONG_MIN does not exist */
	magnitude = (unsigned long long)v;
	if (v < 0)
		magnitude = 0 - magnitude;
	number(out, magnitude, v < 0, spec);
}

/*
 * %p and its Linux extensions; @fmt points just after the 'p' and is
 * moved past the extension letter, if any.
 */
static const char *pointer(struct sink *out, const char *fmt, void *ptr,
			   struct fmt_spec spec)
{
	unsigned long addr = (unsigned long)ptr, size, offset;
	char sym[KSYM_SYMBOL_LEN];
	const char *name;

	if ((*fmt == 'S' || *fmt == 's') &&
	    !kallsyms_lookup(addr, &name, &size, &offset)) {
		if (*fmt == 'S') {
			snprintf(sym, sizeof(sym), "%s+0x%lx/0x%lx",
				 name, offset, size);
			name = sym;
		}
		string(out, name, &spec);
		return fmt + 1;
	}
	if (*fmt == 'S' || *fmt == 's' || *fmt == 'x')
		fmt++;

	/* All the digits, always: a precision does that, not the '0' flag. */
	spec.flags &= F_LEFT;
	spec.base = 16;
	spec.precision = 2 * sizeof(void *);
	number(out, addr, false, &spec);
	return fmt;
}

/* Reads a decimal field, saturating instead of overflowing. */
static int read_decimal(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		int d = *(*fmt)++ - '0';

		n = n > (__INT_MAX__ - d) / 10 ? __INT_MAX__ : n * 10 + d;
	}
	return n;
}

static unsigned int parse_flags(const char **fmt)
{
	unsigned int flags = 0;

	for (;; (*fmt)++) {
		switch (**fmt) {
		case '-':
			flags |= F_LEFT;
			break;
		case '0':
			flags |= F_ZEROPAD;
			break;
		case '+':
			flags |= F_PLUS;
			break;
		case ' ':
			flags |= F_SPACE;
			break;
		case '#':
			flags |= F_SPECIAL;
			break;
		default:
			return flags;
		}
	}
}

/*
 * Fills @spec from the flags, width, precision and length modifier at
 * @fmt (just after the '%'), taking '*' values from @ap; returns a
 * pointer to the conversion character.
 */
static const char *parse_spec(const char *fmt, struct fmt_spec *spec,
			      va_list *ap)
{
	spec->flags = parse_flags(&fmt);
	spec->width = 0;
	spec->precision = -1;
	spec->qualifier = 0;

	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		/* A negative '*' width is the '-' flag and a width. */
		if (w < 0) {
			spec->flags |= F_LEFT;
			w = w < -__INT_MAX__ ? __INT_MAX__ : -w;
		}
		spec->width = w;
	} else {
		spec->width = read_decimal(&fmt);
	}

	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			fmt++;
			/* A negative '*' precision is no precision. */
			spec->precision = p < 0 ? -1 : p;
		} else {
			spec->precision = read_decimal(&fmt);
		}
	}

	if (*fmt == 'h' || *fmt == 'l') {
		spec->qualifier = *fmt++;
		if (*fmt == spec->qualifier) {
			spec->qualifier = *fmt == 'h' ? 'H' : 'L';
			fmt++;
		}
	} else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j') {
		spec->qualifier = *fmt++;
	}
	return fmt;
}

/*
 * Prints the conversion whose '%' is at @start and whose conversion
 * character is at @fmt; returns where the literal text resumes.
 */
static const char *convert(struct sink *out, const char *start,
			   const char *fmt, struct fmt_spec *spec, va_list *ap)
{
	char c;

	switch (*fmt) {
	case 'd':
	case 'i':
		spec->flags |= F_SIGNED;
		spec->base = 10;
		break;
	case 'u':
		spec->base = 10;
		break;
	case 'o':
		spec->base = 8;
		break;
	case 'X':
		spec->flags |= F_UPPER;
		/* fall through */
	case 'x':
		spec->base = 16;
		break;
	case 'c':
		c = (unsigned char)va_arg(*ap, int);
		put_field(out, &c, 1, spec);
		return fmt + 1;
	case 's':
		string(out, va_arg(*ap, const char *), spec);
		return fmt + 1;
	case 'p':
		return pointer(out, fmt + 1, va_arg(*ap, void *), *spec);
	case '%':
		put_char(out, '%');
		return fmt + 1;
	case '\0':
		/* A '%' that the format ends in the middle of. */
		put_chars(out, start, fmt - start);
		return fmt;
	default:
		put_chars(out, start, fmt + 1 - start);
		return fmt + 1;
	}
	integer(out, ap, spec);
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct sink out = { .buf = buf, .size = size, .len = 0 };
	struct fmt_spec spec;
	va_list ap;

	/* A copy, so that helpers can share it through a pointer. */
	va_copy(ap, args);
	while (*fmt) {
		const char *start = fmt;

		if (*fmt != '%') {
			put_char(&out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &ap);
		fmt = convert(&out, start, fmt, &spec, &ap);
	}
	va_end(ap);

	if (size)
		buf[min(out.len, size - 1)] = '\0';
	return out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if ((size_t)n < size)
		return n;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/*
 * For a parser that refuses its input (a device tree, an ELF file, an
 * archive): the reason, formatted into @why when the caller gave room
 * for one, and @err to return.
 */
int refuse(int err, char *why, size_t whylen, const char *fmt, ...)
{
	va_list args;

	if (why && whylen) {
		va_start(args, fmt);
		vsnprintf(why, whylen, fmt, args);
		va_end(args);
	}
	return err;
}

#ifdef HOST_TEST
/*
 * Every host test links this file but has no kernel symbol table: %pS
 * then prints the raw address, unless the test brings its own
 * kallsyms_lookup(), which takes the place of this one.
 */
__weak int kallsyms_lookup(unsigned long addr, const char **name,
			   unsigned long *size, unsigned long *offset)
{
	(void)addr;
	(void)name;
	(void)size;
	(void)offset;
	return -1;
}
#endif

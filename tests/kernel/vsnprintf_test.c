// SPDX-License-Identifier: GPL-2.0
/*
 * The vsnprintf suite: lib/vsprintf.c as the kernel runs it, where long,
 * size_t and pointers are 32 bits, against literal expected strings
 * (the host tests compare it with the C library; here there is none).
 *
 * Each table entry is a format, one argument list and the output. Every
 * entry is also printed into every buffer size from 0 up, checking the
 * return value, the truncated text, its NUL and that nothing past the
 * buffer is written.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/ktest.h>
#include <linux/string.h>

#define S32_MIN		(-2147483647 - 1)
#define S32_MAX		2147483647
#define U32_MAX		4294967295U
#define S64_MAX		9223372036854775807LL
#define S64_MIN		(-S64_MAX - 1)
#define U64_MAX		18446744073709551615ULL

#define BUF_LEN		64
#define GUARD		'@'	/* fills buffers, to see what is written */

/* How a case passes its argument, as a caller of that format would. */
enum arg_kind {
	ARG_INT,	/* int, also for %u %x %o %c and hh, h */
	ARG_LONG,
	ARG_LLONG,
	ARG_SIZE,	/* size_t, for %zu %zx */
	ARG_SSIZE,
	ARG_PTRDIFF,
	ARG_INTMAX,
	ARG_STR,
	ARG_PTR,
	ARG_W_INT,	/* '*' width, then an int */
	ARG_P_INT,	/* '*' precision, then an int */
	ARG_WP_INT,	/* '*' width and precision, then an int */
	ARG_W_STR,
	ARG_P_STR,
};

struct fmt_case {
	const char *fmt;
	enum arg_kind kind;
	long long v;		/* the number or character */
	const char *s;		/* the string, for the _STR kinds */
	const void *ptr;	/* for ARG_PTR */
	int w, p;		/* the '*' values */
	const char *out;
};

#define C_ARG(f, k, val, o)	{ .fmt = f, .kind = k, .v = val, .out = o }
#define C_INT(f, val, o)		C_ARG(f, ARG_INT, val, o)
#define C_LONG(f, val, o)		C_ARG(f, ARG_LONG, val, o)
#define C_LLONG(f, val, o)	C_ARG(f, ARG_LLONG, val, o)
#define C_PTR(f, p, o) \
	{ .fmt = f, .kind = ARG_PTR, .ptr = (const void *)(p), .out = o }
#define C_STR(f, str, o) \
	{ .fmt = f, .kind = ARG_STR, .s = str, .out = o }
#define C_STARS(f, k, wv, pv, val, o) \
	{ .fmt = f, .kind = k, .w = wv, .p = pv, .v = val, .out = o }
#define C_STAR_STR(f, k, wv, pv, str, o) \
	{ .fmt = f, .kind = k, .w = wv, .p = pv, .s = str, .out = o }

static int format_case(char *buf, size_t size, const struct fmt_case *c)
{
	switch (c->kind) {
	case ARG_INT:
		return snprintf(buf, size, c->fmt, (int)c->v);
	case ARG_LONG:
		return snprintf(buf, size, c->fmt, (long)c->v);
	case ARG_LLONG:
		return snprintf(buf, size, c->fmt, c->v);
	case ARG_SIZE:
		return snprintf(buf, size, c->fmt, (size_t)c->v);
	case ARG_SSIZE:
		return snprintf(buf, size, c->fmt, (ssize_t)c->v);
	case ARG_PTRDIFF:
		return snprintf(buf, size, c->fmt, (ptrdiff_t)c->v);
	case ARG_INTMAX:
		return snprintf(buf, size, c->fmt, (intmax_t)c->v);
	case ARG_STR:
		return snprintf(buf, size, c->fmt, c->s);
	case ARG_PTR:
		return snprintf(buf, size, c->fmt, c->ptr);
	case ARG_W_INT:
		return snprintf(buf, size, c->fmt, c->w, (int)c->v);
	case ARG_P_INT:
		return snprintf(buf, size, c->fmt, c->p, (int)c->v);
	case ARG_WP_INT:
		return snprintf(buf, size, c->fmt, c->w, c->p, (int)c->v);
	case ARG_W_STR:
		return snprintf(buf, size, c->fmt, c->w, c->s);
	case ARG_P_STR:
		return snprintf(buf, size, c->fmt, c->p, c->s);
	}
	return -1;
}

/* Whether @buf holds @size bytes of @out's truncation, then guards. */
static bool truncated_ok(const char *buf, size_t size, const char *out,
			 size_t len)
{
	size_t kept = size ? min(len, size - 1) : 0;
	size_t i;

	if (size && (memcmp(buf, out, kept) || buf[kept] != '\0'))
		return false;
	for (i = size; i < BUF_LEN; i++)
		if (buf[i] != GUARD)
			return false;
	return true;
}

static void run_case(struct ktest *t, const struct fmt_case *c)
{
	size_t len = strlen(c->out), size;
	char buf[BUF_LEN];
	int ret;

	memset(buf, GUARD, sizeof(buf));
	ret = format_case(buf, sizeof(buf), c);
	if (ret != (int)len || strcmp(buf, c->out)) {
		KT_FAIL(t, "\"%s\": got \"%s\" (%d), want \"%s\" (%d)",
			c->fmt, buf, ret, c->out, (int)len);
		return;
	}
	/* The whole output, cut at every size: only the return stays. */
	for (size = 0; size <= len + 1 && size < BUF_LEN; size++) {
		memset(buf, GUARD, sizeof(buf));
		ret = format_case(buf, size, c);
		if (ret != (int)len || !truncated_ok(buf, size, c->out, len)) {
			KT_FAIL(t, "\"%s\" in %d bytes: got \"%.*s\" (%d)",
				c->fmt, (int)size, (int)size, buf, ret);
			return;
		}
	}
}

static void run_cases(struct ktest *t, const struct fmt_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_case(t, &cases[i]);
}

#define RUN_TABLE(t, table)	run_cases(t, table, ARRAY_SIZE(table))

static const struct fmt_case conversion_cases[] = {
	C_INT("%d", 0, "0"),
	C_INT("%d", 42, "42"),
	C_INT("%d", -42, "-42"),
	C_INT("%d", S32_MAX, "2147483647"),
	C_INT("%d", S32_MIN, "-2147483648"),
	C_INT("%i", -7, "-7"),
	C_INT("%i", 123456789, "123456789"),
	C_INT("%u", 0, "0"),
	C_INT("%u", -1, "4294967295"),
	C_INT("%u", S32_MIN, "2147483648"),
	C_INT("%x", 0, "0"),
	C_INT("%x", 0xdeadbeef, "deadbeef"),
	C_INT("%X", 0xdeadbeef, "DEADBEEF"),
	C_INT("%x", -1, "ffffffff"),
	C_INT("%o", 0, "0"),
	C_INT("%o", 8, "10"),
	C_INT("%o", 0777, "777"),
	C_INT("%o", -1, "37777777777"),
	C_INT("%c", 'A', "A"),
	C_INT("%c", 0x141, "A"),		/* only the low byte counts */
	C_INT("%c", 0xe9, "\xe9"),
	C_STR("%s", "hello", "hello"),
	C_STR("%s", "", ""),
	C_STR("%s", NULL, "(null)"),
	C_INT("%%", 0, "%"),
	C_INT("100%%", 0, "100%"),
	C_INT("no conversion", 0, "no conversion"),
	C_INT("a%db", 5, "a5b"),
};

static void conversions(struct ktest *t)
{
	RUN_TABLE(t, conversion_cases);
}

static const struct fmt_case flag_cases[] = {
	C_INT("%-5d|", 42, "42   |"),
	C_INT("%-5d|", -42, "-42  |"),
	C_INT("%05d", 42, "00042"),
	C_INT("%05d", -42, "-0042"),
	C_INT("%-05d|", 42, "42   |"),	/* '-' beats '0' */
	C_INT("%0-5d|", 42, "42   |"),
	C_INT("%+d", 42, "+42"),
	C_INT("%+d", -42, "-42"),
	C_INT("%+d", 0, "+0"),
	C_INT("% d", 42, " 42"),
	C_INT("% d", -42, "-42"),
	C_INT("%+ d", 42, "+42"),	/* '+' beats ' ' */
	C_INT("% +d", 42, "+42"),
	C_INT("%+05d", 42, "+0042"),
	C_INT("% 05d", 42, " 0042"),
	C_INT("%+u", 42, "42"),		/* signs are for %d and %i */
	C_INT("% x", 42, "2a"),
	C_INT("%#x", 255, "0xff"),
	C_INT("%#X", 255, "0XFF"),
	C_INT("%#x", 0, "0"),		/* no prefix on 0 */
	C_INT("%#o", 8, "010"),
	C_INT("%#o", 0, "0"),
	C_INT("%#08x", 255, "0x0000ff"),
	C_INT("%#8x|", 255, "    0xff|"),
	C_INT("%-#8x|", 255, "0xff    |"),
	C_INT("%#5o", 8, "  010"),
	C_INT("%#d", 42, "42"),		/* '#' means nothing to %d */
	C_INT("%--5d|", 1, "1    |"),
	C_INT("%00005d", 1, "00001"),
};

static void flags(struct ktest *t)
{
	RUN_TABLE(t, flag_cases);
}

static const struct fmt_case width_precision_cases[] = {
	C_INT("%5d", 42, "   42"),
	C_INT("%1d", 12345, "12345"),
	C_INT("%10u", U32_MAX, "4294967295"),
	C_INT("%12x|", 0xabc, "         abc|"),
	C_INT("%3c", 'x', "  x"),
	C_INT("%-3c|", 'x', "x  |"),
	C_INT("%.5c", 'x', "x"),		/* no precision for %c */
	C_INT("%.3d", 7, "007"),
	C_INT("%.3d", -7, "-007"),
	C_INT("%.3d", 12345, "12345"),
	C_INT("%.0d", 0, ""),		/* C99: no digits at all */
	C_INT("%.d", 0, ""),
	C_INT("%.0x", 0, ""),
	C_INT("%.0d", 3, "3"),
	C_INT("%#.0o", 0, "0"),		/* but %#o always has its 0 */
	C_INT("%#.0x", 0, ""),
	C_INT("%+.0d", 0, "+"),
	C_INT("%5.0d|", 0, "     |"),
	C_INT("%8.3d", 7, "     007"),
	C_INT("%-8.3d|", -7, "-007    |"),
	C_INT("%08.3d", 7, "     007"),	/* a precision turns '0' off */
	C_INT("%.10x", 0xff, "00000000ff"),
	C_INT("%#.4x", 255, "0x00ff"),
	C_INT("%#.3o", 8, "010"),
	C_INT("%#.4o", 8, "0010"),
	C_INT("%#10.4x|", 255, "    0x00ff|"),
	C_STR("%5s", "ab", "   ab"),
	C_STR("%-5s|", "ab", "ab   |"),
	C_STR("%1s", "abc", "abc"),
	C_STR("%.2s", "hello", "he"),
	C_STR("%.0s", "hello", ""),
	C_STR("%.10s", "hi", "hi"),
	C_STR("%6.2s|", "hello", "    he|"),
	C_STR("%-6.2s|", "hello", "he    |"),
	C_STR("%8s", NULL, "  (null)"),
};

static void width_precision(struct ktest *t)
{
	RUN_TABLE(t, width_precision_cases);
}

static const struct fmt_case star_cases[] = {
	C_STARS("%*d", ARG_W_INT, 5, 0, 42, "   42"),
	C_STARS("%*d|", ARG_W_INT, -5, 0, 42, "42   |"),	/* '-' flag */
	C_STARS("%*d", ARG_W_INT, 0, 0, 42, "42"),
	C_STARS("%.*d", ARG_P_INT, 0, 3, 7, "007"),
	C_STARS("%.*d", ARG_P_INT, 0, -1, 7, "7"),	/* as if none */
	C_STARS("%.*d", ARG_P_INT, 0, 0, 0, ""),
	C_STARS("%0.*d", ARG_P_INT, 0, -4, 7, "7"),
	C_STARS("%*.*d", ARG_WP_INT, 6, 3, -7, "  -007"),
	C_STARS("%-*.*x|", ARG_WP_INT, 6, 3, 255, "0ff   |"),
	C_STARS("%0*d", ARG_W_INT, 6, 0, -7, "-00007"),
	C_STAR_STR("%.*s", ARG_P_STR, 0, 3, "abcdef", "abc"),
	C_STAR_STR("%.*s", ARG_P_STR, 0, -1, "abcdef", "abcdef"),
	C_STAR_STR("%*s|", ARG_W_STR, -6, 0, "ab", "ab    |"),
	C_STAR_STR("%*s|", ARG_W_STR, 6, 0, "ab", "    ab|"),
};

static void star_arguments(struct ktest *t)
{
	RUN_TABLE(t, star_cases);
}

static const struct fmt_case length_cases[] = {
	C_INT("%hhd", 255, "-1"),
	C_INT("%hhd", 128, "-128"),
	C_INT("%hhd", 127, "127"),
	C_INT("%hhi", 0x17f, "127"),
	C_INT("%hhu", 256 + 7, "7"),
	C_INT("%hhu", -1, "255"),
	C_INT("%hhx", 0x1ff, "ff"),
	C_INT("%hho", -1, "377"),
	C_INT("%hd", 65535, "-1"),
	C_INT("%hd", 32768, "-32768"),
	C_INT("%hu", 65536 + 5, "5"),
	C_INT("%hx", 0x12345, "2345"),
	C_INT("%hX", -1, "FFFF"),
	/* long is 32 bits on ARM */
	C_LONG("%ld", S32_MIN, "-2147483648"),
	C_LONG("%li", S32_MAX, "2147483647"),
	C_LONG("%lu", -1, "4294967295"),
	C_LONG("%lx", -1, "ffffffff"),
	C_LONG("%lo", 8, "10"),
	C_LONG("%08lx", 0xbeef, "0000beef"),
	C_ARG("%zu", ARG_SIZE, U32_MAX, "4294967295"),
	C_ARG("%zx", ARG_SIZE, 0xabc, "abc"),
	C_ARG("%zd", ARG_SSIZE, -5, "-5"),
	C_ARG("%5zu", ARG_SIZE, 3, "    3"),
	C_ARG("%td", ARG_PTRDIFF, -3, "-3"),
	C_ARG("%tx", ARG_PTRDIFF, -1, "ffffffff"),
	C_ARG("%tu", ARG_PTRDIFF, -2, "4294967294"),
	C_ARG("%jd", ARG_INTMAX, S64_MIN, "-9223372036854775808"),
	C_ARG("%ju", ARG_INTMAX, -1, "18446744073709551615"),
	C_ARG("%jx", ARG_INTMAX, 0x100000000LL, "100000000"),
};

static void length_modifiers(struct ktest *t)
{
	RUN_TABLE(t, length_cases);
}

static const struct fmt_case wide_cases[] = {
	C_LLONG("%lld", 0, "0"),
	C_LLONG("%lld", S64_MAX, "9223372036854775807"),
	C_LLONG("%lld", S64_MIN, "-9223372036854775808"),
	C_LLONG("%lli", -1, "-1"),
	C_LLONG("%llu", (long long)U64_MAX, "18446744073709551615"),
	C_LLONG("%llu", 10000000000LL, "10000000000"),
	C_LLONG("%lld", 1000000000000000000LL, "1000000000000000000"),
	C_LLONG("%llu", 0x100000000LL, "4294967296"),
	C_LLONG("%llx", -1, "ffffffffffffffff"),
	C_LLONG("%llX", 0x123456789abcdef0LL, "123456789ABCDEF0"),
	C_LLONG("%llo", -1, "1777777777777777777777"),
	C_LLONG("%#llo", -1, "01777777777777777777777"),
	C_LLONG("%#llx", (long long)0xfedcba9876543210ULL,
		"0xfedcba9876543210"),
	C_LLONG("%020lld", -1, "-0000000000000000001"),
	C_LLONG("%+lld", 4294967296LL, "+4294967296"),
	C_LLONG("%-22lld|", S64_MIN, "-9223372036854775808  |"),
	C_LLONG("%.22llu", 1, "0000000000000000000001"),
};

static void wide_values(struct ktest *t)
{
	RUN_TABLE(t, wide_cases);
}

static const struct fmt_case pointer_cases[] = {
	C_PTR("%p", 0x1234, "00001234"),
	C_PTR("%p", 0, "00000000"),
	C_PTR("%p", 0xc0ffee00, "c0ffee00"),
	C_PTR("%px", 0xc0ffee00, "c0ffee00"),
	C_PTR("%12p|", 0x1234, "    00001234|"),
	C_PTR("%-12p|", 0x1234, "00001234    |"),
	C_PTR("%4p", 0x1234, "00001234"),
	C_PTR("%pxy", 0x1234, "00001234y"),
	C_PTR("%pq", 0x1234, "00001234q"),	/* unknown extension: text */
};

static void pointers(struct ktest *t)
{
	RUN_TABLE(t, pointer_cases);
}

static const struct fmt_case unknown_cases[] = {
	C_INT("%y|%d", 42, "%y|42"),
	C_INT("%-5y|%d", 42, "%-5y|42"),
	C_INT("%hhq|%d", 42, "%hhq|42"),
	C_INT("%lf|%d", 42, "%lf|42"),	/* no floating point */
	C_INT("%n|%d", 42, "%n|42"),	/* no %n, ever */
	C_INT("%d %", 42, "42 %"),
	C_INT("%d %-08.3l", 42, "42 %-08.3l"),
};

static void unknown_conversions(struct ktest *t)
{
	RUN_TABLE(t, unknown_cases);
}

static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void return_values(struct ktest *t)
{
	char buf[8];

	/* The measuring idiom: size 0 writes nothing, so NULL will do. */
	KT_EXPECT_EQ(t, snprintf(NULL, 0, "%d-%s", 12345, "abc"), 9);
	KT_EXPECT_EQ(t, scnprintf(NULL, 0, "%d-%s", 12345, "abc"), 0);
	KT_EXPECT_EQ(t, call_vscnprintf(NULL, 0, "%d", 1), 0);

	memset(buf, GUARD, sizeof(buf));
	KT_EXPECT_EQ(t, snprintf(buf, 4, "%s", "abcdef"), 6);
	KT_EXPECT_STREQ(t, buf, "abc");
	KT_EXPECT_EQ(t, buf[4], GUARD);
	KT_EXPECT_EQ(t, scnprintf(buf, 4, "%s", "abcdef"), 3);
	KT_EXPECT_EQ(t, call_vscnprintf(buf, 4, "%s", "abcdef"), 3);
	KT_EXPECT_EQ(t, scnprintf(buf, 8, "%s", "abc"), 3);
	KT_EXPECT_EQ(t, call_vscnprintf(buf, 8, "%s", "abc"), 3);
	KT_EXPECT_EQ(t, scnprintf(buf, 1, "%s", "abc"), 0);
	KT_EXPECT_EQ(t, buf[0], '\0');

	/* Exactly full, and one byte short of it. */
	KT_EXPECT_EQ(t, snprintf(buf, 8, "%07d", 1), 7);
	KT_EXPECT_STREQ(t, buf, "0000001");
	KT_EXPECT_EQ(t, scnprintf(buf, 8, "%07d", 1), 7);
	KT_EXPECT_EQ(t, snprintf(buf, 8, "%08d", 1), 8);
	KT_EXPECT_STREQ(t, buf, "0000000");
	KT_EXPECT_EQ(t, scnprintf(buf, 8, "%08d", 1), 7);

	/* %c of 0 is a byte of the output like any other. */
	memset(buf, GUARD, sizeof(buf));
	KT_EXPECT_EQ(t, snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	KT_EXPECT_EQ(t, memcmp(buf, "a\0b\0", 4), 0);
}

/* A lowercase hex number, read by hand, not by the code under test. */
static unsigned long hex_value(const char *s)
{
	unsigned long v = 0;

	if (!*s)
		return ~0UL;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			v = v * 16 + *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			v = v * 16 + *s - 'a' + 10;
		else
			return ~0UL;
	}
	return v;
}

/* "%pS" of @addr: @prefix ("name+0xoffset/0x"), then the symbol's size. */
static void check_symbol(struct ktest *t, const void *addr, const char *prefix)
{
	unsigned long size, offset;
	size_t len = strlen(prefix);
	const char *name;
	char buf[BUF_LEN];
	int ret;

	if (kallsyms_lookup((unsigned long)addr, &name, &size, &offset)) {
		KT_FAIL(t, "kallsyms does not know %px (%s)", addr, prefix);
		return;
	}
	ret = snprintf(buf, sizeof(buf), "%pS", addr);
	KT_EXPECT_EQ(t, ret, strlen(buf));
	if (strncmp(buf, prefix, len) || hex_value(buf + len) != size)
		KT_FAIL(t, "%%pS: got \"%s\", want \"%s%lx\"",
			buf, prefix, size);
}

/* The kernel's own functions, which kallsyms knows. */
static const struct fmt_case symbol_cases[] = {
	C_PTR("%ps", vsnprintf, "vsnprintf"),
	C_PTR("%ps", (const char *)snprintf + 4, "snprintf"),
	C_PTR("<%ps>", scnprintf, "<scnprintf>"),
	C_PTR("[%12ps]", vsnprintf, "[   vsnprintf]"),
	C_PTR("[%-12ps]", vsnprintf, "[vsnprintf   ]"),
	C_PTR("%.3ps", vsnprintf, "vsn"),
	C_PTR("%pS", NULL, "00000000"),		/* not text: raw */
	C_PTR("%ps", NULL, "00000000"),
};

static void symbols(struct ktest *t)
{
	char buf[BUF_LEN];
	int local;

	RUN_TABLE(t, symbol_cases);
	check_symbol(t, (const void *)vsnprintf, "vsnprintf+0x0/0x");
	check_symbol(t, (const char *)vsnprintf + 4, "vsnprintf+0x4/0x");
	check_symbol(t, (const char *)scnprintf + 8, "scnprintf+0x8/0x");

	/* The argument after a symbol is still the right one. */
	snprintf(buf, sizeof(buf), "%ps %d", (void *)vsnprintf, 42);
	KT_EXPECT_STREQ(t, buf, "vsnprintf 42");

	/* %px does not look up, and what is not text prints raw. */
	KT_EXPECT_EQ(t, snprintf(buf, sizeof(buf), "%px", (void *)vsnprintf),
		     8);
	KT_EXPECT_EQ(t, hex_value(buf), (unsigned long)vsnprintf);
	KT_EXPECT_EQ(t, snprintf(buf, sizeof(buf), "%ps", (void *)&local), 8);
	KT_EXPECT_EQ(t, hex_value(buf), (unsigned long)&local);
}

static const struct ktest_case vsnprintf_cases[] = {
	KTEST_CASE(conversions),
	KTEST_CASE(flags),
	KTEST_CASE(width_precision),
	KTEST_CASE(star_arguments),
	KTEST_CASE(length_modifiers),
	KTEST_CASE(wide_values),
	KTEST_CASE(pointers),
	KTEST_CASE(unknown_conversions),
	KTEST_CASE(return_values),
	KTEST_CASE(symbols),
	{}
};

static const struct ktest_suite vsnprintf_suite = {
	.name = "vsnprintf",
	.cases = vsnprintf_cases,
};
ktest_register_suite(vsnprintf_suite);

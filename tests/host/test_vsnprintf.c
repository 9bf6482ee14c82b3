// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/vsprintf.c: the kernel's formatter against the C
 * library's over generated formats (every flag set, width, precision
 * and length modifier for each integer conversion, and strings and
 * characters), truncation at every buffer size, and the Linux pointer
 * extensions against a fake symbol table.
 *
 * The build renames the kernel's functions (vsnprintf becomes
 * kernel_vsnprintf, ...) in every file, this one too: <linux/kernel.h>
 * is included under the renames to declare the kernel's, then the
 * renames are dropped so that <stdio.h> declares the C library's.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/ktest.h>
#include <linux/printk.h>

#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mismatches printed in full per case; the rest are only counted. */
#define MAX_REPORTS	8
#define OUT_LEN		256

/* A fake kernel text, for %pS and %ps. */
struct fake_sym {
	const char *name;
	unsigned long start, size;
};

#define LONG_NAME \
	"a_symbol_name_far_longer_than_KSYM_NAME_LEN_which_kallsyms_never_" \
	"gives_but_the_formatter_must_survive_anyway"

static const struct fake_sym fake_syms[] = {
	{ "start_kernel", 0x10000, 0x80 },
	{ "do_fake_work", 0x10080, 0x1c4 },
	{ LONG_NAME, 0x20000, 0x10 },
};

int kallsyms_lookup(unsigned long addr, const char **name,
		    unsigned long *size, unsigned long *offset)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fake_syms); i++) {
		const struct fake_sym *s = &fake_syms[i];

		if (addr >= s->start && addr - s->start < s->size) {
			*name = s->name;
			*size = s->size;
			*offset = addr - s->start;
			return 0;
		}
	}
	return -1;
}

/* One comparison run: the case, what the arguments were, the tally. */
struct cmp {
	struct ktest *t;
	char args[96];		/* the arguments, for the report */
	int checked, failed;
};

/* Copies @n bytes of @s into @dst, with the unprintable ones escaped. */
static const char *escape(char *dst, size_t size, const char *s, int n)
{
	size_t len = 0;
	int i;

	for (i = 0; i < n && len + 5 < size; i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			dst[len++] = c;
		else
			len += sprintf(dst + len, "\\x%02x", c);
	}
	dst[len] = '\0';
	return dst;
}

static void report(struct cmp *c, const char *fmt, const char *ours,
		   int n_ours, const char *libc, int n_libc)
{
	char e_fmt[64], e_ours[160], e_libc[160];

	if (++c->failed > MAX_REPORTS)
		return;
	KT_FAIL(c->t, "format \"%s\" args %s",
		escape(e_fmt, sizeof(e_fmt), fmt, strlen(fmt)), c->args);
	printk(KERN_INFO "        ours: \"%s\" returned %d\n",
	       escape(e_ours, sizeof(e_ours), ours, min(n_ours, OUT_LEN - 1)),
	       n_ours);
	printk(KERN_INFO "        libc: \"%s\" returned %d\n",
	       escape(e_libc, sizeof(e_libc), libc, min(n_libc, OUT_LEN - 1)),
	       n_libc);
}

/* Formats the arguments with both formatters and compares the results. */
static void __printf(2, 3) check_fmt(struct cmp *c, const char *fmt, ...)
{
	char ours[OUT_LEN], libc[OUT_LEN];
	int n_ours, n_libc;
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	n_ours = kernel_vsnprintf(ours, sizeof(ours), fmt, ap);
	n_libc = vsnprintf(libc, sizeof(libc), fmt, aq);
	va_end(aq);
	va_end(ap);

	c->checked++;
	/* memcmp, not strcmp: %c may print a NUL */
	if (n_ours != n_libc || n_ours < 0 ||
	    memcmp(ours, libc, min(n_ours, OUT_LEN - 1) + 1))
		report(c, fmt, ours, n_ours, libc, n_libc);
}

/* Ends a comparison run, with a diagnostic of how much it covered. */
static void cmp_done(struct cmp *c)
{
	if (c->failed > MAX_REPORTS)
		KT_FAIL(c->t, "%d of %d formats differ (%d shown)",
			c->failed, c->checked, MAX_REPORTS);
	printk(KERN_INFO "    # %s: %d formats and arguments compared\n",
	       c->t->name, c->checked);
}

/* Passes the '*' values the format asks for, then @val. */
#define CHECK_STARS(c, fmt, sw, sp, w, p, val) do {			\
	if ((sw) && (sp))						\
		check_fmt(c, fmt, w, p, val);				\
	else if (sw)							\
		check_fmt(c, fmt, w, val);				\
	else if (sp)							\
		check_fmt(c, fmt, p, val);				\
	else								\
		check_fmt(c, fmt, val);					\
} while (0)

/* Builds "%<flags><width><precision><length><conv>" from its parts. */
static void build_fmt(char *fmt, unsigned int flagset, const char *width,
		      const char *precision, const char *length, char conv)
{
	static const char flag_chars[] = "-0+ #";
	unsigned int i;
	char *p = fmt;

	*p++ = '%';
	for (i = 0; i < sizeof(flag_chars) - 1; i++)
		if (flagset & (1u << i))
			*p++ = flag_chars[i];
	p += sprintf(p, "%s%s%s%c", width, precision, length, conv);
}

#define NR_FLAGSETS	(1u << 5)

static const char *const int_widths[] = { "", "1", "7", "24", "*" };
static const char *const int_precisions[] = {
	"", ".", ".0", ".1", ".6", ".30", ".*",
};
static const int star_widths[] = { -12, 0, 5, 20 };
static const int star_precisions[] = { -1, 0, 3, 25 };

enum length { LEN_HH, LEN_H, LEN_NONE, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };
static const char *const lengths[] = {
	[LEN_HH] = "hh", [LEN_H] = "h", [LEN_NONE] = "", [LEN_L] = "l",
	[LEN_LL] = "ll", [LEN_Z] = "z", [LEN_T] = "t", [LEN_J] = "j",
};

/* Bit patterns, each passed as the type the length modifier names. */
static const unsigned long long int_values[] = {
	0, 1, 7, 8, 9, 10, 15, 16, 42, 100, 127, 128, 255, 256,
	32767, 32768, 65535, 65536, 999999999, INT_MAX,
	(unsigned long long)INT_MAX + 1, UINT_MAX,
	(unsigned long long)UINT_MAX + 1,
	1000000000000000000ULL, 0x123456789abcdef0ULL, LLONG_MAX,
	(unsigned long long)LLONG_MIN, ULLONG_MAX,
	-1LL, -7LL, -128LL, -129LL, -32768LL, -1000000LL,
	(unsigned long long)(long long)INT_MIN,
	(unsigned long long)((long long)INT_MIN - 1),
};

/*
 * Formats @v with @fmt, passing it as the type that @len and the
 * signedness of the conversion name, as a caller would.
 */
static void check_int(struct cmp *c, const char *fmt, enum length len,
		      bool is_signed, bool sw, bool sp, int w, int p,
		      unsigned long long v)
{
	switch (len) {
	case LEN_HH:
	case LEN_H:
	case LEN_NONE:
		if (is_signed)
			CHECK_STARS(c, fmt, sw, sp, w, p, (int)v);
		else
			CHECK_STARS(c, fmt, sw, sp, w, p, (unsigned int)v);
		break;
	case LEN_L:
		if (is_signed)
			CHECK_STARS(c, fmt, sw, sp, w, p, (long)v);
		else
			CHECK_STARS(c, fmt, sw, sp, w, p, (unsigned long)v);
		break;
	case LEN_LL:
		if (is_signed)
			CHECK_STARS(c, fmt, sw, sp, w, p, (long long)v);
		else
			CHECK_STARS(c, fmt, sw, sp, w, p, v);
		break;
	case LEN_Z:
		if (is_signed)
			CHECK_STARS(c, fmt, sw, sp, w, p, (ssize_t)v);
		else
			CHECK_STARS(c, fmt, sw, sp, w, p, (size_t)v);
		break;
	case LEN_T:
		CHECK_STARS(c, fmt, sw, sp, w, p, (ptrdiff_t)v);
		break;
	case LEN_J:
		if (is_signed)
			CHECK_STARS(c, fmt, sw, sp, w, p, (intmax_t)v);
		else
			CHECK_STARS(c, fmt, sw, sp, w, p, (uintmax_t)v);
		break;
	}
}

/* Every value through one format, for every '*' value it takes. */
static void check_int_fmt(struct cmp *c, const char *fmt, enum length len,
			  char conv, bool sw, bool sp)
{
	bool is_signed = conv == 'd' || conv == 'i';
	size_t nw = sw ? ARRAY_SIZE(star_widths) : 1;
	size_t np = sp ? ARRAY_SIZE(star_precisions) : 1;
	size_t wi, pi, vi;

	for (wi = 0; wi < nw; wi++) {
		for (pi = 0; pi < np; pi++) {
			int w = star_widths[wi], p = star_precisions[pi];

			for (vi = 0; vi < ARRAY_SIZE(int_values); vi++) {
				unsigned long long v = int_values[vi];

				snprintf(c->args, sizeof(c->args),
					 "(w=%d p=%d) 0x%llx", w, p, v);
				check_int(c, fmt, len, is_signed, sw, sp,
					  w, p, v);
			}
		}
	}
}

/* One conversion: all flag sets, widths, precisions, length modifiers. */
static void check_conversion(struct ktest *t, char conv)
{
	struct cmp c = { .t = t };
	size_t wi, pi, li;
	unsigned int flags;
	char fmt[32];

	for (flags = 0; flags < NR_FLAGSETS; flags++)
	for (wi = 0; wi < ARRAY_SIZE(int_widths); wi++)
	for (pi = 0; pi < ARRAY_SIZE(int_precisions); pi++)
	for (li = 0; li < ARRAY_SIZE(lengths); li++) {
		const char *w = int_widths[wi], *p = int_precisions[pi];

		build_fmt(fmt, flags, w, p, lengths[li], conv);
		check_int_fmt(&c, fmt, li, conv, !strcmp(w, "*"),
			      !strcmp(p, ".*"));
	}
	cmp_done(&c);
}

static void conversion_d(struct ktest *t) { check_conversion(t, 'd'); }
static void conversion_i(struct ktest *t) { check_conversion(t, 'i'); }
static void conversion_u(struct ktest *t) { check_conversion(t, 'u'); }
static void conversion_x(struct ktest *t) { check_conversion(t, 'x'); }
static void conversion_X(struct ktest *t) { check_conversion(t, 'X'); }
static void conversion_o(struct ktest *t) { check_conversion(t, 'o'); }

/* Flags repeated and in unusual orders, which the generator never makes. */
static void flag_orders(struct ktest *t)
{
	static const char *const fmts[] = {
		"%--5d|", "%005d|", "%0-5d|", "%-05d|", "%+ d|", "% +d|",
		"%++d|", "%#-#8x|", "%0#8x|", "%#08o|", "%-+08d|", "% 08d|",
		"%+08.3d|", "%012lld|", "%-#20llo|", "%0+*d|",
	};
	static const int ints[] = { 0, 5, -5, 42, INT_MIN, INT_MAX };
	struct cmp c = { .t = t };
	size_t fi, vi;

	for (fi = 0; fi < ARRAY_SIZE(fmts); fi++) {
		for (vi = 0; vi < ARRAY_SIZE(ints); vi++) {
			const char *f = fmts[fi];

			snprintf(c.args, sizeof(c.args), "%d", ints[vi]);
			if (strstr(f, "ll"))
				check_fmt(&c, f, (long long)ints[vi] * 3);
			else if (strchr(f, '*'))
				check_fmt(&c, f, 9, ints[vi]);
			else
				check_fmt(&c, f, ints[vi]);
		}
	}
	cmp_done(&c);
}

/* Conversions of every kind in one format: the arguments stay in step. */
static void mixed_arguments(struct ktest *t)
{
	struct cmp c = { .t = t };
	int i;

	for (i = -3; i <= 3; i++) {
		long long big = (long long)i * 0x123456789LL;

		snprintf(c.args, sizeof(c.args), "i=%d", i);
		check_fmt(&c, "%hhd %hd %d %ld %lld %zd %td %jd"
			  "|%s|%c|%%|%*.*u|%#llx",
			  i * 100, i * 10000, i, (long)big, big, (ssize_t)big,
			  (ptrdiff_t)i, (intmax_t)big, "str", 'A' + i + 3,
			  i * 3, i, (unsigned int)i, (unsigned long long)big);
		check_fmt(&c, "<%-*s> <%.*s> <%5c> <%-3c> <%0*x>",
			  i * 4, "left", i + 3, "precision", 'a' + i + 3,
			  'z', i + 4, (unsigned int)(i * 77));
	}
	check_fmt(&c, "no conversion at all%s", "");
	check_fmt(&c, "%s", "");
	cmp_done(&c);
}

static void strings(struct ktest *t)
{
	static const char *const flag_sets[] = { "", "-" };
	static const char *const widths[] = { "", "1", "3", "12", "*" };
	static const char *const precisions[] = {
		"", ".", ".0", ".2", ".5", ".20", ".*",
	};
	static const char *const strs[] = {
		"", "a", "hello", "hello, world!",
		"0123456789012345678901234567890123456789",
	};
	struct cmp c = { .t = t };
	size_t fi, wi, pi, si;
	char fmt[32];

	for (fi = 0; fi < ARRAY_SIZE(flag_sets); fi++)
	for (wi = 0; wi < ARRAY_SIZE(widths); wi++)
	for (pi = 0; pi < ARRAY_SIZE(precisions); pi++)
	for (si = 0; si < ARRAY_SIZE(strs); si++) {
		const char *s = strs[si];
		bool sw = !strcmp(widths[wi], "*");
		bool sp = !strcmp(precisions[pi], ".*");
		size_t nw = sw ? ARRAY_SIZE(star_widths) : 1;
		size_t np = sp ? ARRAY_SIZE(star_precisions) : 1;
		size_t a, b;

		snprintf(fmt, sizeof(fmt), "[%%%s%s%ss]", flag_sets[fi],
			 widths[wi], precisions[pi]);
		for (a = 0; a < nw; a++) {
			for (b = 0; b < np; b++) {
				int w = star_widths[a], p = star_precisions[b];

				snprintf(c.args, sizeof(c.args),
					 "(w=%d p=%d) \"%s\"", w, p, s);
				CHECK_STARS(&c, fmt, sw, sp, w, p, s);
			}
		}
	}
	cmp_done(&c);
}

/* With a precision, %s must not read past it: ASan watches this one. */
static void string_without_nul(struct ktest *t)
{
	char *s = malloc(3);
	char buf[16];

	KT_ASSERT_NOT_NULL(t, s);
	memcpy(s, "abc", 3);
	KT_EXPECT_EQ(t, kernel_snprintf(buf, sizeof(buf), "%.3s|", s), 4);
	KT_EXPECT_STREQ(t, buf, "abc|");
	KT_EXPECT_EQ(t, kernel_snprintf(buf, sizeof(buf), "%-5.2s|", s), 6);
	KT_EXPECT_STREQ(t, buf, "ab   |");
	free(s);
}

static void string_null(struct ktest *t)
{
	/* volatile: GCC rightly warns of a NULL %s it can see */
	const char *volatile null = NULL;
	char buf[32];

	KT_EXPECT_EQ(t, kernel_snprintf(buf, sizeof(buf), "%s", null), 6);
	KT_EXPECT_STREQ(t, buf, "(null)");
	KT_EXPECT_EQ(t, kernel_snprintf(buf, sizeof(buf), "[%8s]", null), 10);
	KT_EXPECT_STREQ(t, buf, "[  (null)]");
	KT_EXPECT_EQ(t, kernel_snprintf(buf, sizeof(buf), "[%-8s]", null), 10);
	KT_EXPECT_STREQ(t, buf, "[(null)  ]");
}

static void chars(struct ktest *t)
{
	static const char *const fmts[] = {
		"%c", "[%c]", "%4c|", "%-4c|", "%1c", "%.0c", "%*c|",
	};
	struct cmp c = { .t = t };
	size_t fi;
	int ch;

	for (fi = 0; fi < ARRAY_SIZE(fmts); fi++) {
		for (ch = 0; ch < 256; ch++) {
			snprintf(c.args, sizeof(c.args), "%d", ch);
			if (strchr(fmts[fi], '*')) {
				check_fmt(&c, fmts[fi], -3, ch);
				check_fmt(&c, fmts[fi], 3, ch);
			} else {
				check_fmt(&c, fmts[fi], ch);
			}
		}
	}
	/* Only the low byte of the int counts. */
	snprintf(c.args, sizeof(c.args), "0x141");
	check_fmt(&c, "%c", 0x141);
	cmp_done(&c);
}

#define PTR_DIGITS	((int)(2 * sizeof(void *)))

/* The kernel's %p is the C library's %0*lx with all the digits. */
static void check_ptr(struct ktest *t, const char *ours_fmt,
		      const char *libc_fmt, void *ptr)
{
	char ours[OUT_LEN], libc[OUT_LEN];
	int n_ours, n_libc;

	n_ours = kernel_snprintf(ours, sizeof(ours), ours_fmt, ptr);
	n_libc = snprintf(libc, sizeof(libc), libc_fmt, PTR_DIGITS,
			  (unsigned long)ptr);
	KT_EXPECT_EQ(t, n_ours, n_libc);
	if (strcmp(ours, libc))
		KT_FAIL(t, "\"%s\" of %p: ours \"%s\", \"%s\" gives \"%s\"",
			ours_fmt, ptr, ours, libc_fmt, libc);
}

static void pointer_raw(struct ktest *t)
{
	int local;
	void *ptrs[] = {
		NULL, (void *)1, (void *)0xdeadbeefUL, (void *)ULONG_MAX,
		&local, (void *)pointer_raw,
		/* in the fake symbol table, which %p must not consult */
		(void *)0x10080UL,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ptrs); i++) {
		check_ptr(t, "%p", "%0*lx", ptrs[i]);
		check_ptr(t, "%px", "%0*lx", ptrs[i]);
		check_ptr(t, "<%24p>", "<%24.*lx>", ptrs[i]);
		check_ptr(t, "<%-24p>", "<%-24.*lx>", ptrs[i]);
		check_ptr(t, "<%024p>", "<%24.*lx>", ptrs[i]);
		check_ptr(t, "<%4p>", "<%4.*lx>", ptrs[i]);
	}
}

/* Literal expectations: the kernel's format and its output. */
struct fmt_expect {
	const char *fmt;
	unsigned long addr;
	const char *out;
};

static void check_expect(struct ktest *t, const struct fmt_expect *e)
{
	char buf[OUT_LEN];
	int n = kernel_snprintf(buf, sizeof(buf), e->fmt, (void *)e->addr, 42);

	if (strcmp(buf, e->out) || n != (int)strlen(e->out))
		KT_FAIL(t, "\"%s\" of 0x%lx: got \"%s\" (%d), want \"%s\"",
			e->fmt, e->addr, buf, n, e->out);
}

static void pointer_symbol(struct ktest *t)
{
	static const struct fmt_expect cases[] = {
		{ "%pS", 0x10000, "start_kernel+0x0/0x80" },
		{ "%pS", 0x1007f, "start_kernel+0x7f/0x80" },
		{ "%pS", 0x1009c, "do_fake_work+0x1c/0x1c4" },
		{ "%ps", 0x1009c, "do_fake_work" },
		{ "%ps", 0x10000, "start_kernel" },
		{ "at %pS, %d", 0x10080, "at do_fake_work+0x0/0x1c4, 42" },
		{ "[%20ps]", 0x10000, "[        start_kernel]" },
		{ "[%-20ps]", 0x10000, "[start_kernel        ]" },
		{ "[%.5ps]", 0x10000, "[start]" },
		{ "[%30pS]", 0x10001, "[         start_kernel+0x1/0x80]" },
		{ "%psx %d", 0x10000, "start_kernelx 42" },
		{ "%pSS", 0x10000, "start_kernel+0x0/0x80S" },
		/* %px never looks the address up */
		{ "%px", 0x10000, "0000000000010000" },
		{ "%pq %d", 0x10000, "0000000000010000q 42" },
	};
	size_t i;

	KT_ASSERT_EQ(t, sizeof(void *), 8);	/* the raw ones above */
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check_expect(t, &cases[i]);
}

/* Addresses kallsyms does not know print as %p does. */
static void pointer_symbol_unknown(struct ktest *t)
{
	static const unsigned long addrs[] = {
		0, 0xffff, 0x10080 + 0x1c4, 0x20010, ULONG_MAX,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(addrs); i++) {
		check_ptr(t, "%pS", "%0*lx", (void *)addrs[i]);
		check_ptr(t, "%ps", "%0*lx", (void *)addrs[i]);
		check_ptr(t, "<%20pS>", "<%20.*lx>", (void *)addrs[i]);
	}
}

/* A name longer than KSYM_SYMBOL_LEN is cut there, not overflowed. */
static void pointer_symbol_long_name(struct ktest *t)
{
	char buf[OUT_LEN], want[OUT_LEN];
	int n;

	n = kernel_snprintf(buf, sizeof(buf), "%ps", (void *)0x20004UL);
	KT_EXPECT_EQ(t, n, (int)strlen(LONG_NAME));
	KT_EXPECT_STREQ(t, buf, LONG_NAME);

	n = kernel_snprintf(buf, sizeof(buf), "%pS", (void *)0x20004UL);
	snprintf(want, sizeof(want), "%.*s", KSYM_SYMBOL_LEN - 1,
		 LONG_NAME "+0x4/0x10");
	KT_EXPECT_EQ(t, n, KSYM_SYMBOL_LEN - 1);
	KT_EXPECT_STREQ(t, buf, want);
}

/* Conversions the formatter does not know are printed as written. */
static void unknown_conversions(struct ktest *t)
{
	/* Each is given one int, 42, which the known conversions print. */
	static const struct {
		const char *fmt, *out;
	} cases[] = {
		{ "%y|%d", "%y|42" },
		{ "%-5y|%d", "%-5y|42" },
		{ "%hhq|%d", "%hhq|42" },
		{ "%lf|%d", "%lf|42" },
		{ "%n|%d", "%n|42" },
		{ "%5%|%d", "%|42" },
		{ "%d 100%", "42 100%" },
		{ "%d %-08.3l", "42 %-08.3l" },
		{ "%d %", "42 %" },
	};
	char buf[OUT_LEN];
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		n = kernel_snprintf(buf, sizeof(buf), cases[i].fmt, 42);
		if (strcmp(buf, cases[i].out) || n != (int)strlen(cases[i].out))
			KT_FAIL(t, "\"%s\": got \"%s\" (%d), want \"%s\"",
				cases[i].fmt, buf, n, cases[i].out);
	}
}

static int kernel_scn_wrapper(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kernel_vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define TRUNC_FMT	"%s|%5d|%-8x|%c|%lld|%%|%.3s|%#o"
#define TRUNC_ARGS	"hello", -42, 0xbeefu, 'Z', LLONG_MIN, "abcdef", 8u

/*
 * Every buffer size from 0 to past the end: the same return value and
 * bytes as the C library, in a buffer of exactly that size so that
 * ASan sees any write past it; then the scn pair in the same buffer.
 */
static void truncation(struct ktest *t)
{
	char full[OUT_LEN];
	int len = snprintf(full, sizeof(full), TRUNC_FMT, TRUNC_ARGS);
	size_t size;

	for (size = 0; size <= (size_t)len + 2; size++) {
		char *ours = malloc(size ? size : 1);
		char *libc = malloc(size ? size : 1);
		int n, want_scn = size ? min(len, (int)size - 1) : 0;

		KT_ASSERT_NOT_NULL(t, ours);
		KT_ASSERT_NOT_NULL(t, libc);
		memset(ours, '@', size ? size : 1);
		memset(libc, '@', size ? size : 1);
		n = kernel_snprintf(ours, size, TRUNC_FMT, TRUNC_ARGS);
		KT_EXPECT_EQ(t, n, len);
		KT_EXPECT_EQ(t, snprintf(libc, size, TRUNC_FMT, TRUNC_ARGS),
			     len);
		if (memcmp(ours, libc, size ? size : 1))
			KT_FAIL(t, "size %zu: ours \"%.*s\", libc \"%.*s\"",
				size, (int)size, ours, (int)size, libc);

		memset(ours, '@', size ? size : 1);
		n = kernel_scnprintf(ours, size, TRUNC_FMT, TRUNC_ARGS);
		KT_EXPECT_EQ(t, n, want_scn);
		if (memcmp(ours, libc, size ? size : 1))
			KT_FAIL(t, "scnprintf size %zu: \"%.*s\"", size,
				(int)size, ours);

		memset(ours, '@', size ? size : 1);
		n = kernel_scn_wrapper(ours, size, TRUNC_FMT, TRUNC_ARGS);
		KT_EXPECT_EQ(t, n, want_scn);
		if (memcmp(ours, libc, size ? size : 1))
			KT_FAIL(t, "vscnprintf size %zu: \"%.*s\"", size,
				(int)size, ours);
		free(ours);
		free(libc);
	}
}

/* Size 0 writes nothing, so the buffer may be NULL: the measuring idiom. */
static void null_buffer(struct ktest *t)
{
	char one = '@';

	KT_EXPECT_EQ(t, kernel_snprintf(NULL, 0, "%d-%s", 12345, "abc"), 9);
	KT_EXPECT_EQ(t, kernel_snprintf(NULL, 0, "%s", ""), 0);
	KT_EXPECT_EQ(t, kernel_snprintf(NULL, 0, "%ps", (void *)0x10000UL), 12);
	KT_EXPECT_EQ(t, kernel_scnprintf(NULL, 0, "%d-%s", 12345, "abc"), 0);
	KT_EXPECT_EQ(t, kernel_scn_wrapper(NULL, 0, "%d", 1), 0);
	KT_EXPECT_EQ(t, kernel_snprintf(&one, 0, "%d", 7), 1);
	KT_EXPECT_EQ(t, one, '@');
	KT_EXPECT_EQ(t, kernel_snprintf(&one, 1, "%d", 7), 1);
	KT_EXPECT_EQ(t, one, '\0');
	one = '@';
	KT_EXPECT_EQ(t, kernel_scnprintf(&one, 1, "%d", 7), 0);
	KT_EXPECT_EQ(t, one, '\0');
}

/* Returns and NULs of fitting outputs: every byte, nothing past. */
static void exact_fit(struct ktest *t)
{
	char buf[8];

	memset(buf, '@', sizeof(buf));
	KT_EXPECT_EQ(t, kernel_snprintf(buf, 8, "%07d", 1), 7);
	KT_EXPECT_STREQ(t, buf, "0000001");
	KT_EXPECT_EQ(t, kernel_scnprintf(buf, 8, "%07d", 1), 7);
	KT_EXPECT_EQ(t, kernel_snprintf(buf, 8, "%08d", 1), 8);
	KT_EXPECT_STREQ(t, buf, "0000000");
	KT_EXPECT_EQ(t, kernel_scnprintf(buf, 8, "%08d", 1), 7);
	memset(buf, '@', sizeof(buf));
	KT_EXPECT_EQ(t, kernel_snprintf(buf, 4, "%s", ""), 0);
	KT_EXPECT_EQ(t, buf[0], '\0');
	KT_EXPECT_EQ(t, buf[1], '@');
}

static const struct ktest_case vsnprintf_host_cases[] = {
	KTEST_CASE(conversion_d),
	KTEST_CASE(conversion_i),
	KTEST_CASE(conversion_u),
	KTEST_CASE(conversion_x),
	KTEST_CASE(conversion_X),
	KTEST_CASE(conversion_o),
	KTEST_CASE(flag_orders),
	KTEST_CASE(mixed_arguments),
	KTEST_CASE(strings),
	KTEST_CASE(string_without_nul),
	KTEST_CASE(string_null),
	KTEST_CASE(chars),
	KTEST_CASE(pointer_raw),
	KTEST_CASE(pointer_symbol),
	KTEST_CASE(pointer_symbol_unknown),
	KTEST_CASE(pointer_symbol_long_name),
	KTEST_CASE(unknown_conversions),
	KTEST_CASE(truncation),
	KTEST_CASE(null_buffer),
	KTEST_CASE(exact_fit),
	{}
};

static const struct ktest_suite vsnprintf_host_suite = {
	.name = "vsnprintf_host",
	.cases = vsnprintf_host_cases,
};
ktest_register_suite(vsnprintf_host_suite);

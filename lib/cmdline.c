// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parsing, free of hardware so tests/host can run it:
 * splitting "a=1 b="x y" c" into parameters, numbers with strict
 * checking (kstrtol: the whole string must be a number that fits) and
 * sizes with K/M/G suffixes (memparse).
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#define PARAM_LEN	256

/* The value of a hex digit, or -1 for anything else (Linux's hex_to_bin). */
int hex_to_bin(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parses an unsigned number; base 0 takes 0x (hex) and 0 (octal) prefixes. */
static const char *parse_integer(const char *s, unsigned int base,
				 unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	int d;

	if (base == 0) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hex_to_bin(s[2]) >= 0) {
			base = 16;
			s += 2;
		} else if (s[0] == '0' && s[1]) {
			base = 8;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	*overflow = false;
	for (; (d = hex_to_bin(*s)) >= 0 && d < (int)base; s++) {
		if (v > (~0ULL - d) / base)
			*overflow = true;
		v = v * base + d;
	}
	*res = v;
	return s;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	const char *end;
	bool overflow;

	if (*s == '+')
		s++;
	end = parse_integer(s, base, &v, &overflow);
	if (end == s || (*end && !(*end == '\n' && !end[1])))
		return -EINVAL;
	if (overflow || v > (unsigned long)-1)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long v;
	bool neg = *s == '-';
	int err = kstrtoul(s + neg, base, &v);

	if (err)
		return err;
	if (neg ? v > (unsigned long)__LONG_MAX__ + 1 : v > (unsigned long)__LONG_MAX__)
		return -ERANGE;
	*res = neg ? (long)(0 - v) : (long)v;
	return 0;
}

unsigned long long memparse(const char *s, const char **end)
{
	unsigned long long v;
	bool overflow;
	const char *p = parse_integer(s, 0, &v, &overflow);
	unsigned int shift = 0;

	switch (*p) {
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		p++;
		break;
	default:
		break;
	}
	if (end)
		*end = p;
	return overflow || (shift && v > (~0ULL >> shift)) ? ~0ULL : v << shift;
}

/* A size for a parameter: digits, one optional K/M/G, nothing after. */
int parse_size(const char *s, unsigned long long *size)
{
	const char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	v = memparse(s, &end);
	if (*end)
		return -EINVAL;
	if (v == ~0ULL)
		return -ERANGE;
	*size = v;
	return 0;
}

/*
 * Copies the next parameter of @s into @buf, removing the quotes of
 * name="a value"; returns where the next one starts, or NULL at the end.
 */
static const char *next_arg(const char *s, char *buf, size_t len, bool *truncated)
{
	bool in_quote = false;
	size_t n = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (!*s)
		return NULL;
	*truncated = false;
	for (; *s && (in_quote || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
		if (*s == '"') {
			in_quote = !in_quote;
			continue;
		}
		if (n + 1 < len)
			buf[n++] = *s;
		else
			*truncated = true;
	}
	buf[n] = '\0';
	return s;
}

static const struct kernel_param *find_param(const char *name, size_t len,
					     const struct kernel_param *start,
					     const struct kernel_param *end)
{
	const struct kernel_param *p;

	for (p = start; p < end; p++)
		if (strlen(p->name) == len && !memcmp(p->name, name, len))
			return p;
	return NULL;
}

static void append_unknown(char *unknown, size_t unknown_len, const char *arg)
{
	size_t used = strlen(unknown);

	if (used && used + 1 < unknown_len)
		unknown[used++] = ' ';
	snprintf(unknown + used, unknown_len - used, "%s", arg);
}

static const char *error_name(int err)
{
	switch (err) {
	case -ERANGE:
		return "out of range";
	case -EINVAL:
		return "invalid value";
	default:
		return "rejected";
	}
}

int parse_args(const char *cmdline, const struct kernel_param *start,
	       const struct kernel_param *end, bool early,
	       char *unknown, size_t unknown_len)
{
	char arg[PARAM_LEN];
	const struct kernel_param *p;
	bool truncated;
	int rejected = 0;

	if (unknown && unknown_len)
		unknown[0] = '\0';
	while ((cmdline = next_arg(cmdline, arg, sizeof(arg), &truncated))) {
		char *eq = strchr(arg, '=');
		size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
		const char *val = eq ? eq + 1 : "";
		int err;

		if (!strcmp(arg, "--"))
			break;	/* the rest is for init */
		p = find_param(arg, name_len, start, end);
		if (!p) {
			if (!early && unknown)
				append_unknown(unknown, unknown_len, arg);
			continue;
		}
		if (p->early != early)
			continue;
		err = truncated ? -EINVAL : p->setup(val);
		if (err) {
			printk(KERN_ERR "params: bad value '%s' (%s), keeping the default\n",
			       arg, truncated ? "too long" : error_name(err));
			rejected++;
		}
	}
	return rejected;
}

static int init_args_full(struct init_args *ia, const char *what, const char *arg)
{
	ia->too_many = what;
	ia->too_many_at = arg;
	return -E2BIG;
}

/*
 * Each word is copied into ia->buf; the words that stay there (init's)
 * move the end of what is used, the kernel's own are written over.
 */
int init_args_split(const char *cmdline, const struct kernel_param *start,
		    const struct kernel_param *end, struct init_args *ia)
{
	bool after_dashes = false, truncated;
	size_t used = 0;

	memset(ia, 0, sizeof(*ia));
	ia->argc = 1;
	ia->envp[ia->envc++] = "HOME=/";
	ia->envp[ia->envc++] = "TERM=linux";
	while (used < sizeof(ia->buf) &&
	       (cmdline = next_arg(cmdline, ia->buf + used, sizeof(ia->buf) - used,
				   &truncated))) {
		char *arg = ia->buf + used;
		char *eq = strchr(arg, '=');
		size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct kernel_param *p;
		int i;

		if (!strcmp(arg, "--")) {
			if (after_dashes)
				break;	/* Linux stops at a second one too */
			after_dashes = true;
			continue;
		}
		if (truncated)
			return init_args_full(ia, after_dashes || !eq ? "init" : "env", arg);
		if (!after_dashes) {
			p = find_param(arg, name_len, start, end);
			if (p) {
				/* as Linux's handlers of these two do */
				if (!strcmp(p->name, "init") || !strcmp(p->name, "rdinit"))
					while (ia->argc > 1)
						ia->argv[--ia->argc] = NULL;
				continue;
			}
			if (memchr(arg, '.', name_len))
				continue;	/* a module's parameter */
		}
		if (eq && !after_dashes) {
			for (i = 0; i < ia->envc; i++)
				if (!strncmp(ia->envp[i], arg, name_len + 1))
					break;
			if (i == ia->envc && ia->envc == MAX_INIT_ENVS + 1)
				return init_args_full(ia, "env", arg);
			if (i == ia->envc)
				ia->envc++;
			ia->envp[i] = arg;
		} else {
			if (ia->argc == MAX_INIT_ARGS + 1)
				return init_args_full(ia, "init", arg);
			ia->argv[ia->argc++] = arg;
		}
		used += strlen(arg) + 1;
	}
	return 0;
}

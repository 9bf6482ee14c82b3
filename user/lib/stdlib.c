/* Number parsing and other small stdlib functions. */
#include <errno.h>
#include <stdlib.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Parses an optionally signed number; *neg tells the sign. */
static unsigned long long parse(const char *s, char **end, int base, int *neg)
{
	const char *p = s, *start;
	unsigned long long v = 0;
	int overflow = 0, d;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	*neg = 0;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	start = p;
	for (; (d = digit_value(*p)) < base; p++) {
		if (v > (~0ULL - d) / base)
			overflow = 1;
		v = v * base + d;
	}
	if (end)
		*end = (char *)(p == start ? s : p);
	if (overflow) {
		errno = ERANGE;
		return ~0ULL;
	}
	return v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg);

	return neg ? -v : v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg);

	if (v > ~0UL) {
		errno = ERANGE;
		return ~0UL;
	}
	return neg ? -(unsigned long)v : (unsigned long)v;
}

long strtol(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg);

	if (!neg && v > 0x7fffffffULL) {
		errno = ERANGE;
		return 0x7fffffffL;
	}
	if (neg && v > 0x80000000ULL) {
		errno = ERANGE;
		return -0x7fffffffL - 1;
	}
	return neg ? (long)(0UL - (unsigned long)v) : (long)v;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

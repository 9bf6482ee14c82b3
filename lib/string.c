// SPDX-License-Identifier: GPL-2.0
/*
 * The C library's string and memory functions for the kernel. The
 * compiler also calls memcpy/memset/memmove itself, for struct copies.
 * Word-at-a-time when both pointers allow it; byte loops otherwise. An
 * architecture with faster memcpy/memset (arch/arm/lib/memset.S) says so
 * with __HAVE_ARCH_MEMCPY/__HAVE_ARCH_MEMSET.
 */
#include <linux/string.h>

#ifndef __HAVE_ARCH_MEMCPY
void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((unsigned long)d | (unsigned long)s) & 3) == 0) {
		for (; n >= 16; n -= 16, d += 16, s += 16) {
			((u32 *)d)[0] = ((const u32 *)s)[0];
			((u32 *)d)[1] = ((const u32 *)s)[1];
			((u32 *)d)[2] = ((const u32 *)s)[2];
			((u32 *)d)[3] = ((const u32 *)s)[3];
		}
		for (; n >= 4; n -= 4, d += 4, s += 4)
			*(u32 *)d = *(const u32 *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}
#endif

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

#ifndef __HAVE_ARCH_MEMSET
void *memset(void *p, int c, size_t n)
{
	unsigned char *d = p;
	u32 w = (unsigned char)c * 0x01010101U;

	for (; n && ((unsigned long)d & 3); n--)
		*d++ = c;
	for (; n >= 16; n -= 16, d += 16) {
		((u32 *)d)[0] = w;
		((u32 *)d)[1] = w;
		((u32 *)d)[2] = w;
		((u32 *)d)[3] = w;
	}
	for (; n >= 4; n -= 4, d += 4)
		*(u32 *)d = w;
	while (n--)
		*d++ = c;
	return p;
}
#endif

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *p, int c, size_t n)
{
	const unsigned char *s = p;

	for (; n; n--, s++)
		if (*s == (unsigned char)c)
			return (void *)s;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n && *a && *a == *b; n--, a++, b++)
		;
	return n ? (unsigned char)*a - (unsigned char)*b : 0;
}

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *h, const char *n)
{
	size_t len = strlen(n);

	for (; *h; h++)
		if (!strncmp(h, n, len))
			return (char *)h;
	return len ? NULL : (char *)h;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

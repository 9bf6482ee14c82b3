/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C string and memory functions, implemented in lib/string.c for the
 * kernel. Host builds of pure code get the C library's, which have the
 * same prototypes, so only standard functions are declared here.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

#if defined(__KERNEL__) && !defined(HOST_TEST)
#define __HAVE_ARCH_MEMCPY	/* arch/arm/lib/memset.S */
#define __HAVE_ARCH_MEMSET
#endif

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);

/*
 * KASAN=1: memcpy and memset check their ranges (mm/kasan/shadow.c);
 * __memcpy and __memset do not. Files built without the instrumentation
 * (the allocators' internals, KASAN itself) call the unchecked ones.
 */
#if defined(__KERNEL__) && !defined(HOST_TEST)
void *__memcpy(void *dst, const void *src, size_t n);
void *__memset(void *s, int c, size_t n);
#if defined(CONFIG_KASAN) && !defined(__SANITIZE_ADDRESS__)
#define memcpy(dst, src, n)	__memcpy(dst, src, n)
#define memset(s, c, n)		__memset(s, c, n)
#endif
#endif

#endif

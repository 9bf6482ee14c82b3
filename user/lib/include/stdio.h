/*
 * Unbuffered formatted output: every printf reaches write(2) before it
 * returns, so nothing is lost when a program dies from a signal.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF	(-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

int puts(const char *s);		/* s and a newline to stdout */
int putchar(int c);
int fputs_fd(int fd, const char *s);	/* s, no newline, to fd */
void perror(const char *s);		/* "s: ENAME" to stderr */

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of the ktest framework: printk goes to stdout with its level
 * marker stripped, and main() runs the suites linked into this program,
 * all of them or those named in argv[1], printing KTAP.
 */
#include <stdarg.h>
#include <stdio.h>
#include <linux/ktest.h>
#include <linux/printk.h>

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	fputs(buf, stdout);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int main(int argc, char **argv)
{
	struct ktest_totals tot;

	setvbuf(stdout, NULL, _IOLBF, 0);
	tot = ktest_run(argc > 1 ? argv[1] : "all");
	return tot.failed ? 1 : 0;
}

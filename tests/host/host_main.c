// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of the ktest framework: printk goes to stdout with its level
 * marker stripped, and main() runs the suites linked into this program,
 * all of them or those named in argv[1], printing KTAP. Also the few
 * kernel services pure code calls: the current task, jiffies, panic,
 * BUG and WARN (which make the test fail loudly).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/bug.h>
#include <linux/ktest.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>

static struct task_struct host_task = { .pid = 0, .comm = "host" };
struct thread_info host_thread_info = { .task = &host_task, .cpu = 0 };
unsigned int nr_cpu_ids = 1;
volatile unsigned long jiffies;
int host_warnings;

void dump_stack(void)
{
	printf("    (backtrace: not available on the host)\n");
}

void __noreturn panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("Kernel panic - not syncing: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	abort();
}

void __noreturn __bug(const char *file, int line)
{
	printf("kernel BUG at %s:%d!\n", file, line);
	abort();
}

void __warn(const char *file, int line, const char *func)
{
	host_warnings++;
	printf("WARNING: at %s:%d %s\n", file, line, func);
}

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

// SPDX-License-Identifier: GPL-2.0
/*
 * The few kernel services that pure code calls, for programs built for
 * the host (the unit tests and the fuzzers): printk to stdout with its
 * level marker stripped, the current task (with no resource limits),
 * jiffies, panic, BUG and WARN (which make the program fail loudly),
 * on_each_cpu for the one CPU there is, and a preemption that never
 * switches (one task).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
/* the kernel's uapi <linux/wait.h> defines these its own way */
#undef WNOHANG
#undef WUNTRACED
#undef WSTOPPED
#undef WEXITED
#undef WCONTINUED
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

static struct task_struct host_task = { .pid = 0, .comm = "host" };
struct thread_info host_thread_info = { .task = &host_task, .cpu = 0 };
unsigned int nr_cpu_ids = 1;
volatile unsigned long jiffies;
int host_warnings;

unsigned long rlimit(unsigned int res)
{
	(void)res;
	return RLIM_INFINITY;
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	(void)wait;
	func(info);
}

void preempt_schedule(void)
{
}

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

/*
 * One task runs on the host: a sleeping lock (mmap_lock) is never found
 * taken, so nobody sleeps and nobody is woken.
 */
void schedule(void)
{
	BUG();
}

void wake_up_process(struct task_struct *p)
{
	(void)p;
	BUG();
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Micro-benchmarks: each measures the cost of one operation by timing
 * many with the clock. Under QEMU's -icount shift=0 a nanosecond is one
 * instruction, so the result is an instruction count, the same on every
 * run. bench= on the command line (or the shell's bench) runs them.
 */
#ifndef _LINUX_BENCH_H
#define _LINUX_BENCH_H

#include <linux/compiler.h>
#include <linux/types.h>

struct benchmark {
	const char *name;
	const char *unit;		/* what one operation is */
	unsigned int iterations;
	/* runs @n operations; returns nanoseconds spent, 0 if it could not */
	u64 (*run)(unsigned int n);
};

#define register_benchmark(b)						\
	static const struct benchmark *__bench_ptr_##b			\
	__used __section("benchmarks") = &(b)

/* Runs those named in @filter ("all" for every one), printing a table. */
void bench_run(const char *filter);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of the ktest framework: main() runs the suites linked into
 * this program, all of them or those named in argv[1], printing KTAP
 * (the kernel services they need are in host_kernel.c).
 */
#include <stdio.h>
#include <linux/ktest.h>

int main(int argc, char **argv)
{
	struct ktest_totals tot;

	setvbuf(stdout, NULL, _IOLBF, 0);
	tot = ktest_run(argc > 1 ? argv[1] : "all");
	return tot.failed ? 1 : 0;
}

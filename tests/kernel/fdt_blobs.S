/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device trees the "fdt" suite (fdt_test.c) parses: dtc output of
 * dts/test/, built before this file by the rule in Makefile.inc. Aligned
 * to 8 bytes as the specification asks of a blob in memory (its memory
 * reservation map holds 64-bit values).
 */
	.section .rodata
	.balign	8
	.global	__dtb_ktest_begin
	.type	__dtb_ktest_begin, %object
__dtb_ktest_begin:
	.incbin	"build/dts/test/ktest.dtb"
	.global	__dtb_ktest_end
__dtb_ktest_end:
	.size	__dtb_ktest_begin, __dtb_ktest_end - __dtb_ktest_begin

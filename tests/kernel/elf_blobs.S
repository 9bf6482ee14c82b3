/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF executable the "elf" suite (elf_test.c) parses: elf_sample.c
 * linked by the cross compiler, built before this file by the rule in
 * tests/host/Makefile.inc. Deliberately placed at an odd address, one
 * byte past a word boundary: elf_parse() must read its headers byte by
 * byte, and a word load there would fault with alignment checking on.
 */
	.section .rodata
	.balign	4
	.byte	0
	.global	__elf_sample_begin
	.type	__elf_sample_begin, %object
__elf_sample_begin:
	.incbin	"build/tests/elf/sample.elf"
	.global	__elf_sample_end
__elf_sample_end:
	.size	__elf_sample_begin, __elf_sample_end - __elf_sample_begin

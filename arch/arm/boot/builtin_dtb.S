/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device tree built into the image, for loaders that pass none (QEMU
 * -bios on raspi2b; the Pi's firmware when told not to): head.S takes it
 * when r2 holds no DTB. Empty unless BUILTIN_DTB names a blob (make
 * BOARD=rpi2 builds one with dts/rpi2.dtb). 8-byte aligned, as the boot
 * protocol wants a DTB.
 */
	.section .rodata.dtb, "a"
	.balign	8
	.globl	__dtb_builtin_start
__dtb_builtin_start:
#ifdef BUILTIN_DTB
	.incbin	BUILTIN_DTB
#endif
	.balign	8
	.globl	__dtb_builtin_end
__dtb_builtin_end:

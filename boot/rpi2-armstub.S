/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the Pi's firmware leaves at address 0 for the three cores it does
 * not start: here they sleep forever (Pagoda runs on one core). QEMU's
 * raspi2b starts every core at a -bios image's entry, and U-Boot does not
 * park them, so `make run-uboot BOARD=rpi2` and its test load U-Boot with
 * QEMU's generic loader instead: this stub at 0 for all cores, U-Boot at
 * 0x8000 and core 0's pc there, as the real firmware would.
 */
	.syntax	unified
	.arch	armv7-a
	.arm
1:	wfi
	b	1b

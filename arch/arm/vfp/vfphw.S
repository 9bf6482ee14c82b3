/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only assembly that names VFP registers: moving the d-register bank
 * between the unit and a vfp_hard_state. The kernel is built soft-float,
 * so these instructions are allowed here alone, and the caller has the
 * unit enabled (FPEXC.EN) around them.
 */
	.syntax unified
	.arm
	.fpu	neon-vfpv4

/* vfp_save_regs(u64 *fpregs, int d32): d0-d15, and d16-d31 if d32 */
	.globl	vfp_save_regs
vfp_save_regs:
	vstmia	r0!, {d0-d15}
	cmp	r1, #0
	vstmiane r0, {d16-d31}
	bx	lr

/* vfp_load_regs(const u64 *fpregs, int d32) */
	.globl	vfp_load_regs
vfp_load_regs:
	vldmia	r0!, {d0-d15}
	cmp	r1, #0
	vldmiane r0, {d16-d31}
	bx	lr

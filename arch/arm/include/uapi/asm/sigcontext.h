/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The registers a signal handler's frame saves (uc_mcontext), which a
 * handler may read and change before sigreturn puts them back.
 */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H

struct sigcontext {
	unsigned long trap_no;
	unsigned long error_code;
	unsigned long oldmask;		/* the first word of the blocked set */
	unsigned long arm_r0;
	unsigned long arm_r1;
	unsigned long arm_r2;
	unsigned long arm_r3;
	unsigned long arm_r4;
	unsigned long arm_r5;
	unsigned long arm_r6;
	unsigned long arm_r7;
	unsigned long arm_r8;
	unsigned long arm_r9;
	unsigned long arm_r10;
	unsigned long arm_fp;
	unsigned long arm_ip;
	unsigned long arm_sp;
	unsigned long arm_lr;
	unsigned long arm_pc;
	unsigned long arm_cpsr;
	unsigned long fault_address;
};

#endif

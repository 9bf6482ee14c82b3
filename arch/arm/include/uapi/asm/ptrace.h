/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ARM's processor modes and CPSR bits, and the names of the registers in
 * the 18-word frame (struct pt_regs) an exception saves: what a signal
 * handler and a debugger see of a task's state.
 */
#ifndef _UAPI_ASM_PTRACE_H
#define _UAPI_ASM_PTRACE_H

#define USR_MODE	0x00000010
#define FIQ_MODE	0x00000011
#define IRQ_MODE	0x00000012
#define SVC_MODE	0x00000013
#define MON_MODE	0x00000016
#define ABT_MODE	0x00000017
#define HYP_MODE	0x0000001a
#define UND_MODE	0x0000001b
#define SYSTEM_MODE	0x0000001f
#define MODE_MASK	0x0000001f

#define PSR_T_BIT	0x00000020	/* Thumb */
#define PSR_F_BIT	0x00000040	/* FIQs masked */
#define PSR_I_BIT	0x00000080	/* IRQs masked */
#define PSR_A_BIT	0x00000100	/* asynchronous aborts masked */
#define PSR_E_BIT	0x00000200	/* big-endian data */
#define PSR_J_BIT	0x01000000	/* Jazelle */
#define PSR_Q_BIT	0x08000000
#define PSR_V_BIT	0x10000000
#define PSR_C_BIT	0x20000000
#define PSR_Z_BIT	0x40000000
#define PSR_N_BIT	0x80000000

#ifndef __ASSEMBLY__
#ifndef __KERNEL__
struct pt_regs {
	long uregs[18];
};
#endif

#define ARM_cpsr	uregs[16]
#define ARM_pc		uregs[15]
#define ARM_lr		uregs[14]
#define ARM_sp		uregs[13]
#define ARM_ip		uregs[12]
#define ARM_fp		uregs[11]
#define ARM_r0		uregs[0]
#define ARM_ORIG_r0	uregs[17]	/* r0 as the system call was entered */
#endif

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame every exception entry saves on the SVC stack, laid
 * out as Linux's struct pt_regs on ARM (ARM_r0 .. ARM_cpsr, ARM_ORIG_r0).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define USR_MODE	0x10
#define FIQ_MODE	0x11
#define IRQ_MODE	0x12
#define SVC_MODE	0x13
#define MON_MODE	0x16
#define ABT_MODE	0x17
#define HYP_MODE	0x1a
#define UND_MODE	0x1b
#define SYSTEM_MODE	0x1f
#define MODE_MASK	0x1f

#define PSR_T_BIT	0x00000020
#define PSR_F_BIT	0x00000040
#define PSR_I_BIT	0x00000080
#define PSR_A_BIT	0x00000100
#define PSR_E_BIT	0x00000200
#define PSR_J_BIT	0x01000000
#define PSR_Q_BIT	0x08000000
#define PSR_V_BIT	0x10000000
#define PSR_C_BIT	0x20000000
#define PSR_Z_BIT	0x40000000
#define PSR_N_BIT	0x80000000

/* Offsets into struct pt_regs, for the assembly entry code. */
#define S_R0		0
#define S_R1		4
#define S_IP		48
#define S_SP		52
#define S_LR		56
#define S_PC		60
#define S_PSR		64
#define S_OLD_R0	68
#define S_FRAME_SIZE	72
/* struct svc_pt_regs: what exception entry pushes */
#define SVC_DACR	72
#define SVC_REGS_SIZE	80

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_cpsr	uregs[16]
#define ARM_pc		uregs[15]
#define ARM_lr		uregs[14]
#define ARM_sp		uregs[13]
#define ARM_ip		uregs[12]
#define ARM_fp		uregs[11]
#define ARM_r0		uregs[0]
#define ARM_ORIG_r0	uregs[17]

#define processor_mode(regs)	((regs)->ARM_cpsr & MODE_MASK)
#define user_mode(regs)		(processor_mode(regs) == USR_MODE)
#define interrupts_enabled(regs) (!((regs)->ARM_cpsr & PSR_I_BIT))
#define instruction_pointer(regs) ((regs)->ARM_pc)

/*
 * The frame an exception entry builds (Linux's name): the registers and
 * the DACR of the interrupted context, restored on a return to it;
 * padded to keep sp 8-byte aligned.
 */
struct svc_pt_regs {
	struct pt_regs regs;
	u32 dacr;
	u32 pad;
};

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "pt_regs layout");
_Static_assert(sizeof(struct svc_pt_regs) == SVC_REGS_SIZE &&
	       __builtin_offsetof(struct svc_pt_regs, dacr) == SVC_DACR, "svc_pt_regs layout");
#endif

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame every exception entry saves on the SVC stack, laid
 * out as Linux's struct pt_regs on ARM (ARM_r0 .. ARM_cpsr, ARM_ORIG_r0).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <uapi/asm/ptrace.h>

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

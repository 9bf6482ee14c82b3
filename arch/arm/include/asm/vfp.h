/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's VFP/NEON registers as kept in its thread_info while they are
 * not in the unit (arch/arm/vfp/vfpmodule.c switches them lazily).
 */
#ifndef _ASM_VFP_H
#define _ASM_VFP_H

#include <linux/types.h>

#define FPEXC_EN	(1U << 30)	/* the unit executes VFP/NEON instructions */

struct vfp_hard_state {
	u64 fpregs[32];		/* d0-d31 (d0-d15 only on a 16-register unit) */
	u32 fpexc;
	u32 fpscr;
	u32 cpu;		/* the CPU it was last loaded on; NR_CPUS: none */
};

struct thread_info;
struct pt_regs;

void vfp_init(void);
void vfp_starting_cpu(void);
bool vfp_handle_undef(struct pt_regs *regs);
void vfp_thread_switch(void);
void vfp_copy_thread(struct thread_info *child, struct thread_info *parent);
void vfp_flush_thread(struct thread_info *ti);
void vfp_release_thread(struct thread_info *ti);
/* The current task's registers written back to its thread_info, and left only there. */
void vfp_sync_hwstate(void);

/* arch/arm/vfp/vfphw.S: the register banks, with the unit enabled */
void vfp_save_regs(u64 *fpregs, int d32);
void vfp_load_regs(const u64 *fpregs, int d32);

#endif

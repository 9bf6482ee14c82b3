// SPDX-License-Identifier: GPL-2.0
/*
 * VFP/NEON for user tasks, switched lazily as Linux does. The unit is
 * left disabled (FPEXC.EN clear) at every context switch, so a task's
 * first VFP or NEON instruction after it is switched in traps as
 * undefined; vfp_handle_undef() recognises the encoding, saves the
 * registers of whoever last used the unit into that task's thread_info,
 * loads the current task's and retries the instruction with the unit on.
 * A task that does not touch VFP again costs nothing at later switches.
 *
 * Invariant: vfp_current_hw_state[cpu] names the state whose values the
 * registers of that CPU hold (or NULL), and a state is in a CPU's
 * registers only if it is named there AND its ->cpu is that CPU. The
 * pair lets a task that ran elsewhere meanwhile reload on its return,
 * which is what SMP needs; there a switch would also save an enabled
 * unit, since the owner may next run on another CPU.
 *
 * Only this file and vfphw.S touch the unit; the kernel is soft-float.
 */
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/cp15.h>
#include <asm/irqflags.h>
#include <asm/hwcap.h>
#include <asm/ptrace.h>
#include <asm/vfp.h>

/* VMRS/VMSR of the system registers, as coprocessor 10 moves */
#define __fmrx(crn) ({ u32 __v;						\
	__asm__ __volatile__("mrc p10, 7, %0, " #crn ", cr0, 0" : "=r"(__v)); \
	__v; })
#define __fmxr(crn, v)							\
	__asm__ __volatile__("mcr p10, 7, %0, " #crn ", cr0, 0" :: "r"(v) : "memory")
#define fmrx(reg)	__fmrx(reg)	/* expands FPEXC etc. before # */
#define fmxr(reg, v)	__fmxr(reg, v)
#define FPSID	cr0
#define FPSCR	cr1
#define MVFR1	cr6
#define MVFR0	cr7
#define FPEXC	cr8

#define FPSID_SW		(1U << 23)	/* software emulation only */
#define FPSID_ARCH(sid)		(((sid) >> 16) & 0x7f)
#define MVFR0_A_SIMD(m)		((m) & 0xf)	/* 1: 16 d-registers, 2: 32 */
#define MVFR1_SIMD_MASK		0x000fff00	/* SIMD load/store, integer, single */
#define MVFR1_SIMD_ALL		0x00011100
#define MVFR1_FPFMAC(m)		((m) >> 28)	/* fused multiply-accumulate: VFPv4 */
#define CPACR_CP10_CP11		(0xfU << 20)	/* full access from PL0 and PL1 */

static struct vfp_hard_state *vfp_current_hw_state[NR_CPUS];
static bool vfp_present;
static int vfp_d32;		/* the unit has d16-d31 */

static bool vfp_state_in_hw(int cpu, struct vfp_hard_state *st)
{
	return vfp_current_hw_state[cpu] == st && st->cpu == (u32)cpu;
}

/* Copies the unit's registers into @st; the unit must be enabled. */
static void vfp_save_state(struct vfp_hard_state *st, u32 fpexc)
{
	vfp_save_regs(st->fpregs, vfp_d32);
	st->fpscr = fmrx(FPSCR);
	st->fpexc = fpexc;
}

void vfp_init(void)
{
	u32 fpsid, mvfr0, mvfr1;

	write_cpacr(read_cpacr() | CPACR_CP10_CP11);
	isb();
	/* the access bits of an absent coprocessor read back as zero */
	if ((read_cpacr() & CPACR_CP10_CP11) != CPACR_CP10_CP11) {
		pr_info("VFP support: not present\n");
		return;
	}
	fpsid = fmrx(FPSID);
	if (fpsid & FPSID_SW) {
		pr_info("VFP support: software emulation only, not used\n");
		return;
	}
	fmxr(FPEXC, 0);		/* disabled: the first use traps */
	mvfr0 = fmrx(MVFR0);
	mvfr1 = fmrx(MVFR1);
	vfp_present = true;
	vfp_d32 = MVFR0_A_SIMD(mvfr0) == 2;
	elf_hwcap |= HWCAP_VFP;
	if (FPSID_ARCH(fpsid) >= 2) {
		elf_hwcap |= HWCAP_VFPv3;
		elf_hwcap |= vfp_d32 ? HWCAP_VFPD32 : HWCAP_VFPv3D16;
		if ((mvfr1 & MVFR1_SIMD_MASK) == MVFR1_SIMD_ALL)
			elf_hwcap |= HWCAP_NEON;
		if (MVFR1_FPFMAC(mvfr1) == 1)
			elf_hwcap |= HWCAP_VFPv4;
	}
	pr_info("VFP support v0.3: implementor %02x architecture %u part %02x variant %x rev %x\n",
		fpsid >> 24, FPSID_ARCH(fpsid), (fpsid >> 8) & 0xff,
		(fpsid >> 4) & 0xf, fpsid & 0xf);
}

/*
 * A secondary CPU coming up: access to the unit as on the boot CPU, and
 * the unit disabled with no owner, so the first use there traps and loads.
 */
void vfp_starting_cpu(void)
{
	if (!vfp_present)
		return;
	write_cpacr(read_cpacr() | CPACR_CP10_CP11);
	isb();
	fmxr(FPEXC, 0);
	vfp_current_hw_state[smp_processor_id()] = NULL;
}

/*
 * Whether @insn is a VFP or Advanced SIMD instruction: coprocessor 10/11
 * moves, loads/stores and data processing, and the NEON spaces. A Thumb
 * 32-bit instruction comes as (first halfword << 16) | second.
 */
static bool vfp_insn(u32 insn, bool thumb)
{
	if (thumb) {
		if ((insn & 0xef000000) == 0xef000000 ||	/* NEON data */
		    (insn & 0xff100000) == 0xf9000000)		/* NEON ld/st */
			return true;
		return (insn & 0xfe000e00) == 0xec000a00 ||	/* ldc/stc, mcrr */
		       (insn & 0xff000e00) == 0xee000a00;	/* cdp, mcr/mrc */
	}
	if ((insn & 0xfe000000) == 0xf2000000 ||		/* NEON data */
	    (insn & 0xff100000) == 0xf4000000)			/* NEON ld/st */
		return true;
	if ((insn >> 28) == 0xf)	/* the unconditional space: not VFP */
		return false;
	return (insn & 0x0e000e00) == 0x0c000a00 ||
	       (insn & 0x0f000e00) == 0x0e000a00;
}

/* The user instruction at regs->ARM_pc, false if it cannot be read. */
static bool read_user_insn(struct pt_regs *regs, u32 *insn, bool *thumb)
{
	unsigned long pc = regs->ARM_pc;
	u16 hw1, hw2;

	*thumb = regs->ARM_cpsr & PSR_T_BIT;
	if (!*thumb)
		return !get_user(*insn, (u32 *)pc);
	if (get_user(hw1, (u16 *)pc))
		return false;
	if (hw1 < 0xe800)	/* a 16-bit Thumb instruction: never VFP */
		return false;
	if (get_user(hw2, (u16 *)(pc + 2)))
		return false;
	*insn = (u32)hw1 << 16 | hw2;
	return true;
}

/*
 * From do_undefinstr for a user-mode undefined instruction (pc at it).
 * True when it was a VFP/NEON instruction and the unit is now enabled
 * with this task's registers: the instruction is retried. An instruction
 * that is undefined with the unit enabled is not for us (SIGILL).
 */
bool vfp_handle_undef(struct pt_regs *regs)
{
	struct vfp_hard_state *st = &current_thread_info()->vfpstate;
	struct vfp_hard_state *owner;
	int cpu = smp_processor_id();
	bool thumb;
	u32 insn, fpexc;

	if (!vfp_present || !read_user_insn(regs, &insn, &thumb) ||
	    !vfp_insn(insn, thumb))
		return false;
	fpexc = fmrx(FPEXC);
	if (fpexc & FPEXC_EN)
		return false;
	fmxr(FPEXC, fpexc | FPEXC_EN);
	if (!vfp_state_in_hw(cpu, st)) {
		owner = vfp_current_hw_state[cpu];
		if (owner && owner->cpu == (u32)cpu)
			vfp_save_state(owner, fpexc | FPEXC_EN);
		vfp_load_regs(st->fpregs, vfp_d32);
		fmxr(FPSCR, st->fpscr);
		st->cpu = cpu;
		vfp_current_hw_state[cpu] = st;
	}
	fmxr(FPEXC, FPEXC_EN);
	return true;
}

/*
 * Leaves the current task's registers in its thread_info alone: written
 * back if the unit held them, the unit disabled and owned by no one. A
 * signal frame copies them from there, and what sigreturn writes there
 * is what the task loads at its next VFP instruction.
 */
void vfp_sync_hwstate(void)
{
	struct vfp_hard_state *st = &current_thread_info()->vfpstate;
	unsigned long flags;
	int cpu;
	u32 fpexc;

	if (!vfp_present)
		return;
	local_irq_save(flags);
	cpu = smp_processor_id();
	if (vfp_state_in_hw(cpu, st)) {
		fpexc = fmrx(FPEXC);
		fmxr(FPEXC, fpexc | FPEXC_EN);
		vfp_save_state(st, fpexc | FPEXC_EN);
		fmxr(FPEXC, fpexc & ~FPEXC_EN);
		vfp_current_hw_state[cpu] = NULL;
	}
	local_irq_restore(flags);
}

/*
 * At every switch: the next user of the unit traps, whoever it is. With
 * several CPUs, registers the task used in this slice are written back
 * first, as its next slice may be on another CPU that loads them from
 * its thread_info (the unit is enabled only once its owner used it).
 */
void vfp_thread_switch(void)
{
	struct vfp_hard_state *owner;
	int cpu = smp_processor_id();
	u32 fpexc;

	if (!vfp_present)
		return;
	fpexc = fmrx(FPEXC);
	if (!(fpexc & FPEXC_EN))
		return;
	owner = vfp_current_hw_state[cpu];
	if (nr_cpu_ids > 1 && owner && owner->cpu == (u32)cpu)
		vfp_save_state(owner, fpexc);
	fmxr(FPEXC, fpexc & ~FPEXC_EN);
}

/*
 * A fork's child starts with the parent's registers: whatever the unit
 * holds for the parent is written back first, and the unit stays the
 * parent's. The child's copy is in no CPU's registers.
 */
void vfp_copy_thread(struct thread_info *child, struct thread_info *parent)
{
	struct vfp_hard_state *st = &parent->vfpstate;
	int cpu = smp_processor_id();
	u32 fpexc;

	if (vfp_present && vfp_state_in_hw(cpu, st)) {
		fpexc = fmrx(FPEXC);
		fmxr(FPEXC, fpexc | FPEXC_EN);
		vfp_save_state(st, fpexc | FPEXC_EN);
		fmxr(FPEXC, fpexc);
	}
	child->vfpstate = *st;
	child->vfpstate.cpu = NR_CPUS;
}

/* exec: zeroed registers, round-to-nearest, and nothing left in the unit. */
void vfp_flush_thread(struct thread_info *ti)
{
	struct vfp_hard_state *st = &ti->vfpstate;
	int cpu = smp_processor_id();

	if (vfp_present && vfp_current_hw_state[cpu] == st) {
		fmxr(FPEXC, fmrx(FPEXC) & ~FPEXC_EN);
		vfp_current_hw_state[cpu] = NULL;
	}
	memset(st, 0, sizeof(*st));
	st->fpexc = FPEXC_EN;
	st->cpu = NR_CPUS;
}

/* The thread_info is being freed: no CPU may save into it any more. */
void vfp_release_thread(struct thread_info *ti)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (vfp_current_hw_state[cpu] == &ti->vfpstate)
			vfp_current_hw_state[cpu] = NULL;
}

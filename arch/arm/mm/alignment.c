// SPDX-License-Identifier: GPL-2.0
/*
 * The alignment trap. With SCTLR.A clear (as Linux leaves it on ARMv7)
 * the CPU does unaligned LDR/STR/LDRH/STRH itself, but LDRD/STRD and
 * LDM/STM to an address that is not word aligned still raise an
 * alignment fault. As Linux's alignment trap does, the kernel then
 * performs the access for the code that faulted: it decodes the ARM
 * instruction, moves the bytes through the uaccess copies (so a bad
 * address faults as any access would: SIGSEGV for a program), writes the
 * base register back and steps over the instruction. What it does not
 * decode (LDREX, VLDR, Thumb code...) is counted as skipped and left to
 * the caller: SIGBUS. /proc/cpu/alignment shows the counts.
 *
 * Invariant: registers change only after every load of the instruction
 * has succeeded, so a fault leaves the faulting state as it was.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/uaccess.h>
#include <asm/fault.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

static unsigned long ai_user, ai_sys, ai_skipped, ai_dword, ai_multi;
static unsigned long ai_sys_last_pc;

/* Instruction fields (ARM ARM names). */
#define INSN_P(i)	((i) & (1 << 24))	/* index before the access */
#define INSN_U(i)	((i) & (1 << 23))	/* add the offset */
#define INSN_W(i)	((i) & (1 << 21))	/* write the base back */
#define INSN_L(i)	((i) & (1 << 20))	/* load */
#define INSN_RN(i)	(((i) >> 16) & 15)
#define INSN_RT(i)	(((i) >> 12) & 15)
#define INSN_RM(i)	((i) & 15)

/* LDRD/STRD: cond 000P UIW0 Rn Rt xxxx 11S1 xxxx. */
#define IS_LDRD_STRD(i)	(((i) & 0x0e1000d0) == 0x000000d0)
/* LDM/STM: cond 100P USWL Rn register-list. */
#define IS_LDM_STM(i)	(((i) & 0x0e000000) == 0x08000000)
#define LDM_STM_S	(1 << 22)	/* user bank or exception return */

#define ARM_PC		15

/* What a decoder made of the instruction. */
enum align_result { ALIGN_DONE, ALIGN_FAULT, ALIGN_SKIP };

/*
 * Moves @len bytes between @kbuf and @addr: through the checked user
 * copies for a program, the unchecked ones (still fixed up on a fault)
 * for the kernel. False on a fault.
 */
static bool align_copy(struct pt_regs *regs, unsigned long addr, void *kbuf,
		       size_t len, bool store)
{
	void *p = (void *)addr;

	if (user_mode(regs))
		return !(store ? copy_to_user(p, kbuf, len) : copy_from_user(kbuf, p, len));
	return !(store ? __copy_to_user(p, kbuf, len) : __copy_from_user(kbuf, p, len));
}

/* A register as the instruction reads it: the pc is 8 bytes ahead. */
static unsigned long reg_value(struct pt_regs *regs, unsigned int r)
{
	return r == ARM_PC ? regs->ARM_pc + 8 : regs->uregs[r];
}

static enum align_result do_ldrd_strd(struct pt_regs *regs, u32 insn)
{
	unsigned int rt = INSN_RT(insn), rn = INSN_RN(insn);
	unsigned long base = reg_value(regs, rn), offset, addr, wb;
	u32 val[2];

	if (rt & 1 || rt == 14)
		return ALIGN_SKIP;	/* UNPREDICTABLE register pairs */
	ai_dword++;
	offset = insn & (1 << 22) ? (insn >> 4 & 0xf0) | (insn & 0xf) :
				    regs->uregs[INSN_RM(insn)];
	wb = INSN_U(insn) ? base + offset : base - offset;
	addr = INSN_P(insn) ? wb : base;
	if (insn & (1 << 5)) {		/* STRD */
		val[0] = reg_value(regs, rt);
		val[1] = reg_value(regs, rt + 1);
		if (!align_copy(regs, addr, val, sizeof(val), true))
			return ALIGN_FAULT;
	} else {
		if (!align_copy(regs, addr, val, sizeof(val), false))
			return ALIGN_FAULT;
		regs->uregs[rt] = val[0];
		regs->uregs[rt + 1] = val[1];
	}
	if (!INSN_P(insn) || INSN_W(insn))
		regs->uregs[rn] = wb;
	return ALIGN_DONE;
}

/*
 * LDM/STM: the lowest-numbered register at the lowest address, the
 * block below the base for the decrementing forms. A loaded pc is a
 * branch that may switch to Thumb (bit 0), as LDM does on ARMv7.
 */
static enum align_result do_ldm_stm(struct pt_regs *regs, u32 insn, bool *pc_loaded)
{
	unsigned int rn = INSN_RN(insn), list = insn & 0xffff;
	unsigned int n = __builtin_popcount(list), r, k = 0;
	unsigned long base = regs->uregs[rn], addr, wb;
	u32 val[16];

	if (!list || insn & LDM_STM_S || rn == ARM_PC)
		return ALIGN_SKIP;	/* UNPREDICTABLE, or a privileged form */
	ai_multi++;
	wb = INSN_U(insn) ? base + 4 * n : base - 4 * n;
	addr = INSN_U(insn) ? base : wb;
	if (!INSN_P(insn) == !INSN_U(insn))
		addr += 4;	/* IB and DA: the block starts a word up */
	if (!INSN_L(insn)) {
		for (r = 0; r < 16; r++)
			if (list & (1 << r))
				val[k++] = reg_value(regs, r);
		if (!align_copy(regs, addr, val, 4 * n, true))
			return ALIGN_FAULT;
		if (INSN_W(insn))
			regs->uregs[rn] = wb;
		return ALIGN_DONE;
	}
	if (!align_copy(regs, addr, val, 4 * n, false))
		return ALIGN_FAULT;
	/* the base is written back first: a loaded base wins */
	if (INSN_W(insn))
		regs->uregs[rn] = wb;
	for (r = 0; r < 16; r++) {
		if (!(list & (1 << r)))
			continue;
		if (r == ARM_PC) {
			regs->ARM_pc = val[k] & ~1UL;
			if (val[k] & 1)
				regs->ARM_cpsr |= PSR_T_BIT;
			*pc_loaded = true;
		} else {
			regs->uregs[r] = val[k];
		}
		k++;
	}
	return ALIGN_DONE;
}

/*
 * An alignment fault at @addr. True when it is dealt with: fixed up, or
 * (a program's access that faulted) SIGSEGV sent. False leaves it to the
 * caller: SIGBUS for a program, the exception table or an oops for the
 * kernel.
 */
bool do_alignment(unsigned long addr, struct pt_regs *regs)
{
	bool user = user_mode(regs), pc_loaded = false;
	enum align_result res = ALIGN_SKIP;
	u32 insn = 0;

	if (user) {
		ai_user++;
	} else {
		ai_sys++;
		ai_sys_last_pc = regs->ARM_pc;
	}
	if (interrupts_enabled(regs))
		local_irq_enable();
	if (regs->ARM_cpsr & PSR_T_BIT)
		res = ALIGN_SKIP;	/* Thumb: not decoded */
	else if (!align_copy(regs, regs->ARM_pc, &insn, sizeof(insn), false))
		res = ALIGN_FAULT;
	else if (IS_LDRD_STRD(insn))
		res = do_ldrd_strd(regs, insn);
	else if (IS_LDM_STM(insn))
		res = do_ldm_stm(regs, insn, &pc_loaded);
	local_irq_disable();
	switch (res) {
	case ALIGN_DONE:
		if (!pc_loaded)
			regs->ARM_pc += 4;
		return true;
	case ALIGN_SKIP:
		ai_skipped++;
		pr_err("alignment: %s[%d]: not fixing up %08x at pc %08lx\n",
		       current->comm, current->pid, insn, regs->ARM_pc);
		return false;
	case ALIGN_FAULT:
		break;
	}
	if (!user)
		return false;
	force_sig_fault(SIGSEGV, SEGV_MAPERR, addr, regs);
	return true;
}

/*
 * /proc/cpu/alignment in Linux's format. Half and Word stay 0: those
 * accesses never trap with SCTLR.A clear. The mode is Linux's ARMv7
 * default, fix up silently.
 */
void alignment_proc_show(struct seq_file *m)
{
	seq_printf(m, "User:\t\t%lu\n", ai_user);
	if (ai_sys_last_pc)
		seq_printf(m, "System:\t\t%lu (%pS)\n", ai_sys, (void *)ai_sys_last_pc);
	else
		seq_printf(m, "System:\t\t%lu (0x0)\n", ai_sys);
	seq_printf(m, "Skipped:\t%lu\n", ai_skipped);
	seq_printf(m, "Half:\t\t%lu\n", 0UL);
	seq_printf(m, "Word:\t\t%lu\n", 0UL);
	seq_printf(m, "DWord:\t\t%lu\n", ai_dword);
	seq_printf(m, "Multi:\t\t%lu\n", ai_multi);
	seq_printf(m, "User faults:\t%i (%s)\n", 2, "fixup");
}

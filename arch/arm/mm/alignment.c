// SPDX-License-Identifier: GPL-2.0
/*
 * The alignment trap. With SCTLR.A clear (as Linux leaves it on ARMv7)
 * the CPU does unaligned LDR/STR/LDRH/STRH itself, but LDRD/STRD and
 * LDM/STM to an address that is not word aligned still raise an
 * alignment fault. As Linux's alignment trap does, the kernel then
 * performs the access for the code that faulted: it decodes the ARM or
 * Thumb instruction, moves the bytes through the uaccess copies (so a bad
 * address faults as any access would: SIGSEGV for a program), writes the
 * base register back and steps over the instruction (and on through a
 * Thumb IT block). What it does not decode (LDREX, VLDR...) is counted
 * as skipped and left to the caller: SIGBUS. /proc/cpu/alignment shows
 * the counts.
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

/* Linux's user fault mode number for "fix up silently", its ARMv7 default. */
#define UM_FIXUP	2

#define ARM_PC		15
#define ARM_SP		13
#define ARM_LR		14

/* What a decoder made of the instruction. */
enum align_result { ALIGN_DONE, ALIGN_FAULT, ALIGN_SKIP };

/*
 * One decoded LDRD/STRD or LDM/STM, whichever instruction set it came
 * from: the base register and its value as the instruction reads it,
 * the P, U, W and L bits, and the registers moved.
 */
struct xfer {
	unsigned int rn;
	unsigned long base;
	bool pre, up, wback, load;
	unsigned int rt, rt2;		/* LDRD/STRD */
	unsigned long offset;		/* LDRD/STRD */
	unsigned int list;		/* LDM/STM */
	unsigned long pc_value;		/* what a stored pc reads as */
};

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

static enum align_result do_dword(struct pt_regs *regs, const struct xfer *x)
{
	unsigned long wb = x->up ? x->base + x->offset : x->base - x->offset;
	unsigned long addr = x->pre ? wb : x->base;
	u32 val[2];

	ai_dword++;
	if (x->load) {
		if (!align_copy(regs, addr, val, sizeof(val), false))
			return ALIGN_FAULT;
		regs->uregs[x->rt] = val[0];
		regs->uregs[x->rt2] = val[1];
	} else {
		val[0] = regs->uregs[x->rt];
		val[1] = regs->uregs[x->rt2];
		if (!align_copy(regs, addr, val, sizeof(val), true))
			return ALIGN_FAULT;
	}
	if (x->wback)
		regs->uregs[x->rn] = wb;
	return ALIGN_DONE;
}

/*
 * LDM/STM: the lowest-numbered register at the lowest address, the
 * block below the base for the decrementing forms. A loaded pc is a
 * branch whose bit 0 chooses Thumb or ARM, as on ARMv7.
 */
static enum align_result do_multi(struct pt_regs *regs, const struct xfer *x,
				  bool *pc_loaded)
{
	unsigned int n = __builtin_popcount(x->list), r, k = 0;
	unsigned long wb = x->up ? x->base + 4 * n : x->base - 4 * n;
	unsigned long addr = x->up ? x->base : wb;
	u32 val[16];

	ai_multi++;
	if (x->pre == x->up)
		addr += 4;	/* IB and DA: the block starts a word up */
	if (!x->load) {
		for (r = 0; r < 16; r++)
			if (x->list & (1 << r))
				val[k++] = r == ARM_PC ? x->pc_value : regs->uregs[r];
		if (!align_copy(regs, addr, val, 4 * n, true))
			return ALIGN_FAULT;
		if (x->wback)
			regs->uregs[x->rn] = wb;
		return ALIGN_DONE;
	}
	if (!align_copy(regs, addr, val, 4 * n, false))
		return ALIGN_FAULT;
	/* the base is written back first: a loaded base wins */
	if (x->wback)
		regs->uregs[x->rn] = wb;
	for (r = 0; r < 16; r++) {
		if (!(x->list & (1 << r)))
			continue;
		if (r == ARM_PC) {
			regs->ARM_pc = val[k] & ~1UL;
			if (val[k] & 1)
				regs->ARM_cpsr |= PSR_T_BIT;
			else
				regs->ARM_cpsr &= ~PSR_T_BIT;
			*pc_loaded = true;
		} else {
			regs->uregs[r] = val[k];
		}
		k++;
	}
	return ALIGN_DONE;
}

/* ARM instruction fields (ARM ARM names). */
#define INSN_P(i)	(((i) >> 24) & 1)	/* index before the access */
#define INSN_U(i)	(((i) >> 23) & 1)	/* add the offset */
#define INSN_W(i)	(((i) >> 21) & 1)	/* write the base back */
#define INSN_L(i)	(((i) >> 20) & 1)	/* load */
#define INSN_RN(i)	(((i) >> 16) & 15)
#define INSN_RT(i)	(((i) >> 12) & 15)
#define INSN_RM(i)	((i) & 15)

/* LDRD/STRD: cond 000P UIW0 Rn Rt xxxx 11S1 xxxx (S: store). */
#define IS_LDRD_STRD(i)	(((i) & 0x0e1000d0) == 0x000000d0)
/* LDM/STM: cond 100P USWL Rn register-list. */
#define IS_LDM_STM(i)	(((i) & 0x0e000000) == 0x08000000)
#define LDM_STM_S	(1 << 22)	/* user bank or exception return */

/* An ARM instruction into @x: false when it is not one of ours. */
static bool decode_arm(struct pt_regs *regs, u32 insn, struct xfer *x)
{
	unsigned long pc8 = regs->ARM_pc + 8;	/* the pc as ARM code reads it */

	*x = (struct xfer){ .rn = INSN_RN(insn), .pre = INSN_P(insn),
			    .up = INSN_U(insn), .pc_value = pc8 };
	x->base = x->rn == ARM_PC ? pc8 : regs->uregs[x->rn];
	x->wback = !x->pre || INSN_W(insn);
	if (IS_LDRD_STRD(insn)) {
		x->rt = INSN_RT(insn);
		x->rt2 = x->rt + 1;
		x->load = !(insn & (1 << 5));
		x->offset = insn & (1 << 22) ? (insn >> 4 & 0xf0) | (insn & 0xf) :
					       regs->uregs[INSN_RM(insn)];
		/* an odd or the last pair, or a pc written back, is UNPREDICTABLE */
		return !(x->rt & 1) && x->rt != ARM_LR &&
		       !(x->wback && x->rn == ARM_PC);
	}
	if (IS_LDM_STM(insn)) {
		x->wback = INSN_W(insn);
		x->load = INSN_L(insn);
		x->list = insn & 0xffff;
		return x->list && !(insn & LDM_STM_S) && x->rn != ARM_PC;
	}
	return false;
}

/*
 * A Thumb instruction (@hw1, and @hw2 when it is 32-bit) into @x: the
 * 32-bit LDRD/STRD (immediate) and LDM/STM (IA, DB), and the 16-bit
 * LDM/STM with writeback, PUSH and POP.
 */
static bool decode_thumb(struct pt_regs *regs, u16 hw1, u16 hw2, struct xfer *x)
{
	unsigned long pc4 = regs->ARM_pc + 4;	/* the pc as Thumb code reads it */

	*x = (struct xfer){ .pc_value = pc4 };
	switch (hw1 & 0xf800) {
	case 0xc000:	/* STMIA Rn!, {r0-r7} */
	case 0xc800:	/* LDMIA Rn!, {r0-r7}: no writeback when Rn is loaded */
		x->rn = hw1 >> 8 & 7;
		x->list = hw1 & 0xff;
		x->load = hw1 & 0x0800;
		x->up = true;
		x->wback = !(x->load && (x->list & (1 << x->rn)));
		break;
	case 0xb000:	/* PUSH: STMDB SP! */
	case 0xb800:	/* POP: LDMIA SP! */
		if ((hw1 & 0x0600) != 0x0400)
			return false;
		x->rn = ARM_SP;
		x->load = hw1 & 0x0800;
		x->up = x->load;
		x->pre = !x->load;
		x->wback = true;
		x->list = (hw1 & 0xff) | (hw1 & 0x100 ? 1 << (x->load ? ARM_PC : ARM_LR) : 0);
		break;
	case 0xe800:
		x->rn = hw1 & 15;
		x->load = hw1 & 0x10;
		x->wback = hw1 & 0x20;
		if ((hw1 & 0xfe40) == 0xe840 && (hw1 & 0x0120)) {
			/* LDRD/STRD Rt, Rt2, [Rn, #+/-imm8*4]{!} or post-indexed */
			x->pre = hw1 & 0x100;
			x->up = hw1 & 0x80;
			x->rt = hw2 >> 12;
			x->rt2 = hw2 >> 8 & 15;
			x->offset = (hw2 & 0xff) << 2;
			/* the literal form reads the pc word aligned */
			x->base = x->rn == ARM_PC ? pc4 & ~3UL : regs->uregs[x->rn];
			return x->rt < ARM_SP && x->rt2 < ARM_SP &&
			       (!x->load || x->rt != x->rt2) &&
			       !(x->wback && x->rn == ARM_PC);
		}
		if ((hw1 & 0xffc0) == 0xe880) {		/* LDMIA/STMIA */
			x->up = true;
		} else if ((hw1 & 0xffc0) != 0xe900) {	/* LDMDB/STMDB */
			return false;
		}
		x->pre = !x->up;
		x->list = hw2;
		break;
	default:
		return false;
	}
	x->base = regs->uregs[x->rn];
	return x->list && !(x->list & (1 << ARM_SP)) && x->rn != ARM_PC &&
	       (x->load || !(x->list & (1 << ARM_PC)));
}

/*
 * Past one instruction of an IT block, the CPSR's IT bits (IT[7:2] in
 * bits 15:10, IT[1:0] in bits 26:25) move on as the CPU would move them.
 */
static void it_advance(struct pt_regs *regs)
{
	unsigned long cpsr = regs->ARM_cpsr;
	unsigned int it = (cpsr >> 8 & 0xfc) | (cpsr >> 25 & 3);

	if (!it)
		return;
	it = (it & 7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
	cpsr &= ~(0xfcUL << 8 | 3UL << 25);
	regs->ARM_cpsr = cpsr | (unsigned long)(it & 0xfc) << 8 | (unsigned long)(it & 3) << 25;
}

/*
 * The instruction at the pc, decoded into @x; *@isize is its length.
 * ALIGN_FAULT when it cannot be read, ALIGN_SKIP when it is not one of
 * ours.
 */
static enum align_result fetch_decode(struct pt_regs *regs, struct xfer *x,
				      unsigned int *isize, u32 *insn)
{
	u16 hw[2] = { 0, 0 };

	*isize = 4;
	if (!(regs->ARM_cpsr & PSR_T_BIT)) {
		if (!align_copy(regs, regs->ARM_pc, insn, sizeof(*insn), false))
			return ALIGN_FAULT;
		return decode_arm(regs, *insn, x) ? ALIGN_DONE : ALIGN_SKIP;
	}
	if (!align_copy(regs, regs->ARM_pc, &hw[0], sizeof(hw[0]), false))
		return ALIGN_FAULT;
	if ((hw[0] & 0xf800) >= 0xe800) {	/* the first half of a 32-bit one */
		if (!align_copy(regs, regs->ARM_pc + 2, &hw[1], sizeof(hw[1]), false))
			return ALIGN_FAULT;
	} else {
		*isize = 2;
	}
	*insn = (u32)hw[0] << 16 | hw[1];
	return decode_thumb(regs, hw[0], hw[1], x) ? ALIGN_DONE : ALIGN_SKIP;
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
	enum align_result res;
	unsigned int isize;
	struct xfer x;
	u32 insn = 0;

	if (user) {
		ai_user++;
	} else {
		ai_sys++;
		ai_sys_last_pc = regs->ARM_pc;
	}
	if (interrupts_enabled(regs))
		local_irq_enable();
	res = fetch_decode(regs, &x, &isize, &insn);
	if (res == ALIGN_DONE)
		res = x.list ? do_multi(regs, &x, &pc_loaded) : do_dword(regs, &x);
	local_irq_disable();
	switch (res) {
	case ALIGN_DONE:
		if (!pc_loaded) {
			regs->ARM_pc += isize;
			if (regs->ARM_cpsr & PSR_T_BIT)
				it_advance(regs);
		}
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
 * accesses never trap with SCTLR.A clear. With no kernel fixup yet the
 * last pc is a NULL pointer, which Linux's %pS prints as 0x0.
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
	seq_printf(m, "User faults:\t%d (fixup)\n", UM_FIXUP);
}

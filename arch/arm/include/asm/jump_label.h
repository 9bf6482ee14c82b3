/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Jump labels on ARM: a static branch is one instruction in the code,
 * a NOP while its key is off, a B to the rarely taken block once it is
 * turned on. Each site is recorded in __jump_table (its address, the
 * branch target and its key) so that turning a key on or off rewrites
 * every site of it (arch/arm/kernel/jump_label.c).
 */
#ifndef _ASM_JUMP_LABEL_H
#define _ASM_JUMP_LABEL_H

#include <linux/compiler.h>
#include <linux/types.h>

struct static_key;

struct jump_entry {
	u32 code;		/* the NOP or B */
	u32 target;		/* where the B goes */
	u32 key;		/* its struct static_key */
};

#define ARM_NOP_INSN	0xe320f000	/* nop (hint) in ARM state */

static __always_inline bool arch_static_branch(struct static_key *key)
{
	asm goto("1:\n\t"
		 "nop\n\t"
		 ".pushsection __jump_table, \"aw\"\n\t"
		 ".word 1b, %l[l_yes], %c0\n\t"
		 ".popsection\n\t"
		 : : "i" (key) : : l_yes);
	return false;
l_yes:
	return true;
}

/* Rewrites the instruction at @entry: a B to its target, or a NOP. */
void arch_jump_label_transform(const struct jump_entry *entry, bool enable);

#endif

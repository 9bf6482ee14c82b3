/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address-space switches. User mappings are nG and tagged with their
 * mm's ASID (8 bits, in CONTEXTIDR), so a switch changes TTBR0 and the
 * ASID and flushes nothing; when the 255 ASIDs run out, a new generation
 * starts with one full TLB flush (arch/arm/mm/context.c).
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/types.h>

struct mm_struct;
struct task_struct;

#define ASID_BITS	8
#define NUM_USER_ASIDS	(1 << ASID_BITS)
#define ASID_MASK	((1ULL << ASID_BITS) - 1)

void check_and_switch_context(struct mm_struct *mm);
void init_new_context(struct mm_struct *mm);
u64 asid_generation(void);
unsigned long asid_rollovers(void);
u32 asid_rollover_ttbr0(void);

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	(void)tsk;
	if (prev != next)
		check_and_switch_context(next);
}

#endif

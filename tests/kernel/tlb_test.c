// SPDX-License-Identifier: GPL-2.0
/*
 * TLB maintenance that QEMU forgives and hardware does not, checked by
 * its bookkeeping: an ASID roll-over flushes while TTBR0 holds only the
 * kernel's tables (else a walk of the old mm's tables could refill the
 * TLB under an ASID about to be handed to another mm).
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/cp15.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>

#define TTBR_ADDR(ttbr)	((ttbr) & ~0x3fffUL)

/*
 * Address spaces made and switched to one after another, each taking a
 * fresh ASID, until the ASIDs run out: at the roll-over the TLB must be
 * flushed with no user tables in TTBR0, and the switch must end on the
 * new mm's tables and ASID.
 */
static void asid_rollover_flushes_on_kernel_tables(struct ktest *t)
{
	struct mm_struct *saved = current->active_mm, *prev = saved, *mm = NULL;
	unsigned long rollovers = asid_rollovers();
	int i;

	for (i = 0; i < 2 * NUM_USER_ASIDS && asid_rollovers() == rollovers; i++) {
		mm = mm_alloc();
		KT_ASSERT_NOT_NULL(t, mm);
		switch_mm(prev, mm, current);
		if (prev != saved)
			mmput(prev);
		prev = mm;
	}
	KT_EXPECT_EQ(t, asid_rollovers(), rollovers + 1);
	KT_EXPECT_EQ(t, TTBR_ADDR(asid_rollover_ttbr0()), __pa(swapper_pg_dir));
	KT_EXPECT_EQ(t, TTBR_ADDR(read_ttbr0()), __pa(mm->pgd));
	KT_EXPECT_EQ(t, read_contextidr() & ASID_MASK, mm->context_id & ASID_MASK);
	KT_EXPECT_EQ(t, mm->context_id >> ASID_BITS, asid_generation());
	switch_mm(mm, saved, current);
	mmput(mm);
	KT_EXPECT_EQ(t, TTBR_ADDR(read_ttbr0()), __pa(saved->pgd));
}

static const struct ktest_case tlb_cases[] = {
	KTEST_CASE(asid_rollover_flushes_on_kernel_tables),
	{}
};

static const struct ktest_suite tlb_suite = {
	.name = "tlb",
	.cases = tlb_cases,
};
ktest_register_suite(tlb_suite);

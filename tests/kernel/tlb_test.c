// SPDX-License-Identifier: GPL-2.0
/*
 * TLB maintenance that QEMU forgives and hardware does not, checked by
 * its bookkeeping: an ASID roll-over flushes while TTBR0 holds only the
 * kernel's tables (else a walk of the old mm's tables could refill the
 * TLB under an ASID about to be handed to another mm); unmapped pages
 * and pte pages wait in the mmu_gather until the TLB flush of their
 * range, and a pte page's pmd is cleared before it waits there.
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <asm/cp15.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <asm/irqflags.h>

#include <linux/leak_check.h>
#include <linux/vmstat.h>

#define TTBR_ADDR(ttbr)	((ttbr) & ~0x3fffUL)

/* More than a batch: the gather must flush and free once on the way. */
#define TT_PAGES	(MMU_GATHER_BATCH + MMU_GATHER_BATCH / 2)

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

/* A new mm with TT_PAGES anonymous pages written at *@addr, in @pages. */
static struct mm_struct *tt_mm(struct ktest *t, unsigned long *addr,
			       struct page **pages)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long populate = 0, i;

	if (!mm) {
		KT_FAIL(t, "mm_alloc failed");
		return NULL;
	}
	*addr = do_mmap(mm, NULL, 0, TT_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	for (i = 0; !IS_ERR_VALUE(*addr) && i < TT_PAGES; i++) {
		unsigned long a = *addr + i * PAGE_SIZE;

		if (handle_mm_fault(find_vma(mm, a), a, FAULT_FLAG_WRITE))
			break;
		pages[i] = follow_page(mm, a);
	}
	if (IS_ERR_VALUE(*addr) || i < TT_PAGES) {
		KT_FAIL(t, "could not map and fault %d pages", TT_PAGES);
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * Zapping more pages than a batch holds: the ptes are cleared at once,
 * but each page stays allocated (the gather's reference) until a flush
 * of its range: the first batch when it filled, the rest at the end.
 * Meanwhile the range to flush covers exactly the pages still held.
 */
static void zapped_pages_wait_for_the_flush(struct ktest *t)
{
	struct page *pages[TT_PAGES];
	struct mmu_gather tlb;
	struct mm_struct *mm;
	unsigned long addr, freed_before, i, held = 0, early_freed = 0;

	mm = tt_mm(t, &addr, pages);
	if (!mm)
		return;
	tlb_gather_mmu(&tlb, mm);
	unmap_page_range(&tlb, find_vma(mm, addr), addr, addr + TT_PAGES * PAGE_SIZE);
	for (i = 0; i < TT_PAGES; i++) {
		KT_EXPECT_NULL(t, follow_page(mm, addr + i * PAGE_SIZE));
		if (i < MMU_GATHER_BATCH)
			early_freed += page_count(pages[i]) == 0;
		else
			held += page_count(pages[i]) == 1 && page_mapcount(pages[i]) == 0;
	}
	KT_EXPECT_EQ(t, early_freed, MMU_GATHER_BATCH);
	KT_EXPECT_EQ(t, held, TT_PAGES - MMU_GATHER_BATCH);
	KT_EXPECT_EQ(t, tlb.nr, TT_PAGES - MMU_GATHER_BATCH);
	KT_EXPECT_EQ(t, tlb.start, addr + MMU_GATHER_BATCH * PAGE_SIZE);
	KT_EXPECT_EQ(t, tlb.end, addr + TT_PAGES * PAGE_SIZE);
	KT_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), 0);

	freed_before = free_and_slab_pages();
	tlb_finish_mmu(&tlb);
	KT_EXPECT_EQ(t, free_and_slab_pages(), freed_before + TT_PAGES - MMU_GATHER_BATCH);
	for (i = MMU_GATHER_BATCH; i < TT_PAGES; i++)
		KT_EXPECT_EQ(t, page_count(pages[i]), 0);
	KT_EXPECT_EQ(t, tlb.nr, 0);
	mmput(mm);
}

/*
 * A pte page no VMA covers any more: free_pgd_range clears its pmd at
 * once, then the page waits in the gather, with the range widened to a
 * page of each MiB of the pmd (whose walk-cache entries the flush must
 * drop), until the flush.
 */
static void pte_page_waits_with_its_pmd_cleared(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr = 0x40000000, freed_before;
	struct mmu_gather tlb;
	struct page *ptes;
	pmd_t *pmd;
	long tables;

	KT_ASSERT_NOT_NULL(t, mm);
	KT_ASSERT_NOT_NULL(t, pte_alloc_map(mm, addr));
	pmd = pmd_offset(pgd_offset(mm, addr), addr);
	ptes = virt_to_page(pmd_page_vaddr(*pmd));
	tables = global_node_page_state(NR_PAGETABLE);

	tlb_gather_mmu(&tlb, mm);
	free_pgd_range(&tlb, addr, addr + PMD_SIZE);
	KT_EXPECT_TRUE(t, pmd_none(pmd[0]) && pmd_none(pmd[1]));
	KT_EXPECT_EQ(t, tlb.nr, 1);
	KT_EXPECT_TRUE(t, tlb.pages[0] == ptes);
	KT_EXPECT_EQ(t, page_count(ptes), 1);
	KT_EXPECT_TRUE(t, tlb.freed_tables);
	KT_EXPECT_EQ(t, tlb.start, addr + SECTION_SIZE - PAGE_SIZE);
	KT_EXPECT_EQ(t, tlb.end, addr + SECTION_SIZE + PAGE_SIZE);
	KT_EXPECT_EQ(t, global_node_page_state(NR_PAGETABLE), tables - 1);

	freed_before = free_and_slab_pages();
	tlb_finish_mmu(&tlb);
	KT_EXPECT_EQ(t, free_and_slab_pages(), freed_before + 1);
	KT_EXPECT_EQ(t, page_count(ptes), 0);
	mmput(mm);
}

/* munmap and exit through the gather leave nothing behind. */
static void munmap_and_exit_free_everything(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), addr;
	struct page *pages[TT_PAGES];
	struct mm_struct *mm;

	mm = tt_mm(t, &addr, pages);
	if (!mm)
		return;
	KT_EXPECT_EQ(t, do_munmap(mm, addr, TT_PAGES * PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, mm_pgtables_bytes(mm), 0);
	KT_EXPECT_EQ(t, page_count(pages[0]), 0);
	KT_EXPECT_EQ(t, page_count(pages[TT_PAGES - 1]), 0);
	mmput(mm);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);

	mm = tt_mm(t, &addr, pages);
	if (!mm)
		return;
	mmput(mm);			/* exit_mmap: one fullmm gather */
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/*
 * mm_cpumask: the CPUs an mm ran on since it got its ASID. A new mm run
 * on this CPU has just this one; the IPI way of flushing (tlb_ipi) then
 * sends an mm's flush to no other CPU, and a kernel flush to all.
 */
static unsigned long ipi_flushes(int cpu)
{
	return READ_ONCE(tlb_ipi_flushes[cpu]);
}

static void mm_cpumask_has_the_cpus_it_ran_on(struct ktest *t)
{
	struct mm_struct *saved = current->active_mm, *mm = mm_alloc();
	unsigned long before[NR_CPUS];
	int cpu, me;

	KT_ASSERT_NOT_NULL(t, mm);
	KT_EXPECT_EQ(t, mm_cpumask(mm)->bits, 0);
	local_irq_disable();	/* stay on this CPU between the checks */
	me = smp_processor_id();
	switch_mm(saved, mm, current);
	KT_EXPECT_EQ(t, mm_cpumask(mm)->bits, 1UL << me);
	switch_mm(mm, saved, current);
	local_irq_enable();
	KT_EXPECT_TRUE(t, cpumask_test_cpu(me, mm_cpumask(saved)));

	if (!tlb_ops_need_broadcast || num_online_cpus() < 2) {
		mmput(mm);
		return;
	}
	for_each_online_cpu(cpu)
		before[cpu] = ipi_flushes(cpu);
	flush_tlb_mm(mm);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, ipi_flushes(cpu), before[cpu] + (cpu == me));
	flush_tlb_kernel_page(PAGE_OFFSET);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, ipi_flushes(cpu), before[cpu] + 1 + (cpu == me));
	mmput(mm);
}

static const struct ktest_case tlb_cases[] = {
	KTEST_CASE(asid_rollover_flushes_on_kernel_tables),
	KTEST_CASE(zapped_pages_wait_for_the_flush),
	KTEST_CASE(pte_page_waits_with_its_pmd_cleared),
	KTEST_CASE(munmap_and_exit_free_everything),
	KTEST_CASE(mm_cpumask_has_the_cpus_it_ran_on),
	{}
};

static const struct ktest_suite tlb_suite = {
	.name = "tlb",
	.cases = tlb_cases,
};
ktest_register_suite(tlb_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The mmu_gather (see asm-generic/tlb.h): pages and page-table pages
 * unmapped from user space are batched and freed only after the TLB has
 * been flushed for the range they were mapped at.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/tlb.h>

static void __tlb_reset_range(struct mmu_gather *tlb)
{
	tlb->start = ~0UL;
	tlb->end = 0;
	tlb->freed_tables = false;
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->fullmm = false;
	tlb->nr = 0;
	__tlb_reset_range(tlb);
}

/* For exit_mmap: everything goes, so one flush of the whole mm will do. */
void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb_gather_mmu(tlb, mm);
	tlb->fullmm = true;
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	unsigned int i;

	if (tlb->fullmm || tlb->start < tlb->end)
		tlb_flush(tlb);
	__tlb_reset_range(tlb);
	/* only now may the pages be reused */
	for (i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->nr = 0;
}

void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu_gather: tearing down user mappings in the order hardware needs.
 *
 * A page whose pte has just been cleared may still be reachable through
 * the TLB (and a pte page through the walk caches, or a walk already
 * under way), so neither may go back to the allocator, and be reused,
 * before the TLB has forgotten the range. The code that clears ptes
 * (zap, free_pgd_range) therefore only hands the pages to a gather; the
 * gather notes the range of addresses unmapped and, when its batch is
 * full or at the end, flushes the TLB for that range and only then
 * frees the pages (tlb_flush_mmu):
 *
 *	tlb_gather_mmu(&tlb, mm);	(tlb_gather_mmu_fullmm at exit)
 *	unmap_page_range(&tlb, vma, start, end);
 *	free_pgd_range(&tlb, start, end);
 *	tlb_finish_mmu(&tlb);
 *
 * Invariant: every page in the batch is unmapped (mapcount dropped), its
 * last reference may be the batch's, and its address lies in
 * [start, end) or the gather is fullmm. The batch is a fixed array on
 * the caller's stack (Linux chains extra pages of them); a longer unmap
 * simply flushes more often.
 */
#ifndef _ASM_GENERIC_TLB_H
#define _ASM_GENERIC_TLB_H

#include <linux/kernel.h>
#include <linux/types.h>

struct mm_struct;
struct page;

#define MMU_GATHER_BATCH	64

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end;	/* range to flush; empty: start > end */
	bool fullmm;			/* the whole address space goes */
	bool freed_tables;		/* a page-table page is in the batch */
	unsigned int nr;		/* pages in the batch */
	struct page *pages[MMU_GATHER_BATCH];
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm);
/* Flushes the TLB for what was gathered, then frees the batch. */
void tlb_flush_mmu(struct mmu_gather *tlb);
void tlb_finish_mmu(struct mmu_gather *tlb);
/* Queues @page's reference for freeing after the flush. */
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);

/* Widens the range to flush by [addr, addr + size). */
static inline void tlb_adjust_range(struct mmu_gather *tlb, unsigned long addr,
				    unsigned long size)
{
	tlb->start = min(tlb->start, addr);
	tlb->end = max(tlb->end, addr + size);
}

/* A pte at @addr was cleared: its TLB entry must go. */
#define tlb_remove_tlb_entry(tlb, ptep, addr)	\
	((void)(ptep), tlb_adjust_range(tlb, addr, PAGE_SIZE))

#endif

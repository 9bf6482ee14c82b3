/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM's side of the mmu_gather (asm-generic/tlb.h): how a gathered range
 * is flushed, and how a pte page is queued. A pte page backs two 1 MiB
 * L1 entries, and a TLB invalidate by address also drops the walk-cache
 * entry of the L1 entry above it: so freeing one widens the range to a
 * page in each of the two MiBs.
 */
#ifndef _ASM_ARM_TLB_H
#define _ASM_ARM_TLB_H

#include <asm-generic/tlb.h>

/* Flushes the TLB entries of tlb->mm that the gather covers. */
void tlb_flush(struct mmu_gather *tlb);
/* Queues the pte page of the pmd at @addr, already cleared, for freeing. */
void pte_free_tlb(struct mmu_gather *tlb, struct page *pte, unsigned long addr);

#endif

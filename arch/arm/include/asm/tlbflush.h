/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB maintenance. Kernel mappings are global; user mappings are nG and
 * tagged with their mm's ASID, so an mm's entries can go without the
 * kernel's. One CPU for now: the local operations (the inner-shareable
 * ones come with SMP).
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/cp15.h>
#include <asm/memory.h>

struct mm_struct;
struct vm_area_struct;

/* Past this many pages a range flush is done as a whole flush. */
#define TLB_RANGE_PAGES_MAX	64

static inline void flush_tlb_all(void)
{
	local_flush_tlb_all();
}

static inline void flush_tlb_kernel_page(unsigned long addr)
{
	local_flush_tlb_kernel_page(addr);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

#endif

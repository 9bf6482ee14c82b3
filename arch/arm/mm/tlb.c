// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes by range. A range of more than TLB_RANGE_PAGES_MAX pages is
 * cheaper to flush whole. Until ASIDs tag user entries, an mm's flush is
 * a whole flush.
 */
#include <linux/mm_types.h>
#include <asm/tlbflush.h>

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_RANGE_PAGES_MAX) {
		flush_tlb_all();
		return;
	}
	dsb();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 3" :: "r"(addr) : "memory");
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 6" :: "r"(0) : "memory");
	dsb();
	isb();
}

void flush_tlb_mm(struct mm_struct *mm)
{
	(void)mm;
	flush_tlb_all();
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	(void)vma;
	flush_tlb_kernel_range(start, end);
}

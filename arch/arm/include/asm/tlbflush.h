/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB maintenance. Kernel mappings are global; user mappings are nG and
 * tagged with their mm's ASID, so an mm's entries can go without the
 * kernel's. Every operation but local_flush_tlb_kernel_page is the
 * inner-shareable one (TLBIALLIS, TLBIMVAAIS, TLBIASIDIS, TLBIMVAIS, and
 * BPIALLIS for the branch predictors): the hardware broadcasts it to
 * every CPU, which the
 * kernel's own mappings need as soon as other CPUs run, and user ones
 * once tasks run there. The cores Pagoda runs on (Cortex-A7, A15) have
 * the Multiprocessing Extensions these need; with one CPU they act as
 * the local ones. The dsb before makes the page-table writes visible
 * to every CPU's table walker, the one after waits for all to finish.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/cp15.h>
#include <asm/memory.h>

struct mm_struct;
struct vm_area_struct;

/* Past this many pages a range flush is done as a whole flush. */
#define TLB_RANGE_PAGES_MAX	64

#define __tlbi(crm, op2, val)						\
	__asm__ __volatile__("mcr p15, 0, %0, c8, " #crm ", " #op2 :: "r"(val) : "memory")
/* BPIALLIS: the branch predictors of every CPU */
#define __bpiallis()							\
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 6" :: "r"(0) : "memory")

static inline void flush_tlb_all(void)
{
	dsb();
	__tlbi(c3, 0, 0);			/* TLBIALLIS */
	__bpiallis();
	dsb();
	isb();
}

static inline void flush_tlb_kernel_page(unsigned long addr)
{
	dsb();
	__tlbi(c3, 3, addr & PAGE_MASK);	/* TLBIMVAAIS: any ASID */
	__bpiallis();
	dsb();
	isb();
}

/*
 * This CPU's TLB only (TLBIMVAA, any ASID): for a kernel mapping that
 * only this CPU's code uses, a kmap_local slot. Such slots map data,
 * never code, so the branch predictors need nothing.
 */
static inline void local_flush_tlb_kernel_page(unsigned long addr)
{
	dsb();
	__tlbi(c7, 3, addr & PAGE_MASK);	/* TLBIMVAA */
	dsb();
	isb();
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB maintenance. Kernel mappings are global; user mappings are nG and
 * tagged with their mm's ASID, so an mm's entries can go without the
 * kernel's. Every operation but local_flush_tlb_kernel_page is the
 * inner-shareable one (TLBIALLIS, TLBIMVAAIS, TLBIASIDIS, TLBIMVAIS, and
 * BPIALLIS for the branch predictors): the hardware broadcasts it to
 * every CPU, which the kernel's own mappings need as soon as other CPUs
 * run, and user ones once tasks run there. The cores Pagoda runs on (Cortex-A7, A15) have
 * the Multiprocessing Extensions these need; with one CPU they act as
 * the local ones. The dsb before makes the page-table writes visible
 * to every CPU's table walker, the one after waits for all to finish.
 *
 * The other way, kept for reference and chosen with the boot parameter
 * tlb_ipi: what Linux does on cores whose maintenance does not reach
 * the others (ARM11 MPCore): the local operations, run on each CPU that
 * may hold the entries by a call-function IPI (arch/arm/mm/tlb.c). For
 * a user mm those are the CPUs in mm_cpumask(), the ones it ran on
 * since it got its ASID.
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

/* BPIALL: this CPU's branch predictors */
#define __bpiall()							\
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 6" :: "r"(0) : "memory")

/* The IPI way instead of the broadcast operations (boot parameter tlb_ipi). */
extern bool tlb_ops_need_broadcast;
extern unsigned long tlb_ipi_flushes[];	/* per CPU: flushes run for the IPI way */

/*
 * This CPU's entry for a kernel page, for a mapping no other CPU uses:
 * a fixmap slot (kmap_local's are per CPU), as Linux's __set_fixmap.
 */
static inline void local_flush_tlb_kernel_page(unsigned long addr)
{
	dsb();
	__tlbi(c7, 3, addr & PAGE_MASK);	/* TLBIMVAA */
	__bpiall();
	dsb();
	isb();
}

void flush_tlb_all(void);
void flush_tlb_kernel_page(unsigned long addr);
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

#endif

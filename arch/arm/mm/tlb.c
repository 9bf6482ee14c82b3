// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes by range. A range of more than TLB_RANGE_PAGES_MAX pages is
 * cheaper to flush whole. User entries are tagged with their mm's ASID:
 * an mm's flush is TLBIASIDIS, a page's TLBIMVAIS with the ASID (the
 * inner-shareable forms, broadcast to every CPU: asm/tlbflush.h); an mm
 * whose ASID is from an old generation has nothing in the TLB any more. The
 * mmu_gather's flush (tlb_flush, pte_free_tlb) is here too.
 */
#include <linux/mm.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>

/*
 * The ASID @mm's entries are under, false if it never had one. Its
 * generation is not asked: after another CPU's roll-over a CPU still
 * running @mm goes on filling entries under its old (reserved) ASID,
 * which must go too; if the ASID went to another mm, that one only
 * loses some entries. Only the low word is read: a switch elsewhere may
 * be writing the generation.
 */
static bool asid_current(const struct mm_struct *mm, unsigned int *asid)
{
	*asid = READ_ONCE(*(const u32 *)&mm->context_id) & ASID_MASK;
	return *asid;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_RANGE_PAGES_MAX) {
		flush_tlb_all();
		return;
	}
	dsb();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__tlbi(c3, 3, addr);		/* TLBIMVAAIS */
	__bpiallis();
	dsb();
	isb();
}

void flush_tlb_mm(struct mm_struct *mm)
{
	unsigned int asid;

	if (!asid_current(mm, &asid))
		return;
	dsb();
	__tlbi(c3, 2, asid);			/* TLBIASIDIS */
	__bpiallis();
	dsb();
	isb();
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}

/* The user entries of @mm in [start, end). */
static void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			       unsigned long end)
{
	unsigned int asid;
	unsigned long addr;

	if (!asid_current(mm, &asid))
		return;
	if ((end - start) >> PAGE_SHIFT > TLB_RANGE_PAGES_MAX) {
		flush_tlb_mm(mm);
		return;
	}
	dsb();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__tlbi(c3, 1, addr | asid);	/* TLBIMVAIS */
	__bpiallis();
	dsb();
	isb();
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

/* ---- the mmu_gather's flush (asm/tlb.h) ---- */

void tlb_flush(struct mmu_gather *tlb)
{
	if (tlb->fullmm)
		flush_tlb_mm(tlb->mm);
	else
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
}

void pte_free_tlb(struct mmu_gather *tlb, struct page *pte, unsigned long addr)
{
	addr = (addr & PMD_MASK) + SECTION_SIZE;
	tlb_adjust_range(tlb, addr - PAGE_SIZE, 2 * PAGE_SIZE);
	tlb->freed_tables = true;
	pgtable_pte_page_dtor(tlb->mm, pte);
	tlb_remove_page(tlb, pte);
}

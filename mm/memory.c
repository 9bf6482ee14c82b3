// SPDX-License-Identifier: GPL-2.0
/*
 * Faults on present pages: the young and dirty bits are kept in software
 * (the hardware entry is invalid until the page is young and read-only
 * until it is dirty, see pgtable-2level.h), so the first access and the
 * first write to a page fault, and here the bit is set and the hardware
 * entry rebuilt. Linux does this in handle_pte_fault's last branch.
 */
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <asm/tlbflush.h>

/*
 * Returns true if @addr's pte in @mm is present and accessible and the
 * fault only needed young (or, for a write, dirty) to be recorded.
 */
bool handle_pte_access(struct mm_struct *mm, unsigned long addr, bool write)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);
	pte_t *ptep, pte;

	if (!pmd_table(*pmd))
		return false;
	ptep = pte_offset_map(pmd, addr);
	pte = *ptep;
	if (!pte_present(pte) || pte_protnone(pte) || (write && !pte_write(pte)))
		return false;
	pte = pte_mkyoung(pte);
	if (write)
		pte = pte_mkdirty(pte);
	if (pte_val(pte) == pte_val(*ptep) && pte_to_hw(pte_val(pte)) == *pte_hw(ptep))
		return false;	/* nothing to record: a real fault */
	set_pte_at(mm, addr, ptep, pte);
	flush_tlb_kernel_page(addr);
	pte_unmap(ptep);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic page-table helpers on top of the architecture's <asm/pgtable.h>:
 * what mm/ uses to build and read mappings.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/mm.h>
#include <asm/pgtable.h>

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

/* The lock of the ptes in the pte page @pmd points to. */
static inline spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm;
	return ptlock_ptr(virt_to_page(pmd_page_vaddr(*pmd)));
}

/* The pte of @addr under @pmd, its pte page's lock taken (*@ptlp). */
static inline pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd,
					 unsigned long addr, spinlock_t **ptlp)
{
	spinlock_t *ptl = pte_lockptr(mm, pmd);
	pte_t *pte = pte_offset_map(pmd, addr);

	spin_lock(ptl);
	*ptlp = ptl;
	return pte;
}

static inline void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	spin_unlock(ptl);
	pte_unmap(pte);
}

static inline bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

/*
 * One address's pte in a process's tables (mm/memory.c): pte_lookup
 * gives NULL when no pte page covers @addr; pte_alloc_map makes that
 * page first (NULL when out of memory); follow_page gives the page
 * mapped there, NULL when none is present. pte_lookup's caller holds
 * mmap_lock for writing or takes the pte lock itself: the pmd of @addr
 * is returned in *@pmdp (pte_lookup_pmd) for that.
 */
pte_t *pte_lookup_pmd(struct mm_struct *mm, unsigned long addr, pmd_t **pmdp);
pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr);
pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr);
struct page *follow_page(struct mm_struct *mm, unsigned long addr);

#endif

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

/*
 * One address's pte in a process's tables (mm/memory.c): pte_lookup
 * gives NULL when no pte page covers @addr; pte_alloc_map makes that
 * page first (NULL when out of memory); follow_page gives the page
 * mapped there, NULL when none is present.
 */
pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr);
pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr);
struct page *follow_page(struct mm_struct *mm, unsigned long addr);

#endif

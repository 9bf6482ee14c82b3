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

#endif

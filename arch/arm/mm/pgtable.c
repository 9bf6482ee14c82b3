// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table pages and the hardware view of a pte. A pte page is one
 * lowmem page: two Linux-view tables then the two hardware L2 tables
 * (see pgtable-2level.h); an L1 table (pgd) is 16 KiB, naturally aligned.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#define PGD_ORDER	2	/* 16 KiB */

/*
 * The hardware entry for a Linux pte: none until present and young (the
 * first access faults, and the fault records young), read-only until
 * dirty; access permissions from user/read-only; nG for user pages.
 */
u32 pte_to_hw(pteval_t pte)
{
	bool ro = (pte & L_PTE_RDONLY) || !(pte & L_PTE_DIRTY);
	u32 hw;

	if (!(pte & L_PTE_PRESENT) || !(pte & L_PTE_YOUNG) || (pte & L_PTE_NONE))
		return 0;
	hw = (pte & PAGE_MASK) | PTE_HW_TYPE_SMALL;
	if ((pte & L_PTE_MT_MASK) == L_PTE_MT_DEVICE)
		hw |= PTE_HW_DEVICE;
	else
		hw |= PTE_HW_WBWA | ((pte & L_PTE_SHARED) ? PTE_HW_S : 0);
	if (pte & L_PTE_USER)
		hw |= PTE_HW_AP0 | PTE_HW_AP1 | PTE_HW_nG | (ro ? PTE_HW_APX : 0);
	else
		hw |= PTE_HW_AP0 | (ro ? PTE_HW_APX : 0);
	if (pte & L_PTE_XN)
		hw |= PTE_HW_XN;
	return hw;
}

static void pmd_set_table(pmd_t *pmdp, phys_addr_t pte_page, int domain)
{
	pmdval_t desc = PMD_TYPE_TABLE | PMD_DOMAIN(domain);

	pmdp[0] = __pmd((pte_page + PTE_HWTABLE_OFF) | desc);
	pmdp[1] = __pmd((pte_page + PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE) | desc);
	dsb();
}

void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmdp, pte_t *ptes)
{
	(void)mm;
	pmd_set_table(pmdp, __pa(ptes), DOMAIN_KERNEL);
}

void pmd_populate(struct mm_struct *mm, pmd_t *pmdp, struct page *ptes)
{
	(void)mm;
	pmd_set_table(pmdp, page_to_phys(ptes), DOMAIN_USER);
}

void pmd_clear(pmd_t *pmdp)
{
	pmdp[0] = __pmd(0);
	pmdp[1] = __pmd(0);
	dsb();
}

static struct page *pte_page_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	page->ptl = NULL;
	SetPageTable(page);
	mod_node_page_state(NR_PAGETABLE, 1);
	if (mm)
		mm_inc_nr_ptes(mm);
	return page;
}

/* A user pte page, with its split pte lock (linux/mm.h). */
struct page *pte_alloc_one(struct mm_struct *mm)
{
	struct page *page = pte_page_alloc(mm);

	if (page && !ptlock_alloc(page)) {
		pte_free(mm, page);
		return NULL;
	}
	return page;
}

/* A pte page stops being one (its freeing may come later: mmu_gather). */
void pgtable_pte_page_dtor(struct mm_struct *mm, struct page *page)
{
	ptlock_free(page);
	ClearPageTable(page);
	mod_node_page_state(NR_PAGETABLE, -1);
	if (mm)
		mm_dec_nr_ptes(mm);
}

void pte_free(struct mm_struct *mm, struct page *page)
{
	pgtable_pte_page_dtor(mm, page);
	__free_page(page);
}

pte_t *pte_alloc_one_kernel(struct mm_struct *mm)
{
	struct page *page = pte_page_alloc(mm);	/* no pte lock: the kernel's tables */

	return page ? lowmem_page_address(page) : NULL;
}

void pte_free_kernel(struct mm_struct *mm, pte_t *pte)
{
	pte_free(mm, virt_to_page(pte));
}

/*
 * A new L1 table: empty for user space, the kernel's entries copied from
 * swapper_pg_dir (later kernel additions, in vmalloc space, are copied
 * on demand by the translation-fault handler).
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)__get_free_pages(GFP_KERNEL, PGD_ORDER);

	(void)mm;
	if (!pgd)
		return NULL;
	memset(pgd, 0, USER_PTRS_PER_PGD * sizeof(pgd_t));
	memcpy(pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t));
	mod_node_page_state(NR_PAGETABLE, 1 << PGD_ORDER);
	dsb();
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	(void)mm;
	mod_node_page_state(NR_PAGETABLE, -(1 << PGD_ORDER));
	free_pages((unsigned long)pgd, PGD_ORDER);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page-table interface generic code uses (pgd/pmd/pte values and
 * walkers, protections, young/dirty), implemented on the ARM
 * short-descriptor format of pgtable-2level.h. Generic code never
 * names a descriptor bit; only this file and arch/arm/mm/ do.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

typedef u32 pteval_t;
typedef u32 pmdval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pmdval_t pgd[2]; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pgd_val(x)	((x).pgd[0])
#define pgprot_val(x)	((x).pgprot)
#define __pte(x)	((pte_t) { (x) })
#define __pmd(x)	((pmd_t) { (x) })
#define __pgprot(x)	((pgprot_t) { (x) })

#include <asm/pgtable-2level.h>

struct mm_struct;
struct page;

/* ---- protections ---- */

#define _L_PTE_DEFAULT	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_SHARED)
#define _L_PTE_USER	(L_PTE_PRESENT | L_PTE_USER | L_PTE_SHARED)

#define PAGE_KERNEL		__pgprot(_L_PTE_DEFAULT | L_PTE_DIRTY | L_PTE_XN)
#define PAGE_KERNEL_RO		__pgprot(_L_PTE_DEFAULT | L_PTE_RDONLY | L_PTE_XN)
#define PAGE_KERNEL_ROX		__pgprot(_L_PTE_DEFAULT | L_PTE_RDONLY)
#define PAGE_KERNEL_EXEC	__pgprot(_L_PTE_DEFAULT | L_PTE_DIRTY)
#define PAGE_KERNEL_IO		__pgprot(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | \
					 L_PTE_XN | L_PTE_MT_DEVICE)

#define PAGE_NONE		__pgprot(_L_PTE_USER | L_PTE_RDONLY | L_PTE_XN | L_PTE_NONE)
#define PAGE_SHARED		__pgprot(_L_PTE_USER | L_PTE_XN)
#define PAGE_SHARED_EXEC	__pgprot(_L_PTE_USER)
#define PAGE_COPY		__pgprot(_L_PTE_USER | L_PTE_RDONLY | L_PTE_XN)
#define PAGE_COPY_EXEC		__pgprot(_L_PTE_USER | L_PTE_RDONLY)
#define PAGE_READONLY		__pgprot(_L_PTE_USER | L_PTE_RDONLY | L_PTE_XN)
#define PAGE_READONLY_EXEC	__pgprot(_L_PTE_USER | L_PTE_RDONLY)

/* ---- pte values ---- */

#define pte_none(pte)		(!pte_val(pte))
#define pte_present(pte)	(pte_val(pte) & L_PTE_PRESENT)
#define pte_write(pte)		(!(pte_val(pte) & L_PTE_RDONLY))
#define pte_dirty(pte)		(pte_val(pte) & L_PTE_DIRTY)
#define pte_young(pte)		(pte_val(pte) & L_PTE_YOUNG)
#define pte_exec(pte)		(!(pte_val(pte) & L_PTE_XN))
#define pte_special(pte)	(pte_val(pte) & L_PTE_SPECIAL)
#define pte_protnone(pte)	(pte_val(pte) & L_PTE_NONE)
#define pte_user(pte)		(pte_val(pte) & L_PTE_USER)
#define pte_pfn(pte)		(pte_val(pte) >> PAGE_SHIFT)
#define pte_pgprot(pte)		__pgprot(pte_val(pte) & ~PAGE_MASK)

#define PTE_BIT_FUNC(fn, op) \
static inline pte_t pte_##fn(pte_t pte) { pte_val(pte) op; return pte; }

PTE_BIT_FUNC(mkyoung, |= L_PTE_YOUNG)
PTE_BIT_FUNC(mkold, &= ~L_PTE_YOUNG)
PTE_BIT_FUNC(mkdirty, |= L_PTE_DIRTY)
PTE_BIT_FUNC(mkclean, &= ~L_PTE_DIRTY)
PTE_BIT_FUNC(mkwrite, &= ~L_PTE_RDONLY)
PTE_BIT_FUNC(wrprotect, |= L_PTE_RDONLY)
PTE_BIT_FUNC(mkspecial, |= L_PTE_SPECIAL)
PTE_BIT_FUNC(mkexec, &= ~L_PTE_XN)

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((pfn << PAGE_SHIFT) | pgprot_val(prot));
}

/* Same frame, new protection (young and dirty kept). */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	const pteval_t keep = PAGE_MASK | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_SPECIAL;

	return __pte((pte_val(pte) & keep) | (pgprot_val(prot) & ~keep));
}

/* ---- walking ---- */

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#define pgd_index(addr)		((addr) >> PGDIR_SHIFT)
#define pte_index(addr)		(((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pgd_offset(mm, addr)	((mm)->pgd + pgd_index(addr))
#define pgd_offset_k(addr)	(swapper_pg_dir + pgd_index(addr))

/* The pmd is folded: the pgd entry, both of its L1 entries. */
static inline pmd_t *pmd_offset(pgd_t *pgd, unsigned long addr)
{
	(void)addr;
	return (pmd_t *)pgd;
}

#define pgd_none(pgd)		0	/* folded: checked at the pmd */
#define pgd_bad(pgd)		0
#define pmd_none(pmd)		(!pmd_val(pmd))
#define pmd_present(pmd)	(pmd_val(pmd))
#define pmd_table(pmd)		((pmd_val(pmd) & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
#define pmd_leaf(pmd)		((pmd_val(pmd) & PMD_TYPE_MASK) == PMD_TYPE_SECT)
#define pmd_bad(pmd)		(!pmd_none(pmd) && !pmd_table(pmd))

/* The L1 entry of the MiB holding @addr within a folded pmd pair. */
static inline pmd_t *pmd_entry_of(pmd_t *pmdp, unsigned long addr)
{
	return pmdp + ((addr >> SECTION_SHIFT) & 1);
}

/* Virtual address of the pte page a table pmd points into. */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return (pte_t *)__va(pmd_val(pmd) & PAGE_MASK);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return pmd_page_vaddr(*pmd) + pte_index(addr);
}

/* Lowmem page tables need no temporary mapping. */
#define pte_offset_map(pmd, addr)	pte_offset_kernel(pmd, addr)
#define pte_unmap(pte)			((void)(pte))

/* The hardware view of a Linux pte: the entry 2 KiB further on. */
static inline u32 *pte_hw(pte_t *ptep)
{
	return (u32 *)((char *)ptep + PTE_HWTABLE_OFF);
}

u32 pte_to_hw(pteval_t pte);

/* Writes both views of a pte; the caller flushes the TLB if needed. */
static inline void set_pte_ext(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
	*pte_hw(ptep) = pte_to_hw(pte_val(pte));
}

void __sync_icache_dcache(pte_t pte);

/*
 * set_pte_ext() for generic code. A user pte that lets a page be
 * executed first makes the page's contents visible to instruction
 * fetch (arch/arm/mm/flush.c).
 */
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	(void)mm;
	if (addr < TASK_SIZE && pte_present(pte) && pte_user(pte) &&
	    pte_exec(pte) && !pte_protnone(pte))
		__sync_icache_dcache(pte);
	set_pte_ext(ptep, pte);
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	set_pte_at(mm, addr, ptep, __pte(0));
}

/* Points both L1 entries of @pmdp at the hardware halves of a pte page. */
void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmdp, pte_t *ptes);
void pmd_populate(struct mm_struct *mm, pmd_t *pmdp, struct page *ptes);
void pmd_clear(pmd_t *pmdp);

pte_t *pte_alloc_one_kernel(struct mm_struct *mm);
void pte_free_kernel(struct mm_struct *mm, pte_t *pte);
struct page *pte_alloc_one(struct mm_struct *mm);
void pte_free(struct mm_struct *mm, struct page *pte);
void pgtable_pte_page_dtor(struct mm_struct *mm, struct page *pte);
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

#define USER_PTRS_PER_PGD	(TASK_SIZE / PGDIR_SIZE)
#define FIRST_USER_ADDRESS	PAGE_SIZE

#endif

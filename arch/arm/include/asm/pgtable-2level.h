/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM short-descriptor tables, presented the Linux way.
 *
 * Hardware: a 16 KiB L1 table of 4096 one-MiB entries, and 1 KiB L2
 * tables of 256 four-KiB entries. Generic code sees three levels:
 *
 *  - a pgd entry is a pair of L1 entries (2 MiB): PTRS_PER_PGD = 2048;
 *  - the pmd is folded into the pgd (pmd_offset returns the pgd entry);
 *  - a pte table is one 4 KiB page holding two Linux-view tables and the
 *    two hardware L2 tables they describe:
 *
 *        +0     Linux ptes 0-255     \   what pte_offset_*() points into
 *        +1024  Linux ptes 256-511   /   (PTRS_PER_PTE = 512)
 *        +2048  hardware L2 table for the first MiB  <- L1 entry 0
 *        +3072  hardware L2 table for the second MiB <- L1 entry 1
 *
 * The Linux view carries what the hardware lacks: present, young, dirty,
 * PROT_NONE, special. set_pte_ext() derives the hardware entry: invalid
 * until the page is young (so the first access faults and the fault
 * handler records it), and read-only until it is dirty (so the first
 * write does too). Kernel mappings are made young and dirty from the
 * start and never fault for it.
 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

#define PTRS_PER_PTE		512
#define PTRS_PER_PMD		1
#define PTRS_PER_PGD		2048

#define PMD_SHIFT		21
#define PGDIR_SHIFT		21
#define PMD_SIZE		(1UL << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))
#define PGDIR_SIZE		(1UL << PGDIR_SHIFT)
#define PGDIR_MASK		(~(PGDIR_SIZE - 1))

#define PTE_HWTABLE_PTRS	256	/* entries in one hardware L2 table */
#define PTE_HWTABLE_OFF		(PTE_HWTABLE_PTRS * 2 * sizeof(pte_t))
#define PTE_HWTABLE_SIZE	(PTE_HWTABLE_PTRS * sizeof(u32))

/* Linux-view pte bits */
#define L_PTE_PRESENT		(1 << 0)
#define L_PTE_YOUNG		(1 << 1)
#define L_PTE_MT_SHIFT		2	/* memory type, 2 bits */
#define L_PTE_MT_MASK		(0x3 << L_PTE_MT_SHIFT)
#define L_PTE_MT_NORMAL		(0 << L_PTE_MT_SHIFT)	/* write-back, write-allocate */
#define L_PTE_MT_DEVICE		(1 << L_PTE_MT_SHIFT)	/* shared device */
#define L_PTE_SPECIAL		(1 << 4)	/* no struct page behind it */
#define L_PTE_DIRTY		(1 << 6)
#define L_PTE_RDONLY		(1 << 7)
#define L_PTE_USER		(1 << 8)
#define L_PTE_XN		(1 << 9)
#define L_PTE_SHARED		(1 << 10)
#define L_PTE_NONE		(1 << 11)	/* PROT_NONE: present, inaccessible */
/* all of them below bit 12: above it is the frame number */

#endif

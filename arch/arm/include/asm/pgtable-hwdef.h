/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bits of the ARMv7 short-descriptor translation table format (ARM ARM
 * B3.5): first-level (L1) section and page-table entries, second-level
 * (L2) small-page entries. Only arch/arm/ uses these names.
 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

#include <asm/domain.h>

/* L1 descriptors: 4096 entries, one per MiB */
#define PMD_TYPE_MASK		(3 << 0)
#define PMD_TYPE_FAULT		(0 << 0)
#define PMD_TYPE_TABLE		(1 << 0)
#define PMD_TYPE_SECT		(2 << 0)
#define PMD_PXNTABLE		(1 << 2)
#define PMD_BIT4		(1 << 4)
#define PMD_DOMAIN(x)		((x) << 5)
#define PMD_DOMAIN_MASK		(0xf << 5)
#define PMD_SECT_BUFFERABLE	(1 << 2)
#define PMD_SECT_CACHEABLE	(1 << 3)
#define PMD_SECT_XN		(1 << 4)
#define PMD_SECT_AP_WRITE	(1 << 10)	/* AP[0] */
#define PMD_SECT_AP_READ	(1 << 11)	/* AP[1] */
#define PMD_SECT_TEX(x)		((x) << 12)
#define PMD_SECT_APX		(1 << 15)	/* AP[2] */
#define PMD_SECT_S		(1 << 16)
#define PMD_SECT_nG		(1 << 17)
#define PMD_SECT_SUPER		(1 << 18)

/* Normal memory, write-back write-allocate, and shareable device memory */
#define PMD_SECT_WBWA	(PMD_SECT_TEX(1) | PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)
#define PMD_SECT_DEVICE	(PMD_SECT_BUFFERABLE)

/* L2 small-page descriptors: 256 entries, one per 4 KiB */
#define PTE_HW_TYPE_FAULT	(0 << 0)
#define PTE_HW_XN		(1 << 0)
#define PTE_HW_TYPE_SMALL	(2 << 0)
#define PTE_HW_BUFFERABLE	(1 << 2)
#define PTE_HW_CACHEABLE	(1 << 3)
#define PTE_HW_AP0		(1 << 4)
#define PTE_HW_AP1		(1 << 5)
#define PTE_HW_TEX(x)		((x) << 6)
#define PTE_HW_APX		(1 << 9)
#define PTE_HW_S		(1 << 10)
#define PTE_HW_nG		(1 << 11)

#define PTE_HW_WBWA	(PTE_HW_TEX(1) | PTE_HW_CACHEABLE | PTE_HW_BUFFERABLE)
#define PTE_HW_DEVICE	(PTE_HW_BUFFERABLE)


/* TTBR0 walk attributes: inner/outer write-back write-allocate, shareable */
#define TTB_S		(1 << 1)
#define TTB_RGN_OC_WBWA	(1 << 3)
#define TTB_NOS		(1 << 5)
#define TTB_IRGN_WBWA	(1 << 6)
#define TTB_FLAGS	(TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)

/* SCTLR bits */
#define CR_M	(1 << 0)	/* MMU enable */
#define CR_A	(1 << 1)	/* alignment fault checking */
#define CR_C	(1 << 2)	/* data cache */
#define CR_Z	(1 << 11)	/* branch prediction */
#define CR_I	(1 << 12)	/* instruction cache */
#define CR_V	(1 << 13)	/* high vectors at 0xffff0000 */
#define CR_TRE	(1 << 28)
#define CR_AFE	(1 << 29)

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: the page-table types, for headers that name them. */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/memory.h>

typedef struct { u32 pte; } pte_t;
typedef struct { u32 pgd[2]; } pgd_t;
typedef struct { u32 pgprot; } pgprot_t;

#define __pgprot(x)	((pgprot_t) { (x) })
#define pgprot_val(x)	((x).pgprot)

/* Distinct values only: host tests compare VMAs' protections. */
#define PAGE_NONE		__pgprot(0x01)
#define PAGE_READONLY		__pgprot(0x02)
#define PAGE_READONLY_EXEC	__pgprot(0x03)
#define PAGE_COPY		__pgprot(0x04)
#define PAGE_COPY_EXEC		__pgprot(0x05)
#define PAGE_SHARED		__pgprot(0x06)
#define PAGE_SHARED_EXEC	__pgprot(0x07)

#endif

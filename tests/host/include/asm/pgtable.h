/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: the page-table types, for headers that name them. */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>

typedef struct { u32 pte; } pte_t;
typedef struct { u32 pgd[2]; } pgd_t;
typedef struct { u32 pgprot; } pgprot_t;

#endif

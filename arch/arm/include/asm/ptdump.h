/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTDUMP_H
#define _ASM_PTDUMP_H

#include <linux/types.h>

struct seq_file;
struct mm_struct;

/* An address space by ranges of equal hardware attributes. */
void ptdump_show(struct seq_file *m, struct mm_struct *mm);
/* One address walked through pgd, pmd and pte; returns its physical
 * address, or ~0 when it has none. */
phys_addr_t pt_walk(struct seq_file *m, struct mm_struct *mm, unsigned long addr);

/* Mappings both writable and executable at PL1 (W^X violations). */
unsigned long ptdump_check_wx(struct mm_struct *mm, unsigned long *checked);

#endif

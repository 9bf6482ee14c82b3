/* SPDX-License-Identifier: GPL-2.0 */
/* What the VMA code in mm/ shares between its files (Linux's mm/internal.h). */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/mman.h>

/* The VM_ access flags of mmap's or mprotect's PROT_ bits. */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* mm/mmap.c */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, struct file *file,
				 unsigned long pgoff,
				 const struct vm_operations_struct *ops);

#endif

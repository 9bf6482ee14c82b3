// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(): new access rights for a range of VMAs, with the results
 * and errors of Linux 6.1.
 *
 * The range is walked VMA by VMA, as Linux does, and each VMA is fixed
 * up before the next one is looked at: a hole in the range (-ENOMEM) or
 * a VMA that may not get the rights asked for (-EACCES) stops the walk
 * there, and the VMAs before it keep their new rights. A VMA's part in
 * the range first tries to join the neighbour at that end (vma_merge),
 * else is split off; so protecting the middle of a VMA makes three, and
 * protecting it back makes one again. The page tables of each piece are
 * then brought to the new protection by change_protection().
 *
 * A right can be granted only if the VMA's VM_MAY* flag for it is set.
 * Making a private mapping writable marks it VM_ACCOUNT (charged for its
 * copies: -ENOMEM if the overcommit heuristic refuses that many pages),
 * and the mark stays when the write right goes again: merging
 * compares all the flags, so this decides what merges, as in Linux.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>

#include "internal.h"

/*
 * Gives [start, end), within @vma, the flags @newflags. *@pprev is the
 * VMA before the range (or @vma itself if the range starts inside it);
 * on return it is the VMA that now covers the range.
 */
static int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
			  unsigned long start, unsigned long end,
			  unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags;
	long nrpages = (end - start) >> PAGE_SHIFT;
	struct vm_area_struct *merged;
	unsigned long pgoff;
	int error;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	/* private and becoming writable: charged from now on, if it may be */
	if ((newflags & VM_WRITE) &&
	    !(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		if (vm_enough_memory(nrpages))
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}

	pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	merged = vma_merge(mm, *pprev, start, end, newflags, vma->vm_file, pgoff,
			   vma->vm_ops);
	if (merged) {
		vma = merged;
	} else {
		if (start != vma->vm_start) {
			error = split_vma(mm, vma, start, 1);
			if (error)
				return error;
		}
		if (end != vma->vm_end) {
			error = split_vma(mm, vma, end, 0);
			if (error)
				return error;
		}
	}
	*pprev = vma;
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end, vma->vm_page_prot);
	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	return 0;
}

/*
 * The first VMA to change, with *@start moved down to it for
 * PROT_GROWSDOWN; -ENOMEM if nothing is mapped at *@start.
 */
static int mprotect_first(struct mm_struct *mm, unsigned long *start,
			  unsigned long end, unsigned long grows,
			  struct vm_area_struct **first)
{
	struct vm_area_struct *vma = find_vma(mm, *start);

	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		*start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else {
		if (vma->vm_start > *start)
			return -ENOMEM;
		if (grows & PROT_GROWSUP)
			return -EINVAL;		/* ARM stacks grow down only */
	}
	*first = vma;
	return 0;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot)
{
	const unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma, *prev;
	unsigned long end, nstart, tmp, newflags;
	int error;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	error = mprotect_first(mm, &start, end, grows, &vma);
	if (error)
		return error;
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start; ; ) {
		newflags = calc_vm_prot_bits(prot) | (vma->vm_flags & ~VM_ACCESS_FLAGS);
		/* each VM_MAY* flag is its VM_* flag shifted left by 4 */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			return -EACCES;
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			return error;
		/* a merge may have taken in the next VMA already */
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			return 0;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

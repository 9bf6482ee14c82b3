// SPDX-License-Identifier: GPL-2.0
/*
 * mremap: resizing a mapping. Shrinking unmaps the tail. Growing extends
 * the VMA in place when the range ends at the VMA's end and the space
 * after it is free; otherwise, with MREMAP_MAYMOVE, the VMA moves: a
 * copy is placed at a free (or, with MREMAP_FIXED, the given) address,
 * the page-table entries move over to it page by page, and the old
 * range is unmapped. The old range must lie inside one VMA.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>

#include "internal.h"

/* Moves the ptes of [old, old + len) to [new, new + len). */
static int move_page_tables(struct vm_area_struct *vma, unsigned long old,
			    unsigned long new, unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *from = pte_lookup(mm, old + off), *to;

		if (!from || pte_none(*from))
			continue;
		to = pte_alloc_map(mm, new + off);
		if (!to)
			return -ENOMEM;
		set_pte_at(mm, new + off, to, *from);
		pte_clear(mm, old + off, from);
	}
	flush_tlb_range(vma, old, old + len);
	return 0;
}

static unsigned long move_vma(struct vm_area_struct *vma, unsigned long addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new = vm_area_dup(vma);
	int err;

	if (!new)
		return -ENOMEM;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	new->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	err = insert_vm_struct(mm, new);
	if (err) {
		vm_area_free(new);
		return err;
	}
	err = move_page_tables(vma, addr, new_addr, old_len);
	if (err) {
		do_munmap(mm, new_addr, new_len);
		return err;
	}
	do_munmap(mm, addr, old_len);
	return new_addr;
}

unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	unsigned long end;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len)
		return -EINVAL;
	if (old_len > TASK_SIZE || new_len > TASK_SIZE || addr > TASK_SIZE - old_len)
		return -EINVAL;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || addr + old_len > vma->vm_end)
		return -EFAULT;
	if (flags & MREMAP_FIXED) {
		if ((new_addr & ~PAGE_MASK) || new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		if (new_addr < addr + old_len && addr < new_addr + new_len)
			return -EINVAL;	/* overlapping the old range */
		do_munmap(mm, new_addr, new_len);
		if (new_len < old_len) {
			do_munmap(mm, addr + new_len, old_len - new_len);
			old_len = new_len;
		}
		return move_vma(vma, addr, old_len, new_len, new_addr);
	}
	if (new_len <= old_len) {
		if (new_len < old_len)
			do_munmap(mm, addr + new_len, old_len - new_len);
		return addr;
	}
	/* in place: the range ends the VMA and what follows is free */
	end = addr + new_len;
	if (addr + old_len == vma->vm_end && end <= TASK_SIZE &&
	    (!vma->vm_next || vma->vm_next->vm_start >= end)) {
		vm_stat_account(mm, vma->vm_flags, (end - vma->vm_end) >> PAGE_SHIFT);
		vma->vm_end = end;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, 0, new_len, 0, 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(vma, addr, old_len, new_len, new_addr);
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	return do_mremap(current->mm, addr, old_len, new_len, flags, new_addr);
}

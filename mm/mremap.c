// SPDX-License-Identifier: GPL-2.0
/*
 * mremap: resizing or moving a mapping, with the checks and errors of
 * Linux 6.1. Shrinking unmaps the tail. Growing extends the VMA in place
 * when the range ends at the VMA's end and the space after it is free;
 * otherwise, with MREMAP_MAYMOVE, the range moves: a copy of the VMA is
 * placed at a free (or, with MREMAP_FIXED, the given) address, the
 * page-table entries move over to it, and the old range is unmapped, or
 * with MREMAP_DONTUNMAP kept, empty, so that it faults in afresh.
 *
 * Every length is checked against the room left above its address, never
 * by adding them: addr + len can wrap past 2^32 and look small.
 *
 * Moving the ptes can run out of memory for a page table part-way; the
 * ptes already moved are then moved back (their old tables are still
 * there, so that cannot fail) and the call fails with nothing changed.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>

#include "internal.h"

/*
 * Moves the ptes of [old, old + len) to [new, new + len); returns how
 * many bytes from the start were moved: less than @len when a page table
 * for @new could not be had.
 */
static unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old,
				      unsigned long new, unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		spinlock_t *old_ptl, *new_ptl;
		pmd_t *old_pmd, *new_pmd;
		pte_t *from = pte_lookup_pmd(mm, old + off, &old_pmd), *to;

		/* with mmap_lock written no fault fills a pte: the peek is safe */
		if (!from || pte_none(*from))
			continue;
		if (!pte_alloc_map(mm, new + off))
			break;
		to = pte_lookup_pmd(mm, new + off, &new_pmd);
		/* both pte pages locked, once if they are one (move_ptes) */
		from = pte_offset_map_lock(mm, old_pmd, old + off, &old_ptl);
		new_ptl = pte_lockptr(mm, new_pmd);
		if (new_ptl != old_ptl)
			spin_lock_nested(new_ptl, SINGLE_DEPTH_NESTING);
		set_pte_at(mm, new + off, to, *from);
		pte_clear(mm, old + off, from);
		if (new_ptl != old_ptl)
			spin_unlock(new_ptl);
		pte_unmap_unlock(from, old_ptl);
	}
	flush_tlb_range(vma, old, old + off);
	return off;
}

static unsigned long move_vma(struct vm_area_struct *vma, unsigned long addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	/* what it grows by is charged; DONTUNMAP keeps the old range too */
	unsigned long charge = flags & MREMAP_DONTUNMAP ? new_len : new_len - old_len;
	struct vm_area_struct *new;
	unsigned long moved;
	int err;

	if ((vma->vm_flags & VM_ACCOUNT) && vm_enough_memory(charge >> PAGE_SHIFT))
		return -ENOMEM;
	new = vm_area_dup(vma);
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
	moved = move_page_tables(vma, addr, new_addr, old_len);
	if (moved < old_len) {
		/* back where they were: the pages must not be lost */
		WARN_ON(move_page_tables(new, new_addr, addr, moved) != moved);
		do_munmap(mm, new_addr, new_len);
		return -ENOMEM;
	}
	if (vma->vm_ops && vma->vm_ops->mremap)
		vma->vm_ops->mremap(new);
	if (!(flags & MREMAP_DONTUNMAP))
		do_munmap(mm, addr, old_len);
	return new_addr;
}

/*
 * The VMA at @addr if [addr, addr + old_len) may become @new_len bytes
 * (Linux's vma_to_resize): -EFAULT unless the old range lies in that one
 * VMA, -EINVAL if its file offset would wrap or MREMAP_DONTUNMAP (in
 * @flags) would copy a special mapping, -ENOMEM past RLIMIT_AS or
 * RLIMIT_DATA.
 */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm, unsigned long addr,
					    unsigned long old_len, unsigned long new_len,
					    unsigned long flags, long *err)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long pgoff;

	*err = -EFAULT;
	if (!vma || vma->vm_start > addr)
		return NULL;
	*err = -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & VM_DONTEXPAND))
		return NULL;
	*err = -EFAULT;
	if (old_len > vma->vm_end - addr)
		return NULL;
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	*err = -EINVAL;
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return NULL;
	*err = -EFAULT;
	if (vma->vm_flags & VM_DONTEXPAND)
		return NULL;
	*err = -ENOMEM;
	if (new_len > old_len && !may_expand_vm(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return NULL;
	return vma;
}

/* MREMAP_FIXED or MREMAP_DONTUNMAP: the range goes to @new_addr or elsewhere. */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	long err;

	if (new_addr & ~PAGE_MASK)
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	/* overlapping ranges (old_len is not yet known to fit: no sums) */
	if (new_addr < addr ? addr - new_addr < new_len : new_addr - addr < old_len)
		return -EINVAL;
	if (flags & MREMAP_FIXED) {
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, flags, &err);
	if (!vma)
		return err;
	if (!(flags & MREMAP_FIXED)) {
		/* DONTUNMAP alone: @new_addr is only a hint */
		new_addr = get_unmapped_area(mm, new_addr, new_len, 0, 0);
		if (IS_ERR_VALUE(new_addr))
			return new_addr;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* Whether @vma can grow by @delta bytes where it is. */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	if (delta > TASK_SIZE - vma->vm_end)
		return false;
	return !vma->vm_next || vma->vm_next->vm_start >= vma->vm_end + delta;
}

unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	unsigned long delta;
	long err;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	/* (Linux lets a zero old_len duplicate a shared mapping: not here) */
	if (!new_len || !old_len)
		return -EINVAL;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		return -EFAULT;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(mm, addr, old_len, new_addr, new_len, flags);
	if (new_len <= old_len) {
		/*
		 * shrinking unmaps whatever follows, even past this VMA; as in
		 * Linux 6.1, old_len is not checked against the address space,
		 * so addr + new_len may wrap: do_munmap then sees (and checks)
		 * a lower range of the caller's own
		 */
		if (new_len < old_len) {
			err = do_munmap(mm, addr + new_len, old_len - new_len);
			if (err)
				return err;
		}
		return addr;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, flags, &err);
	if (!vma)
		return err;
	delta = new_len - old_len;
	if (old_len == vma->vm_end - addr && vma_expandable(vma, delta)) {
		if ((vma->vm_flags & VM_ACCOUNT) && vm_enough_memory(delta >> PAGE_SHIFT))
			return -ENOMEM;
		vm_stat_account(mm, vma->vm_flags, delta >> PAGE_SHIFT);
		vma->vm_end += delta;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, 0, new_len, 0, 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mmap_write_lock(mm);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mmap_write_unlock(mm);
	return ret;
}

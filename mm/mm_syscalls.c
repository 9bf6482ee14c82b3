// SPDX-License-Identifier: GPL-2.0
/*
 * The memory system calls, as user space sees them: brk, mmap2, munmap,
 * mprotect and madvise. Each decodes its arguments, finds the file it
 * maps, and calls the VMA code (mm/mmap.c, mm/mprotect.c); MAP_POPULATE
 * faults the new pages in at once.
 *
 * mmap_lock: written around each change of the VMAs, read around
 * MAP_POPULATE's faults and madvise(MADV_DONTNEED) (which only zaps ptes,
 * under their locks, as Linux). None of these touches user memory while
 * holding it: a fault there would wait for the lock it holds.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>


long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mmap_write_lock(mm);
	ret = do_brk(mm, brk);
	mmap_write_unlock(mm);
	return ret;
}

/* MAP_POPULATE: every page of [start, start + len) faulted in now. */
static void mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long addr;

	mmap_read_lock(mm);
	for (addr = start; addr < start + len; addr += PAGE_SIZE) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!vma || vma->vm_start > addr)
			continue;
		if (handle_mm_fault(vma, addr, vma->vm_flags & VM_WRITE ? FAULT_FLAG_WRITE : 0))
			break;	/* out of memory: the rest faults in later */
	}
	mmap_read_unlock(mm);
}

long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long populate = 0, ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	mmap_write_lock(current->mm);
	ret = do_mmap(current->mm, file, addr, len, prot, flags, pgoff, &populate);
	mmap_write_unlock(current->mm);
	if (file)
		fput(file);	/* the VMA holds its own reference */
	if (IS_ERR_VALUE(ret))
		return ret;
	if (populate)
		mm_populate(current->mm, ret, populate);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_mprotect(mm, start, len, prot);
	mmap_write_unlock(mm);
	return ret;
}

long sys_madvise(unsigned long start, size_t len, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr;

	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
		break;
	default:
		return -EINVAL;
	}
	if (start & ~PAGE_MASK)
		return -EINVAL;
	/* a length within a page of 2^32 rounds up to 0: not "nothing" */
	if (len && !PAGE_ALIGN(len))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	mmap_read_lock(mm);
	/* every page must be mapped */
	for (addr = start; addr < end;) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!vma || vma->vm_start > addr) {
			mmap_read_unlock(mm);
			return -ENOMEM;
		}
		addr = vma->vm_end;
	}
	for (addr = start; behavior == MADV_DONTNEED && addr < end;) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long stop = min(end, vma->vm_end);

		/* anonymous private memory reads as zero again afterwards */
		zap_page_range(vma, addr, stop);
		addr = stop;
	}
	mmap_read_unlock(mm);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mincore, which pages of a range are resident (a present pte, the zero
 * page included, as on Linux), and msync, which for memory that no file
 * can be written back to only checks its arguments.
 *
 * mincore reads the page tables under mmap_lock (read) a buffer at a
 * time and copies each buffer out with the lock dropped: a fault on the
 * user's vector must not wait behind a writer queued on the lock it holds.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

/* -ENOMEM unless every page of [start, end) is mapped. */
static int range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma || vma->vm_start > start)
			return -ENOMEM;
		start = vma->vm_end;
	}
	return 0;
}

static bool page_resident(struct mm_struct *mm, unsigned long addr)
{
	spinlock_t *ptl;
	bool present;
	pmd_t *pmd;
	pte_t *ptep;

	if (!pte_lookup_pmd(mm, addr, &pmd))
		return false;
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	present = pte_present(*ptep);
	pte_unmap_unlock(ptep, ptl);
	return present;
}

long sys_mincore(unsigned long start, size_t len, unsigned char *uvec)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr;
	unsigned char buf[64];
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	/* the range must be user space before rounding (which could wrap to 0) */
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	end = start + PAGE_ALIGN(len);
	for (addr = start; addr < end;) {
		unsigned int n = 0;

		mmap_read_lock(mm);
		/* mapped throughout, checked again as the lock was let go */
		err = range_mapped(mm, addr, end);
		while (!err && addr < end && n < sizeof(buf)) {
			buf[n++] = page_resident(mm, addr);
			addr += PAGE_SIZE;
		}
		mmap_read_unlock(mm);
		if (err)
			return err;
		if (copy_to_user(uvec, buf, n))
			return -EFAULT;
		uvec += n;
	}
	return 0;
}

long sys_msync(unsigned long start, size_t len, int flags)
{
	unsigned long end;
	int err;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end < start)
		return -ENOMEM;
	mmap_read_lock(current->mm);
	err = range_mapped(current->mm, start, end);
	mmap_read_unlock(current->mm);
	return err;
}

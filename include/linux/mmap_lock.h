/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_lock, the rw_semaphore of an address space's VMAs: taken for
 * writing by whatever changes them (mmap, munmap, mprotect, mremap, brk,
 * fork's copy, exec, exit) and for reading by what only looks (page
 * faults, /proc views, get_user_pages). Linux's wrappers, so that the
 * lock is named for what it guards wherever it is taken.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON(!rwsem_is_locked(&mm->mmap_lock));
}

static inline void mmap_assert_write_locked(struct mm_struct *mm)
{
	WARN_ON(!rwsem_is_write_locked(&mm->mmap_lock));
}

#endif

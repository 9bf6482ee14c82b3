// SPDX-License-Identifier: GPL-2.0
/*
 * Instruction-fetch coherence, by its bookkeeping (QEMU has no caches to
 * show it): a page becomes executable in user space only with its
 * D-cache lines cleaned, PG_dcache_clean set, whoever filled it: a copy
 * from a file, a zeroed anonymous page, a copy on write, the zero page.
 * Pages mapped without exec are left alone, and a freed page forgets
 * that it was cleaned (its next contents will need it again).
 */
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <asm/cacheflush.h>

#define CF_FILE	"/bin/hello"

/* Maps one page, faults it with @flags, returns its page (or NULL). */
static struct page *cf_map_fault(struct mm_struct *mm, struct file *file,
				 unsigned long prot, unsigned int flags,
				 unsigned long *addr)
{
	unsigned long populate = 0;

	*addr = do_mmap(mm, file, 0, PAGE_SIZE, prot,
			MAP_PRIVATE | (file ? 0 : MAP_ANONYMOUS), 0, &populate);
	if (IS_ERR_VALUE(*addr) || handle_mm_fault(find_vma(mm, *addr), *addr, flags))
		return NULL;
	return follow_page(mm, *addr);
}

/* A private file page (copied by the kernel) is cleaned if executable. */
static void file_pages_cleaned_when_executable(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	struct page *exec, *data;
	struct file *file;
	unsigned long a, b;
	int err;

	KT_ASSERT_NOT_NULL(t, mm);
	file = filp_open(CF_FILE, O_RDONLY, 0, &err);
	KT_ASSERT_NOT_NULL(t, file);
	exec = cf_map_fault(mm, file, PROT_READ | PROT_EXEC, 0, &a);
	data = cf_map_fault(mm, file, PROT_READ, 0, &b);
	fput(file);
	KT_ASSERT_NOT_NULL(t, exec);
	KT_ASSERT_NOT_NULL(t, data);
	KT_EXPECT_TRUE(t, exec != data);
	KT_EXPECT_TRUE(t, PageDcacheClean(exec));
	KT_EXPECT_FALSE(t, PageDcacheClean(data));
	mmput(mm);
}

/*
 * Anonymous executable memory: the zero page a read maps, the page a
 * write then copies it to, a page a first write zeroes. After munmap
 * the pages are free again and no longer marked.
 */
static void anon_pages_cleaned_and_forgotten(struct ktest *t)
{
	const unsigned long rwx = PROT_READ | PROT_WRITE | PROT_EXEC;
	struct mm_struct *mm = mm_alloc();
	struct page *zero, *copy, *fresh, *data;
	unsigned long a, b, c;

	KT_ASSERT_NOT_NULL(t, mm);
	zero = cf_map_fault(mm, NULL, rwx, 0, &a);
	KT_ASSERT_NOT_NULL(t, zero);
	KT_EXPECT_TRUE(t, PageDcacheClean(zero));
	KT_ASSERT_EQ(t, handle_mm_fault(find_vma(mm, a), a, FAULT_FLAG_WRITE), 0);
	copy = follow_page(mm, a);
	KT_ASSERT_NOT_NULL(t, copy);
	KT_EXPECT_TRUE(t, copy != zero);
	KT_EXPECT_TRUE(t, PageDcacheClean(copy));

	fresh = cf_map_fault(mm, NULL, rwx, FAULT_FLAG_WRITE, &b);
	data = cf_map_fault(mm, NULL, PROT_READ | PROT_WRITE, FAULT_FLAG_WRITE, &c);
	KT_ASSERT_NOT_NULL(t, fresh);
	KT_ASSERT_NOT_NULL(t, data);
	KT_EXPECT_TRUE(t, PageDcacheClean(fresh));
	KT_EXPECT_FALSE(t, PageDcacheClean(data));

	KT_EXPECT_EQ(t, do_munmap(mm, a, PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, do_munmap(mm, b, PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, page_count(copy), 0);
	KT_EXPECT_EQ(t, page_count(fresh), 0);
	KT_EXPECT_FALSE(t, PageDcacheClean(copy));
	KT_EXPECT_FALSE(t, PageDcacheClean(fresh));
	mmput(mm);
}

static const struct ktest_case cacheflush_cases[] = {
	KTEST_CASE(file_pages_cleaned_when_executable),
	KTEST_CASE(anon_pages_cleaned_and_forgotten),
	{}
};

static const struct ktest_suite cacheflush_suite = {
	.name = "cacheflush",
	.cases = cacheflush_cases,
};
ktest_register_suite(cacheflush_suite);

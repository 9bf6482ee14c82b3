// SPDX-License-Identifier: GPL-2.0
/*
 * mremap and faults when memory runs out, on address spaces made here.
 * Memory is exhausted for real: pages are taken from the buddy allocator
 * until it refuses, so that the next allocation on the path under test
 * fails, and given back afterwards; each case ends with every page back.
 *
 *  - a move whose second page table cannot be had fails with -ENOMEM
 *    and leaves every page where it was, contents and counts intact
 *    (the ptes already moved into the first table are moved back);
 *  - a fault that finds no page is VM_FAULT_OOM, never a "bad map";
 *  - a shared anonymous mapping grown by mremap faults VM_FAULT_SIGBUS
 *    past the size it was made with;
 *  - growth in place whose end would wrap past 2^32 is refused.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>

#include <linux/leak_check.h>

#define MT_PAGES	4
#define MT_PATTERN(i)	(0x6d000000u | (i))
#define MT_OLD		0x10000000UL
/* two pages below a page-table boundary: the move needs two tables */
#define MT_NEW		(0x20000000UL + PMD_SIZE - 2 * PAGE_SIZE)
#define MT_NEIGHBOUR	0x20000000UL	/* its VMA makes the first table */

/* Takes every page @gfp can get, onto @list; returns how many. */
static unsigned long mt_exhaust(struct list_head *list, gfp_t gfp)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_page(gfp | __GFP_NOWARN))) {
		list_add(&page->lru, list);
		n++;
	}
	return n;
}

static void mt_give_back(struct list_head *list)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, list, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

static int mt_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || vma->vm_start > addr)
		return VM_FAULT_BADMAP;
	return handle_mm_fault(vma, addr, flags);
}

static u32 mt_word(struct page *page, u32 *set)
{
	u32 *p = kmap_local_page(page), v;

	if (set)
		*p = *set;
	v = *p;
	kunmap_local(p);
	return v;
}

/* A mapping of @pages pages at @addr with each page written. */
static bool mt_map(struct ktest *t, struct mm_struct *mm, unsigned long addr,
		   unsigned long pages, unsigned long flags)
{
	unsigned long populate, i, r;

	r = do_mmap(mm, NULL, addr, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    flags | MAP_FIXED, 0, &populate);
	if (r != addr) {
		KT_FAIL(t, "do_mmap at %#lx: %ld", addr, (long)r);
		return false;
	}
	for (i = 0; i < pages; i++) {
		u32 v = MT_PATTERN(i);

		if (mt_fault(mm, addr + i * PAGE_SIZE, FAULT_FLAG_WRITE) ||
		    !follow_page(mm, addr + i * PAGE_SIZE)) {
			KT_FAIL(t, "write fault at %#lx", addr + i * PAGE_SIZE);
			return false;
		}
		mt_word(follow_page(mm, addr + i * PAGE_SIZE), &v);
	}
	return true;
}

static void move_failing_midway_moves_back(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), i, r, rss;
	struct vm_area_struct *spare, *keep;
	struct page *pages[MT_PAGES];
	struct mm_struct *mm = mm_alloc();
	LIST_HEAD(taken);

	KT_ASSERT_NOT_NULL(t, mm);
	if (!mt_map(t, mm, MT_OLD, MT_PAGES, MAP_PRIVATE | MAP_ANONYMOUS) ||
	    !mt_map(t, mm, MT_NEIGHBOUR, 1, MAP_PRIVATE | MAP_ANONYMOUS)) {
		mmput(mm);
		return;
	}
	for (i = 0; i < MT_PAGES; i++)
		pages[i] = follow_page(mm, MT_OLD + i * PAGE_SIZE);
	rss = get_mm_counter(mm, MM_ANONPAGES);

	/*
	 * The struct of the new VMA must still be had: a free slot in a slab
	 * that stays (@keep holds it), made before the page tables run out.
	 */
	keep = vm_area_alloc(mm);
	spare = vm_area_alloc(mm);
	KT_ASSERT_TRUE(t, keep && spare);
	KT_EXPECT_GT(t, mt_exhaust(&taken, GFP_KERNEL), 0);
	vm_area_free(spare);

	r = do_mremap(mm, MT_OLD, MT_PAGES * PAGE_SIZE, MT_PAGES * PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, MT_NEW);
	mt_give_back(&taken);
	vm_area_free(keep);

	KT_EXPECT_EQ(t, (long)r, -ENOMEM);
	KT_EXPECT_NULL(t, find_vma_intersection(mm, MT_NEW, MT_NEW + MT_PAGES * PAGE_SIZE));
	for (i = 0; i < MT_PAGES; i++) {
		struct page *page = follow_page(mm, MT_OLD + i * PAGE_SIZE);

		KT_EXPECT_PTR_EQ(t, page, pages[i]);
		if (page) {
			KT_EXPECT_EQ(t, mt_word(page, NULL), MT_PATTERN(i));
			KT_EXPECT_EQ(t, page_mapcount(page), 1);
		}
		KT_EXPECT_NULL(t, follow_page(mm, MT_NEW + i * PAGE_SIZE));
	}
	KT_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), rss);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);

	/* with memory back, the same move succeeds and takes the pages along */
	r = do_mremap(mm, MT_OLD, MT_PAGES * PAGE_SIZE, MT_PAGES * PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, MT_NEW);
	KT_EXPECT_EQ(t, r, MT_NEW);
	for (i = 0; i < MT_PAGES; i++) {
		KT_EXPECT_PTR_EQ(t, follow_page(mm, MT_NEW + i * PAGE_SIZE), pages[i]);
		KT_EXPECT_NULL(t, follow_page(mm, MT_OLD + i * PAGE_SIZE));
	}
	mmput(mm);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* No page for a fault: VM_FAULT_OOM (the caller kills), not a bad map. */
static void fault_without_memory_is_oom(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), populate, a;
	struct mm_struct *mm = mm_alloc();
	LIST_HEAD(taken);
	int ret;

	KT_ASSERT_NOT_NULL(t, mm);
	a = do_mmap(mm, NULL, MT_OLD, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0, &populate);
	KT_EXPECT_EQ(t, a, MT_OLD);
	/* the page table is there: only the page itself is missing */
	KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD, FAULT_FLAG_WRITE), 0);
	mt_exhaust(&taken, GFP_HIGHUSER_MOVABLE);
	mt_exhaust(&taken, GFP_KERNEL);
	ret = mt_fault(mm, MT_OLD + PAGE_SIZE, FAULT_FLAG_WRITE);
	/* a read maps the zero page: no memory needed */
	KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + PAGE_SIZE, 0), 0);
	mt_give_back(&taken);
	KT_EXPECT_EQ(t, ret, VM_FAULT_OOM);
	KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	mmput(mm);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* Shared anonymous memory has the size it was made with: SIGBUS past it. */
static void grown_shared_anon_sigbus(struct ktest *t)
{
	unsigned long before = free_and_slab_pages();
	struct mm_struct *mm = mm_alloc();

	KT_ASSERT_NOT_NULL(t, mm);
	if (mt_map(t, mm, MT_OLD, 2, MAP_SHARED | MAP_ANONYMOUS)) {
		KT_EXPECT_EQ(t, do_mremap(mm, MT_OLD, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 0, 0),
			     MT_OLD);
		KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
		KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + 2 * PAGE_SIZE, 0), VM_FAULT_SIGBUS);
		KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + 3 * PAGE_SIZE, FAULT_FLAG_WRITE),
			     VM_FAULT_SIGBUS);
		KT_EXPECT_EQ(t, mt_fault(mm, MT_OLD + 4 * PAGE_SIZE, 0), VM_FAULT_BADMAP);
	}
	mmput(mm);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* addr + new_len past 2^32 must not pass for an end below TASK_SIZE. */
static void growth_that_wraps_is_refused(struct ktest *t)
{
	const unsigned long top = TASK_SIZE - 16 * PAGE_SIZE;
	unsigned long before = free_and_slab_pages(), populate, r;
	struct mm_struct *mm = mm_alloc();

	KT_ASSERT_NOT_NULL(t, mm);
	r = do_mmap(mm, NULL, top, PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0, &populate);
	KT_EXPECT_EQ(t, r, top);
	KT_EXPECT_EQ(t, (long)do_mremap(mm, top, PAGE_SIZE, 0xbf000000UL, 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, (long)do_mremap(mm, top, PAGE_SIZE, -PAGE_SIZE, 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, (long)do_mremap(mm, top, PAGE_SIZE, 17 * PAGE_SIZE, 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, do_mremap(mm, top, PAGE_SIZE, 16 * PAGE_SIZE, 0, 0), top);
	KT_EXPECT_EQ(t, find_vma(mm, top)->vm_end, TASK_SIZE);
	KT_EXPECT_EQ(t, mm->total_vm, 16);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
	mmput(mm);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

static const struct ktest_case mremap_cases[] = {
	KTEST_CASE(move_failing_midway_moves_back),
	KTEST_CASE(fault_without_memory_is_oom),
	KTEST_CASE(grown_shared_anon_sigbus),
	KTEST_CASE(growth_that_wraps_is_refused),
	{}
};

static const struct ktest_suite mremap_suite = {
	.name = "mremap",
	.cases = mremap_cases,
};
ktest_register_suite(mremap_suite);

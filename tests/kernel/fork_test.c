// SPDX-License-Identifier: GPL-2.0
/*
 * fork's memory side, on address spaces made here: dup_mm() shares every
 * private page write-protected (refcount and mapcount 2, no copy), the
 * first write of either side copies (or, for the last mapper, reuses the
 * page in place), the zero page stays shared until written, MAP_SHARED
 * pages stay writable and shared; exit of either side gives its
 * references back. Then fork of 10 000 VMAs, 1000 dup/exit cycles and
 * 1000 kernel-thread start/exit/wait cycles that must leave the free
 * pages exactly as they were, and the lazy-TLB rule: an mm whose users
 * are gone lives on (its pgd too) while a kernel thread still borrows it.
 * Last, real clones sharing an mm (a CLONE_VM process and a thread),
 * which run three instructions in user mode and exit: mm_users counts
 * each while it lives; and clones sharing or copying the fd table and
 * the signal actions, which count their sharers and leak nothing.
 * And the stacks tasks get: vmalloc'ed, with nothing mapped below.
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/cacheflush.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#include <linux/leak_check.h>

#define FT_PAGES	4
#define FT_PATTERN(i)	(0x5a000000u | (i))

static bool ft_writable(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep = pte_lookup(mm, addr);

	return ptep && pte_present(*ptep) && pte_write(*ptep);
}

static int ft_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || vma->vm_start > addr)
		return -EFAULT;
	return handle_mm_fault(vma, addr, flags);
}

static u32 ft_read_word(struct page *page)
{
	u32 *p = kmap_local_page(page);
	u32 v = *p;

	kunmap_local(p);
	return v;
}

static void ft_write_word(struct page *page, u32 v)
{
	u32 *p = kmap_local_page(page);

	*p = v;
	kunmap_local(p);
}

/* A new mm with one mapping of FT_PAGES pages at *@addr, all written. */
static struct mm_struct *ft_mm(struct ktest *t, unsigned long flags, unsigned long *addr)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long populate = 0, i;

	if (!mm) {
		KT_FAIL(t, "mm_alloc failed");
		return NULL;
	}
	*addr = do_mmap(mm, NULL, 0, FT_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			flags, 0, &populate);
	if (IS_ERR_VALUE(*addr)) {
		KT_FAIL(t, "do_mmap: %ld", (long)*addr);
		mmput(mm);
		return NULL;
	}
	for (i = 0; i < FT_PAGES; i++) {
		unsigned long a = *addr + i * PAGE_SIZE;

		if (ft_fault(mm, a, FAULT_FLAG_WRITE) || !follow_page(mm, a)) {
			KT_FAIL(t, "write fault at %#lx not resolved", a);
			mmput(mm);
			return NULL;
		}
		ft_write_word(follow_page(mm, a), FT_PATTERN(i));
	}
	return mm;
}

static void cow_refcounts(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), a, i;
	struct page *old0, *old1, *page;
	struct mm_struct *parent = ft_mm(t, MAP_PRIVATE | MAP_ANONYMOUS, &a), *child;

	KT_ASSERT_NOT_NULL(t, parent);
	old0 = follow_page(parent, a);
	old1 = follow_page(parent, a + PAGE_SIZE);
	KT_EXPECT_EQ(t, page_count(old0), 1);
	KT_EXPECT_EQ(t, page_mapcount(old0), 1);

	child = dup_mm(parent);
	KT_ASSERT_NOT_NULL(t, child);
	/* after fork: one page, two read-only mappings of it, nothing copied */
	for (i = 0; i < FT_PAGES; i++) {
		unsigned long ai = a + i * PAGE_SIZE;

		page = follow_page(parent, ai);
		KT_EXPECT_PTR_EQ(t, follow_page(child, ai), page);
		KT_EXPECT_EQ(t, page_count(page), 2);
		KT_EXPECT_EQ(t, page_mapcount(page), 2);
		KT_EXPECT_FALSE(t, ft_writable(parent, ai));
		KT_EXPECT_FALSE(t, ft_writable(child, ai));
	}
	KT_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), FT_PAGES);
	KT_EXPECT_EQ(t, get_mm_counter(parent, MM_ANONPAGES), FT_PAGES);

	/* the child writes page 0: it gets a copy, the parent keeps the page */
	KT_EXPECT_EQ(t, ft_fault(child, a, FAULT_FLAG_WRITE), 0);
	page = follow_page(child, a);
	KT_EXPECT_PTR_NE(t, page, old0);
	KT_EXPECT_TRUE(t, ft_writable(child, a));
	KT_EXPECT_EQ(t, ft_read_word(page), FT_PATTERN(0));
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_EQ(t, page_mapcount(page), 1);
	KT_EXPECT_EQ(t, page_count(old0), 1);
	KT_EXPECT_EQ(t, page_mapcount(old0), 1);
	/* the parent, now the only mapper, writes page 0: reused in place */
	KT_EXPECT_EQ(t, ft_fault(parent, a, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_PTR_EQ(t, follow_page(parent, a), old0);
	KT_EXPECT_TRUE(t, ft_writable(parent, a));
	ft_write_word(old0, 0xdead);
	KT_EXPECT_EQ(t, ft_read_word(follow_page(child, a)), FT_PATTERN(0));

	/* the parent writes page 1 first: it copies, the child keeps the page */
	KT_EXPECT_EQ(t, ft_fault(parent, a + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_PTR_NE(t, follow_page(parent, a + PAGE_SIZE), old1);
	KT_EXPECT_EQ(t, ft_fault(child, a + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_PTR_EQ(t, follow_page(child, a + PAGE_SIZE), old1);
	KT_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), FT_PAGES);

	/* the child exits: the pages still shared go back to one mapping */
	page = follow_page(parent, a + 2 * PAGE_SIZE);
	mmput(child);
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_EQ(t, page_mapcount(page), 1);
	KT_EXPECT_FALSE(t, ft_writable(parent, a + 2 * PAGE_SIZE));
	/* and its next write takes it over without a copy */
	KT_EXPECT_EQ(t, ft_fault(parent, a + 2 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_PTR_EQ(t, follow_page(parent, a + 2 * PAGE_SIZE), page);
	mmput(parent);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* The parent exits first: the child is left the only mapper of each page. */
static void cow_parent_exits_first(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), a;
	struct mm_struct *parent = ft_mm(t, MAP_PRIVATE | MAP_ANONYMOUS, &a), *child;
	struct page *page;

	KT_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KT_ASSERT_NOT_NULL(t, child);
	page = follow_page(child, a + 3 * PAGE_SIZE);
	mmput(parent);
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_EQ(t, page_mapcount(page), 1);
	KT_EXPECT_EQ(t, ft_fault(child, a + 3 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_PTR_EQ(t, follow_page(child, a + 3 * PAGE_SIZE), page);
	KT_EXPECT_EQ(t, ft_read_word(page), FT_PATTERN(3));
	mmput(child);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* A page only read before fork is the zero page; a write gets a zeroed page. */
static void cow_zero_page(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), populate = 0, a;
	struct mm_struct *parent = mm_alloc(), *child;
	pte_t *ptep;

	KT_ASSERT_NOT_NULL(t, parent);
	a = do_mmap(parent, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	KT_ASSERT_FALSE(t, IS_ERR_VALUE(a));
	KT_EXPECT_EQ(t, ft_fault(parent, a, 0), 0);
	ptep = pte_lookup(parent, a);
	KT_ASSERT_NOT_NULL(t, ptep);
	KT_EXPECT_TRUE(t, pte_special(*ptep));
	KT_EXPECT_EQ(t, get_mm_counter(parent, MM_ANONPAGES), 0);
	child = dup_mm(parent);
	KT_ASSERT_NOT_NULL(t, child);
	KT_EXPECT_EQ(t, pte_pfn(*pte_lookup(child, a)), pte_pfn(*ptep));
	KT_EXPECT_EQ(t, ft_fault(child, a, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_FALSE(t, pte_special(*pte_lookup(child, a)));
	KT_EXPECT_NE(t, pte_pfn(*pte_lookup(child, a)), pte_pfn(*ptep));
	KT_EXPECT_EQ(t, ft_read_word(follow_page(child, a)), 0);
	KT_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 1);
	KT_EXPECT_TRUE(t, pte_special(*ptep));	/* the parent's is untouched */
	mmput(child);
	mmput(parent);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* MAP_SHARED anonymous: the same pages, writable, on both sides. */
static void shared_stays_shared(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), a, i;
	struct mm_struct *parent = ft_mm(t, MAP_SHARED | MAP_ANONYMOUS, &a), *child;

	KT_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KT_ASSERT_NOT_NULL(t, child);
	for (i = 0; i < FT_PAGES; i++) {
		unsigned long ai = a + i * PAGE_SIZE;
		struct page *page = follow_page(parent, ai);

		KT_EXPECT_PTR_EQ(t, follow_page(child, ai), page);
		KT_EXPECT_TRUE(t, ft_writable(parent, ai));
		KT_EXPECT_TRUE(t, ft_writable(child, ai));
		KT_EXPECT_EQ(t, page_mapcount(page), 2);
	}
	/* the parent exits: the pages live on in the object for the child */
	mmput(parent);
	KT_EXPECT_EQ(t, ft_read_word(follow_page(child, a + PAGE_SIZE)), FT_PATTERN(1));
	mmput(child);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

#define FT_MANY	10000

/* fork of a process with 10 000 VMAs (alternately writable, so none merge) */
static void fork_10000_vmas(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), base, populate = 0, i;
	struct mm_struct *parent = mm_alloc(), *child;
	struct vm_area_struct *v, *w;

	KT_ASSERT_NOT_NULL(t, parent);
	base = parent->mmap_base - FT_MANY * PAGE_SIZE;
	for (i = 0; i < FT_MANY; i++) {
		unsigned long a = base + i * PAGE_SIZE;

		if (do_mmap(parent, NULL, a, PAGE_SIZE,
			    i & 1 ? PROT_READ : PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0, &populate) != a)
			break;
		if (i % 16 == 0)
			ft_fault(parent, a, i & 1 ? 0 : FAULT_FLAG_WRITE);
	}
	KT_EXPECT_EQ(t, parent->map_count, FT_MANY);
	child = dup_mm(parent);
	if (child) {
		KT_EXPECT_EQ(t, child->map_count, FT_MANY);
		KT_EXPECT_EQ(t, child->total_vm, parent->total_vm);
		KT_EXPECT_EQ(t, get_mm_rss(child), get_mm_rss(parent));
		KT_EXPECT_EQ(t, validate_mm(child), 0);
		for (v = parent->mmap, w = child->mmap; v && w; v = v->vm_next, w = w->vm_next)
			if (v->vm_start != w->vm_start || v->vm_end != w->vm_end ||
			    v->vm_flags != w->vm_flags)
				break;
		KT_EXPECT_TRUE(t, !v && !w);
		mmput(child);
	} else {
		KT_FAIL(t, "dup_mm of %d VMAs failed", FT_MANY);
	}
	mmput(parent);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* 1000 forks of an address space, each child writing and exiting. */
static void dup_exit_1000(struct ktest *t)
{
	unsigned long a, before;
	struct mm_struct *parent = ft_mm(t, MAP_PRIVATE | MAP_ANONYMOUS, &a);
	int i;

	KT_ASSERT_NOT_NULL(t, parent);
	/* the parent's own pages are written again first: shared no more */
	for (i = 0; i < FT_PAGES; i++)
		ft_fault(parent, a + i * PAGE_SIZE, FAULT_FLAG_WRITE);
	before = free_and_slab_pages();
	for (i = 0; i < 1000; i++) {
		struct mm_struct *child = dup_mm(parent);

		if (!child) {
			KT_FAIL(t, "dup_mm failed at cycle %d", i);
			break;
		}
		ft_fault(child, a + (i % FT_PAGES) * PAGE_SIZE, FAULT_FLAG_WRITE);
		mmput(child);
		/* the parent writes again: the page it shared is its own again */
		ft_fault(parent, a + (i % FT_PAGES) * PAGE_SIZE, FAULT_FLAG_WRITE);
	}
	/* each of the parent's pages, written once more, is its own again */
	for (i = 0; i < FT_PAGES; i++) {
		ft_fault(parent, a + i * PAGE_SIZE, FAULT_FLAG_WRITE);
		KT_EXPECT_TRUE(t, ft_writable(parent, a + i * PAGE_SIZE));
		KT_EXPECT_EQ(t, page_mapcount(follow_page(parent, a + i * PAGE_SIZE)), 1);
	}
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
	mmput(parent);
}

static int ft_thread_fn(void *arg)
{
	return (int)(unsigned long)arg;
}

/* 1000 tasks started, exited and reaped: tasks, stacks and pids all return. */
static void task_exit_wait_1000(struct ktest *t)
{
	unsigned long before = free_and_slab_pages();
	int i, status, bad = 0;

	for (i = 0; i < 1000; i++) {
		struct task_struct *p = kthread_run(ft_thread_fn, (void *)(unsigned long)(i & 0x7f),
						    "ktest-child");
		int pid;

		if (!p) {
			KT_FAIL(t, "kthread_run failed at cycle %d", i);
			break;
		}
		pid = p->pid;
		if (do_wait(pid, &status, WEXITED, NULL) != pid || status != (i & 0x7f))
			bad++;
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/*
 * Lazy TLB: a kernel thread switched in after a process keeps running on
 * that process's page tables (active_mm) with a reference of mm_count.
 * When the users go, the VMAs and pages go; the mm_struct and its pgd
 * stay until that borrowed reference is dropped.
 */
static void lazy_tlb_keeps_mm(struct ktest *t)
{
	unsigned long before = free_and_slab_pages(), a, after_users;
	struct mm_struct *mm = ft_mm(t, MAP_PRIVATE | MAP_ANONYMOUS, &a);

	KT_ASSERT_NOT_NULL(t, mm);
	mmgrab(mm);			/* a kernel thread borrows it */
	KT_EXPECT_EQ(t, mm->mm_count, 2);
	mmput(mm);			/* the last user exits */
	KT_EXPECT_EQ(t, mm->mm_users, 0);
	KT_EXPECT_EQ(t, mm->mm_count, 1);
	KT_EXPECT_EQ(t, mm->map_count, 0);
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 0);
	after_users = free_and_slab_pages();
	KT_EXPECT_LT(t, after_users, before);	/* the pgd and struct are still held */
	mmdrop(mm);			/* the kernel thread switches away */
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/* ARM code for user mode: exit(0), as "mov r0, #0; mov r7, #1; svc #0". */
static const u32 ft_exit0[] = { 0xe3a00000, 0xe3a07001, 0xef000000 };

/*
 * Makes the test's kernel thread run on a new address space as a
 * process would, with @code (ft_exit0 unless said) at the start of a
 * page; @regs gets the user frame a clone child starts from there. The
 * mm, or NULL.
 */
static struct mm_struct *ft_enter_process_code(struct ktest *t, struct pt_regs *regs,
					       const u32 *code, size_t size)
{
	struct mm_struct *mm = mm_alloc(), *saved = current->active_mm;
	unsigned long populate = 0, a;

	if (!mm)
		return NULL;
	a = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	if (IS_ERR_VALUE(a)) {
		mmput(mm);
		return NULL;
	}
	current->mm = current->active_mm = mm;
	switch_mm(saved, mm, current);
	KT_EXPECT_EQ(t, copy_to_user((void *)a, code, size), 0);
	flush_icache_range(a, a + size);
	memset(regs, 0, sizeof(*regs));
	start_thread(regs, a, a + PAGE_SIZE);
	return mm;
}

static struct mm_struct *ft_enter_process(struct ktest *t, struct pt_regs *regs)
{
	return ft_enter_process_code(t, regs, ft_exit0, sizeof(ft_exit0));
}

/* Back to the kernel thread's borrowed @saved mm; @mm goes. */
static void ft_leave_process(struct mm_struct *mm, struct mm_struct *saved)
{
	current->mm = NULL;
	current->active_mm = saved;
	switch_mm(mm, saved, current);
	mmput(mm);
	release_dead_tasks();	/* the task_structs and stacks of threads */
}

/*
 * clone() of an address space made here, the test's kernel thread
 * running on it as a process would: a CLONE_VM child counts in
 * mm_users until it exits and is reaped; a CLONE_THREAD one counts in
 * mm_users and in the thread group until it exits.
 */
static void clone_vm_counts_users(struct ktest *t)
{
	unsigned long before = free_and_slab_pages();
	struct mm_struct *saved = current->active_mm, *mm;
	struct pt_regs regs;
	int pid, status = -1, tries = 0, live = current->group_leader->group_live;

	mm = ft_enter_process(t, &regs);
	KT_ASSERT_NOT_NULL(t, mm);

	pid = kernel_clone(CLONE_VM | SIGCHLD, 0, NULL, 0, NULL, &regs);
	KT_EXPECT_GT(t, pid, 0);
	KT_EXPECT_EQ(t, mm->mm_users, 2);
	if (pid > 0) {
		KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED, NULL), pid);
		KT_EXPECT_EQ(t, status, 0);	/* exit(0) ran in user mode */
	}
	KT_EXPECT_EQ(t, mm->mm_users, 1);
	KT_EXPECT_EQ(t, mm->mm_count, 1);

	pid = kernel_clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD,
			   0, NULL, 0, NULL, &regs);
	KT_EXPECT_GT(t, pid, 0);
	KT_EXPECT_EQ(t, mm->mm_users, 2);
	KT_EXPECT_EQ(t, current->group_leader->group_live, live + 1);
	KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED | WNOHANG, NULL), -ECHILD);	/* a thread */
	while (mm->mm_users > 1 && tries++ < 1000)
		schedule();		/* let it run and exit */
	KT_EXPECT_EQ(t, mm->mm_users, 1);
	KT_EXPECT_EQ(t, current->group_leader->group_live, live);

	ft_leave_process(mm, saved);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/*
 * The tables a clone may share: with CLONE_FILES and CLONE_SIGHAND the
 * child holds the parent's fd table and signal actions (each counts it
 * while it lives); without them it gets copies and the parent's counts
 * stay. Reaped, the child has let go of what it held.
 */
static void clone_shares_tables(struct ktest *t)
{
	unsigned long before = free_and_slab_pages();
	struct mm_struct *saved = current->active_mm, *mm;
	struct sighand_struct *sighand = current->sighand;
	int pid, status = -1, sig_count = sighand->count;
	struct pt_regs regs;

	mm = ft_enter_process(t, &regs);
	KT_ASSERT_NOT_NULL(t, mm);
	install_console_fds(current);	/* an fd table of its own */
	KT_ASSERT_NOT_NULL(t, current->files);

	pid = kernel_clone(CLONE_VM | CLONE_FILES | CLONE_SIGHAND | SIGCHLD, 0, NULL, 0,
			   NULL, &regs);
	KT_EXPECT_GT(t, pid, 0);
	KT_EXPECT_EQ(t, current->files->count, 2);
	KT_EXPECT_EQ(t, sighand->count, sig_count + 1);
	if (pid > 0)
		KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED, NULL), pid);
	KT_EXPECT_EQ(t, current->files->count, 1);
	KT_EXPECT_EQ(t, sighand->count, sig_count);

	pid = kernel_clone(CLONE_VM | SIGCHLD, 0, NULL, 0, NULL, &regs);
	KT_EXPECT_GT(t, pid, 0);
	KT_EXPECT_EQ(t, current->files->count, 1);
	KT_EXPECT_EQ(t, sighand->count, sig_count);
	if (pid > 0)
		KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED, NULL), pid);

	put_files_struct(current->files);
	current->files = NULL;
	ft_leave_process(mm, saved);
	KT_EXPECT_EQ(t, free_and_slab_pages(), before);
}

/*
 * This task's stack, as every task's since the fork code asked for it
 * (the caller vmallocinfo names): vmalloc'ed at a THREAD_ALIGN boundary
 * (Linux's VMAP_STACK), two pages and the guard page; the page below it
 * is not mapped, so a run off its bottom faults.
 */
static void task_stack_is_vmalloced_with_nothing_below(struct ktest *t)
{
	unsigned long stack = (unsigned long)current_thread_info(), val = 0x1234, count;
	struct vm_struct *vm = find_vm_area((void *)stack);
	char caller[64];

	KT_EXPECT_TRUE(t, is_vmalloc_addr((void *)stack));
	KT_EXPECT_EQ(t, stack & (THREAD_ALIGN - 1), 0);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_EQ(t, (unsigned long)vm->addr, stack);
	KT_EXPECT_EQ(t, vm->size, THREAD_SIZE + PAGE_SIZE);
	KT_EXPECT_EQ(t, vm->nr_pages, THREAD_SIZE / PAGE_SIZE);
	snprintf(caller, sizeof(caller), "%ps", vm->caller);
	KT_EXPECT_STREQ(t, caller, "alloc_task");	/* Linux's dup_task_struct */
	count = last_fixup.count;
	KT_EXPECT_EQ(t, get_kernel_nofault(val, (unsigned long *)(stack - 4)), -EFAULT);
	KT_EXPECT_EQ(t, val, 0x1234);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_EQ(t, last_fixup.addr, stack - 4);
}

/*
 * User code for the fault test: r3 is a flag word (the word after it is
 * set first, "started"), r4 a range of r5 pages (r0 is clone's 0). It waits for the flag,
 * writes a word of each page (one fault each), then exits(0).
 */
static const u32 ft_touch_pages[] = {
	0xe5833004,	/*	str	r3, [r3, #4]	started */
	0xe5932000,	/* 1:	ldr	r2, [r3]	*/
	0xe3520000,	/*	cmp	r2, #0		*/
	0x0afffffc,	/*	beq	1b		*/
	0xe5845000,	/* 2:	str	r5, [r4]	*/
	0xe2844a01,	/*	add	r4, r4, #4096	*/
	0xe2555001,	/*	subs	r5, r5, #1	*/
	0x1afffffb,	/*	bne	2b		*/
	0xe3a00000,	/*	mov	r0, #0		*/
	0xe3a07001,	/*	mov	r7, #1		*/
	0xef000000,	/*	svc	#0		*/
};

#define FT_TOUCH_PAGES	64
#define FT_FLAG_OFF	0x800	/* in the code's page, after the code */

/*
 * The big kernel lock stays out of anonymous page faults: a process on
 * another CPU faults in FT_TOUCH_PAGES pages while this kernel thread
 * holds the big lock throughout (it never sleeps, and interrupts stay
 * on). Were any part of the fault path under the lock, the process
 * would wait for it and no fault would complete before the deadline.
 * Needs two CPUs. The thread holds the lock on CPU 0, the process runs
 * elsewhere: CPU 0's tick, which needs the lock, would otherwise wait for
 * this thread with interrupts masked, and hold up a process running there.
 */
static void anon_faults_without_bkl(struct ktest *t)
{
	struct mm_struct *saved = current->active_mm, *mm;
	unsigned long allowed = current->cpus_allowed, populate = 0, area, flag;
	struct task_struct *child;
	unsigned long faults = 0;
	struct pt_regs regs;
	int pid, status = -1;
	u64 deadline;
	u32 one = 1, started = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU");
		return;
	}
	KT_ASSERT_EQ(t, set_cpus_allowed(current, 1UL << 0), 0);
	mm = ft_enter_process_code(t, &regs, ft_touch_pages, sizeof(ft_touch_pages));
	KT_ASSERT_NOT_NULL(t, mm);
	area = do_mmap(mm, NULL, 0, FT_TOUCH_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	KT_ASSERT_FALSE(t, IS_ERR_VALUE(area));
	flag = (regs.ARM_pc & PAGE_MASK) + FT_FLAG_OFF;
	regs.uregs[4] = area;
	regs.uregs[5] = FT_TOUCH_PAGES;
	regs.uregs[3] = flag;
	/* the child may run anywhere but here, CPU 0, where this thread spins */
	current->cpus_allowed = cpu_online_mask->bits & ~(1UL << 0);
	pid = kernel_clone(CLONE_VM | SIGCHLD, 0, NULL, 0, NULL, &regs);
	current->cpus_allowed = 1UL << 0;
	KT_ASSERT_TRUE(t, pid > 0);
	child = find_task_by_pid(pid);
	/* sleeping lets it take the big lock to leave schedule_tail for user mode */
	deadline = ktime_get_ns() + 2000000000ULL;
	while (!started && ktime_get_ns() < deadline) {
		msleep(1);
		KT_EXPECT_EQ(t, get_user(started, (u32 *)(flag + 4)), 0);
	}
	KT_EXPECT_NE(t, started, 0);
	/* from here on the big lock is this thread's until the wait below */
	KT_EXPECT_EQ(t, put_user(one, (u32 *)flag), 0);
	deadline = ktime_get_ns() + 2000000000ULL;
	while (faults < FT_TOUCH_PAGES && ktime_get_ns() < deadline) {
		cpu_relax();
		faults = READ_ONCE(child->min_flt);
	}
	KT_EXPECT_GE(t, current->lock_depth, 0);
	KT_EXPECT_GE(t, faults, FT_TOUCH_PAGES);
	KT_EXPECT_EQ(t, do_wait(pid, &status, WEXITED, NULL), pid);
	KT_EXPECT_EQ(t, status, 0);
	ft_leave_process(mm, saved);
	set_cpus_allowed(current, allowed);
}

static const struct ktest_case fork_cases[] = {
	KTEST_CASE(cow_refcounts),
	KTEST_CASE(cow_parent_exits_first),
	KTEST_CASE(cow_zero_page),
	KTEST_CASE(shared_stays_shared),
	KTEST_CASE(fork_10000_vmas),
	KTEST_CASE(dup_exit_1000),
	KTEST_CASE(task_exit_wait_1000),
	KTEST_CASE(lazy_tlb_keeps_mm),
	KTEST_CASE(clone_vm_counts_users),
	KTEST_CASE(clone_shares_tables),
	KTEST_CASE(task_stack_is_vmalloced_with_nothing_below),
	KTEST_CASE(anon_faults_without_bkl),
	{}
};

static const struct ktest_suite fork_suite = {
	.name = "fork",
	.cases = fork_cases,
};
ktest_register_suite(fork_suite);

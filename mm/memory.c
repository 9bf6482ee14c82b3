// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults and the page-table side of unmapping and protection.
 *
 * handle_mm_fault() finds (or makes) the pte for the faulting address in
 * the VMA, then handle_pte_fault() decides by its state:
 *
 *  - none, anonymous VMA: a read maps the shared zero page read-only; a
 *    write gets a fresh zeroed page (do_anonymous_page);
 *  - none, file-backed VMA: a shared mapping maps the file's own page,
 *    found by its vm_ops->fault (tmpfs: shmem_fault); a private one a
 *    private copy of it, read from the file (do_file_page); past the page
 *    holding the file's last byte there is no page: SIGBUS, as Linux's
 *    filemap_fault;
 *  - present, write to a read-only pte of a writable VMA: copy-on-write
 *    (do_wp_page): the page is reused in place when this is its only
 *    mapping, else copied (the zero page is never reused: a zeroed page
 *    replaces it);
 *  - present otherwise: only young (or dirty) was missing: record it.
 *
 * Anonymous pages count their mappings in _mapcount and their users in
 * _refcount; the zero page is "special" and counted by neither. RSS is
 * kept per mm (MM_ANONPAGES).
 *
 * Locking, as Linux's: faults hold mmap_lock for reading and run on
 * several CPUs at once, without the big kernel lock for anonymous
 * memory. A pte changes only under its pte page's lock (page->ptl); a
 * pte page is hooked into its pmd under mm->page_table_lock. Pte pages
 * are freed only with mmap_lock held for writing, so a fault's unlocked
 * look at a pte reads a live table.
 *
 * A fault that cannot be resolved says why in Linux's VM_FAULT_ bits:
 * VM_FAULT_OOM when a page or a page table could not be had (the caller
 * kills the process: never a SIGSEGV), VM_FAULT_SIGBUS when the object
 * behind the VMA has no page at that offset.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/fs.h>
#include <linux/shmem.h>
#include <linux/slab.h>
#include <linux/smp_lock.h>
#include <linux/string.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>

#define FAULT_FLAG_INSTRUCTION	0x02

static u8 empty_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static unsigned long zero_pfn(void)
{
	return __pa(empty_zero_page) >> PAGE_SHIFT;
}

bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn();
}

/* Records young/dirty for a present pte whose fault was only that. */
bool handle_pte_access(struct mm_struct *mm, unsigned long addr, bool write)
{
	pte_t *ptep = pte_lookup(mm, addr), pte;

	if (!ptep)
		return false;
	pte = *ptep;
	if (!pte_present(pte) || pte_protnone(pte) || (write && !pte_write(pte)))
		return false;
	pte = pte_mkyoung(pte);
	if (write)
		pte = pte_mkdirty(pte);
	if (pte_val(pte) == pte_val(*ptep) && pte_to_hw(pte_val(pte)) == *pte_hw(ptep))
		return false;	/* nothing to record: a real fault */
	set_pte_at(mm, addr, ptep, pte);
	if (mm == &init_mm)
		flush_tlb_kernel_page(addr);
	else
		flush_tlb_kernel_range(addr, addr + PAGE_SIZE);
	pte_unmap(ptep);
	return true;
}

/* ---- rmap-lite: counts of mappings ---- */

static void page_add_anon_rmap(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

static void page_remove_rmap(struct page *page)
{
	atomic_dec(&page->_mapcount);
}

/* ---- RSS counters (linux/mm.h) ---- */

void sync_mm_rss(struct mm_struct *mm)
{
	struct task_rss_stat *rss = &current->rss_stat;
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++) {
		if (rss->count[i]) {
			add_mm_counter(mm, i, rss->count[i]);
			rss->count[i] = 0;
		}
	}
	rss->events = 0;
}

/*
 * A fault's change of @mm's counter: into current's cache when it is
 * current's own mm (a kernel thread borrowing one, as KTAP suites do,
 * counts straight into it: it would not fold it back).
 */
static void add_mm_counter_fast(struct mm_struct *mm, int member, int value)
{
	if (current->mm == mm && !(current->flags & PF_KTHREAD))
		current->rss_stat.count[member] += value;
	else
		add_mm_counter(mm, member, value);
}

static void check_sync_rss_stat(struct mm_struct *mm)
{
	if (current->mm == mm && ++current->rss_stat.events > TASK_RSS_EVENTS_THRESH)
		sync_mm_rss(mm);
}

/* ---- split pte locks ---- */

bool ptlock_alloc(struct page *page)
{
	spinlock_t *ptl = kmalloc(sizeof(*ptl), GFP_KERNEL);

	if (!ptl)
		return false;
	spin_lock_init(ptl);
	page->ptl = ptl;
	return true;
}

void ptlock_free(struct page *page)
{
	kfree(page->ptl);
	page->ptl = NULL;
}

pte_t *pte_lookup_pmd(struct mm_struct *mm, unsigned long addr, pmd_t **pmdp)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);

	*pmdp = pmd;
	return pmd_table(*pmd) ? pte_offset_map(pmd, addr) : NULL;
}

pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd;

	return pte_lookup_pmd(mm, addr, &pmd);
}

/*
 * The page mapped at @addr in @mm, or NULL when nothing present is
 * there; no fault is taken. Linux's follow_page() without its FOLL_
 * flags (it takes the VMA; the tables are the mm's). The caller holds
 * mmap_lock, so the page stays mapped only as long as nobody zaps it:
 * a caller that keeps it past the lock takes a reference.
 */
static struct page *__follow_page(struct mm_struct *mm, unsigned long addr, bool get)
{
	struct page *page = NULL;
	spinlock_t *ptl;
	pmd_t *pmd;
	pte_t *ptep;

	if (!pte_lookup_pmd(mm, addr, &pmd))
		return NULL;
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (pte_present(*ptep) && pfn_valid(pte_pfn(*ptep))) {
		page = pte_page(*ptep);
		/* the zero page is counted by nobody: no reference to take */
		if (get && !pte_special(*ptep) && !get_page_unless_zero(page))
			page = NULL;	/* a mapped page at 0 users: a bug, reported on free */
	}
	pte_unmap_unlock(ptep, ptl);
	return page;
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	return __follow_page(mm, addr, false);
}

/*
 * The pte of @addr, its pte page made first if there is none (Linux's
 * __pte_alloc): the page is allocated outside mm->page_table_lock, then
 * hooked in under it unless another thread's fault did so meanwhile,
 * in which case it goes back.
 */
pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);

	if (pmd_none(READ_ONCE(*pmd))) {
		struct page *ptes = pte_alloc_one(mm);

		if (!ptes)
			return NULL;
		spin_lock(&mm->page_table_lock);
		if (pmd_none(*pmd)) {
			pmd_populate(mm, pmd, ptes);
			ptes = NULL;
		}
		spin_unlock(&mm->page_table_lock);
		if (ptes)
			pte_free(mm, ptes);
	}
	return pte_offset_map(pmd, addr);
}

/*
 * The fault handlers below read the pte without its lock to decide what
 * to do, do whatever may sleep or allocate (a page, a read of the file,
 * the object's ->fault) with no lock held, then take the pte lock and
 * install the result only if the pte is still what they saw: another
 * thread of the mm may have faulted the same page in meanwhile, in which
 * case their page goes back and the access is simply retried.
 */
struct fault_ctx {
	struct vm_area_struct *vma;
	unsigned long addr;
	pmd_t *pmd;
	pte_t *ptep;
	pte_t orig;		/* the pte as first seen, unlocked */
	unsigned int flags;
	spinlock_t *ptl;
};

/* Takes the pte lock: true if the pte is still the one the fault saw. */
static bool fault_lock_same(struct fault_ctx *f)
{
	f->ptep = pte_offset_map_lock(f->vma->vm_mm, f->pmd, f->addr, &f->ptl);
	if (pte_same(*f->ptep, f->orig))
		return true;
	pte_unmap_unlock(f->ptep, f->ptl);
	return false;
}

static void fault_unlock(struct fault_ctx *f)
{
	pte_unmap_unlock(f->ptep, f->ptl);
}

/*
 * Installs @page (its reference given to the pte) at a none pte with a
 * mapping more, counted in @counter: 0, or 0 with @page freed when the
 * pte was filled meanwhile.
 */
static int fault_install(struct fault_ctx *f, struct page *page, pte_t pte, int counter)
{
	if (!fault_lock_same(f)) {
		put_page(page);
		return 0;
	}
	page_add_anon_rmap(page);
	add_mm_counter_fast(f->vma->vm_mm, counter, 1);
	set_pte_at(f->vma->vm_mm, f->addr, f->ptep, pte);
	fault_unlock(f);
	return 0;
}

static int do_anonymous_page(struct fault_ctx *f)
{
	struct vm_area_struct *vma = f->vma;
	struct page *page;
	pte_t pte;

	if (!(f->flags & FAULT_FLAG_WRITE)) {
		/* a read: the zero page, until written (then do_wp_page) */
		pte = pte_mkspecial(pfn_pte(zero_pfn(), vma->vm_page_prot));
		if (!fault_lock_same(f))
			return 0;
		set_pte_at(vma->vm_mm, f->addr, f->ptep, pte_wrprotect(pte_mkyoung(pte)));
		fault_unlock(f);
		return 0;
	}
	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO | __GFP_NOWARN);
	if (!page)
		return VM_FAULT_OOM;
	pte = pte_mkdirty(pte_mkyoung(mk_pte(page, vma->vm_page_prot)));
	if (vma->vm_flags & VM_WRITE)
		pte = pte_mkwrite(pte);
	return fault_install(f, page, pte, MM_ANONPAGES);
}

/*
 * A private copy of the file's page at @addr, its tail past the file's
 * end zero; no page at all past the page holding the last byte.
 */
static int do_file_page(struct fault_ctx *f)
{
	struct vm_area_struct *vma = f->vma;
	unsigned long long off = ((unsigned long long)vma->vm_pgoff << PAGE_SHIFT) +
				 (f->addr - vma->vm_start);
	loff_t pos = off;
	struct page *page;
	long got;
	u8 *kaddr;
	pte_t pte;

	if ((loff_t)off >= i_size_read(file_inode(vma->vm_file)))
		return VM_FAULT_SIGBUS;
	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);
	if (!page)
		return VM_FAULT_OOM;
	lock_kernel();		/* the VFS still runs under the big kernel lock */
	kaddr = kmap_local_page(page);
	got = kernel_read(vma->vm_file, kaddr, PAGE_SIZE, &pos);
	if (got < 0)
		got = 0;
	memset(kaddr + got, 0, PAGE_SIZE - got);
	kunmap_local(kaddr);
	unlock_kernel();
	pte = pte_mkyoung(mk_pte(page, vma->vm_page_prot));
	if ((f->flags & FAULT_FLAG_WRITE) && (vma->vm_flags & VM_WRITE))
		pte = pte_mkwrite(pte_mkdirty(pte));
	return fault_install(f, page, pte, MM_FILEPAGES);
}

/*
 * A write to a present read-only pte in a writable VMA: reuse the page
 * if this is its only mapping and only user, else copy it. The copy is
 * made with the lock dropped and a reference held on the old page, and
 * goes in only if the pte did not change meanwhile.
 */
static int do_wp_page(struct fault_ctx *f)
{
	struct vm_area_struct *vma = f->vma;
	struct page *old = pte_special(f->orig) ? NULL : pte_page(f->orig);
	struct page *new;
	pte_t pte;

	if (!fault_lock_same(f))
		return 0;
	if (old && page_mapcount(old) == 1 && page_count(old) == 1) {
		set_pte_at(vma->vm_mm, f->addr, f->ptep,
			   pte_mkwrite(pte_mkdirty(pte_mkyoung(f->orig))));
		flush_tlb_range(vma, f->addr, f->addr + PAGE_SIZE);
		fault_unlock(f);
		return 0;
	}
	if (old)
		get_page(old);
	fault_unlock(f);
	new = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);
	if (!new) {
		if (old)
			put_page(old);
		return VM_FAULT_OOM;
	}
	if (old)
		copy_highpage(new, old);
	else
		clear_highpage(new);
	pte = pte_mkwrite(pte_mkdirty(pte_mkyoung(mk_pte(new, vma->vm_page_prot))));
	if (!fault_lock_same(f)) {
		put_page(new);
	} else {
		page_add_anon_rmap(new);
		if (!old)
			add_mm_counter_fast(vma->vm_mm, MM_ANONPAGES, 1);
		set_pte_at(vma->vm_mm, f->addr, f->ptep, pte);
		/* no CPU may go on writing the old page through a stale entry */
		flush_tlb_range(vma, f->addr, f->addr + PAGE_SIZE);
		if (old) {
			page_remove_rmap(old);
			put_page(old);	/* the pte's reference */
		}
		fault_unlock(f);
	}
	if (old)
		put_page(old);		/* ours */
	return 0;
}

/* Shared anonymous memory: the shmem object's page, mapped as it is. */
static int do_shared_anon_page(struct fault_ctx *f)
{
	struct page *page;
	pte_t pte;
	int err;

	lock_kernel();		/* shmem, as the VFS, under the big kernel lock */
	err = shmem_page(f->vma, f->addr, &page);
	if (!err)
		get_page(page);
	unlock_kernel();
	if (err)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	pte = pte_mkyoung(mk_pte(page, f->vma->vm_page_prot));
	if (f->flags & FAULT_FLAG_WRITE)
		pte = pte_mkdirty(pte);
	return fault_install(f, page, pte, MM_SHMEMPAGES);
}

/* A shared file mapping: the object's own page (its vm_ops->fault finds it). */
static int do_shared_fault(struct fault_ctx *f)
{
	struct vm_area_struct *vma = f->vma;
	struct vm_fault vmf = {
		.vma = vma, .address = f->addr, .flags = f->flags,
		.pgoff = vma->vm_pgoff + ((f->addr - vma->vm_start) >> PAGE_SHIFT),
	};
	pte_t pte;
	int ret;

	lock_kernel();		/* the object's ->fault: the VFS's, under the big lock */
	ret = vma->vm_ops->fault(&vmf);
	unlock_kernel();
	if (ret)
		return ret;
	pte = pte_mkyoung(mk_pte(vmf.page, vma->vm_page_prot));
	if (f->flags & FAULT_FLAG_WRITE)
		pte = pte_mkdirty(pte);
	return fault_install(f, vmf.page, pte, MM_SHMEMPAGES);
}

static int handle_pte_fault(struct fault_ctx *f)
{
	struct vm_area_struct *vma = f->vma;
	bool write = f->flags & FAULT_FLAG_WRITE;
	pte_t pte;

	f->orig = READ_ONCE(*f->ptep);
	pte_unmap(f->ptep);
	if (pte_none(f->orig)) {
		if (vma->vm_ops && vma->vm_ops->fault)
			return do_shared_fault(f);
		if (vma->vm_file)
			return do_file_page(f);
		if (vma->vm_private_data)
			return do_shared_anon_page(f);
		return do_anonymous_page(f);
	}
	if (write && !pte_write(f->orig))
		return do_wp_page(f);
	if (!fault_lock_same(f))
		return 0;
	pte = pte_mkyoung(f->orig);
	if (write)
		pte = pte_mkdirty(pte);
	set_pte_at(vma->vm_mm, f->addr, f->ptep, pte);
	flush_tlb_range(vma, f->addr, f->addr + PAGE_SIZE);
	fault_unlock(f);
	return 0;
}

/* The caller holds mmap_lock (for reading will do). */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags)
{
	struct fault_ctx f = {
		.vma = vma, .addr = addr & PAGE_MASK, .flags = flags,
	};
	int ret;

	f.ptep = pte_alloc_map(vma->vm_mm, addr);
	if (!f.ptep)
		return VM_FAULT_OOM;
	f.pmd = pmd_offset(pgd_offset(vma->vm_mm, addr), addr);
	ret = handle_pte_fault(&f);
	check_sync_rss_stat(vma->vm_mm);
	return ret;
}

/*
 * Grows a VM_GROWSDOWN VMA down to cover @addr, keeping the guard gap
 * above the VMA below and RLIMIT_STACK. Faults grow it holding mmap_lock
 * only for reading, so two threads may get here at once: as in Linux,
 * mm->page_table_lock makes the check and the move one step. (vm_start
 * is no key of the tree, which stays as it is.)
 */
int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = addr & PAGE_MASK;
	int err = 0;

	if (!(vma->vm_flags & VM_GROWSDOWN) || start >= READ_ONCE(vma->vm_start))
		return -EFAULT;
	spin_lock(&mm->page_table_lock);
	if (start >= vma->vm_start)
		;	/* another thread's fault grew it meanwhile */
	else if (vma->vm_end - start > rlimit(RLIMIT_STACK))
		err = -ENOMEM;
	else if (vma->vm_prev && vma->vm_prev->vm_end + STACK_GUARD_GAP > start)
		err = -ENOMEM;
	if (!err && start < vma->vm_start) {
		mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
		mm->stack_vm += (vma->vm_start - start) >> PAGE_SHIFT;
		WRITE_ONCE(vma->vm_start, start);
	}
	spin_unlock(&mm->page_table_lock);
	return err;
}

/*
 * The fault of a user access (or of the kernel touching user memory) at
 * @addr: 0 when resolved, VM_FAULT_BADMAP when nothing is mapped there,
 * VM_FAULT_BADACCESS when the VMA forbids it, else handle_mm_fault's.
 * mmap_lock is held for reading throughout, as by Linux's arch fault
 * handlers (or the big kernel lock, see below): the VMA stays as found
 * until the pte is in.
 */
int do_user_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	/*
	 * A holder of the big kernel lock faulting on a user address (a
	 * system call's copy) takes no mmap_lock. Whatever writes the VMAs
	 * holds the big lock and never sleeps with mmap_lock written, so
	 * nothing is halfway while we hold it; and waiting on the rwsem
	 * would sleep, which the code under the big lock counts on a copy
	 * never doing (a pipe's state is not locked across its copies:
	 * Linux's per-object mutexes are not all there yet).
	 */
	bool take_lock = current->lock_depth < 0;
	struct vm_area_struct *vma;
	unsigned long need;
	int ret = VM_FAULT_BADMAP;

	if (!mm || addr >= TASK_SIZE)
		return VM_FAULT_BADMAP;
	if (take_lock)
		mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || (vma->vm_start > addr && expand_stack(vma, addr)))
		goto out;
	if (flags & FAULT_FLAG_WRITE)
		need = VM_WRITE;
	else if (flags & FAULT_FLAG_INSTRUCTION)
		need = VM_EXEC;
	else
		need = VM_READ | VM_WRITE | VM_EXEC;
	ret = VM_FAULT_BADACCESS;
	if (vma->vm_flags & need)
		ret = handle_mm_fault(vma, addr, flags);
out:
	if (take_lock)
		mmap_read_unlock(mm);
	return ret;
}

/*
 * Reads up to @len bytes at @addr of @mm, which need not be the current
 * one (/proc/PID/cmdline): page by page through its page tables, a page
 * not yet there faulted in as a read would. Stops at the first address
 * that is not mapped readable; returns the bytes read. @buf is kernel
 * memory: nothing here may fault on a user address under mmap_lock.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long offset = addr & ~PAGE_MASK;
		int n = min(len - done, (int)(PAGE_SIZE - offset));
		struct page *page;
		void *kaddr;

		if (!vma || vma->vm_start > addr || !(vma->vm_flags & VM_READ))
			break;
		/*
		 * Held by a reference, not by the pte: madvise(MADV_DONTNEED)
		 * in the owner zaps with mmap_lock only read, as this holds it
		 */
		page = __follow_page(mm, addr, true);
		if (!page) {
			if (handle_mm_fault(vma, addr, 0))
				break;
			page = __follow_page(mm, addr, true);
			if (!page)
				break;
		}
		kaddr = kmap_local_page(page);
		memcpy((char *)buf + done, (char *)kaddr + offset, n);
		kunmap_local(kaddr);
		if (!is_zero_pfn(page_to_pfn(page)))
			put_page(page);
		done += n;
		addr += n;
	}
	mmap_read_unlock(mm);
	return done;
}

/*
 * ---- unmapping ----
 *
 * Through an mmu_gather (asm-generic/tlb.h): a page unmapped here, and a
 * pte page unhooked from its pmd, are freed only once the TLB has been
 * flushed for their addresses, as hardware may still reach them until
 * then.
 */

static void zap_pte(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    unsigned long addr, pte_t *ptep)
{
	pte_t pte = *ptep;

	if (pte_none(pte))
		return;
	pte_clear(vma->vm_mm, addr, ptep);
	tlb_remove_tlb_entry(tlb, ptep, addr);
	if (pte_present(pte) && !pte_special(pte) && pfn_valid(pte_pfn(pte))) {
		struct page *page = pte_page(pte);

		add_mm_counter(vma->vm_mm, vma_mm_counter(vma), -1);
		page_remove_rmap(page);
		tlb_remove_page(tlb, page);
	}
}

void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = start;

	while (addr < end) {
		pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);
		unsigned long next = min((addr + PMD_SIZE) & PMD_MASK, end);

		if (!next)
			next = end;
		if (pmd_table(*pmd)) {
			spinlock_t *ptl;
			pte_t *start_pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
			pte_t *ptep = start_pte;
			unsigned long a;

			/* madvise zaps with mmap_lock read: faults may run alongside */
			for (a = addr; a < next; a += PAGE_SIZE, ptep++)
				zap_pte(tlb, vma, a, ptep);
			pte_unmap_unlock(start_pte, ptl);
		}
		addr = next;
	}
}

/* Unmaps [start, end) of @vma, which stays (madvise(MADV_DONTNEED)). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	unmap_page_range(&tlb, vma, start, end);
	tlb_finish_mmu(&tlb);
}

/*
 * Unmaps the file pages [holebegin, holebegin + holelen) (to the end if
 * @holelen is 0) from every VMA that maps @mapping, in every mm, so that
 * a truncated page is no longer reached and is freed with the file's
 * reference. A private VMA's pages are all its own copies here (faults
 * copy the file's data, mm/memory.c's do_file_page): they go only with
 * @even_cows, as truncation wants (the data they copied is gone).
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, int even_cows)
{
	unsigned long first = holebegin >> PAGE_SHIFT;
	unsigned long last = ~0UL;
	struct vm_area_struct *vma;

	if (holelen) {
		unsigned long long end = ((unsigned long long)holebegin + holelen +
					  PAGE_SIZE - 1) >> PAGE_SHIFT;

		if (end - 1 < ~0UL)
			last = end - 1;
	}
	i_mmap_lock_write(mapping);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long vfirst = vma->vm_pgoff;
		unsigned long vlast = vfirst + vma_pages(vma) - 1;
		unsigned long from, to;

		if (!even_cows && !(vma->vm_flags & VM_SHARED))
			continue;
		if (vlast < first || vfirst > last)
			continue;
		from = max(first, vfirst);
		to = min(last, vlast);
		zap_page_range(vma, vma->vm_start + ((from - vfirst) << PAGE_SHIFT),
			       vma->vm_start + ((to - vfirst + 1) << PAGE_SHIFT));
	}
	i_mmap_unlock_write(mapping);
}

/*
 * Frees the pte pages of [start, end) that no VMA uses any more: each
 * pmd is cleared first, so that no new walk reaches the page, and the
 * page goes to the gather, freed after the flush.
 */
void free_pgd_range(struct mmu_gather *tlb, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = tlb->mm;
	unsigned long addr;

	for (addr = start & PMD_MASK; addr < end && addr < TASK_SIZE; addr += PMD_SIZE) {
		pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);
		struct page *ptes;

		if (!pmd_table(*pmd) || find_vma_intersection(mm, addr, addr + PMD_SIZE))
			continue;
		ptes = virt_to_page(pmd_page_vaddr(*pmd));
		pmd_clear(pmd);
		pte_free_tlb(tlb, ptes, addr);
	}
}

/* ---- protection ---- */

/* change_pte_range: the ptes of [addr, end) within one pte page, under its lock. */
static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			     unsigned long end, pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *start_pte = pte_offset_map_lock(mm, pmd, addr, &ptl), *ptep = start_pte;

	for (; addr < end; addr += PAGE_SIZE, ptep++) {
		pte_t pte = *ptep;

		if (!pte_present(pte))
			continue;
		pte = pte_modify(pte, newprot);
		/* shared or zero pages stay read-only: the write fault copies */
		if (pte_special(pte) || (!(vma->vm_flags & VM_SHARED) &&
					 page_mapcount(pte_page(pte)) > 1))
			pte = pte_wrprotect(pte);
		set_pte_at(mm, addr, ptep, pte);
	}
	pte_unmap_unlock(start_pte, ptl);
}

/*
 * The caller holds mmap_lock for writing until after the flush here, so
 * no fault can map a page with the old protection meanwhile, and no
 * thread of the mm goes on through a stale TLB entry once it is let go.
 */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr, next;

	for (addr = start; addr < end; addr = next) {
		pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);

		next = (addr & PMD_MASK) + PMD_SIZE;
		if (!next || next > end)
			next = end;
		if (pmd_table(*pmd))
			change_pte_range(vma, pmd, addr, next, newprot);
	}
	flush_tlb_range(vma, start, end);
}

/* ---- fork ---- */

/*
 * Copies @vma's ptes from @src to @dst. Private writable pages become
 * read-only in both, shared between them until one writes (do_wp_page
 * then copies, or reuses when the other side has let go). Shared
 * mappings keep their ptes as they are. Each page gains a mapping and a
 * reference; the zero page is special and counts neither.
 */
static bool ptes_none(pte_t *ptep, unsigned long addr, unsigned long end)
{
	for (; addr < end; addr += PAGE_SIZE, ptep++)
		if (!pte_none(*ptep))
			return false;
	return true;
}

/*
 * copy_pte_range: one pte page's worth, both pte pages locked (the
 * child's first: it is new, nobody else takes it). The source's ptes are
 * scanned unlocked first only to skip making an empty table for the
 * child: with the parent's mmap_lock held for writing no fault fills one.
 */
static int copy_pte_range(struct mm_struct *dst, struct mm_struct *src,
			  struct vm_area_struct *vma, pmd_t *spmd,
			  unsigned long addr, unsigned long end)
{
	bool cow = !(vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE);
	spinlock_t *sptl, *dptl;
	pte_t *sptep, *dptep, *sstart, *dstart;
	pmd_t *dpmd;

	if (ptes_none(pte_offset_map(spmd, addr), addr, end))
		return 0;
	if (!pte_alloc_map(dst, addr))
		return -ENOMEM;
	dpmd = pmd_offset(pgd_offset(dst, addr), addr);
	dstart = dptep = pte_offset_map_lock(dst, dpmd, addr, &dptl);
	/* a second pte lock, always taken after the child's: lockdep is told so */
	sstart = sptep = pte_offset_map(spmd, addr);
	sptl = pte_lockptr(src, spmd);
	spin_lock_nested(sptl, SINGLE_DEPTH_NESTING);
	for (; addr < end; addr += PAGE_SIZE, sptep++, dptep++) {
		pte_t pte = *sptep;

		if (pte_none(pte))
			continue;
		if (cow && pte_write(pte)) {
			pte = pte_wrprotect(pte);
			set_pte_at(src, addr, sptep, pte);
		}
		if (pte_present(pte) && !pte_special(pte)) {
			struct page *page = pte_page(pte);

			get_page(page);
			page_add_anon_rmap(page);
			add_mm_counter(dst, vma_mm_counter(vma), 1);
		}
		set_pte_at(dst, addr, dptep, pte_mkold(pte));
	}
	pte_unmap_unlock(sstart, sptl);
	pte_unmap_unlock(dstart, dptl);
	return 0;
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr, next;

	for (addr = vma->vm_start; addr < vma->vm_end; addr = next) {
		pmd_t *spmd = pmd_offset(pgd_offset(src, addr), addr);

		next = (addr & PMD_MASK) + PMD_SIZE;
		if (!next || next > vma->vm_end)
			next = vma->vm_end;
		if (pmd_table(*spmd) && copy_pte_range(dst, src, vma, spmd, addr, next))
			return -ENOMEM;
	}
	return 0;
}

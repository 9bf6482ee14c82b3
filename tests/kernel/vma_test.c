// SPDX-License-Identifier: GPL-2.0
/*
 * VMAs against a reference model: thousands of random mmap, munmap,
 * mprotect and brk calls on an mm made here, each checked against a map
 * of what every page of a 16 MiB window should be (mapped or not, its
 * vm_flags, which shared mapping it belongs to) and its return value
 * against what Linux returns for it. After each call the VMA list must
 * be the model's exactly: one VMA per run of pages that Linux keeps in
 * one (merged where it merges, split where it splits), with the right
 * flags, protection and pgoff; validate_mm() finds nothing; map_count
 * and the total/data/exec/stack counters agree; find_vma agrees. In the
 * kernel, a few pages are also faulted in after each call, and the page
 * tables must follow: no pte left where nothing is mapped, none granting
 * more than its VMA. Then find_vma on 10 000 VMAs against a plain walk
 * of their table. Each case ends with every VMA struct, page-table page
 * and page given back.
 *
 * Above the window, one shared PROT_NONE VMA (which nothing merges
 * with) covers the rest of user space, so that nothing the model does
 * not see can be chosen; mmap_base is the window's top.
 *
 * tests/host/test_vma.c runs this suite on the host too, where stubs
 * stand in for the page-table calls and tell which pages each call
 * unmapped or reprotected (checked against the model there), and adds
 * cases for every errno and edge of the interface.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#include <linux/leak_check.h>

#ifndef FIRST_USER_ADDRESS
#define FIRST_USER_ADDRESS	PAGE_SIZE	/* mm/mmap.c's on the host */
#endif
#ifndef VM_NORESERVE
#define VM_NORESERVE		0x00200000UL	/* as mm/mmap.c */
#endif
#ifndef PAGE_ALIGN
#define PAGE_ALIGN(x)		ALIGN(x, PAGE_SIZE)
#endif

#define VT_NPAGES	4096UL
#define VT_END		(VT_NPAGES << PAGE_SHIFT)
#define VT_FIRST_PAGE	(FIRST_USER_ADDRESS >> PAGE_SHIFT)
#define VT_BLOCKER	((u32)-1)	/* "shared mapping" of the VMA above */
#define VT_MAY		(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VT_BRK_FLAGS	(VM_READ | VM_WRITE | VT_MAY | VM_ACCOUNT)
#define VT_START_BRK	((1024UL << PAGE_SHIFT) + 0x123)

#ifdef HOST_TEST
#define VT_STEPS	6000
#define VT_FULL_EVERY	1
#define VT_LOOKUPS	3000
#else
#define VT_STEPS	2000	/* under a second of QEMU TCG */
#define VT_FULL_EVERY	4
#define VT_LOOKUPS	300
#endif

static u32 vt_seed;

static u32 vt_rnd(void)
{
	vt_seed ^= vt_seed << 13;
	vt_seed ^= vt_seed >> 17;
	vt_seed ^= vt_seed << 5;
	return vt_seed;
}

/* ---- a test mm ---- */

static struct mm_struct *vt_mm_create(unsigned long mmap_base)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	mm->mm_count = 1;
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = mmap_base;
#ifndef HOST_TEST
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
#endif
	return mm;
}

static void vt_mm_destroy(struct mm_struct *mm)
{
	exit_mmap(mm);
#ifndef HOST_TEST
	pgd_free(mm, mm->pgd);
#endif
	kfree(mm);
}

/* ---- what must come back ---- */

/*
 * Objects of @s in use: all of its slabs' objects less the free ones,
 * which are on partial slabs and in the CPU slabs (a full slab has none).
 */
/*
 * Free pages, and pages in slabs: SLUB keeps some empty slabs of a cache
 * rather than free them, so the two are counted together; leaked VMA
 * structs are found by counting the cache's objects instead.
 */
struct vt_usage {
	struct kmem_cache *cache;
	long vmas;
	unsigned long pages;
};

static void vt_usage(struct vt_usage *u)
{
	if (!u->cache) {
		struct vm_area_struct *probe = vm_area_alloc(NULL);

		u->cache = compound_head(virt_to_page(probe))->slab_cache;
		vm_area_free(probe);
	}
	u->pages = free_and_slab_pages();
	u->vmas = kmem_cache_objects_in_use(u->cache);
}

static void vt_expect_usage_back(struct ktest *t, const struct vt_usage *before)
{
	struct vt_usage now = { .cache = before->cache };

	vt_usage(&now);
	KT_EXPECT_EQ(t, now.vmas, before->vmas);
	KT_EXPECT_EQ(t, now.pages, before->pages);
}

/* ---- the model ---- */

struct vt_page {
	unsigned long flags;	/* 0: not mapped */
	u32 obj;		/* 0: private; else its shared mapping's number */
	u32 pgoff;		/* page within that shared mapping */
	bool cut;		/* a VMA starts here though the page before matches */
};

struct vt_model {
	struct mm_struct *mm;
	struct vt_page page[VT_NPAGES + 1];	/* the last: the VMA above */
	u32 objs;
	unsigned long brk;
	unsigned long step;
#ifdef HOST_TEST
	/* calls the page-table stubs should have seen, and did */
	u8 want_unmap[VT_NPAGES], want_prot[VT_NPAGES];
	u8 got_unmap[VT_NPAGES], got_prot[VT_NPAGES];
#endif
};

static struct vt_model vt;

static bool vt_mapped(unsigned long p)
{
	return vt.page[p].flags != 0;
}

/* Is page @p the first of a VMA, as Linux would have them? */
static bool vt_starts_vma(unsigned long p)
{
	const struct vt_page *pg = &vt.page[p], *before;

	if (!pg->flags)
		return false;
	if (!p || !pg[-1].flags)
		return true;
	before = pg - 1;
	return pg->obj != before->obj || pg->flags != before->flags || pg->cut;
}

static bool vt_free_run(unsigned long p, unsigned long n)
{
	unsigned long i;

	if (p + n > VT_NPAGES)
		return false;
	for (i = p; i < p + n; i++)
		if (vt_mapped(i))
			return false;
	return true;
}

static void vt_unmap_pages(unsigned long p, unsigned long n)
{
	unsigned long i;

	for (i = p; i < p + n; i++) {
#ifdef HOST_TEST
		vt.want_unmap[i] = vt_mapped(i);
#endif
		memset(&vt.page[i], 0, sizeof(vt.page[i]));
	}
}

static void vt_map_pages(unsigned long p, unsigned long n,
			 unsigned long flags, u32 obj)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		vt.page[p + i].flags = flags;
		vt.page[p + i].obj = obj;
		vt.page[p + i].pgoff = i;
		vt.page[p + i].cut = false;
	}
}

/*
 * Pieces of a shared mapping never merge again (mm/mmap.c): once two
 * neighbours of one have differed, a VMA boundary stays between them.
 */
static void vt_note_shared_cuts(void)
{
	unsigned long p;

	for (p = 1; p < VT_NPAGES; p++) {
		struct vt_page *pg = &vt.page[p];

		if (pg->flags && pg->obj && pg->obj == pg[-1].obj &&
		    pg->flags != pg[-1].flags)
			pg->cut = true;
	}
}

/* The highest free run of @n pages, as get_unmapped_area's top-down. */
static long vt_topdown(unsigned long n)
{
	unsigned long p, run = 0;

	for (p = VT_NPAGES; p-- > VT_FIRST_PAGE;) {
		run = vt_mapped(p) ? 0 : run + 1;
		if (run >= n)
			return p;
	}
	return -1;
}

static unsigned long vt_calc_prot(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* ---- checking the mm against the model ---- */

static bool vt_check_vma(struct ktest *t, struct vm_area_struct *vma)
{
	unsigned long s = vma->vm_start >> PAGE_SHIFT, e = vma->vm_end >> PAGE_SHIFT;
	unsigned long p, pgoff = vma->vm_flags & VM_SHARED ? vt.page[s].pgoff : s;

	if (vma->vm_start >= VT_END || vma->vm_end > VT_END || !vt_starts_vma(s)) {
		KT_FAIL(t, "step %lu: VMA %#lx-%#lx should not start there",
			vt.step, vma->vm_start, vma->vm_end);
		return false;
	}
	for (p = s; p < e; p++) {
		if (vt.page[p].flags != vma->vm_flags || (p > s && vt_starts_vma(p))) {
			KT_FAIL(t, "step %lu: VMA %#lx-%#lx flags %#lx, page %#lx: %#lx%s",
				vt.step, vma->vm_start, vma->vm_end, vma->vm_flags,
				p << PAGE_SHIFT, vt.page[p].flags,
				p > s && vt_starts_vma(p) ? " (starts a VMA)" : "");
			return false;
		}
	}
	if (e < VT_NPAGES && vt_mapped(e) && !vt_starts_vma(e)) {
		KT_FAIL(t, "step %lu: VMA %#lx-%#lx should go on", vt.step,
			vma->vm_start, vma->vm_end);
		return false;
	}
	if (vma->vm_pgoff != pgoff || vma->vm_mm != vt.mm ||
	    pgprot_val(vma->vm_page_prot) != pgprot_val(vm_get_page_prot(vma->vm_flags)) ||
	    !(vma->vm_flags & VM_SHARED) != !vt.page[s].obj) {
		KT_FAIL(t, "step %lu: VMA %#lx-%#lx: pgoff %#lx (want %#lx), mm, prot or sharing",
			vt.step, vma->vm_start, vma->vm_end, vma->vm_pgoff, pgoff);
		return false;
	}
	return true;
}

/* The VMA find_vma(@addr) should give, by walking the model. */
static unsigned long vt_expected_vma_start(unsigned long addr)
{
	unsigned long p = addr >> PAGE_SHIFT;

	if (p >= VT_NPAGES)
		return VT_END;
	if (vt_mapped(p)) {
		while (!vt_starts_vma(p))
			p--;
		return p << PAGE_SHIFT;
	}
	while (!vt_mapped(p))
		p++;
	return p << PAGE_SHIFT;
}

static bool vt_check_lookups(struct ktest *t, int n)
{
	while (n--) {
		unsigned long addr = vt_rnd() % (VT_END + PAGE_SIZE);
		struct vm_area_struct *vma = find_vma(vt.mm, addr);
		unsigned long want = vt_expected_vma_start(addr);

		if (!vma || vma->vm_start != want) {
			KT_FAIL(t, "step %lu: find_vma(%#lx) = %#lx, want %#lx", vt.step,
				addr, vma ? vma->vm_start : 0, want);
			return false;
		}
	}
	return true;
}

static void vt_count(unsigned long flags, unsigned long n, unsigned long c[4])
{
	c[0] += n;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		c[1] += n;
	else if (flags & VM_STACK)
		c[2] += n;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		c[3] += n;
}

/* The list, page by page, then counters, validate_mm and lookups. */
static bool vt_check(struct ktest *t, bool full)
{
	struct mm_struct *mm = vt.mm;
	struct vm_area_struct *vma;
	unsigned long want[4] = { 0 }, p = 0, vmas = 0;

	if (validate_mm(mm)) {
		KT_FAIL(t, "step %lu: validate_mm found problems", vt.step);
		return false;
	}
	for (vma = mm->mmap; full && vma; vma = vma->vm_next, vmas++) {
		if (vma->vm_start == VT_END)
			break;
		for (; p < (vma->vm_start >> PAGE_SHIFT); p++)
			if (vt_mapped(p))
				break;
		if (p < (vma->vm_start >> PAGE_SHIFT) || !vt_check_vma(t, vma)) {
			if (p < (vma->vm_start >> PAGE_SHIFT))
				KT_FAIL(t, "step %lu: page %#lx has no VMA", vt.step,
					p << PAGE_SHIFT);
			return false;
		}
		vt_count(vma->vm_flags, vma_pages(vma), want);
		p = vma->vm_end >> PAGE_SHIFT;
	}
	if (!full)
		return vt_check_lookups(t, 4);
	for (; p < VT_NPAGES; p++) {
		if (vt_mapped(p)) {
			KT_FAIL(t, "step %lu: page %#lx has no VMA", vt.step, p << PAGE_SHIFT);
			return false;
		}
	}
	if (!vma || vma->vm_start != VT_END || vma->vm_end != mm->task_size ||
	    vma->vm_next) {
		KT_FAIL(t, "step %lu: the VMA above the window is gone", vt.step);
		return false;
	}
	vt_count(vma->vm_flags, vma_pages(vma), want);
	if (mm->map_count != (int)vmas + 1 || mm->total_vm != want[0] ||
	    mm->exec_vm != want[1] || mm->stack_vm != want[2] || mm->data_vm != want[3]) {
		KT_FAIL(t, "step %lu: map_count %d (want %lu), total %lu/%lu exec %lu/%lu stack %lu/%lu data %lu/%lu",
			vt.step, mm->map_count, vmas + 1, mm->total_vm, want[0],
			mm->exec_vm, want[1], mm->stack_vm, want[2], mm->data_vm, want[3]);
		return false;
	}
	return vt_check_lookups(t, 16);
}

#ifndef HOST_TEST
/* mm/memory.c's, as the arch fault code calls it */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags);
#define VT_FAULT_WRITE	0x01

/*
 * Faults in a few random pages that may be accessed (written if they may
 * be), so that unmapping and mprotect have real ptes, pte pages and
 * anonymous pages to deal with.
 */
static void vt_touch_pages(int n)
{
	while (n--) {
		unsigned long p = vt_rnd() % VT_NPAGES, flags = vt.page[p].flags;
		struct vm_area_struct *vma = find_vma(vt.mm, p << PAGE_SHIFT);

		if (!(flags & VM_ACCESS_FLAGS) || !vma)
			continue;
		handle_mm_fault(vma, p << PAGE_SHIFT,
				flags & VM_WRITE ? VT_FAULT_WRITE : 0);
	}
}

/*
 * The page tables agree with the model: no pte left where nothing is
 * mapped, and a present pte grants no more than its VMA (PROT_NONE ones
 * none at all), so every unmap and protection change reached its ptes.
 */
static bool vt_check_ptes(struct ktest *t)
{
	unsigned long p;

	for (p = 0; p < VT_NPAGES; p++) {
		unsigned long addr = p << PAGE_SHIFT, flags = vt.page[p].flags;
		pmd_t *pmd = pmd_offset(pgd_offset(vt.mm, addr), addr);
		pte_t pte;

		if (!pmd_table(*pmd))
			continue;
		pte = *pte_offset_map(pmd, addr);
		if (pte_none(pte))
			continue;	/* never faulted in, or unmapped */
		if (!flags || !pte_present(pte) ||
		    (pte_write(pte) && !(flags & VM_WRITE)) ||
		    (pte_exec(pte) && !(flags & VM_EXEC)) ||
		    !pte_protnone(pte) != !!(flags & VM_ACCESS_FLAGS)) {
			KT_FAIL(t, "step %lu: pte %#x at %#lx, VMA flags %#lx", vt.step,
				pte_val(pte), addr, flags);
			return false;
		}
	}
	return true;
}
#endif

#ifdef HOST_TEST
/* The stubs' calls for this step against the model's; then clears both. */
static bool vt_check_calls(struct ktest *t)
{
	unsigned long p;
	bool ok = true;

	for (p = 0; p < VT_NPAGES && ok; p++) {
		if (vt.got_unmap[p] != vt.want_unmap[p] || vt.got_prot[p] != vt.want_prot[p]) {
			KT_FAIL(t, "step %lu: page %#lx unmapped %u times (want %u), reprotected %u (want %u)",
				vt.step, p << PAGE_SHIFT, vt.got_unmap[p], vt.want_unmap[p],
				vt.got_prot[p], vt.want_prot[p]);
			ok = false;
		}
	}
	memset(vt.want_unmap, 0, sizeof(vt.want_unmap));
	memset(vt.want_prot, 0, sizeof(vt.want_prot));
	memset(vt.got_unmap, 0, sizeof(vt.got_unmap));
	memset(vt.got_prot, 0, sizeof(vt.got_prot));
	return ok;
}
#endif

/* ---- random operations: each computes Linux's answer first ---- */

static bool vt_expect(struct ktest *t, const char *what, unsigned long got,
		      unsigned long want)
{
	if (got == want)
		return true;
	KT_FAIL(t, "step %lu: %s returned %#lx (%ld), want %#lx (%ld)", vt.step, what,
		got, (long)got, want, (long)want);
	return false;
}

static unsigned long vt_random_len(unsigned long *pages, unsigned long max)
{
	unsigned long n = 1 + vt_rnd() % (vt_rnd() % 16 ? 48 : 400);

	*pages = min(n, max);
	return (*pages << PAGE_SHIFT) - (vt_rnd() % 4 ? 0 : vt_rnd() % PAGE_SIZE);
}

/* Where mmap puts @n pages: -errno, or the page. */
static long vt_mmap_where(unsigned long addr, unsigned long flags, unsigned long n)
{
	unsigned long p = addr >> PAGE_SHIFT;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if ((flags & MAP_FIXED_NOREPLACE) && !vt_free_run(p, n))
			return -EEXIST;
		return p;
	}
	if (p && vt_free_run(p, n))
		return p;
	p = vt_topdown(n);
	return (long)p < 0 ? -ENOMEM : (long)p;
}

static unsigned long vt_mmap_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = vt_calc_prot(prot) | VT_MAY;

	if ((flags & MAP_TYPE) == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	if ((vm_flags & (VM_WRITE | VM_SHARED | VM_NORESERVE)) == VM_WRITE)
		vm_flags |= VM_ACCOUNT;
	return vm_flags;
}

static bool vt_op_mmap(struct ktest *t)
{
	unsigned long n, len = vt_random_len(&n, VT_NPAGES), prot = vt_rnd() % 8;
	unsigned long flags = MAP_ANONYMOUS | (vt_rnd() % 5 ? MAP_PRIVATE : MAP_SHARED);
	unsigned long addr = 0, kind = vt_rnd() % 10, populate, got;
	long where;

	if (vt_rnd() % 8 == 0)
		flags |= MAP_NORESERVE;
	if (vt_rnd() % 8 == 0)
		flags |= MAP_POPULATE;
	if (kind < 5) {
		n = min(n, 1 + vt_rnd() % 96);
		len = n << PAGE_SHIFT;
		addr = (vt_rnd() % (VT_NPAGES - n + 1)) << PAGE_SHIFT;
		flags |= kind < 4 ? MAP_FIXED : MAP_FIXED_NOREPLACE;
		if (vt_rnd() % 16 == 0)
			addr += 1 + vt_rnd() % (PAGE_SIZE - 1);
	} else if (kind < 7) {
		addr = vt_rnd() % VT_END;	/* a hint, maybe unaligned */
	}
	where = vt_mmap_where(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) ? addr :
			      addr & PAGE_MASK, flags, n);
	got = do_mmap(vt.mm, NULL, addr, len, prot, flags, 0, &populate);
	if (!vt_expect(t, "mmap", got, where < 0 ? (unsigned long)where :
		       (unsigned long)where << PAGE_SHIFT))
		return false;
	if (where < 0)
		return vt_expect(t, "mmap's populate", populate, 0);
	vt_unmap_pages(where, n);
	vt_map_pages(where, n, vt_mmap_flags(prot, flags),
		     (flags & MAP_TYPE) == MAP_SHARED ? ++vt.objs : 0);
	if ((flags & MAP_TYPE) == MAP_PRIVATE)
		vt.page[where + n].cut = false;	/* joins a match above */
	return vt_expect(t, "mmap's populate", populate,
			 flags & MAP_POPULATE ? n << PAGE_SHIFT : 0);
}

static bool vt_op_munmap(struct ktest *t)
{
	unsigned long p = vt_rnd() % VT_NPAGES, n, len, start, r = vt_rnd() % 20;

	len = vt_random_len(&n, VT_NPAGES - p);
	start = p << PAGE_SHIFT;
	if (r == 0)
		return vt_expect(t, "munmap (unaligned)", do_munmap(vt.mm, start + 8, len),
				 -EINVAL);
	if (r == 1)
		return vt_expect(t, "munmap (no length)", do_munmap(vt.mm, start, 0),
				 -EINVAL);
	if (!vt_expect(t, "munmap", do_munmap(vt.mm, start, len), 0))
		return false;
	vt_unmap_pages(p, n);
	return true;
}

/* Linux's new flags for a VMA with @old given @prot by mprotect. */
static unsigned long vt_mprotect_flags(unsigned long old, unsigned long prot)
{
	unsigned long flags = vt_calc_prot(prot) | (old & ~VM_ACCESS_FLAGS);

	if ((flags & VM_WRITE) &&
	    !(old & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE)))
		flags |= VM_ACCOUNT;
	return flags;
}

/* The pages up to the first hole change; a hole makes it -ENOMEM. */
static long vt_mprotect_model(unsigned long s, unsigned long e, unsigned long prot)
{
	unsigned long p;

	for (p = s; p < e; p++) {
		struct vt_page *pg = &vt.page[p];
		unsigned long flags;

		if (!pg->flags)
			return -ENOMEM;
		flags = vt_mprotect_flags(pg->flags, prot);
		if (flags == pg->flags)
			continue;
#ifdef HOST_TEST
		vt.want_prot[p] = 1;
#endif
		pg->flags = flags;
		if (!pg->obj) {		/* private: joins what now matches */
			pg->cut = false;
			pg[1].cut = false;
		}
	}
	vt_note_shared_cuts();
	return 0;
}

static bool vt_op_mprotect(struct ktest *t)
{
	unsigned long p = vt_rnd() % VT_NPAGES, n, len, start, r = vt_rnd() % 32;
	unsigned long prot = vt_rnd() % 8, q;

	len = vt_random_len(&n, VT_NPAGES - p);
	start = p << PAGE_SHIFT;
	if (r == 0)
		return vt_expect(t, "mprotect (unaligned)",
				 do_mprotect(vt.mm, start + 1, len, prot), -EINVAL);
	if (r == 1)
		return vt_expect(t, "mprotect (no length)",
				 do_mprotect(vt.mm, start, 0, 0x10), 0);
	if (r == 2)
		return vt_expect(t, "mprotect (bad prot)",
				 do_mprotect(vt.mm, start, len, prot | 0x10), -EINVAL);
	if (r == 3) {		/* PROT_GROWSDOWN, and no stack here */
		for (q = p; q < VT_NPAGES && !vt_mapped(q); q++)
			;
		return vt_expect(t, "mprotect (PROT_GROWSDOWN)",
				 do_mprotect(vt.mm, start, len, prot | PROT_GROWSDOWN),
				 q < p + n ? -EINVAL : -ENOMEM);
	}
	if (r == 4)
		prot |= 0x8;	/* PROT_SEM: accepted, ignored */
	return vt_expect(t, "mprotect", do_mprotect(vt.mm, start, len, prot),
			 vt_mprotect_model(p, p + n, prot));
}

/* Linux 6.1's brk, on the model: the new break, or the old one. */
static unsigned long vt_brk_model(unsigned long brk)
{
	unsigned long newp = PAGE_ALIGN(brk) >> PAGE_SHIFT;
	unsigned long oldp = PAGE_ALIGN(vt.brk) >> PAGE_SHIFT, p;

	if (brk < VT_START_BRK)
		return vt.brk;
	if (newp == oldp)
		return vt.brk = brk;
	if (brk <= vt.brk) {
		for (p = newp; p < oldp && !vt_mapped(p); p++)
			;
		if (p == oldp)
			return vt.brk;	/* nothing there to free */
		vt_unmap_pages(newp, oldp - newp);
		return vt.brk = brk;
	}
	if (newp >= VT_NPAGES || !vt_free_run(oldp, newp - oldp + 1))
		return vt.brk;
	vt_map_pages(oldp, newp - oldp, VT_BRK_FLAGS, 0);
	/* only a VMA ending at the old break, above start_brk, is extended */
	vt.page[oldp].cut = vt.page[oldp - 1].flags == VT_BRK_FLAGS &&
			    !vt.page[oldp - 1].obj && (oldp << PAGE_SHIFT) <= VT_START_BRK;
	return vt.brk = brk;
}

static bool vt_op_brk(struct ktest *t)
{
	unsigned long cur = vt.brk, brk, r = vt_rnd() % 16;

	if (r == 0)
		brk = VT_START_BRK - 1 - vt_rnd() % (4 * PAGE_SIZE);
	else if (r < 7)
		brk = cur - min(cur - VT_START_BRK, (unsigned long)vt_rnd() % (24 * PAGE_SIZE));
	else if (r < 15)
		brk = cur + vt_rnd() % (40 * PAGE_SIZE);
	else
		brk = cur + vt_rnd() % (4096 * PAGE_SIZE);
	return vt_expect(t, "brk", do_brk(vt.mm, brk), vt_brk_model(brk)) &&
	       vt_expect(t, "mm->brk", vt.mm->brk, vt.brk);
}

static bool vt_model_init(struct ktest *t, u32 seed)
{
	unsigned long populate;

	memset(&vt, 0, sizeof(vt));
	vt_seed = seed;
	vt.mm = vt_mm_create(VT_END);
	if (!vt.mm)
		return false;
	vt.mm->start_brk = vt.mm->brk = vt.brk = VT_START_BRK;
	/*
	 * shared, so that nothing in the window merges with it; not charged,
	 * as it is larger than RAM
	 */
	vt.page[VT_NPAGES].flags = VT_MAY | VM_SHARED | VM_MAYSHARE | VM_NORESERVE;
	vt.page[VT_NPAGES].obj = VT_BLOCKER;
	return vt_expect(t, "mmap above the window",
			 do_mmap(vt.mm, NULL, VT_END, TASK_SIZE - VT_END, PROT_NONE,
				 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, 0,
				 &populate),
			 VT_END);
}

static void vt_model_fini(struct ktest *t)
{
#ifdef HOST_TEST
	unsigned long p;

	vt_check_calls(t);
	for (p = 0; p < VT_NPAGES; p++)
		vt.want_unmap[p] = vt_mapped(p);
#endif
	exit_mmap(vt.mm);
	KT_EXPECT_EQ(t, get_mm_rss(vt.mm), 0);
	KT_EXPECT_NULL(t, vt.mm->mmap);
	KT_EXPECT_EQ(t, vt.mm->map_count, 0);
	KT_EXPECT_EQ(t, vt.mm->total_vm, 0);
	KT_EXPECT_EQ(t, validate_mm(vt.mm), 0);
#ifdef HOST_TEST
	vt.step = ~0UL;
	vt_check_calls(t);
#endif
	vt_mm_destroy(vt.mm);
	vt.mm = NULL;
}

static void vt_random_run(struct ktest *t, u32 seed)
{
	struct vt_usage before = { 0 };
	bool ok;

	vt_usage(&before);
	KT_ASSERT_TRUE(t, vt_model_init(t, seed));
	for (vt.step = 0, ok = true; vt.step < VT_STEPS && ok; vt.step++) {
		u32 r = vt_rnd() % 100;

		if (r < 38)
			ok = vt_op_mmap(t);
		else if (r < 62)
			ok = vt_op_munmap(t);
		else if (r < 86)
			ok = vt_op_mprotect(t);
		else
			ok = vt_op_brk(t);
		ok = ok && vt_check(t, vt.step % VT_FULL_EVERY == 0);
#ifdef HOST_TEST
		ok = ok && vt_check_calls(t);
#else
		if (ok && vt.step % VT_FULL_EVERY == 0)
			ok = vt_check_ptes(t);
		vt_touch_pages(2);
#endif
	}
	KT_EXPECT_TRUE(t, ok);
	vt_model_fini(t);
	vt_expect_usage_back(t, &before);
}

static void random_ops_seed1(struct ktest *t)
{
	vt_random_run(t, 12345);
}

static void random_ops_seed2(struct ktest *t)
{
	vt_random_run(t, 0xdecafbad);
}

/* ---- find_vma on many VMAs ---- */

#define VT_MANY		10000
#define VT_MANY_BASE	0x10000000UL

static unsigned long vt_starts[VT_MANY], vt_ends[VT_MANY];

/* The table's answer for find_vma(@addr), by walking it: an index or -1. */
static long vt_linear_find(unsigned long addr)
{
	long i;

	for (i = 0; i < VT_MANY; i++)
		if (vt_ends[i] > addr)
			return i;
	return -1;
}

static bool vt_found(struct vm_area_struct *vma, long i)
{
	if (i < 0)
		return !vma;
	return vma && vma->vm_start == vt_starts[i] && vma->vm_end == vt_ends[i];
}

/* Slots of 3 pages, each with a VMA of 1 or 2: never adjacent, never merged. */
static bool vt_map_many(struct ktest *t, struct mm_struct *mm)
{
	unsigned long i, populate, pages = 0;

	for (i = 0; i < VT_MANY; i++) {
		unsigned long len = (1 + vt_rnd() % 2) << PAGE_SHIFT;

		vt_starts[i] = VT_MANY_BASE + 3 * i * PAGE_SIZE;
		vt_ends[i] = vt_starts[i] + len;
		pages += len >> PAGE_SHIFT;
		if (do_mmap(mm, NULL, vt_starts[i], len, vt_rnd() % 8,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0,
			    &populate) != vt_starts[i]) {
			KT_FAIL(t, "mmap %lu at %#lx failed", i, vt_starts[i]);
			return false;
		}
	}
	KT_EXPECT_EQ(t, mm->map_count, VT_MANY);
	KT_EXPECT_EQ(t, mm->total_vm, pages);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
	return true;
}

/* Around every VMA: just before, its first and last byte, just after. */
static unsigned long vt_sweep(struct mm_struct *mm)
{
	struct vm_area_struct *prev;
	unsigned long bad = 0;
	long i, next;

	for (i = 0; i < VT_MANY; i++) {
		next = i + 1 < VT_MANY ? i + 1 : -1;
		bad += !vt_found(find_vma(mm, vt_starts[i] - 1), i);
		bad += !vt_found(find_vma(mm, vt_starts[i]), i);
		bad += !vt_found(find_vma(mm, vt_ends[i] - 1), i);
		bad += !vt_found(find_vma(mm, vt_ends[i]), next);
		bad += !vt_found(find_vma_prev(mm, vt_starts[i], &prev), i);
		bad += !vt_found(prev, i - 1);
		bad += find_vma_intersection(mm, vt_ends[i],
					     vt_starts[i] + 3 * PAGE_SIZE) != NULL;
	}
	return bad;
}

/* Random addresses over the whole run, against a walk of the table. */
static unsigned long vt_random_lookups(struct mm_struct *mm)
{
	const unsigned long span = (3 * VT_MANY + 2) * PAGE_SIZE;
	unsigned long bad = 0, addr;
	int k;

	for (k = 0; k < VT_LOOKUPS; k++) {
		addr = VT_MANY_BASE - PAGE_SIZE + vt_rnd() % span;
		bad += !vt_found(find_vma(mm, addr), vt_linear_find(addr));
	}
	return bad;
}

static void find_vma_10000(struct ktest *t)
{
	struct vt_usage before = { 0 };
	struct vm_area_struct *prev;
	struct mm_struct *mm;

	vt_usage(&before);
	vt_seed = 777;
	mm = vt_mm_create(VT_MANY_BASE);
	KT_ASSERT_NOT_NULL(t, mm);
	if (vt_map_many(t, mm)) {
		KT_EXPECT_TRUE(t, vt_found(find_vma(mm, 0), 0));
		KT_EXPECT_EQ(t, vt_sweep(mm), 0);
		KT_EXPECT_EQ(t, vt_random_lookups(mm), 0);
		KT_EXPECT_NULL(t, find_vma(mm, vt_ends[VT_MANY - 1]));
		KT_EXPECT_TRUE(t, vt_found(find_vma_prev(mm, TASK_SIZE - 1, &prev), -1));
		KT_EXPECT_TRUE(t, vt_found(prev, VT_MANY - 1));
	}
	vt_mm_destroy(mm);
	vt_expect_usage_back(t, &before);
}

/* Every counter back to zero and every struct freed by exit_mmap. */
static void exit_mmap_frees_everything(struct ktest *t)
{
	struct vt_usage before = { 0 };
	struct mm_struct *mm;
	unsigned long i, populate;

	vt_usage(&before);
	mm = vt_mm_create(0xb6000000UL);
	KT_ASSERT_NOT_NULL(t, mm);
	for (i = 0; i < 500; i++)
		do_mmap(mm, NULL, 0, (1 + i % 7) << PAGE_SHIFT, i % 8,
			MAP_ANONYMOUS | (i % 3 ? MAP_PRIVATE : MAP_SHARED), 0, &populate);
	mm->start_brk = mm->brk = 0x01000000;
	KT_EXPECT_EQ(t, do_brk(mm, 0x01234567), 0x01234567);
	KT_EXPECT_GT(t, mm->map_count, 100);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
	exit_mmap(mm);
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_EQ(t, mm->map_count, 0);
	KT_EXPECT_EQ(t, mm->total_vm + mm->data_vm + mm->exec_vm + mm->stack_vm, 0);
	vt_mm_destroy(mm);
	vt_expect_usage_back(t, &before);
}

static const struct ktest_case vma_cases[] = {
	KTEST_CASE(random_ops_seed1),
	KTEST_CASE(random_ops_seed2),
	KTEST_CASE(find_vma_10000),
	KTEST_CASE(exit_mmap_frees_everything),
	{}
};

#ifdef HOST_TEST
int vma_suite_init(struct ktest *t);
void vma_suite_exit(struct ktest *t);
#endif

static const struct ktest_suite vma_suite = {
	.name = "vma",
#ifdef HOST_TEST
	.init = vma_suite_init,
	.exit = vma_suite_exit,
#endif
	.cases = vma_cases,
};
ktest_register_suite(vma_suite);

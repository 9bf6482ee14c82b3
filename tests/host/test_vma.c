// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA code on the host, under ASan and UBSan, with its structs from a
 * real SLUB cache over the arena: the kernel's vma suite (random runs
 * against a page model, find_vma on 10 000 VMAs), then a case for every
 * errno of mmap, munmap, mprotect and brk and for each way VMAs split
 * and merge, each checked against the layout and counters Linux 6.1
 * gives for the same calls.
 *
 * The page-table calls the VMA code makes are stubs here that record
 * each call, and check that it comes when it should: unmap_page_range
 * on a VMA already out of the tree and only within it, free_pgd_range
 * on a range no VMA covers any more (both inside an open mmu_gather of
 * the VMA's mm), change_protection within its VMA with the VMA's new
 * protection. The random runs count them per page
 * against the model; the cases check their ranges.
 */
#include <stdarg.h>
#include <stdio.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/stat.h>

#include "../kernel/vma_test.c"
#include "host_vfs.h"
#include <asm/tlb.h>

#ifndef EOPNOTSUPP
#define EOPNOTSUPP	95	/* as mm/mmap.c */
#endif

#define PG(n)		((unsigned long)(n) << PAGE_SHIFT)
#define BASE		0x40000000UL
#define MMAP_BASE	0xb6000000UL
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)
#define FIXED		(ANON | MAP_FIXED)
#define NOREPLACE	(ANON | MAP_FIXED_NOREPLACE)
#define SHARED		(MAP_SHARED | MAP_ANONYMOUS)
#define RW		(PROT_READ | PROT_WRITE)
#define ANON_RW		(VM_READ | VM_WRITE | VT_MAY | VM_ACCOUNT)

/* Two tmpfs files, open read-only (host_vfs.c boots the VFS with the arena). */
static struct file *file_a, *file_b;
#define FILE_A		file_a
#define FILE_B		file_b

static struct file *open_file(const char *name, unsigned int flags)
{
	int err;
	struct file *f = filp_open(name, flags, 0644, &err);

	BUG_ON(!f);
	return f;
}

/* ---- the page-table stubs ---- */

struct vt_call {
	char what;	/* 'u'nmap_page_range, 'f'ree_pgd_range, change 'p'rotection */
	unsigned long start, end;
	u32 prot;
};

#define MAX_CALLS	64
static struct vt_call calls[MAX_CALLS];
static int nr_calls, stub_errors;

static void record(char what, unsigned long start, unsigned long end, u32 prot)
{
	if (nr_calls < MAX_CALLS)
		calls[nr_calls] = (struct vt_call){ what, start, end, prot };
	nr_calls++;
}

static void stub_error(const char *what, unsigned long start, unsigned long end)
{
	printf("    # %s(%#lx, %#lx) called when it must not be\n", what, start, end);
	stub_errors++;
}

static void count_pages(u8 *counts, unsigned long start, unsigned long end)
{
	for (; start < end && start < VT_END; start += PAGE_SIZE)
		counts[start >> PAGE_SHIFT]++;
}

/* The gather a call belongs to must be open, and for its VMA's mm. */
static struct mmu_gather *open_gather;

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	if (open_gather)
		stub_error("tlb_gather_mmu inside another gather", 0, 0);
	tlb->mm = mm;
	tlb->fullmm = false;
	open_gather = tlb;
}

void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb_gather_mmu(tlb, mm);
	tlb->fullmm = true;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	if (tlb != open_gather)
		stub_error("tlb_finish_mmu without its gather", 0, 0);
	open_gather = NULL;
}

void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end)
{
	if (!RB_EMPTY_NODE(&vma->vm_rb) || start >= end || start < vma->vm_start ||
	    end > vma->vm_end || tlb != open_gather || tlb->mm != vma->vm_mm)
		stub_error("unmap_page_range", start, end);
	record('u', start, end, 0);
	if (vt.mm && vma->vm_mm == vt.mm)
		count_pages(vt.got_unmap, start, end);
}

void free_pgd_range(struct mmu_gather *tlb, unsigned long start, unsigned long end)
{
	if (start >= end || tlb != open_gather ||
	    find_vma_intersection(tlb->mm, start, end))
		stub_error("free_pgd_range", start, end);
	record('f', start, end, 0);
}

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot)
{
	if (start >= end || start < vma->vm_start || end > vma->vm_end ||
	    pgprot_val(newprot) != pgprot_val(vma->vm_page_prot) ||
	    pgprot_val(newprot) != pgprot_val(vm_get_page_prot(vma->vm_flags)))
		stub_error("change_protection", start, end);
	record('p', start, end, pgprot_val(newprot));
	if (vt.mm && vma->vm_mm == vt.mm)
		count_pages(vt.got_prot, start, end);
}

/* ---- suites: the arena and slab once, a fresh mm for each case ---- */

static struct mm_struct *mm;

int vma_suite_init(struct ktest *t)
{
	static bool world;

	(void)t;
	if (!world) {
		host_vfs_boot();
		file_a = open_file("/vma-a", O_RDONLY | O_CREAT);
		file_b = open_file("/vma-b", O_RDONLY | O_CREAT);
		world = true;
	}
	nr_calls = 0;
	stub_errors = 0;
	return 0;
}

void vma_suite_exit(struct ktest *t)
{
	KT_EXPECT_EQ(t, stub_errors, 0);
}

static int vma_host_init(struct ktest *t)
{
	vma_suite_init(t);
	mm = vt_mm_create(MMAP_BASE);
	return !mm;
}

static void vma_host_exit(struct ktest *t)
{
	vt_mm_destroy(mm);
	mm = NULL;
	vma_suite_exit(t);
}

/* ---- helpers ---- */

static unsigned long map(unsigned long addr, unsigned long pages,
			 unsigned long prot, unsigned long flags)
{
	unsigned long populate;

	return do_mmap(mm, NULL, addr, PG(pages), prot, flags, 0, &populate);
}

static unsigned long map_file(struct file *file, unsigned long addr,
			      unsigned long pages, unsigned long flags,
			      unsigned long pgoff)
{
	unsigned long populate;

	return do_mmap(mm, file, addr, PG(pages), PROT_READ, flags, pgoff, &populate);
}

/* The mm's VMAs are exactly these [start, end) pairs (unsigned long), in order. */
static void expect_vmas_at(struct ktest *t, int line, int n, ...)
{
	struct vm_area_struct *vma = mm->mmap;
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++, vma = vma->vm_next) {
		unsigned long start = va_arg(ap, unsigned long);
		unsigned long end = va_arg(ap, unsigned long);

		if (!vma || vma->vm_start != start || vma->vm_end != end) {
			KT_FAIL(t, "line %d: VMA %d is %#lx-%#lx, want %#lx-%#lx", line, i,
				vma ? vma->vm_start : 0, vma ? vma->vm_end : 0, start, end);
			break;
		}
	}
	va_end(ap);
	if (i == n && vma)
		KT_FAIL(t, "line %d: more than %d VMAs", line, n);
	KT_EXPECT_EQ(t, mm->map_count, n);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}
#define EXPECT_VMAS(t, n, ...)	expect_vmas_at(t, __LINE__, n, __VA_ARGS__)

/* The calls of kind @what since the last reset are these ranges, in order. */
static void expect_calls_at(struct ktest *t, int line, char what, int n, ...)
{
	va_list ap;
	int i, k = 0;

	va_start(ap, n);
	for (i = 0; i < nr_calls && i < MAX_CALLS; i++) {
		unsigned long start, end;

		if (calls[i].what != what)
			continue;
		if (k++ >= n) {
			KT_FAIL(t, "line %d: more than %d '%c' calls", line, n, what);
			break;
		}
		start = va_arg(ap, unsigned long);
		end = va_arg(ap, unsigned long);
		if (calls[i].start != start || calls[i].end != end)
			KT_FAIL(t, "line %d: '%c' call %d on %#lx-%#lx, want %#lx-%#lx",
				line, what, k - 1, calls[i].start, calls[i].end, start, end);
	}
	va_end(ap);
	if (k < n)
		KT_FAIL(t, "line %d: %d '%c' calls, want %d", line, k, what, n);
}
#define EXPECT_CALLS(t, what, n, ...)	expect_calls_at(t, __LINE__, what, n, ##__VA_ARGS__)

static void reset_calls(void)
{
	nr_calls = 0;
}

static struct vm_area_struct *vma_at(unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

static unsigned long flags_at(unsigned long addr)
{
	struct vm_area_struct *vma = vma_at(addr);

	return vma ? vma->vm_flags : 0;
}

/* ---- protections ---- */

static void protection_map_is_arms(struct ktest *t)
{
	static const struct {
		unsigned long flags;
		pgprot_t prot;
	} map[] = {
		{ 0, PAGE_NONE },
		{ VM_READ, PAGE_READONLY },
		{ VM_WRITE, PAGE_COPY },
		{ VM_READ | VM_WRITE, PAGE_COPY },
		{ VM_EXEC, PAGE_READONLY_EXEC },
		{ VM_READ | VM_EXEC, PAGE_READONLY_EXEC },
		{ VM_WRITE | VM_EXEC, PAGE_COPY_EXEC },
		{ VM_READ | VM_WRITE | VM_EXEC, PAGE_COPY_EXEC },
		{ VM_SHARED, PAGE_NONE },
		{ VM_SHARED | VM_READ, PAGE_READONLY },
		{ VM_SHARED | VM_WRITE, PAGE_SHARED },
		{ VM_SHARED | VM_READ | VM_WRITE, PAGE_SHARED },
		{ VM_SHARED | VM_EXEC, PAGE_READONLY_EXEC },
		{ VM_SHARED | VM_READ | VM_EXEC, PAGE_READONLY_EXEC },
		{ VM_SHARED | VM_WRITE | VM_EXEC, PAGE_SHARED_EXEC },
		{ VM_SHARED | VM_READ | VM_WRITE | VM_EXEC, PAGE_SHARED_EXEC },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(map); i++) {
		KT_EXPECT_EQ(t, pgprot_val(vm_get_page_prot(map[i].flags)),
			     pgprot_val(map[i].prot));
		/* the other flags do not matter */
		KT_EXPECT_EQ(t, pgprot_val(vm_get_page_prot(map[i].flags | VT_MAY |
							    VM_MAYSHARE | VM_ACCOUNT |
							    VM_GROWSDOWN)),
			     pgprot_val(map[i].prot));
	}
}

/* ---- mmap ---- */

static void mmap_errors(struct ktest *t)
{
	unsigned long populate = 1;

	KT_EXPECT_EQ(t, do_mmap(mm, NULL, 0, 0, RW, ANON, 0, &populate), -EINVAL);
	KT_EXPECT_EQ(t, populate, 0);
	KT_EXPECT_EQ(t, map(0, 0, RW, ANON), -EINVAL);
	/* the page-aligned length wraps to 0 */
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, 0, ~0UL, RW, ANON, 0, &populate), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, 0, -PAGE_SIZE + 1, RW, ANON, 0, &populate),
		     -ENOMEM);
	KT_EXPECT_EQ(t, map(0, (TASK_SIZE >> PAGE_SHIFT) + 1, RW, ANON), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, 0, PG(2), RW, ANON, ~0UL, &populate), -EOVERFLOW);

	/* the mapping type */
	KT_EXPECT_EQ(t, map(0, 1, RW, MAP_ANONYMOUS), -EINVAL);
	KT_EXPECT_EQ(t, map(0, 1, RW, MAP_ANONYMOUS | 0x04), -EINVAL);
	KT_EXPECT_EQ(t, map(0, 1, RW, MAP_ANONYMOUS | 0x0f), -EINVAL);
	KT_EXPECT_EQ(t, map(0, 1, RW, MAP_ANONYMOUS | MAP_SHARED_VALIDATE), -EINVAL);
	KT_EXPECT_EQ(t, map_file(FILE_A, 0, 1, 0x04, 0), -EINVAL);
	KT_EXPECT_EQ(t, map_file(FILE_A, 0, 1, MAP_SHARED_VALIDATE | 0x80, 0), -EOPNOTSUPP);
	KT_EXPECT_EQ(t, map_file(FILE_A, BASE, 1, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, 0),
		     -EOPNOTSUPP);
	KT_EXPECT_EQ(t, map(0, 1, RW, SHARED | MAP_GROWSDOWN), -EINVAL);
	KT_EXPECT_EQ(t, map_file(FILE_A, 0, 1, MAP_PRIVATE | MAP_GROWSDOWN, 0), -EINVAL);

	/* MAP_FIXED: the address must be page aligned and the range below task_size */
	KT_EXPECT_EQ(t, map(BASE + 1, 1, RW, FIXED), -EINVAL);
	KT_EXPECT_EQ(t, map(BASE + PAGE_SIZE / 2, 1, RW, NOREPLACE), -EINVAL);
	KT_EXPECT_EQ(t, map(TASK_SIZE - PG(1), 2, RW, FIXED), -ENOMEM);
	KT_EXPECT_EQ(t, map(TASK_SIZE, 1, RW, FIXED), -ENOMEM);
	KT_EXPECT_EQ(t, map(TASK_SIZE + 1, 1, RW, FIXED), -ENOMEM);	/* size first */
	KT_EXPECT_EQ(t, map(~0UL & PAGE_MASK, 1, RW, FIXED), -ENOMEM);
	EXPECT_CALLS(t, 'u', 0);
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_EQ(t, mm->total_vm, 0);

	/* Linux's order: the type is checked last, after MAP_FIXED_NOREPLACE */
	KT_EXPECT_EQ(t, map(BASE, 2, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, map(BASE, 1, RW, MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | 0x0f), -EEXIST);
	KT_EXPECT_EQ(t, map(BASE + 1, 1, RW, MAP_ANONYMOUS | MAP_FIXED | 0x0f), -EINVAL);
	KT_EXPECT_EQ(t, map(0, 0, RW, MAP_ANONYMOUS | 0x0f), -EINVAL);

	/* what is ignored: unknown flags (but for MAP_SHARED_VALIDATE), PROT_SEM */
	KT_EXPECT_EQ(t, map(BASE + PG(4), 1, RW | 0x8, FIXED | 0x80), BASE + PG(4));
	KT_EXPECT_EQ(t, map_file(FILE_A, BASE + PG(6), 1, MAP_SHARED | MAP_FIXED | 0x80, 0),
		     BASE + PG(6));
	KT_EXPECT_EQ(t, map_file(FILE_A, BASE + PG(8), 1, MAP_SHARED_VALIDATE | MAP_FIXED, 0),
		     BASE + PG(8));
	/* a read-only file: no VM_MAYWRITE, and no VM_SHARED either (Linux) */
	KT_EXPECT_EQ(t, flags_at(BASE + PG(8)), VM_READ | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE);
	EXPECT_VMAS(t, 4, BASE, BASE + PG(2), BASE + PG(4), BASE + PG(5),
		    BASE + PG(6), BASE + PG(7), BASE + PG(8), BASE + PG(9));
	EXPECT_CALLS(t, 'u', 0);
}

static int refuse_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	(void)vma;
	return -EIO;
}

static const struct file_operations late_refusal_fops = { .mmap = refuse_mmap };

/* What a file's open mode and kind allow, in Linux's order of checks. */
static void mmap_file_modes(struct ktest *t)
{
	struct file *rdwr = open_file("/vma-a", O_RDWR);
	struct file *wronly = open_file("/vma-a", O_WRONLY);
	struct file *directory = open_file("/", O_RDONLY);
	struct file *late = alloc_file(&directory->f_path, O_RDONLY, &late_refusal_fops);
	const unsigned long s = BASE + PG(16);
	long count = rdwr->f_count;

	KT_EXPECT_EQ(t, do_mmap(mm, FILE_A, 0, PG(1), RW, MAP_SHARED, 0, &(unsigned long){0}),
		     -EACCES);
	KT_EXPECT_EQ(t, do_mmap(mm, FILE_A, 0, PG(1), PROT_WRITE, MAP_SHARED_VALIDATE, 0,
				&(unsigned long){0}), -EACCES);
	KT_EXPECT_EQ(t, map_file(wronly, 0, 1, MAP_PRIVATE, 0), -EACCES);
	KT_EXPECT_EQ(t, map_file(directory, 0, 1, MAP_PRIVATE, 0), -ENODEV);
	KT_EXPECT_EQ(t, map_file(directory, 0, 1, MAP_SHARED, 0), -ENODEV);
	/* the type is checked before the kind of file */
	KT_EXPECT_EQ(t, map_file(directory, 0, 1, 0x0f, 0), -EINVAL);
	KT_EXPECT_NULL(t, mm->mmap);

	/* shared and read-only: may never become writable */
	KT_EXPECT_EQ(t, map_file(FILE_A, s, 2, MAP_SHARED | MAP_FIXED, 0), s);
	KT_EXPECT_EQ(t, do_mprotect(mm, s, PG(2), RW), -EACCES);
	KT_EXPECT_EQ(t, do_mprotect(mm, s, PG(1), PROT_READ | PROT_EXEC), 0);
	KT_EXPECT_EQ(t, flags_at(s), VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE);
	/* private: its copies may be written */
	KT_EXPECT_EQ(t, map_file(FILE_A, s + PG(4), 1, MAP_PRIVATE | MAP_FIXED, 0), s + PG(4));
	KT_EXPECT_EQ(t, do_mprotect(mm, s + PG(4), PG(1), RW), 0);
	KT_EXPECT_EQ(t, flags_at(s + PG(4)), ANON_RW);
	/* open for writing: shared and writable */
	KT_EXPECT_EQ(t, do_mmap(mm, rdwr, s + PG(6), PG(1), RW, MAP_SHARED | MAP_FIXED, 0,
				&(unsigned long){0}), s + PG(6));
	KT_EXPECT_EQ(t, flags_at(s + PG(6)),
		     VM_READ | VM_WRITE | VT_MAY | VM_SHARED | VM_MAYSHARE);
	/* an ->mmap that refuses late (a /proc file's, -EIO) takes no reference */
	KT_EXPECT_EQ(t, map_file(late, s + PG(8), 1, MAP_PRIVATE | MAP_FIXED, 0), -EIO);
	KT_EXPECT_NULL(t, vma_at(s + PG(8)));
	KT_EXPECT_EQ(t, late->f_count, 1);
	fput(late);
	/* the VMA holds the file; refused mappings took nothing */
	KT_EXPECT_EQ(t, rdwr->f_count, count + 1);
	KT_EXPECT_EQ(t, wronly->f_count, 1);
	KT_EXPECT_EQ(t, directory->f_count, 1);
	fput(rdwr);
	fput(wronly);
	fput(directory);
}

/*
 * The overcommit heuristic: one charged request larger than RAM fails,
 * whatever else is mapped; what is not charged does not.
 */
static void overcommit_heuristic(struct ktest *t)
{
	unsigned long ram = totalram_pages, populate;

	KT_EXPECT_EQ(t, map(0, ram + 1, RW, ANON), -ENOMEM);
	KT_EXPECT_EQ(t, map(0, ram + 1, RW, SHARED), -ENOMEM);
	KT_EXPECT_EQ(t, map(0, ram + 1, PROT_READ, SHARED), -ENOMEM);
	KT_EXPECT_EQ(t, map_file(FILE_A, 0, ram + 1, MAP_PRIVATE, 0) & ~PAGE_MASK, 0);
	KT_EXPECT_EQ(t, do_mmap(mm, FILE_A, 0, PG(ram + 1), RW, MAP_PRIVATE, 0, &populate),
		     -ENOMEM);
	KT_EXPECT_EQ(t, map(BASE, ram + 1, PROT_READ, FIXED), BASE);
	/* MAP_FIXED replaced what was there before it failed (Linux) */
	KT_EXPECT_EQ(t, map(BASE, ram + 1, RW, FIXED), -ENOMEM);
	KT_EXPECT_NULL(t, find_vma_intersection(mm, BASE, BASE + PG(ram + 1)));
	KT_EXPECT_EQ(t, map(BASE, ram + 1, RW, FIXED | MAP_NORESERVE), BASE);
	KT_EXPECT_EQ(t, map(0, ram + 1, RW, SHARED | MAP_NORESERVE) & ~PAGE_MASK, 0);
	/* many that each fit: no running total */
	KT_EXPECT_EQ(t, map(0, ram, RW, ANON) & ~PAGE_MASK, 0);
	KT_EXPECT_EQ(t, map(0, ram, RW, ANON) & ~PAGE_MASK, 0);
	KT_EXPECT_EQ(t, map(0, ram, RW, SHARED) & ~PAGE_MASK, 0);
	/* the heap */
	mm->start_brk = mm->brk = 0x10000000UL;
	KT_EXPECT_EQ(t, do_brk(mm, 0x10000000UL + PG(ram + 1)), 0x10000000UL);
	KT_EXPECT_EQ(t, do_brk(mm, 0x10000000UL + PG(ram)), 0x10000000UL + PG(ram));
	KT_EXPECT_EQ(t, do_brk(mm, 0x10000000UL + PG(2 * ram + 1)), 0x10000000UL + PG(ram));
	KT_EXPECT_EQ(t, do_brk(mm, 0x10000000UL + PG(2 * ram)), 0x10000000UL + PG(2 * ram));
	/* mprotect making a private VMA writable charges it */
	KT_EXPECT_EQ(t, map(0x30000000UL, ram + 1, PROT_READ, FIXED), 0x30000000UL);
	KT_EXPECT_EQ(t, do_mprotect(mm, 0x30000000UL, PG(ram + 1), RW), -ENOMEM);
	KT_EXPECT_EQ(t, flags_at(0x30000000UL), VM_READ | VT_MAY);
	KT_EXPECT_EQ(t, do_mprotect(mm, 0x30000000UL, PG(ram), RW), 0);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

static void mmap_populate(struct ktest *t)
{
	unsigned long populate = 7;

	KT_EXPECT_EQ(t, do_mmap(mm, NULL, BASE, PG(2) + 1, RW, FIXED | MAP_POPULATE, 0,
				&populate), BASE);
	KT_EXPECT_EQ(t, populate, PG(3));
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, BASE + PG(4), PG(1), RW,
				FIXED | MAP_POPULATE | MAP_NONBLOCK, 0, &populate), BASE + PG(4));
	KT_EXPECT_EQ(t, populate, 0);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, BASE + PG(8), PG(1), RW, FIXED | MAP_LOCKED, 0,
				&populate), BASE + PG(8));
	KT_EXPECT_EQ(t, populate, PG(1));
	KT_EXPECT_TRUE(t, flags_at(BASE + PG(8)) & VM_LOCKED);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, BASE + PG(12), PG(1), RW, ANON, 0, &populate),
		     BASE + PG(12));
	KT_EXPECT_EQ(t, populate, 0);
	populate = 7;
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, BASE + 1, PG(1), RW, FIXED | MAP_POPULATE, 0,
				&populate), -EINVAL);
	KT_EXPECT_EQ(t, populate, 0);
}

static void mmap_flags_and_counters(struct ktest *t)
{
	struct vm_area_struct *vma;

	KT_EXPECT_EQ(t, map(BASE, 4, RW, FIXED), BASE);
	vma = vma_at(BASE);
	KT_ASSERT_NOT_NULL(t, vma);
	KT_EXPECT_EQ(t, vma->vm_flags, ANON_RW);
	KT_EXPECT_EQ(t, pgprot_val(vma->vm_page_prot), pgprot_val(PAGE_COPY));
	KT_EXPECT_EQ(t, vma->vm_pgoff, BASE >> PAGE_SHIFT);
	KT_EXPECT_PTR_EQ(t, vma->vm_mm, mm);
	KT_EXPECT_NULL(t, vma->vm_file);

	KT_EXPECT_EQ(t, map(BASE + PG(8), 2, PROT_READ | PROT_EXEC, FIXED), BASE + PG(8));
	KT_EXPECT_EQ(t, flags_at(BASE + PG(8)), VM_READ | VM_EXEC | VT_MAY);
	/* write-only: vm_flags as asked, the pages readable (ARM) */
	KT_EXPECT_EQ(t, map(BASE + PG(12), 1, PROT_WRITE, FIXED), BASE + PG(12));
	KT_EXPECT_EQ(t, flags_at(BASE + PG(12)), VM_WRITE | VT_MAY | VM_ACCOUNT);
	KT_EXPECT_EQ(t, pgprot_val(vma_at(BASE + PG(12))->vm_page_prot), pgprot_val(PAGE_COPY));
	KT_EXPECT_EQ(t, map(BASE + PG(16), 3, RW, SHARED | MAP_FIXED), BASE + PG(16));
	vma = vma_at(BASE + PG(16));
	KT_EXPECT_EQ(t, vma->vm_flags, VM_READ | VM_WRITE | VT_MAY | VM_SHARED | VM_MAYSHARE);
	KT_EXPECT_EQ(t, pgprot_val(vma->vm_page_prot), pgprot_val(PAGE_SHARED));
	KT_EXPECT_EQ(t, vma->vm_pgoff, 0);
	KT_EXPECT_EQ(t, map(BASE + PG(20), 5, RW, FIXED | MAP_GROWSDOWN), BASE + PG(20));
	KT_EXPECT_EQ(t, flags_at(BASE + PG(20)), ANON_RW | VM_GROWSDOWN);
	KT_EXPECT_EQ(t, map(BASE + PG(30), 6, RW, FIXED | MAP_NORESERVE), BASE + PG(30));
	KT_EXPECT_EQ(t, flags_at(BASE + PG(30)), VM_READ | VM_WRITE | VT_MAY | VM_NORESERVE);
	KT_EXPECT_EQ(t, map_file(FILE_A, BASE + PG(40), 2, MAP_PRIVATE | MAP_FIXED, 5),
		     BASE + PG(40));
	vma = vma_at(BASE + PG(40));
	KT_EXPECT_EQ(t, vma->vm_pgoff, 5);
	KT_EXPECT_PTR_EQ(t, vma->vm_file, FILE_A);
	KT_EXPECT_EQ(t, map(BASE + PG(50), 7, PROT_NONE, FIXED), BASE + PG(50));

	/* exec: r-x; stack: growsdown; data: private writable (with noreserve) */
	KT_EXPECT_EQ(t, mm->total_vm, 4 + 2 + 1 + 3 + 5 + 6 + 2 + 7);
	KT_EXPECT_EQ(t, mm->exec_vm, 2);
	KT_EXPECT_EQ(t, mm->stack_vm, 5);
	KT_EXPECT_EQ(t, mm->data_vm, 4 + 1 + 6);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, PG(64)), 0);
	KT_EXPECT_EQ(t, mm->total_vm + mm->exec_vm + mm->stack_vm + mm->data_vm, 0);
}

static void mmap_fixed_replaces(struct ktest *t)
{
	KT_EXPECT_EQ(t, map(BASE, 8, RW, FIXED), BASE);
	reset_calls();
	KT_EXPECT_EQ(t, map(BASE + PG(2), 2, PROT_READ, FIXED), BASE + PG(2));
	EXPECT_VMAS(t, 3, BASE, BASE + PG(2), BASE + PG(2), BASE + PG(4),
		    BASE + PG(4), BASE + PG(8));
	EXPECT_CALLS(t, 'u', 1, BASE + PG(2), BASE + PG(4));
	EXPECT_CALLS(t, 'f', 1, BASE + PG(2), BASE + PG(4));
	KT_EXPECT_EQ(t, mm->total_vm, 8);
	KT_EXPECT_EQ(t, mm->data_vm, 6);
	KT_EXPECT_EQ(t, vma_at(BASE + PG(4))->vm_pgoff, (BASE >> PAGE_SHIFT) + 4);

	/* over three VMAs and a hole */
	KT_EXPECT_EQ(t, map(BASE + PG(10), 2, RW, FIXED), BASE + PG(10));
	reset_calls();
	KT_EXPECT_EQ(t, map(BASE + PG(1), 11, PROT_EXEC, FIXED), BASE + PG(1));
	EXPECT_VMAS(t, 2, BASE, BASE + PG(1), BASE + PG(1), BASE + PG(12));
	EXPECT_CALLS(t, 'u', 4, BASE + PG(1), BASE + PG(2), BASE + PG(2), BASE + PG(4),
		     BASE + PG(4), BASE + PG(8), BASE + PG(10), BASE + PG(12));
	KT_EXPECT_EQ(t, mm->total_vm, 12);
	KT_EXPECT_EQ(t, mm->exec_vm, 11);
	KT_EXPECT_EQ(t, mm->data_vm, 1);

	/* the same protection as around it: one VMA again */
	KT_EXPECT_EQ(t, map(BASE + PG(1), 11, RW, FIXED), BASE + PG(1));
	EXPECT_VMAS(t, 1, BASE, BASE + PG(12));
	KT_EXPECT_EQ(t, vma_at(BASE)->vm_pgoff, BASE >> PAGE_SHIFT);
}

static void mmap_fixed_noreplace(struct ktest *t)
{
	const unsigned long a = BASE + PG(10);

	KT_EXPECT_EQ(t, map(a, 4, RW, FIXED), a);
	reset_calls();
	KT_EXPECT_EQ(t, map(a, 4, RW, NOREPLACE), -EEXIST);		/* exact */
	KT_EXPECT_EQ(t, map(a + PG(1), 2, RW, NOREPLACE), -EEXIST);	/* inside */
	KT_EXPECT_EQ(t, map(a - PG(2), 3, RW, NOREPLACE), -EEXIST);	/* its start */
	KT_EXPECT_EQ(t, map(a + PG(3), 3, RW, NOREPLACE), -EEXIST);	/* its end */
	KT_EXPECT_EQ(t, map(a - PG(1), 6, RW, NOREPLACE), -EEXIST);	/* around */
	EXPECT_CALLS(t, 'u', 0);
	EXPECT_VMAS(t, 1, a, a + PG(4));

	/* touching is fine, and merges as any mapping does */
	KT_EXPECT_EQ(t, map(a + PG(4), 2, RW, NOREPLACE), a + PG(4));
	EXPECT_VMAS(t, 1, a, a + PG(6));
	KT_EXPECT_EQ(t, map(a - PG(2), 2, PROT_READ, NOREPLACE), a - PG(2));
	EXPECT_VMAS(t, 2, a - PG(2), a, a, a + PG(6));
	KT_EXPECT_EQ(t, map(a + PG(8), 1, RW, NOREPLACE), a + PG(8));
	KT_EXPECT_EQ(t, map(a + PG(6), 2, RW, NOREPLACE), a + PG(6));
	EXPECT_VMAS(t, 2, a - PG(2), a, a, a + PG(9));
	EXPECT_CALLS(t, 'u', 0);
	KT_EXPECT_EQ(t, mm->total_vm, 11);
}

static void anon_mappings_merge(struct ktest *t)
{
	const unsigned long b = BASE, c = BASE + PG(100);
	unsigned long s1, s2;

	KT_EXPECT_EQ(t, map(b, 2, RW, FIXED), b);
	KT_EXPECT_EQ(t, map(b + PG(2), 2, RW, FIXED), b + PG(2));	/* after */
	EXPECT_VMAS(t, 1, b, b + PG(4));
	KT_EXPECT_EQ(t, map(b + PG(6), 2, RW, FIXED), b + PG(6));
	EXPECT_VMAS(t, 2, b, b + PG(4), b + PG(6), b + PG(8));
	KT_EXPECT_EQ(t, map(b + PG(4), 2, RW, FIXED), b + PG(4));	/* the hole */
	EXPECT_VMAS(t, 1, b, b + PG(8));
	KT_EXPECT_EQ(t, map(b - PG(2), 2, RW, FIXED), b - PG(2));	/* before */
	EXPECT_VMAS(t, 1, b - PG(2), b + PG(8));
	KT_EXPECT_EQ(t, vma_at(b)->vm_pgoff, (b - PG(2)) >> PAGE_SHIFT);
	KT_EXPECT_EQ(t, map(b + PG(8), 1, PROT_READ, FIXED), b + PG(8));
	KT_EXPECT_EQ(t, map(b + PG(9), 1, RW | MAP_NORESERVE, FIXED | MAP_NORESERVE),
		     b + PG(9));
	EXPECT_VMAS(t, 3, b - PG(2), b + PG(8), b + PG(8), b + PG(9), b + PG(9), b + PG(10));

	/* top-down, each new one just below the last: one VMA */
	KT_EXPECT_EQ(t, map(0, 3, RW, ANON), MMAP_BASE - PG(3));
	KT_EXPECT_EQ(t, map(0, 2, RW, ANON), MMAP_BASE - PG(5));
	KT_EXPECT_EQ(t, vma_at(MMAP_BASE - PG(5))->vm_end, MMAP_BASE);
	KT_EXPECT_EQ(t, mm->map_count, 4);

	/* shared anonymous mappings never merge */
	s1 = map(0, 2, RW, SHARED);
	s2 = map(0, 2, RW, SHARED);
	KT_EXPECT_EQ(t, s1, MMAP_BASE - PG(7));
	KT_EXPECT_EQ(t, s2, MMAP_BASE - PG(9));
	KT_EXPECT_EQ(t, vma_at(s2)->vm_end, s1);
	KT_EXPECT_EQ(t, mm->map_count, 6);

	/* a file: the same one at the next offset only */
	KT_EXPECT_EQ(t, map_file(FILE_A, c, 2, MAP_PRIVATE | MAP_FIXED, 10), c);
	KT_EXPECT_EQ(t, map_file(FILE_A, c + PG(2), 2, MAP_PRIVATE | MAP_FIXED, 12), c + PG(2));
	KT_EXPECT_EQ(t, vma_at(c)->vm_end, c + PG(4));
	KT_EXPECT_EQ(t, map_file(FILE_A, c + PG(4), 2, MAP_PRIVATE | MAP_FIXED, 20), c + PG(4));
	KT_EXPECT_EQ(t, map_file(FILE_B, c + PG(6), 2, MAP_PRIVATE | MAP_FIXED, 22), c + PG(6));
	KT_EXPECT_EQ(t, map(c + PG(8), 2, PROT_READ, FIXED), c + PG(8));
	KT_EXPECT_EQ(t, map_file(FILE_A, c - PG(2), 2, MAP_PRIVATE | MAP_FIXED, 8), c - PG(2));
	KT_EXPECT_EQ(t, vma_at(c)->vm_start, c - PG(2));
	KT_EXPECT_EQ(t, vma_at(c)->vm_pgoff, 8);
	KT_EXPECT_EQ(t, mm->map_count, 10);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

static void get_unmapped_area_choices(struct ktest *t)
{
	const unsigned long top = MMAP_BASE;

	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(4), 0, 0), top - PG(4));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE, PG(4), 0, 0), BASE);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE + 5, PG(1), 0, 0), BASE + PG(1));
	KT_EXPECT_EQ(t, map(BASE + 5, 1, RW, ANON), BASE);	/* mmap rounds down */
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE, PG(1), 0, 0), top - PG(1));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE - PG(2), PG(4), 0, 0), top - PG(4));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE - PG(2), PG(2), 0, 0), BASE - PG(2));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, TASK_SIZE - PG(1), PG(2), 0, 0), top - PG(2));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, TASK_SIZE - PG(2), PG(2), 0, 0),
		     TASK_SIZE - PG(2));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, TASK_SIZE + 1, 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, TASK_SIZE, 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE, PG(1), 0, MAP_FIXED), BASE);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, BASE + 4, PG(1), 0, MAP_FIXED), -EINVAL);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, TASK_SIZE, PG(1), 0, MAP_FIXED), -ENOMEM);

	/* the highest gap that fits, below mmap_base */
	KT_EXPECT_EQ(t, map(top - PG(10), 2, PROT_READ, FIXED), top - PG(10));
	KT_EXPECT_EQ(t, map(top - PG(6), 1, PROT_READ, FIXED), top - PG(6));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(5), 0, 0), top - PG(5));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(2), 0, 0), top - PG(2));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(6), 0, 0), top - PG(16));
	/* a VMA across mmap_base cuts the top gap */
	KT_EXPECT_EQ(t, map(top - PG(1), 2, PROT_READ, FIXED), top - PG(1));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(4), 0, 0), top - PG(5));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(5), 0, 0), top - PG(15));
	KT_EXPECT_EQ(t, do_munmap(mm, top - PG(10), PG(11)), 0);

	/* keep off a stack's guard gap, as the hint must */
	KT_EXPECT_EQ(t, map(top - PG(4), 4, RW, FIXED | MAP_GROWSDOWN), top - PG(4));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(1), 0, 0),
		     top - PG(5) - STACK_GUARD_GAP);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, top - PG(6), PG(1), 0, 0),
		     top - PG(5) - STACK_GUARD_GAP);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, top - PG(5) - STACK_GUARD_GAP, PG(1), 0, 0),
		     top - PG(5) - STACK_GUARD_GAP);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(1), 0, MAP_FIXED), 0);
	KT_EXPECT_EQ(t, do_munmap(mm, top - PG(4), PG(4)), 0);

	/* nothing below mmap_base (the first page is never chosen): above it */
	KT_EXPECT_EQ(t, map(PG(1), (top >> PAGE_SHIFT) - 1, PROT_NONE, FIXED), PG(1));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(1), 0, 0), top);
	KT_EXPECT_EQ(t, map(top + PG(3), 1, PROT_NONE, FIXED), top + PG(3));
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(4), 0, 0), top + PG(4));
	KT_EXPECT_EQ(t, map(top, (TASK_SIZE - top) >> PAGE_SHIFT, PROT_NONE, FIXED), top);
	KT_EXPECT_EQ(t, get_unmapped_area(mm, 0, PG(1), 0, 0), -ENOMEM);
	KT_EXPECT_EQ(t, map(0, 1, RW, ANON), -ENOMEM);
	KT_EXPECT_EQ(t, map(0, 1, RW, FIXED), 0);	/* page 0 itself, if asked */
	KT_EXPECT_EQ(t, mm->total_vm, TASK_SIZE >> PAGE_SHIFT);
}

/* ---- munmap ---- */

static void munmap_errors_and_nothing(struct ktest *t)
{
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + 1, PG(1)), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, 0), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, TASK_SIZE + PG(1), PG(1)), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, TASK_SIZE - PG(1), PG(2)), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, ~0UL), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, TASK_SIZE - PG(1), PG(1)), 0);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, PG(4)), 0);		/* nothing there */
	KT_EXPECT_EQ(t, map(BASE, 2, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG(2), PG(4)), 0);	/* just after it */
	KT_EXPECT_EQ(t, do_munmap(mm, BASE - PG(4), PG(4)), 0);	/* just before */
	EXPECT_CALLS(t, 'u', 0);
	EXPECT_VMAS(t, 1, BASE, BASE + PG(2));
}

/*
 * Lengths near the top of the address type (2^32 on ARM, 2^64 here) from
 * a mapping high in user space: addr + len wraps to a small address,
 * which must never pass for an end below TASK_SIZE.
 */
static void lengths_that_wrap(struct ktest *t)
{
	const unsigned long hi = TASK_SIZE - PG(16), wrap = -hi + PG(256);
	unsigned long populate;

	KT_EXPECT_EQ(t, map(hi, 4, RW, FIXED), hi);
	reset_calls();
	KT_EXPECT_EQ(t, do_munmap(mm, hi, wrap), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, hi, -PG(1)), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, hi, wrap, PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, hi, ~0UL, PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, hi, -PG(1), PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, hi, wrap, RW, FIXED, 0, &populate), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, hi, wrap, RW, NOREPLACE, 0, &populate), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, hi, wrap, PROT_NONE, ANON | MAP_NORESERVE, 0,
				&populate), -ENOMEM);
	KT_EXPECT_EQ(t, do_mmap(mm, NULL, -PG(1), PG(1), RW, FIXED, 0, &populate), -ENOMEM);
	mm->start_brk = mm->brk = hi + PG(8);
	KT_EXPECT_EQ(t, do_brk(mm, hi + PG(8) + wrap), hi + PG(8));
	KT_EXPECT_EQ(t, do_brk(mm, -PG(1)), hi + PG(8));
	KT_EXPECT_EQ(t, do_brk(mm, ~0UL), hi + PG(8));
	EXPECT_CALLS(t, 'u', 0);
	EXPECT_CALLS(t, 'p', 0);
	EXPECT_VMAS(t, 1, hi, hi + PG(4));
	KT_EXPECT_EQ(t, mm->total_vm, 4);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

static void munmap_splits_and_spans(struct ktest *t)
{
	KT_EXPECT_EQ(t, map(BASE, 10, RW, FIXED), BASE);
	reset_calls();
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG(3), PG(2)), 0);	/* one into two */
	EXPECT_VMAS(t, 2, BASE, BASE + PG(3), BASE + PG(5), BASE + PG(10));
	EXPECT_CALLS(t, 'u', 1, BASE + PG(3), BASE + PG(5));
	EXPECT_CALLS(t, 'f', 1, BASE + PG(3), BASE + PG(5));
	KT_EXPECT_EQ(t, vma_at(BASE + PG(5))->vm_pgoff, (BASE >> PAGE_SHIFT) + 5);
	KT_EXPECT_EQ(t, mm->total_vm, 8);
	KT_EXPECT_EQ(t, mm->data_vm, 8);

	reset_calls();
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG(5), PG(1) + 1), 0);	/* rounded up */
	EXPECT_VMAS(t, 2, BASE, BASE + PG(3), BASE + PG(7), BASE + PG(10));
	EXPECT_CALLS(t, 'u', 1, BASE + PG(5), BASE + PG(7));

	/* across four VMAs and two holes, cutting the first and the last */
	KT_EXPECT_EQ(t, map(BASE + PG(12), 3, PROT_READ, FIXED), BASE + PG(12));
	KT_EXPECT_EQ(t, map(BASE + PG(16), 2, PROT_EXEC, FIXED), BASE + PG(16));
	reset_calls();
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG(1), PG(16)), 0);
	EXPECT_VMAS(t, 2, BASE, BASE + PG(1), BASE + PG(17), BASE + PG(18));
	EXPECT_CALLS(t, 'u', 4, BASE + PG(1), BASE + PG(3), BASE + PG(7), BASE + PG(10),
		     BASE + PG(12), BASE + PG(15), BASE + PG(16), BASE + PG(17));
	KT_EXPECT_EQ(t, mm->total_vm, 2);
	KT_EXPECT_EQ(t, mm->exec_vm, 1);
	KT_EXPECT_EQ(t, mm->data_vm, 1);
	KT_EXPECT_EQ(t, vma_at(BASE + PG(17))->vm_pgoff, (BASE >> PAGE_SHIFT) + 17);

	/* exactly one VMA, then everything */
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG(17), PG(1)), 0);
	EXPECT_VMAS(t, 1, BASE, BASE + PG(1));
	KT_EXPECT_EQ(t, do_munmap(mm, 0, TASK_SIZE), 0);
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_EQ(t, mm->map_count + mm->total_vm + mm->data_vm + mm->exec_vm, 0);
}

/* ---- mprotect ---- */

static void mprotect_errors(struct ktest *t)
{
	KT_EXPECT_EQ(t, map(BASE, 4, RW, FIXED), BASE);
	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + 1, PG(1), PROT_READ), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, 0, 0x100), 0);	/* before prot's check */
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + 1, 0, PROT_READ), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(1), 0x10), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(1), PROT_GROWSDOWN | PROT_GROWSUP), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(1), PROT_READ | PROT_GROWSUP), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(1), PROT_READ | PROT_GROWSDOWN), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, PG(16), -PG(8), PROT_READ), -ENOMEM);	/* wraps */
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE - PG(1), PG(2), PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + PG(4), PG(1), PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, TASK_SIZE, PG(1), PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(1), RW | 0x8), 0);	/* PROT_SEM */
	EXPECT_CALLS(t, 'p', 0);	/* no change, no call */
	EXPECT_VMAS(t, 1, BASE, BASE + PG(4));
}

static void mprotect_split_and_merge_back(struct ktest *t)
{
	KT_EXPECT_EQ(t, map(BASE, 10, RW, FIXED), BASE);
	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + PG(3), PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 3, BASE, BASE + PG(3), BASE + PG(3), BASE + PG(5),
		    BASE + PG(5), BASE + PG(10));
	EXPECT_CALLS(t, 'p', 1, BASE + PG(3), BASE + PG(5));
	KT_EXPECT_EQ(t, calls[0].prot, pgprot_val(PAGE_READONLY));
	/* VM_ACCOUNT stays: the copies were charged */
	KT_EXPECT_EQ(t, flags_at(BASE + PG(3)), VM_READ | VT_MAY | VM_ACCOUNT);
	KT_EXPECT_EQ(t, vma_at(BASE + PG(5))->vm_pgoff, (BASE >> PAGE_SHIFT) + 5);
	KT_EXPECT_EQ(t, mm->data_vm, 8);

	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + PG(3), PG(2), RW), 0);
	EXPECT_VMAS(t, 1, BASE, BASE + PG(10));
	EXPECT_CALLS(t, 'p', 1, BASE + PG(3), BASE + PG(5));
	KT_EXPECT_EQ(t, calls[0].prot, pgprot_val(PAGE_COPY));
	KT_EXPECT_EQ(t, flags_at(BASE), ANON_RW);
	KT_EXPECT_EQ(t, mm->data_vm, 10);
	KT_EXPECT_EQ(t, mm->total_vm, 10);

	/* all of it and back */
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(10), PROT_NONE), 0);
	EXPECT_VMAS(t, 1, BASE, BASE + PG(10));
	KT_EXPECT_EQ(t, pgprot_val(vma_at(BASE)->vm_page_prot), pgprot_val(PAGE_NONE));
	KT_EXPECT_EQ(t, mm->data_vm, 0);
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE, PG(10), PROT_READ | PROT_EXEC), 0);
	KT_EXPECT_EQ(t, mm->exec_vm, 10);
}

/* Each of Linux's mprotect merge cases, on VMAs all born writable. */
static void mprotect_merge_cases(struct ktest *t)
{
	const unsigned long b = BASE;

	KT_EXPECT_EQ(t, map(b, 8, RW, FIXED), b);
	KT_EXPECT_EQ(t, do_mprotect(mm, b, PG(4), PROT_READ), 0);
	EXPECT_VMAS(t, 2, b, b + PG(4), b + PG(4), b + PG(8));
	/* the start of a VMA joins the one before: it shrinks */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(4), PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 2, b, b + PG(6), b + PG(6), b + PG(8));
	KT_EXPECT_EQ(t, vma_at(b + PG(6))->vm_pgoff, (b >> PAGE_SHIFT) + 6);
	/* the end of a VMA joins the one after: it grows down */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(4), RW), 0);
	EXPECT_VMAS(t, 2, b, b + PG(2), b + PG(2), b + PG(8));
	KT_EXPECT_EQ(t, vma_at(b + PG(2))->vm_pgoff, (b >> PAGE_SHIFT) + 2);
	/* all of the first VMA joins the one after */
	KT_EXPECT_EQ(t, do_mprotect(mm, b, PG(2), RW), 0);
	EXPECT_VMAS(t, 1, b, b + PG(8));
	KT_EXPECT_EQ(t, vma_at(b)->vm_pgoff, b >> PAGE_SHIFT);
}

static void mprotect_merge_whole_vmas(struct ktest *t)
{
	const unsigned long b = BASE;

	KT_EXPECT_EQ(t, map(b, 6, RW, FIXED), b);
	KT_EXPECT_EQ(t, do_mprotect(mm, b, PG(2), PROT_READ), 0);
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(4), PG(2), PROT_EXEC), 0);
	EXPECT_VMAS(t, 3, b, b + PG(2), b + PG(2), b + PG(4), b + PG(4), b + PG(6));
	/* whole middle VMA into the one before only */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 2, b, b + PG(4), b + PG(4), b + PG(6));
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(2), RW), 0);
	EXPECT_VMAS(t, 3, b, b + PG(2), b + PG(2), b + PG(4), b + PG(4), b + PG(6));
	/* whole middle VMA into the one after only */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(2), PROT_EXEC), 0);
	EXPECT_VMAS(t, 2, b, b + PG(2), b + PG(2), b + PG(6));
	KT_EXPECT_EQ(t, vma_at(b + PG(2))->vm_pgoff, (b >> PAGE_SHIFT) + 2);
	/* whole VMA into both */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(4), PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 3, b, b + PG(2), b + PG(2), b + PG(4), b + PG(4), b + PG(6));
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 1, b, b + PG(6));
	/* across three VMAs at once: one */
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(2), PG(2), RW), 0);
	KT_EXPECT_EQ(t, do_mprotect(mm, b + PG(4), PG(2), PROT_EXEC), 0);
	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, b, PG(6), PROT_READ | PROT_WRITE | PROT_EXEC), 0);
	EXPECT_VMAS(t, 1, b, b + PG(6));
	EXPECT_CALLS(t, 'p', 3, b, b + PG(2), b + PG(2), b + PG(4), b + PG(4), b + PG(6));
	KT_EXPECT_EQ(t, mm->total_vm, 6);
	KT_EXPECT_EQ(t, mm->data_vm, 6);
	KT_EXPECT_EQ(t, mm->exec_vm, 0);
}

/* Linux's VM_ACCOUNT rules decide what merges. */
static void mprotect_accounting_flags(struct ktest *t)
{
	const unsigned long c = BASE;

	KT_EXPECT_EQ(t, map(c, 4, PROT_READ, FIXED), c);
	KT_EXPECT_EQ(t, flags_at(c), VM_READ | VT_MAY);
	KT_EXPECT_EQ(t, do_mprotect(mm, c, PG(2), RW), 0);
	KT_EXPECT_EQ(t, flags_at(c), ANON_RW);
	KT_EXPECT_EQ(t, do_mprotect(mm, c, PG(2), PROT_READ), 0);
	EXPECT_VMAS(t, 2, c, c + PG(2), c + PG(2), c + PG(4));	/* R|ACCOUNT vs R */
	KT_EXPECT_EQ(t, map(c + PG(8), 2, PROT_NONE, FIXED | MAP_NORESERVE), c + PG(8));
	KT_EXPECT_EQ(t, do_mprotect(mm, c + PG(8), PG(2), RW), 0);
	KT_EXPECT_EQ(t, flags_at(c + PG(8)), VM_READ | VM_WRITE | VT_MAY | VM_NORESERVE);
	KT_EXPECT_EQ(t, map(c + PG(12), 2, RW, SHARED | MAP_FIXED), c + PG(12));
	KT_EXPECT_EQ(t, do_mprotect(mm, c + PG(12), PG(2), PROT_READ), 0);
	KT_EXPECT_EQ(t, do_mprotect(mm, c + PG(12), PG(2), RW), 0);
	KT_EXPECT_FALSE(t, flags_at(c + PG(12)) & VM_ACCOUNT);
	KT_EXPECT_EQ(t, pgprot_val(vma_at(c + PG(12))->vm_page_prot), pgprot_val(PAGE_SHARED));
}

static void mprotect_partial_and_eacces(struct ktest *t)
{
	struct vm_area_struct *vma;
	const unsigned long d = BASE, f = BASE + PG(32);

	/* a hole: -ENOMEM, but what comes before it has changed (Linux) */
	KT_EXPECT_EQ(t, map(d, 2, RW, FIXED), d);
	KT_EXPECT_EQ(t, map(d + PG(3), 2, RW, FIXED), d + PG(3));
	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, d, PG(5), PROT_READ), -ENOMEM);
	KT_EXPECT_EQ(t, flags_at(d), VM_READ | VT_MAY | VM_ACCOUNT);
	KT_EXPECT_EQ(t, flags_at(d + PG(3)), ANON_RW);
	EXPECT_CALLS(t, 'p', 1, d, d + PG(2));

	/* a VMA that may never be writable */
	vma = vm_area_alloc(mm);
	KT_ASSERT_NOT_NULL(t, vma);
	vma->vm_start = f + PG(2);
	vma->vm_end = f + PG(4);
	vma->vm_flags = VM_READ | VM_MAYREAD | VM_MAYEXEC;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	KT_EXPECT_EQ(t, insert_vm_struct(mm, vma), 0);
	KT_EXPECT_EQ(t, do_mprotect(mm, f + PG(2), PG(2), RW), -EACCES);
	KT_EXPECT_EQ(t, do_mprotect(mm, f + PG(2), PG(2), PROT_WRITE), -EACCES);
	KT_EXPECT_EQ(t, do_mprotect(mm, f + PG(2), PG(1), PROT_READ | PROT_EXEC), 0);
	KT_EXPECT_EQ(t, flags_at(f + PG(2)), VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC);
	KT_EXPECT_EQ(t, flags_at(f + PG(3)), VM_READ | VM_MAYREAD | VM_MAYEXEC);
	/* the writable VMA before it changes, then -EACCES */
	KT_EXPECT_EQ(t, map(f, 2, PROT_READ, FIXED), f);
	reset_calls();
	KT_EXPECT_EQ(t, do_mprotect(mm, f, PG(4), RW), -EACCES);
	KT_EXPECT_EQ(t, flags_at(f), ANON_RW);
	EXPECT_CALLS(t, 'p', 1, f, f + PG(2));
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

static void mprotect_growsdown(struct ktest *t)
{
	const unsigned long g = BASE;

	KT_EXPECT_EQ(t, map(g, 4, RW, FIXED | MAP_GROWSDOWN), g);
	KT_EXPECT_EQ(t, map(g + PG(8), 4, RW, FIXED), g + PG(8));
	/* PROT_GROWSDOWN: from the stack's start */
	KT_EXPECT_EQ(t, do_mprotect(mm, g + PG(2), PG(1), PROT_READ | PROT_GROWSDOWN), 0);
	EXPECT_VMAS(t, 3, g, g + PG(3), g + PG(3), g + PG(4), g + PG(8), g + PG(12));
	KT_EXPECT_EQ(t, flags_at(g), VM_READ | VT_MAY | VM_ACCOUNT | VM_GROWSDOWN);
	KT_EXPECT_EQ(t, mm->stack_vm, 4);
	/* from below the stack, in its gap: the stack's start */
	KT_EXPECT_EQ(t, do_mprotect(mm, g - PG(2), PG(5), RW | PROT_GROWSDOWN), 0);
	EXPECT_VMAS(t, 2, g, g + PG(4), g + PG(8), g + PG(12));
	KT_EXPECT_EQ(t, do_mprotect(mm, g + PG(9), PG(1), PROT_READ | PROT_GROWSDOWN),
		     -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(mm, g + PG(4), PG(2), PROT_READ | PROT_GROWSDOWN),
		     -ENOMEM);
}

/* ---- brk ---- */

static unsigned long heap_end(void)
{
	struct vm_area_struct *vma = mm->mmap;

	return vma ? vma->vm_end : 0;
}

static void brk_grows_and_shrinks_33_times(struct ktest *t)
{
	const unsigned long s = 0x01000123UL, heap = PAGE_ALIGN(s);
	unsigned long b = s, pages;
	int i;

	mm->start_brk = mm->brk = s;
	KT_EXPECT_EQ(t, do_brk(mm, s - 1), s);
	KT_EXPECT_EQ(t, do_brk(mm, 0), s);
	KT_EXPECT_EQ(t, do_brk(mm, s + 10), s + 10);	/* the same page */
	KT_EXPECT_NULL(t, mm->mmap);
	for (i = 1; i <= 33; i++) {
		b = s + i * 5000UL;
		KT_EXPECT_EQ(t, do_brk(mm, b), b);
		KT_EXPECT_EQ(t, mm->brk, b);
		pages = (PAGE_ALIGN(b) - heap) >> PAGE_SHIFT;
		KT_EXPECT_EQ(t, mm->map_count, pages ? 1 : 0);
		KT_EXPECT_EQ(t, heap_end(), pages ? PAGE_ALIGN(b) : 0);
		KT_EXPECT_EQ(t, mm->total_vm, pages);
		KT_EXPECT_EQ(t, mm->data_vm, pages);
	}
	KT_EXPECT_EQ(t, mm->mmap->vm_start, heap);
	KT_EXPECT_EQ(t, mm->mmap->vm_flags, ANON_RW);
	KT_EXPECT_EQ(t, mm->mmap->vm_pgoff, heap >> PAGE_SHIFT);
	for (i = 32; i >= 0; i--) {
		unsigned long old_end = heap_end();

		b = s + i * 5000UL;
		reset_calls();
		KT_EXPECT_EQ(t, do_brk(mm, b), b);
		pages = (PAGE_ALIGN(b) - heap) >> PAGE_SHIFT;
		KT_EXPECT_EQ(t, mm->map_count, pages ? 1 : 0);
		KT_EXPECT_EQ(t, mm->total_vm, pages);
		if (PAGE_ALIGN(b) != old_end)
			EXPECT_CALLS(t, 'u', 1, PAGE_ALIGN(b), old_end);
		else
			EXPECT_CALLS(t, 'u', 0);
	}
	KT_EXPECT_EQ(t, mm->brk, s);
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_EQ(t, mm->data_vm, 0);
}

static void brk_edges(struct ktest *t)
{
	const unsigned long s = 0x01000000UL;
	const unsigned long stack = s + PG(300) + STACK_GUARD_GAP;

	mm->start_brk = mm->brk = s;
	/* shrinking with nothing mapped there fails (6.1) */
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(4)), s + PG(4));
	KT_EXPECT_EQ(t, do_munmap(mm, s, PG(4)), 0);
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(1)), s + PG(4));
	KT_EXPECT_EQ(t, do_brk(mm, s), s + PG(4));
	mm->brk = s;

	/* a page must stay free below the next mapping */
	KT_EXPECT_EQ(t, map(s + PG(8), 1, PROT_READ, FIXED), s + PG(8));
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(8)), s);
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(7) + 1), s);
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(7)), s + PG(7));
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(20)), s + PG(7));	/* over it */
	EXPECT_VMAS(t, 2, s, s + PG(7), s + PG(8), s + PG(9));
	KT_EXPECT_EQ(t, do_brk(mm, s), s);
	KT_EXPECT_EQ(t, do_munmap(mm, s + PG(8), PG(1)), 0);

	/* and a guard gap below a stack */
	KT_EXPECT_EQ(t, map(stack, 4, RW, FIXED | MAP_GROWSDOWN), stack);
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(300)), s);
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(299)), s + PG(299));
	EXPECT_VMAS(t, 2, s, s + PG(299), stack, stack + PG(4));
	KT_EXPECT_EQ(t, do_brk(mm, s), s);
	KT_EXPECT_EQ(t, do_munmap(mm, stack, PG(4)), 0);

	/* the first growth never joins what ends at start_brk (6.1) ... */
	KT_EXPECT_EQ(t, map(s - PG(2), 2, RW, FIXED), s - PG(2));
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(1)), s + PG(1));
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(3)), s + PG(3));
	EXPECT_VMAS(t, 2, s - PG(2), s, s, s + PG(3));
	KT_EXPECT_EQ(t, do_brk(mm, s), s);
	KT_EXPECT_EQ(t, do_munmap(mm, s - PG(2), PG(2)), 0);

	/* ... but joins one ending at the rounded-up break above start_brk */
	mm->start_brk = mm->brk = s + 0x123;
	KT_EXPECT_EQ(t, map(s - PG(1), 2, RW, FIXED), s - PG(1));
	KT_EXPECT_EQ(t, do_brk(mm, s + PG(3)), s + PG(3));
	EXPECT_VMAS(t, 1, s - PG(1), s + PG(3));
	KT_EXPECT_EQ(t, mm->total_vm, 4);

	/* out of address space */
	mm->start_brk = mm->brk = TASK_SIZE - PG(2);
	KT_EXPECT_EQ(t, do_brk(mm, TASK_SIZE + PG(1)), TASK_SIZE - PG(2));
	KT_EXPECT_EQ(t, do_brk(mm, ~0UL), TASK_SIZE - PG(2));
	KT_EXPECT_EQ(t, do_brk(mm, TASK_SIZE - PG(1)), TASK_SIZE - PG(1));	/* no next */
}

/* ---- the structs, lookups, limits, teardown ---- */

static void insert_split_and_lookups(struct ktest *t)
{
	struct vm_area_struct *vma = vm_area_alloc(mm), *other, *prev;
	const unsigned long b = BASE;

	KT_ASSERT_NOT_NULL(t, vma);
	vma->vm_start = b;
	vma->vm_end = b + PG(4);
	vma->vm_flags = VM_READ | VM_MAYREAD;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_pgoff = 99;
	KT_EXPECT_EQ(t, insert_vm_struct(mm, vma), 0);
	KT_EXPECT_EQ(t, vma->vm_pgoff, b >> PAGE_SHIFT);	/* anonymous */
	KT_EXPECT_EQ(t, mm->total_vm, 4);

	other = vm_area_dup(vma);
	KT_ASSERT_NOT_NULL(t, other);
	other->vm_start = b + PG(3);
	other->vm_end = b + PG(6);
	KT_EXPECT_EQ(t, insert_vm_struct(mm, other), -ENOMEM);
	other->vm_start = b - PG(1);
	other->vm_end = b + PG(1);
	KT_EXPECT_EQ(t, insert_vm_struct(mm, other), -ENOMEM);
	other->vm_end = b;
	KT_EXPECT_EQ(t, insert_vm_struct(mm, other), 0);	/* touching: fine, not merged */
	EXPECT_VMAS(t, 2, b - PG(1), b, b, b + PG(4));

	/* new below: the new struct takes the lower part */
	KT_EXPECT_EQ(t, split_vma(mm, vma, b + PG(1), 1), 0);
	KT_EXPECT_EQ(t, vma->vm_start, b + PG(1));
	KT_EXPECT_EQ(t, vma->vm_pgoff, (b >> PAGE_SHIFT) + 1);
	KT_EXPECT_EQ(t, split_vma(mm, vma, b + PG(3), 0), 0);
	KT_EXPECT_EQ(t, vma->vm_end, b + PG(3));
	KT_EXPECT_EQ(t, vma_at(b + PG(3))->vm_pgoff, (b >> PAGE_SHIFT) + 3);
	EXPECT_VMAS(t, 4, b - PG(1), b, b, b + PG(1), b + PG(1), b + PG(3), b + PG(3), b + PG(4));
	KT_EXPECT_EQ(t, mm->total_vm, 5);

	KT_EXPECT_PTR_EQ(t, find_vma(mm, 0), other);
	KT_EXPECT_PTR_EQ(t, find_vma(mm, b + PG(2) + 7), vma);
	KT_EXPECT_NULL(t, find_vma(mm, b + PG(4)));
	KT_EXPECT_PTR_EQ(t, find_vma_prev(mm, b + PG(1), &prev), vma);
	KT_EXPECT_EQ(t, prev->vm_start, b);
	KT_EXPECT_NULL(t, find_vma_prev(mm, b + PG(9), &prev));
	KT_EXPECT_EQ(t, prev->vm_start, b + PG(3));
	KT_EXPECT_PTR_EQ(t, find_vma_prev(mm, 0, &prev), other);
	KT_EXPECT_NULL(t, prev);
	KT_EXPECT_NULL(t, find_vma_intersection(mm, b + PG(4), b + PG(8)));
	KT_EXPECT_NULL(t, find_vma_intersection(mm, 0, b - PG(1)));
	KT_EXPECT_PTR_EQ(t, find_vma_intersection(mm, 0, b - PG(1) + 1), other);
	KT_EXPECT_PTR_EQ(t, find_vma_intersection(mm, b + PG(2), b + PG(9)), vma);
}

static void exit_mmap_unmaps_every_vma(struct ktest *t)
{
	KT_EXPECT_EQ(t, map(BASE, 2, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, map(BASE + PG(4), 3, PROT_READ, FIXED), BASE + PG(4));
	reset_calls();
	exit_mmap(mm);
	EXPECT_CALLS(t, 'u', 2, BASE, BASE + PG(2), BASE + PG(4), BASE + PG(7));
	/* each VMA's page tables, once the tree is empty */
	EXPECT_CALLS(t, 'f', 2, BASE, BASE + PG(2), BASE + PG(4), BASE + PG(7));
	KT_EXPECT_NULL(t, mm->mmap);
	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&mm->mm_rb));
	KT_EXPECT_EQ(t, mm->map_count + mm->total_vm + mm->data_vm, 0);
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

static void validate_mm_finds_problems(struct ktest *t)
{
	struct vm_area_struct *vma;
	unsigned long start;

	KT_EXPECT_EQ(t, map(BASE, 2, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, map(BASE + PG(4), 2, PROT_READ, FIXED), BASE + PG(4));
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
	vma = mm->mmap->vm_next;
	start = vma->vm_start;
	vma->vm_start = BASE + PG(1);		/* overlaps the one before */
	KT_EXPECT_GE(t, validate_mm(mm), 1);
	vma->vm_start = start;
	mm->map_count++;
	KT_EXPECT_EQ(t, validate_mm(mm), 1);
	mm->map_count--;
	vma->vm_prev = NULL;
	KT_EXPECT_EQ(t, validate_mm(mm), 1);
	vma->vm_prev = mm->mmap;
	vma->vm_mm = NULL;
	KT_EXPECT_EQ(t, validate_mm(mm), 1);
	vma->vm_mm = mm;
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
}

/*
 * At DEFAULT_MAX_MAP_COUNT: mmap still works once (Linux compares with
 * '>'), then fails; so does anything that needs a split, while merging
 * and trimming work.
 */
static void map_count_limit(struct ktest *t)
{
	const unsigned long big = BASE + PG(DEFAULT_MAX_MAP_COUNT + 10);
	unsigned long i, bad = 0;

	for (i = 0; i < DEFAULT_MAX_MAP_COUNT - 2; i++)
		bad += map(BASE + PG(i), 1, i % 2 ? PROT_READ : RW, FIXED) != BASE + PG(i);
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, map(big, 4, PROT_READ, FIXED), big);
	KT_EXPECT_EQ(t, map(big + PG(4), 4, RW, FIXED), big + PG(4));
	KT_EXPECT_EQ(t, mm->map_count, DEFAULT_MAX_MAP_COUNT);

	KT_EXPECT_EQ(t, split_vma(mm, vma_at(big), big + PG(1), 0), -ENOMEM);
	KT_EXPECT_EQ(t, do_mprotect(mm, big + PG(1), PG(1), RW), -ENOMEM);
	KT_EXPECT_EQ(t, do_munmap(mm, big + PG(1), PG(1)), -ENOMEM);
	KT_EXPECT_EQ(t, map(big + PG(1), 1, RW, FIXED), -ENOMEM);
	KT_EXPECT_EQ(t, do_munmap(mm, big + PG(2), PG(4)), 0);	/* two ends: no more */
	EXPECT_CALLS(t, 'u', 2, big + PG(2), big + PG(4), big + PG(4), big + PG(6));
	KT_EXPECT_EQ(t, mm->map_count, DEFAULT_MAX_MAP_COUNT);
	KT_EXPECT_EQ(t, do_mprotect(mm, big + PG(1), PG(1), PROT_READ), 0);	/* no change */

	KT_EXPECT_EQ(t, map(0, 1, PROT_EXEC, ANON), MMAP_BASE - PG(1));	/* one more */
	KT_EXPECT_EQ(t, mm->map_count, DEFAULT_MAX_MAP_COUNT + 1);
	KT_EXPECT_EQ(t, map(0, 1, PROT_NONE, ANON), -ENOMEM);
	mm->start_brk = mm->brk = 0x80000000UL;
	KT_EXPECT_EQ(t, do_brk(mm, 0x80004000UL), 0x80000000UL);

	/* merging takes VMAs away: PROT_READ page between two RW pages */
	KT_EXPECT_EQ(t, do_mprotect(mm, BASE + PG(1), PG(1), RW), 0);
	KT_EXPECT_EQ(t, mm->map_count, DEFAULT_MAX_MAP_COUNT - 1);
	KT_EXPECT_EQ(t, map(0, 1, PROT_NONE, ANON), MMAP_BASE - PG(2));
	KT_EXPECT_EQ(t, validate_mm(mm), 0);
	KT_EXPECT_EQ(t, mm->total_vm, DEFAULT_MAX_MAP_COUNT - 2 + 4 + 2);
}

static const struct ktest_case vma_host_cases[] = {
	KTEST_CASE(protection_map_is_arms),
	KTEST_CASE(mmap_errors),
	KTEST_CASE(mmap_file_modes),
	KTEST_CASE(overcommit_heuristic),
	KTEST_CASE(mmap_populate),
	KTEST_CASE(mmap_flags_and_counters),
	KTEST_CASE(mmap_fixed_replaces),
	KTEST_CASE(mmap_fixed_noreplace),
	KTEST_CASE(anon_mappings_merge),
	KTEST_CASE(get_unmapped_area_choices),
	KTEST_CASE(munmap_errors_and_nothing),
	KTEST_CASE(lengths_that_wrap),
	KTEST_CASE(munmap_splits_and_spans),
	KTEST_CASE(mprotect_errors),
	KTEST_CASE(mprotect_split_and_merge_back),
	KTEST_CASE(mprotect_merge_cases),
	KTEST_CASE(mprotect_merge_whole_vmas),
	KTEST_CASE(mprotect_accounting_flags),
	KTEST_CASE(mprotect_partial_and_eacces),
	KTEST_CASE(mprotect_growsdown),
	KTEST_CASE(brk_grows_and_shrinks_33_times),
	KTEST_CASE(brk_edges),
	KTEST_CASE(insert_split_and_lookups),
	KTEST_CASE(exit_mmap_unmaps_every_vma),
	KTEST_CASE(validate_mm_finds_problems),
	KTEST_CASE(map_count_limit),
	{}
};

static const struct ktest_suite vma_host_suite = {
	.name = "vma_host",
	.init = vma_host_init,
	.exit = vma_host_exit,
	.cases = vma_host_cases,
};
ktest_register_suite(vma_host_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel address space: for every kind of mapping the generic walk
 * finds the frame the MMU itself translates to (ATS1CPR/ATS1CPW and
 * PAR); no mapping is writable and executable; writes to text and
 * rodata and touches of a vmalloc guard page fault; young and dirty are
 * recorded by the faults they cause; a page table made later picks up
 * vmalloc mappings on its first fault there.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/cp15.h>
#include <asm/fault.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/ptdump.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

#define PAR_FAULT	1
#define NO_PHYS		(~(phys_addr_t)0)

/* What the MMU says @va translates to for a kernel read or write. */
static phys_addr_t mmu_translate(unsigned long va, bool write)
{
	u32 par;

	if (write)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 1" :: "r"(va));
	else
		__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 0" :: "r"(va));
	isb();
	__asm__ __volatile__("mrc p15, 0, %0, c7, c4, 0" : "=r"(par));
	if (par & PAR_FAULT)
		return NO_PHYS;
	return (par & PAGE_MASK) | (va & ~PAGE_MASK);
}

/* The generic walk's answer, through pt_walk with its text thrown away. */
static phys_addr_t walk(unsigned long va)
{
	static char buf[1024];
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	return pt_walk(&m, &init_mm, va);
}

static void expect_agree(struct ktest *t, const char *what, unsigned long va)
{
	phys_addr_t sw = walk(va), hw = mmu_translate(va, false);

	if (sw != hw || sw == NO_PHYS)
		KT_FAIL(t, "%s at %#lx: walk says %#lx, the MMU %#lx", what, va, sw, hw);
}

static const u32 rodata_word = 0x5eed;
static u32 data_word;

/* The UART's registers, as the device tree gives them. */
static void __iomem *ioremap_uart(void)
{
	int node = fdt_find_compatible(initial_boot_params, -1, "arm,pl011");
	u64 base, size;

	if (node < 0 || fdt_read_reg_translated(initial_boot_params, node, 0, &base, &size))
		return NULL;
	return ioremap(base, size);
}

static void walk_agrees_with_mmu(struct ktest *t)
{
	void *kbuf = kmalloc(100, GFP_KERNEL);
	u8 *vbuf = vmalloc(3 * PAGE_SIZE);
	void __iomem *io = ioremap_uart();
	struct page *page = alloc_page(GFP_HIGHUSER);
	void *local, *pk;

	KT_ASSERT_NOT_NULL(t, kbuf);
	KT_ASSERT_NOT_NULL(t, vbuf);
	KT_ASSERT_NOT_NULL(t, page);
	expect_agree(t, "kernel text", (unsigned long)walk);
	expect_agree(t, "rodata", (unsigned long)&rodata_word);
	expect_agree(t, "data", (unsigned long)&data_word);
	expect_agree(t, "kmalloc", (unsigned long)kbuf);
	expect_agree(t, "lowmem section", PAGE_OFFSET + 0x200000 + 0x123);
	expect_agree(t, "vmalloc", (unsigned long)vbuf + PAGE_SIZE + 7);
	expect_agree(t, "vectors", VECTORS_BASE);
	expect_agree(t, "device tree", (unsigned long)initial_boot_params);
	KT_EXPECT_NOT_NULL(t, io);
	if (io)
		expect_agree(t, "ioremap", (unsigned long)io);
	local = kmap_local_page(page);
	expect_agree(t, "kmap_local", (unsigned long)local);
	kunmap_local(local);
	pk = kmap(page);
	KT_ASSERT_NOT_NULL(t, pk);
	expect_agree(t, PageHighMem(page) ? "pkmap" : "lowmem page", (unsigned long)pk);
	kunmap(page);
	/* and where nothing is mapped, neither finds anything */
	KT_EXPECT_EQ(t, walk(TASK_SIZE - PAGE_SIZE), NO_PHYS);
	KT_EXPECT_EQ(t, mmu_translate(TASK_SIZE - PAGE_SIZE, false), NO_PHYS);
	KT_EXPECT_EQ(t, walk((unsigned long)vbuf + 3 * PAGE_SIZE), NO_PHYS);	/* guard */
	/* read-only for the kernel: a write translation fails */
	KT_EXPECT_EQ(t, mmu_translate((unsigned long)&rodata_word, true), NO_PHYS);
	KT_EXPECT_EQ(t, mmu_translate((unsigned long)walk, true), NO_PHYS);
	KT_EXPECT_NE(t, mmu_translate((unsigned long)&data_word, true), NO_PHYS);
	__free_page(page);
	if (io)
		iounmap(io);
	vfree(vbuf);
	kfree(kbuf);
}

static void nothing_is_writable_and_executable(struct ktest *t)
{
	unsigned long checked;

	KT_EXPECT_EQ(t, ptdump_check_wx(&init_mm, &checked), 0);
	KT_EXPECT_GT(t, checked, 100);
}

static bool store_faults(volatile u32 *p, u32 v)
{
	unsigned long count = last_fixup.count;

	__asm__ __volatile__(
		"1:	str	%0, [%1]\n"
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		:: "r"(v), "r"(p) : "memory");
	return last_fixup.count == count + 1;
}

static bool load_faults(const volatile u32 *p)
{
	unsigned long v = 0;

	return get_kernel_nofault(v, p) == -EFAULT;
}

static void text_and_rodata_are_read_only(struct ktest *t)
{
	KT_EXPECT_TRUE(t, store_faults((u32 *)&rodata_word, 1));
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), 0x0f);	/* page permission */
	KT_EXPECT_EQ(t, rodata_word, 0x5eed);
	KT_EXPECT_TRUE(t, store_faults((u32 *)(unsigned long)walk, 0));
	KT_EXPECT_FALSE(t, store_faults(&data_word, 2));
	KT_EXPECT_EQ(t, data_word, 2);
}

static void vmalloc_guard_page_faults(struct ktest *t)
{
	u32 *p = vmalloc(2 * PAGE_SIZE);

	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_FALSE(t, store_faults(p + 2 * PAGE_SIZE / 4 - 1, 1));
	KT_EXPECT_TRUE(t, load_faults(p + 2 * PAGE_SIZE / 4));	/* one past */
	KT_EXPECT_EQ(t, last_fixup.addr, (unsigned long)p + 2 * PAGE_SIZE);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), 0x07);	/* page translation */
	vfree(p);
	KT_EXPECT_TRUE(t, load_faults(p));	/* gone after vfree */
}

static void young_and_dirty_are_set_by_access(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	volatile u32 *p;
	pte_t *ptep;
	pmd_t *pmd;

	KT_ASSERT_NOT_NULL(t, page);
	p = vmap(&page, 1, 0, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, (void *)p);
	pmd = pmd_offset(pgd_offset_k((unsigned long)p), (unsigned long)p);
	ptep = pte_offset_kernel(pmd, (unsigned long)p);
	set_pte_at(&init_mm, (unsigned long)p, ptep, pte_mkclean(pte_mkold(*ptep)));
	flush_tlb_kernel_page((unsigned long)p);
	KT_EXPECT_EQ(t, *pte_hw(ptep), 0);		/* old: no hardware entry */
	KT_EXPECT_EQ(t, mmu_translate((unsigned long)p, false), NO_PHYS);
	(void)*p;					/* the read faults... */
	barrier();	/* (the compiler cannot know the fault changed *ptep) */
	KT_EXPECT_TRUE(t, pte_young(*ptep));		/* ...and records young */
	KT_EXPECT_FALSE(t, pte_dirty(*ptep));
	KT_EXPECT_EQ(t, mmu_translate((unsigned long)p, true), NO_PHYS); /* clean: ro */
	*p = 42;					/* the write faults... */
	barrier();
	KT_EXPECT_TRUE(t, pte_dirty(*ptep));		/* ...and records dirty */
	KT_EXPECT_NE(t, mmu_translate((unsigned long)p, true), NO_PHYS);
	KT_EXPECT_EQ(t, *(u32 *)lowmem_page_address(page), 42);
	vunmap((void *)p);
	__free_page(page);
}

/*
 * A page table made before a vmalloc mapping existed gets it on a fault.
 * The word read is in another pgd entry than this task's stack (also
 * vmalloc'ed), whose entry must stay: a fault on the stack itself could
 * not be taken.
 */
static void new_pgd_syncs_vmalloc_lazily(struct ktest *t)
{
	u8 *area = vmalloc(PMD_SIZE + PAGE_SIZE);
	pgd_t *pgd = pgd_alloc(&init_mm), *entry;
	unsigned long flags, ttbr0 = read_ttbr0();
	u32 *p, v;

	KT_ASSERT_NOT_NULL(t, area);
	KT_ASSERT_NOT_NULL(t, pgd);
	p = (u32 *)area;
	if (pgd_index((unsigned long)p) == pgd_index((unsigned long)current_thread_info()))
		p = (u32 *)(area + PMD_SIZE);
	*p = 0xc0ffee;
	entry = pgd + pgd_index((unsigned long)p);
	entry->pgd[0] = entry->pgd[1] = 0;	/* as if made before the vmalloc */
	local_irq_save(flags);
	write_ttbr0(__pa(pgd) | (ttbr0 & 0x3fff));
	flush_tlb_all();
	v = *(volatile u32 *)p;			/* faults, copies, retries */
	write_ttbr0(ttbr0);
	flush_tlb_all();
	local_irq_restore(flags);
	KT_EXPECT_EQ(t, v, 0xc0ffee);
	KT_EXPECT_EQ(t, entry->pgd[0], pgd_offset_k((unsigned long)p)->pgd[0]);
	pgd_free(&init_mm, pgd);
	vfree(area);
}

static const struct ktest_case pgtable_cases[] = {
	KTEST_CASE(walk_agrees_with_mmu),
	KTEST_CASE(nothing_is_writable_and_executable),
	KTEST_CASE(text_and_rodata_are_read_only),
	KTEST_CASE(vmalloc_guard_page_faults),
	KTEST_CASE(young_and_dirty_are_set_by_access),
	KTEST_CASE(new_pgd_syncs_vmalloc_lazily),
	{}
};

static const struct ktest_suite pgtable_suite = {
	.name = "pgtable",
	.cases = pgtable_cases,
};
ktest_register_suite(pgtable_suite);

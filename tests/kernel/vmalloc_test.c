// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc, vmap, ioremap and kmap: big and small areas, reuse of freed
 * space (lowest fit) once purged, lazy freeing and its purges, bad frees
 * refused, device attributes, and the pkmap window: shared slots,
 * wrap-around with one flush, and every highmem page mapped, written and
 * read back.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/pgtable.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmap_area.h>
#include <asm/io.h>
#include <asm/ptdump.h>

void drain_local_pages(void);

static unsigned long free_pages_now(void)
{
	struct zone *zone;
	unsigned long n = 0;

	drain_local_pages();
	for_each_zone(zone)
		n += zone->free_pages;
	return n;
}

static void vmalloc_64mib(struct ktest *t)
{
	unsigned long size = 64UL << 20, free0 = free_pages_now(), i, bad = 0;
	u32 *p;

	if (totalram_pages < 2 * (size >> PAGE_SHIFT)) {
		ktest_skip(t, "less than 128 MiB of RAM");
		return;
	}
	p = vmalloc(size);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(p));
	for (i = 0; i < size / 4; i += PAGE_SIZE / 4) {
		p[i] = i;
		p[i + PAGE_SIZE / 4 - 1] = ~i;
	}
	for (i = 0; i < size / 4; i += PAGE_SIZE / 4)
		bad += p[i] != i || p[i + PAGE_SIZE / 4 - 1] != ~i;
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, find_vm_area(p)->nr_pages, size >> PAGE_SHIFT);
	KT_EXPECT_LE(t, free_pages_now(), free0 - (size >> PAGE_SHIFT));
	vfree(p);
	/* the pages and the page array come back; pte pages stay (as Linux) */
	KT_EXPECT_GE(t, free_pages_now() + 64, free0);
}

static void small_areas_reuse_freed_space(struct ktest *t)
{
	void *areas[64], *again;
	unsigned long free_space;
	int i;

	vm_unmap_aliases();
	free_space = vmap_free_bytes();
	for (i = 0; i < 64; i++) {
		areas[i] = vzalloc((i % 3 + 1) * PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, areas[i]);
		KT_EXPECT_EQ(t, ((u8 *)areas[i])[100], 0);
		if (i)	/* lowest fit: each after the last, guard pages between */
			KT_EXPECT_GT(t, (unsigned long)areas[i], (unsigned long)areas[i - 1]);
	}
	vfree(areas[10]);		/* a one-page hole (plus guard), once purged */
	vm_unmap_aliases();
	again = vmalloc(PAGE_SIZE);
	KT_EXPECT_PTR_EQ(t, again, areas[10]);
	areas[10] = again;
	for (i = 0; i < 64; i++)
		vfree(areas[i]);
	vm_unmap_aliases();
	KT_EXPECT_EQ(t, vmap_free_bytes(), free_space);
}

static bool vmallocinfo_has(const char *what)
{
	static char buf[16384];
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	vmallocinfo_show(&m);
	return strstr(buf, what) != NULL;
}

/* The shell's vmlazy view. */
static bool vmlazy_has(const char *what)
{
	static char buf[256];
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	vmalloc_lazy_show(&m);
	return strstr(buf, what) != NULL;
}

/*
 * vfree() gives the pages back and clears the ptes at once, but the
 * address range only at the next purge: until then vmallocinfo shows it
 * as an unpurged vm_area and a new area goes elsewhere.
 */
static void vfree_is_lazy_until_purged(struct ktest *t)
{
	unsigned long free_space, purges, lazy, used;
	char line[64];
	u8 *p, *q;

	vm_unmap_aliases();
	free_space = vmap_free_bytes();
	purges = vmap_purges;
	lazy = vmap_lazy_freed_pages;
	used = vmalloc_used_pages();
	p = vmalloc(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	p[0] = 1;
	vfree(p);
	KT_EXPECT_EQ(t, vmalloc_used_pages(), used);
	KT_EXPECT_NULL(t, vmalloc_to_page(p));
	KT_EXPECT_NULL(t, find_vm_area(p));
	KT_EXPECT_EQ(t, vmap_lazy_freed_pages - lazy, 4);	/* with the guard page */
	KT_EXPECT_EQ(t, vmap_free_bytes(), free_space - 4 * PAGE_SIZE);
	KT_EXPECT_TRUE(t, vmlazy_has("lazily freed: 4 pages waiting"));
	snprintf(line, sizeof(line), "0x%08lx-0x%08lx   16384 unpurged vm_area\n",
		 (unsigned long)p, (unsigned long)p + 4 * PAGE_SIZE);
	KT_EXPECT_TRUE(t, vmallocinfo_has(line));
	q = vmalloc(3 * PAGE_SIZE);
	KT_EXPECT_PTR_NE(t, q, p);
	vfree(q);
	KT_EXPECT_EQ(t, vmap_purges, purges);
	vm_unmap_aliases();
	KT_EXPECT_EQ(t, vmap_purges - purges, 1);
	KT_EXPECT_EQ(t, vmap_free_bytes(), free_space);
	KT_EXPECT_FALSE(t, vmallocinfo_has(line));
	q = vmalloc(3 * PAGE_SIZE);	/* the lowest fit is free again */
	KT_EXPECT_PTR_EQ(t, q, p);
	vfree(q);
	vm_unmap_aliases();
}

/* Takes the whole of the largest free range, its guard page included. */
static struct vm_struct *take_largest(unsigned long less)
{
	return get_vm_area_caller(vmap_largest_free() - less - PAGE_SIZE, VM_IOREMAP, NULL);
}

/*
 * An allocation that finds no room purges the lazily freed areas and
 * tries again. Every free range of a MiB or more is filled but for the
 * last MiB of the largest, which an area takes and gives back lazily
 * (well below lazy_max_pages()): another MiB fits nowhere else until
 * the purge.
 */
static void full_space_purges_and_retries(struct ktest *t)
{
	unsigned long largest, purges, tail = 1UL << 20;
	struct vm_struct *fill[32], *big, *vm;
	int n = 0, i;
	void *addr;

	vm_unmap_aliases();
	largest = vmap_largest_free();
	KT_ASSERT_GE(t, largest, 2 * tail);
	big = take_largest(tail);
	KT_ASSERT_NOT_NULL(t, big);
	while (n < (int)ARRAY_SIZE(fill) && vmap_largest_free() > tail &&
	       (fill[n] = take_largest(0)))
		n++;
	KT_EXPECT_EQ(t, vmap_largest_free(), tail);
	vm = get_vm_area_caller(tail - PAGE_SIZE, VM_IOREMAP, NULL);
	KT_ASSERT_NOT_NULL(t, vm);
	addr = vm->addr;
	kfree(remove_vm_area(addr));
	KT_EXPECT_LT(t, vmap_largest_free(), tail);	/* not free until purged */
	purges = vmap_purges;
	vm = get_vm_area_caller(tail - PAGE_SIZE, VM_IOREMAP, NULL);
	KT_EXPECT_EQ(t, vmap_purges - purges, 1);
	if (vm) {
		KT_EXPECT_PTR_EQ(t, vm->addr, addr);
		kfree(remove_vm_area(vm->addr));
	} else {
		KT_FAIL(t, "no room after the purge");
	}
	for (i = 0; i < n; i++)
		kfree(remove_vm_area(fill[i]->addr));
	kfree(remove_vm_area(big->addr));
	vm_unmap_aliases();
	KT_EXPECT_EQ(t, vmap_largest_free(), largest);
}

static void vmalloc_to_page_finds_the_frames(struct ktest *t)
{
	struct page *pages[4];
	u8 *p;
	int i;

	for (i = 0; i < 4; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	p = vmap(pages, 4, 0, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 4; i++) {
		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(p + i * PAGE_SIZE + 5), pages[i]);
		p[i * PAGE_SIZE] = i + 1;
	}
	KT_EXPECT_NULL(t, vmalloc_to_page(p + 4 * PAGE_SIZE));	/* guard */
	vunmap(p);
	for (i = 0; i < 4; i++) {
		u8 *q = kmap_local_page(pages[i]);

		KT_EXPECT_EQ(t, q[0], i + 1);
		kunmap_local(q);
		__free_page(pages[i]);
	}
}

static void bad_vfree_is_refused(struct ktest *t)
{
	u8 *p = vmalloc(2 * PAGE_SIZE);

	KT_ASSERT_NOT_NULL(t, p);
	vfree(p + PAGE_SIZE);		/* inside: reported, nothing freed */
	p[PAGE_SIZE] = 1;		/* still mapped */
	KT_EXPECT_NOT_NULL(t, find_vm_area(p));
	vfree(p);
	KT_EXPECT_NULL(t, find_vm_area(p));
}

static void vmallocinfo_lists_areas(struct ktest *t)
{
	static char buf[8192];
	struct seq_file m;
	char line[64];
	void *p = vmalloc(3 * PAGE_SIZE);

	KT_ASSERT_NOT_NULL(t, p);
	seq_init(&m, buf, sizeof(buf));
	vmallocinfo_show(&m);
	snprintf(line, sizeof(line), "0x%08lx-0x%08lx   16384 ", (unsigned long)p,
		 (unsigned long)p + 4 * PAGE_SIZE);
	KT_EXPECT_NOT_NULL(t, strstr(buf, line));
	KT_EXPECT_NOT_NULL(t, strstr(buf, "vmallocinfo_lists_areas+"));
	KT_EXPECT_NOT_NULL(t, strstr(buf, " pages=3 vmalloc\n"));
	KT_EXPECT_NOT_NULL(t, strstr(buf, " ioremap\n"));	/* the console's */
	vfree(p);
}

static void ioremap_maps_device_memory(struct ktest *t)
{
	int node = fdt_find_compatible(initial_boot_params, -1, "arm,pl011");
	static char buf[1024];
	struct seq_file m;
	void __iomem *io;
	u64 base, size;

	KT_ASSERT_GE(t, node, 0);
	KT_ASSERT_EQ(t, fdt_read_reg_translated(initial_boot_params, node, 0, &base, &size), 0);
	io = ioremap(base + 0x18, 4);		/* UARTFR, not page aligned */
	KT_ASSERT_NOT_NULL(t, io);
	KT_EXPECT_EQ(t, (unsigned long)io & ~PAGE_MASK, 0x18);
	KT_EXPECT_TRUE(t, is_vmalloc_addr((void *)io));
	/* the flag register: transmit FIFO not full after a moment */
	KT_EXPECT_EQ(t, readl(io) & (1 << 5), 0);
	seq_init(&m, buf, sizeof(buf));
	KT_EXPECT_EQ(t, pt_walk(&m, &init_mm, (unsigned long)io), base + 0x18);
	KT_EXPECT_NOT_NULL(t, strstr(buf, "shareable device"));
	KT_EXPECT_NOT_NULL(t, strstr(buf, "XN=1"));
	iounmap(io);
	KT_EXPECT_NULL(t, find_vm_area((void *)((unsigned long)io & PAGE_MASK)));
}

/* ---- kmap ---- */

static bool have_highmem(struct ktest *t)
{
	if (populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]))
		return true;
	ktest_skip(t, "no highmem at this RAM size");
	return false;
}

static void kmap_shares_a_slot(struct ktest *t)
{
	struct page *page;
	void *a, *b;

	if (!have_highmem(t))
		return;
	page = alloc_page(GFP_HIGHUSER);
	KT_ASSERT_NOT_NULL(t, page);
	kmap_flush_unused();	/* no stale slot of its last kmap before it was freed */
	KT_EXPECT_NULL(t, page_address(page));
	a = kmap(page);
	b = kmap(page);
	KT_EXPECT_PTR_EQ(t, a, b);
	KT_EXPECT_GE(t, (unsigned long)a, PKMAP_BASE);
	KT_EXPECT_LT(t, (unsigned long)a, PAGE_OFFSET);
	KT_EXPECT_PTR_EQ(t, page_address(page), a);
	kunmap(page);
	KT_EXPECT_PTR_EQ(t, page_address(page), a);	/* one user left */
	kunmap(page);
	__free_page(page);
}

/* More distinct pages than slots, one after another: the window wraps. */
static void pkmap_window_wraps(struct ktest *t)
{
	unsigned long flushes = pkmap_flushes;
	int i, n = LAST_PKMAP + LAST_PKMAP / 2, bad = 0;
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);

	if (!have_highmem(t))
		goto out;
	KT_ASSERT_NOT_NULL(t, pages);
	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	for (i = 0; i < 2 * n; i++) {
		u32 *p = kmap(pages[i % n]);

		if (!p) {
			bad++;
			break;
		}
		p[0] = i;
		kunmap(pages[i % n]);
	}
	for (i = 0; i < n; i++) {
		u32 *p = kmap_local_page(pages[i]);

		bad += p[0] != (u32)(n + i);
		kunmap_local(p);
		__free_page(pages[i]);
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_GE(t, pkmap_flushes - flushes, 2);
out:
	kfree(pages);
}

static void every_highmem_page_through_kmap(struct ktest *t)
{
	LIST_HEAD(pages);
	struct page *page, *tmp;
	unsigned long n = 0, bad = 0;

	if (!have_highmem(t))
		return;
	while ((page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN)) && PageHighMem(page)) {
		u32 *p = kmap(page);

		p[1] = page_to_pfn(page);
		kunmap(page);
		list_add(&page->lru, &pages);
		n++;
	}
	if (page)
		__free_page(page);
	list_for_each_entry_safe(page, tmp, &pages, lru) {
		u32 *p = kmap(page);

		bad += p[1] != page_to_pfn(page);
		kunmap(page);
		list_del(&page->lru);
		__free_page(page);
	}
	KT_EXPECT_GT(t, n, 0);
	KT_EXPECT_EQ(t, bad, 0);
}

static const struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(vmalloc_64mib),
	KTEST_CASE(small_areas_reuse_freed_space),
	KTEST_CASE(vfree_is_lazy_until_purged),
	KTEST_CASE(full_space_purges_and_retries),
	KTEST_CASE(vmalloc_to_page_finds_the_frames),
	KTEST_CASE(bad_vfree_is_refused),
	KTEST_CASE(vmallocinfo_lists_areas),
	KTEST_CASE(ioremap_maps_device_memory),
	KTEST_CASE(kmap_shares_a_slot),
	KTEST_CASE(pkmap_window_wraps),
	KTEST_CASE(every_highmem_page_through_kmap),
	{}
};

static const struct ktest_suite vmalloc_suite = {
	.name = "vmalloc",
	.cases = vmalloc_cases,
};
ktest_register_suite(vmalloc_suite);

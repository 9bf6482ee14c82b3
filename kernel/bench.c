// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark runner and the memory allocator's benchmarks. Interrupts
 * are masked while one runs, so the tick adds nothing to its count; each
 * result is nanoseconds per operation, which -icount shift=0 turns into
 * instructions per operation.
 */
#include <linux/bench.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/irqflags.h>

extern const struct benchmark *__start_benchmarks[];
extern const struct benchmark *__stop_benchmarks[];

static bool selected(const char *filter, const char *name)
{
	size_t len = strlen(name);

	if (!strcmp(filter, "all"))
		return true;
	while (*filter) {
		size_t n = strcspn(filter, ",");

		if (n == len && !memcmp(filter, name, n))
			return true;
		filter += n + (filter[n] == ',');
	}
	return false;
}

/* How much of RAM the kernel left free: what Linux's MemFree shows. */
static void report_memfree(void)
{
	unsigned long long ram = memblock_phys_mem_size();
	unsigned long free;

	drain_local_pages();
	free = global_zone_free_pages();
	pr_info("bench: MemFree %lu kB of %llu kB RAM (%llu.%02llu%%)\n",
		free << (PAGE_SHIFT - 10), ram >> 10,
		((unsigned long long)free << PAGE_SHIFT) * 100 / ram,
		((unsigned long long)free << PAGE_SHIFT) * 10000 / ram % 100);
}

void bench_run(const char *filter)
{
	const struct benchmark **b;

	report_memfree();
	pr_info("bench: %-28s %10s %12s  %s\n", "name", "ops", "ns/op", "one op is");
	for (b = __start_benchmarks; b < __stop_benchmarks; b++) {
		unsigned long flags;
		u64 ns;

		if (!selected(filter, (*b)->name))
			continue;
		(*b)->run((*b)->iterations / 10 + 1);	/* warm caches and lists */
		local_irq_save(flags);
		ns = (*b)->run((*b)->iterations);
		local_irq_restore(flags);
		if (!ns) {
			pr_info("bench: %-28s %10s %12s  %s\n", (*b)->name, "-",
				"n/a", (*b)->unit);
			continue;
		}
		pr_info("bench: %-28s %10u %8llu.%03llu  %s\n", (*b)->name,
			(*b)->iterations, ns / (*b)->iterations,
			ns % (*b)->iterations * 1000 / (*b)->iterations, (*b)->unit);
	}
	pr_info("bench: done\n");
}

/* ---- the page allocator ---- */

static u64 bench_pages(unsigned int n, unsigned int order)
{
	u64 t0 = ktime_get_ns();
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		if (!page)
			return 0;
		__free_pages(page, order);
	}
	return ktime_get_ns() - t0;
}

static u64 bench_order0(unsigned int n)
{
	return bench_pages(n, 0);
}

static u64 bench_order3(unsigned int n)
{
	return bench_pages(n, 3);
}

static const struct benchmark page_order0 = {
	"alloc_pages_order0", "alloc_pages(GFP_KERNEL, 0) + __free_pages", 20000,
	bench_order0,
};
register_benchmark(page_order0);

static const struct benchmark page_order3 = {
	"alloc_pages_order3", "alloc_pages(GFP_KERNEL, 3) + __free_pages", 20000,
	bench_order3,
};
register_benchmark(page_order3);

/* ---- kmalloc ---- */

static u64 bench_kmalloc(unsigned int n, size_t size)
{
	u64 t0 = ktime_get_ns();
	unsigned int i;

	for (i = 0; i < n; i++) {
		void *p = kmalloc(size, GFP_KERNEL);

		if (!p)
			return 0;
		kfree(p);
	}
	return ktime_get_ns() - t0;
}

static u64 bench_kmalloc64(unsigned int n)
{
	return bench_kmalloc(n, 64);
}

static u64 bench_kmalloc1024(unsigned int n)
{
	return bench_kmalloc(n, 1024);
}

static const struct benchmark kmalloc_64 = {
	"kmalloc_64", "kmalloc(64) + kfree", 20000, bench_kmalloc64,
};
register_benchmark(kmalloc_64);

static const struct benchmark kmalloc_1024 = {
	"kmalloc_1024", "kmalloc(1024) + kfree", 20000, bench_kmalloc1024,
};
register_benchmark(kmalloc_1024);

/* ---- bench= ---- */

static char bench_filter[128];

static int __init bench_setup(const char *val)
{
	if (!*val)
		return -EINVAL;
	snprintf(bench_filter, sizeof(bench_filter), "%s", val);
	return 0;
}
__setup("bench", bench_setup);

/* The filter given with bench=, or NULL when none was. */
const char *bench_boot_filter(void)
{
	return bench_filter[0] ? bench_filter : NULL;
}

/* ---- the kernel address space ---- */

static u64 bench_vmalloc64k(unsigned int n)
{
	u64 t0 = ktime_get_ns();
	unsigned int i;

	for (i = 0; i < n; i++) {
		void *p = vmalloc(64 * 1024);

		if (!p)
			return 0;
		vfree(p);
	}
	return ktime_get_ns() - t0;
}

static const struct benchmark vmalloc_64k = {
	"vmalloc_64k", "vmalloc(64 KiB) + vfree", 2000, bench_vmalloc64k,
};
register_benchmark(vmalloc_64k);

/* A highmem page if there is highmem, else a lowmem one (no mapping work). */
static struct page *bench_page;

static u64 bench_kmap(unsigned int n)
{
	u64 t0;
	unsigned int i;

	if (!bench_page && !(bench_page = alloc_page(GFP_HIGHUSER)))
		return 0;
	t0 = ktime_get_ns();
	for (i = 0; i < n; i++) {
		kmap(bench_page);
		kunmap(bench_page);
	}
	return ktime_get_ns() - t0;
}

static u64 bench_kmap_local(unsigned int n)
{
	u64 t0;
	unsigned int i;

	if (!bench_page && !(bench_page = alloc_page(GFP_HIGHUSER)))
		return 0;
	t0 = ktime_get_ns();
	for (i = 0; i < n; i++)
		kunmap_local(kmap_local_page(bench_page));
	return ktime_get_ns() - t0;
}

static const struct benchmark kmap_bench = {
	"kmap", "kmap + kunmap of a highmem page", 20000, bench_kmap,
};
register_benchmark(kmap_bench);

static const struct benchmark kmap_local_bench = {
	"kmap_local", "kmap_local_page + kunmap_local of a highmem page", 20000,
	bench_kmap_local,
};
register_benchmark(kmap_local_bench);

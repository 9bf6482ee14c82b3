// SPDX-License-Identifier: GPL-2.0
/*
 * Keeping instruction fetch coherent with what the kernel wrote. On
 * ARMv7 fetches do not look in the D-cache: bytes the kernel stored (a
 * page copied from a file, a copy-on-write copy, a zeroed page, the
 * vectors) sit in D-cache lines the I-side cannot see until they are
 * cleaned to the point of unification, and the I-cache may still hold
 * lines of the frame's, or the address's, earlier contents. So before a
 * user pte makes a page executable, set_pte_at() calls
 * __sync_icache_dcache(): the page's lines are cleaned once per
 * contents (PG_dcache_clean, cleared when the page is freed) and the
 * I-cache is invalidated whole (Cortex-A7's may alias by address), as
 * Linux does.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/pgtable.h>

/* The smallest D-cache line, from CTR.DminLine (log2 of words). */
static unsigned long dcache_line_size(void)
{
	return 4UL << ((read_ctr() >> 16) & 0xf);
}

/* DCCMVAU over [start, end): the lines reach the point of unification. */
static void clean_dcache_area_pou(unsigned long start, unsigned long end)
{
	unsigned long line = dcache_line_size(), addr;

	for (addr = start & ~(line - 1); addr < end; addr += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" :: "r"(addr) : "memory");
	dsb();
}

void flush_icache_range(unsigned long start, unsigned long end)
{
	clean_dcache_area_pou(start, end);
	flush_icache_all();
}

void __sync_icache_dcache(pte_t pte)
{
	struct page *page;
	void *kaddr;

	if (!pfn_valid(pte_pfn(pte)))
		return;
	page = pfn_to_page(pte_pfn(pte));
	if (!PageDcacheClean(page)) {
		kaddr = kmap_local_page(page);
		clean_dcache_area_pou((unsigned long)kaddr, (unsigned long)kaddr + PAGE_SIZE);
		kunmap_local(kaddr);
		SetPageDcacheClean(page);
	}
	flush_icache_all();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's shadow mappings (asm/memory.h has the layout). At boot, every
 * pmd of the shadow region gets a pte table whose entries all map one
 * read-only page of zeros: every kernel address reads as usable. Then
 * the shadow of lowmem gets real pages from memblock, and from then on
 * the shadow of a vmalloc area gets real pages when KASAN first needs to
 * poison it (kasan_populate_shadow), given back at vfree but for those
 * shared with a neighbouring area (kasan_depopulate_shadow).
 *
 * Key invariant: the shadow's pte tables all exist before the first
 * process does, so every page directory copies their pmds and a shadow
 * page added later is seen by all. Not instrumented.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

static u8 kasan_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static unsigned long zero_pfn;
static DEFINE_SPINLOCK(shadow_lock);
unsigned long kasan_vmalloc_shadow_pages;	/* under shadow_lock */

static pte_t *shadow_pte(unsigned long shadow)
{
	return pte_offset_kernel(pmd_offset(pgd_offset_k(shadow), shadow), shadow);
}

static unsigned long shadow_page_start(unsigned long addr)
{
	return (unsigned long)kasan_mem_to_shadow(addr) & PAGE_MASK;
}

static unsigned long shadow_page_end(unsigned long end)
{
	return PAGE_ALIGN((unsigned long)kasan_mem_to_shadow(end - 1) + 1);
}

int kasan_populate_shadow(unsigned long start, unsigned long end)
{
	unsigned long s, flags;
	struct page *page;

	for (s = shadow_page_start(start); s < shadow_page_end(end); s += PAGE_SIZE) {
		pte_t *pte = shadow_pte(s);

		if (pte_pfn(*pte) != zero_pfn)
			continue;
		page = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
		if (!page)
			return -ENOMEM;
		spin_lock_irqsave(&shadow_lock, flags);
		if (pte_pfn(*pte) == zero_pfn) {
			set_pte_at(&init_mm, s, pte, pfn_pte(page_to_pfn(page), PAGE_KERNEL));
			flush_tlb_kernel_page(s);
			kasan_vmalloc_shadow_pages++;
			page = NULL;
		}
		spin_unlock_irqrestore(&shadow_lock, flags);
		if (page)	/* another CPU was first */
			__free_page(page);
	}
	return 0;
}

/* Called while [start, end) is still reserved: no other area can be using it. */
void kasan_depopulate_shadow(unsigned long start, unsigned long end)
{
	unsigned long s, flags;
	pte_t *pte;
	unsigned long pfn;

	for (s = PAGE_ALIGN((unsigned long)kasan_mem_to_shadow(start));
	     s + PAGE_SIZE <= (unsigned long)kasan_mem_to_shadow(end); s += PAGE_SIZE) {
		pte = shadow_pte(s);
		spin_lock_irqsave(&shadow_lock, flags);
		pfn = pte_pfn(*pte);
		if (pfn != zero_pfn) {
			set_pte_at(&init_mm, s, pte, pfn_pte(zero_pfn, PAGE_KERNEL_RO));
			flush_tlb_kernel_page(s);
			kasan_vmalloc_shadow_pages--;
		}
		spin_unlock_irqrestore(&shadow_lock, flags);
		if (pfn != zero_pfn)
			__free_page(pfn_to_page(pfn));
	}
}

/* Real shadow for [start, end) of lowmem, in memblock pieces of at most a pmd. */
static void __init map_lowmem_shadow(unsigned long start, unsigned long end)
{
	unsigned long s = shadow_page_start(start), e = shadow_page_end(end);

	while (s < e) {
		unsigned long n = min(e, (s + PMD_SIZE) & PMD_MASK) - s;
		u8 *mem = memblock_alloc(n, PAGE_SIZE);
		unsigned long i;

		if (!mem)
			panic("kasan: no memory for the shadow of lowmem");
		for (i = 0; i < n; i += PAGE_SIZE)
			set_pte_at(&init_mm, s + i, shadow_pte(s + i),
				   pfn_pte(__pa(mem + i) >> PAGE_SHIFT, PAGE_KERNEL));
		s += n;
	}
}

/* Called by paging_init once lowmem is mapped, before any allocator runs. */
void __init kasan_init(void)
{
	unsigned long a, i;

	zero_pfn = __pa(kasan_zero_page) >> PAGE_SHIFT;
	for (a = KASAN_SHADOW_START; a < KASAN_SHADOW_END; a += PMD_SIZE) {
		pte_t *ptes = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		if (!ptes)
			panic("kasan: no memory for the shadow's page tables");
		for (i = 0; i < PTRS_PER_PTE; i++)
			set_pte_at(&init_mm, a + i * PAGE_SIZE, ptes + i,
				   pfn_pte(zero_pfn, PAGE_KERNEL_RO));
		pmd_populate_kernel(&init_mm, pmd_offset(pgd_offset_k(a), a), ptes);
	}
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long start = __phys_to_virt(r->base);
		unsigned long end = min((u64)high_memory, (u64)__phys_to_virt(r->base) + r->size);

		if (r->base >= __pa(high_memory) || start >= end)
			continue;
		map_lowmem_shadow(start, end);
	}
	flush_tlb_all();
	kasan_enabled = true;
	pr_info("kasan: KernelAddressSanitizer initialized (generic), shadow 0x%08lx-0x%08lx\n",
		KASAN_SHADOW_START, KASAN_SHADOW_END);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's mappings in swapper_pg_dir, made through the generic
 * pgd/pmd/pte interface:
 *
 *  - lowmem in 1 MiB sections, read-write and never executable, except
 *    the 2 MiB pieces holding the kernel image, which get pte tables so
 *    that text is read-only+executable, rodata read-only and the rest
 *    read-write+XN: no kernel mapping is both writable and executable;
 *  - the fixmap slots and the vectors page, in two pte pages kept in the
 *    image (the vectors are mapped before any allocator exists);
 *  - early device sections for the console until vmalloc space exists.
 *
 * head.S's identity mapping is removed once lowmem is mapped.
 */
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

extern char _text[], _etext[], __start_rodata[], _sdata[], _end[];
extern char __turn_mmu_on[];

#define SECT_KERNEL	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | \
			 PMD_SECT_S | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL))
#define SECT_DEVICE	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEVICE | \
			 PMD_SECT_XN | PMD_DOMAIN(DOMAIN_IO))

static void set_section(unsigned long virt, pmdval_t desc)
{
	pmd_t *pmdp = pmd_offset(pgd_offset_k(virt), virt);

	*pmd_entry_of(pmdp, virt) = __pmd(desc);
}

/* ---- the top 4 MiB: fixmap and vectors ---- */

/* One pte page for each of the two pmds from FIXADDR_START to 4 GiB. */
static pte_t top_ptes[2][2 * PTRS_PER_PTE] __aligned(PAGE_SIZE);
/* The page that becomes 0xffff0000. */
static u8 vectors_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static pte_t *top_pte(unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

	if (pmd_none(*pmd))
		pmd_populate_kernel(&init_mm, pmd,
				    top_ptes[(addr - FIXADDR_START) >> PMD_SHIFT]);
	return pte_offset_kernel(pmd, addr);
}

/*
 * The vectors page: read-only and executable, and user-readable too for
 * the kuser helpers at its end (Linux's [vectors]); every process sees
 * it, since user page tables share the kernel's top pmds. Its MiB's
 * first-level entry is in DOMAIN_VECTORS, as on Linux: open whether user
 * memory is or not, for user code calling the helpers and for the CPU
 * fetching the vectors.
 */
void map_vectors_page(const void *start, size_t len)
{
	pte_t *pte = top_pte(VECTORS_BASE);
	pmd_t *l1 = pmd_entry_of(pmd_offset(pgd_offset_k(VECTORS_BASE), VECTORS_BASE),
				 VECTORS_BASE);

	*l1 = __pmd((pmd_val(*l1) & ~PMD_DOMAIN_MASK) | PMD_DOMAIN(DOMAIN_VECTORS));
	memcpy(vectors_page, start, len);
	set_pte_at(&init_mm, VECTORS_BASE, pte,
		   pfn_pte(__pa(vectors_page) >> PAGE_SHIFT,
			   __pgprot(pgprot_val(PAGE_KERNEL_ROX) | L_PTE_USER)));
	flush_tlb_kernel_page(VECTORS_BASE);
	/* the copy is in the D-cache: clean it where fetches see it first */
	flush_icache_range((unsigned long)vectors_page, (unsigned long)vectors_page + len);
}

/*
 * A fixmap slot is used by the CPU that set it only (kmap_local's slots
 * are per CPU, the text poke's is set and cleared around one write, the
 * early console's is set once at boot): so, as Linux's, the flush is
 * this CPU's, which also needs no IPI with interrupts masked.
 */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, enum fixmap_prot prot)
{
	unsigned long vaddr = fix_to_virt(idx);

	set_pte_at(&init_mm, vaddr, top_pte(vaddr),
		   pfn_pte(phys >> PAGE_SHIFT,
			   prot == FIXMAP_PAGE_IO ? PAGE_KERNEL_IO : PAGE_KERNEL));
	local_flush_tlb_kernel_page(vaddr);
}

void clear_fixmap(enum fixed_addresses idx)
{
	unsigned long vaddr = fix_to_virt(idx);

	pte_clear(&init_mm, vaddr, top_pte(vaddr));
	local_flush_tlb_kernel_page(vaddr);
}

pte_t *fixmap_pte(enum fixed_addresses idx)
{
	return top_pte(fix_to_virt(idx));
}

/* ---- lowmem and the kernel image ---- */

static pgprot_t kernel_image_prot(unsigned long virt)
{
	if (virt >= (unsigned long)_text && virt < (unsigned long)_etext)
		return PAGE_KERNEL_ROX;
	if (virt >= (unsigned long)__start_rodata && virt < (unsigned long)_sdata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

/* Replaces the sections of one 2 MiB piece of the image by a pte table. */
static void map_kernel_pmd(unsigned long virt)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(virt), virt);
	pte_t *ptes = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	int i;

	if (!ptes)
		panic("paging_init: no memory for the kernel's page table");
	for (i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long v = virt + i * PAGE_SIZE;

		set_pte_at(&init_mm, v, ptes + i,
			   pfn_pte(__pa(v) >> PAGE_SHIFT, kernel_image_prot(v)));
	}
	/* each L1 entry flips from section to table in one store */
	pmd_populate_kernel(&init_mm, pmd, ptes);
}

/*
 * Maps lowmem ([PHYS_OFFSET, @lowmem_end) as memblock has it) at
 * PAGE_OFFSET and drops the identity mapping head.S left.
 */
void paging_init(phys_addr_t lowmem_end)
{
	unsigned long kstart = (unsigned long)_text & PMD_MASK;
	unsigned long kend = ALIGN((unsigned long)_end, PMD_SIZE);
	unsigned long i, v, id;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 p, end = min(r->base + r->size, (u64)lowmem_end);

		for (p = r->base & SECTION_MASK; p < end; p += SECTION_SIZE) {
			v = __phys_to_virt(p);
			if (v < kstart || v >= kend)
				set_section(v, p | SECT_KERNEL);
		}
	}
	for (v = kstart; v < kend; v += PMD_SIZE)
		map_kernel_pmd(v);
	id = __pa(__turn_mmu_on) & SECTION_MASK;
	if (id < TASK_SIZE)
		set_section(id, 0);
	/* both fixmap pmds now, so every page directory copies them */
	top_pte(FIXADDR_START);
	top_pte(VECTORS_BASE);
	flush_tlb_all();
	kasan_init();
}

/* ---- early device mappings ---- */

/*
 * Before vmalloc space exists, drivers' registers are mapped in whole
 * device sections in the EARLY_IO window. A section already mapped for
 * the same physical MiB is shared.
 */
#define EARLY_IO_SECTIONS	((EARLY_IO_END - EARLY_IO_BASE) >> SECTION_SHIFT)

static phys_addr_t early_io_phys[EARLY_IO_SECTIONS];
static unsigned int nr_early_io;

void __iomem *early_ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = phys & SECTION_MASK;
	unsigned int i;

	if (!size || base != ((phys + size - 1) & SECTION_MASK)) {
		pr_err("early_ioremap: %08lx+%zx crosses a section boundary\n", phys, size);
		return NULL;
	}
	for (i = 0; i < nr_early_io && early_io_phys[i] != base; i++)
		;
	if (i == nr_early_io) {
		if (nr_early_io == EARLY_IO_SECTIONS) {
			pr_err("early_ioremap: all %lu early I/O sections in use\n",
			       EARLY_IO_SECTIONS);
			return NULL;
		}
		early_io_phys[nr_early_io++] = base;
		set_section(EARLY_IO_BASE + i * SECTION_SIZE, base | SECT_DEVICE);
		flush_tlb_kernel_page(EARLY_IO_BASE + i * SECTION_SIZE);
	}
	return (void __iomem *)(EARLY_IO_BASE + i * SECTION_SIZE + (phys & ~SECTION_MASK));
}

/* Once every early user has moved to ioremap(): the sections go. */
void early_ioremap_reset(void)
{
	unsigned int i;

	for (i = 0; i < nr_early_io; i++)
		set_section(EARLY_IO_BASE + i * SECTION_SIZE, 0);
	nr_early_io = 0;
	flush_tlb_kernel_range(EARLY_IO_BASE, EARLY_IO_END);
}

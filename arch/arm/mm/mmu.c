// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time kernel mappings made directly in swapper_pg_dir, the L1 table
 * head.S built at PHYS_OFFSET + 0x4000: the high vectors page, the
 * fixmap's page slots and device MMIO sections. The generic pgd/pmd/pte layer of the kernel address
 * space issue replaces the device part with page-granular ioremap.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/cp15.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

#define PTRS_PER_L1	4096
#define PTRS_PER_L2	256

#define swapper_pg_dir	((u32 *)(PAGE_OFFSET + SWAPPER_PG_DIR_OFFSET))

static inline u32 *l1_entry(unsigned long virt)
{
	return &swapper_pg_dir[virt >> SECTION_SHIFT];
}

static void set_l1(unsigned long virt, u32 desc)
{
	*l1_entry(virt) = desc;
	local_flush_tlb_kernel_page(virt);
}

extern char _text[], _etext[];

/*
 * The direct map of lowmem, [start, end) physical, in 1 MiB sections:
 * read-write and never executable, except the sections holding kernel
 * text (1 MiB granularity: the page-granular W^X layout is the kernel
 * address space work's).
 */
void map_lowmem_range(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t text_start = __pa(_text) & SECTION_MASK;
	phys_addr_t text_end = __pa(_etext);
	phys_addr_t p;

	for (p = start & SECTION_MASK; p < end; p += SECTION_SIZE) {
		u32 desc = p | PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA |
			   PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL);

		if (p < text_start || p >= text_end)
			desc |= PMD_SECT_XN;
		*l1_entry(__phys_to_virt(p)) = desc;
	}
	local_flush_tlb_all();
}

/* head.S's identity map of __turn_mmu_on is no longer needed. */
void remove_identity_map(void)
{
	extern char __turn_mmu_on[];
	unsigned long id = __pa(__turn_mmu_on) & SECTION_MASK;

	if (id < PAGE_OFFSET)
		set_l1(id, 0);
}

/* The L2 table covering the top MiB (0xfff00000), where the vectors live. */
static u32 top_mib_l2[PTRS_PER_L2] __aligned(1024);
/* The page that becomes 0xffff0000. */
static u8 vectors_page[PAGE_SIZE] __aligned(PAGE_SIZE);

/*
 * Maps the vectors page read-only and executable for the kernel only and
 * fills it with the table from entry-armv.S.
 */
void map_vectors_page(const void *start, size_t len)
{
	u32 pte = __pa(vectors_page) | PTE_HW_TYPE_SMALL | PTE_HW_WBWA |
		  PTE_HW_S | PTE_HW_AP0 | PTE_HW_APX;

	memcpy(vectors_page, start, len);
	top_mib_l2[(VECTORS_BASE >> PAGE_SHIFT) & (PTRS_PER_L2 - 1)] = pte;
	dsb();
	set_l1(VECTORS_BASE, __pa(top_mib_l2) | PMD_TYPE_TABLE |
	       PMD_DOMAIN(DOMAIN_KERNEL));
	flush_icache_all();
}

/* The fixmap window's L2 tables, one per MiB of it. */
#define FIXMAP_MIBS	((FIXADDR_END - FIXADDR_START) >> SECTION_SHIFT)
static u32 fixmap_l2[FIXMAP_MIBS][PTRS_PER_L2] __aligned(1024);

void fixmap_init(void)
{
	unsigned long i;

	for (i = 0; i < FIXMAP_MIBS; i++)
		set_l1(FIXADDR_START + (i << SECTION_SHIFT), __pa(fixmap_l2[i]) |
		       PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL));
}

static u32 *fixmap_pte(enum fixed_addresses idx)
{
	unsigned long off = fix_to_virt(idx) - FIXADDR_START;

	return &fixmap_l2[off >> SECTION_SHIFT][(off >> PAGE_SHIFT) & (PTRS_PER_L2 - 1)];
}

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, enum fixmap_prot prot)
{
	u32 attrs = prot == FIXMAP_PAGE_IO ? PTE_HW_DEVICE :
		    PTE_HW_WBWA | PTE_HW_S;

	*fixmap_pte(idx) = (phys & PAGE_MASK) | PTE_HW_TYPE_SMALL | PTE_HW_XN |
			   PTE_HW_AP0 | attrs;
	local_flush_tlb_kernel_page(fix_to_virt(idx));
}

void clear_fixmap(enum fixed_addresses idx)
{
	*fixmap_pte(idx) = 0;
	local_flush_tlb_kernel_page(fix_to_virt(idx));
}

phys_addr_t fixmap_phys(enum fixed_addresses idx)
{
	u32 pte = *fixmap_pte(idx);

	return pte ? pte & PAGE_MASK : 0;
}

/*
 * Device sections for early drivers, handed out downwards from the top
 * of the vmalloc area. A section already mapped for the same physical
 * MiB is shared (the GIC's distributor and CPU interface, say).
 */
#define MAX_IO_SECTIONS	16

static struct {
	phys_addr_t phys;
	unsigned long virt;
} io_sections[MAX_IO_SECTIONS];
static int nr_io_sections;

static unsigned long io_section(phys_addr_t phys)
{
	unsigned long virt;
	int i;

	for (i = 0; i < nr_io_sections; i++)
		if (io_sections[i].phys == phys)
			return io_sections[i].virt;
	if (nr_io_sections == MAX_IO_SECTIONS)
		return 0;
	virt = FDT_FIXED_BASE - (nr_io_sections + 1) * SECTION_SIZE;
	set_l1(virt, phys | PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEVICE |
	       PMD_SECT_XN | PMD_DOMAIN(DOMAIN_IO));
	io_sections[nr_io_sections].phys = phys;
	io_sections[nr_io_sections].virt = virt;
	nr_io_sections++;
	return virt;
}

/* Only regions inside one MiB: the early drivers' registers all are. */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	unsigned long virt;

	if (!size || (phys & SECTION_MASK) != ((phys + size - 1) & SECTION_MASK)) {
		pr_err("ioremap: %08lx+%zx crosses a section boundary\n", phys, size);
		return NULL;
	}
	virt = io_section(phys & SECTION_MASK);
	if (!virt) {
		pr_err("ioremap: out of early I/O sections\n");
		return NULL;
	}
	return (void __iomem *)(virt + (phys & ~SECTION_MASK));
}

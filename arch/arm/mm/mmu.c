// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time kernel mappings made directly in swapper_pg_dir, the L1 table
 * head.S built at PHYS_OFFSET + 0x4000: the high vectors page and device
 * MMIO sections. The generic pgd/pmd/pte layer of the kernel address
 * space issue replaces the device part with page-granular ioremap.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

#define PTRS_PER_L1	4096
#define PTRS_PER_L2	256

#define swapper_pg_dir	((u32 *)(PAGE_OFFSET + SWAPPER_PG_DIR_OFFSET))

/* The L2 table covering the top MiB (0xfff00000), where the vectors live. */
static u32 top_mib_l2[PTRS_PER_L2] __aligned(1024);
/* The page that becomes 0xffff0000. */
static u8 vectors_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static inline u32 *l1_entry(unsigned long virt)
{
	return &swapper_pg_dir[virt >> SECTION_SHIFT];
}

static void set_l1(unsigned long virt, u32 desc)
{
	*l1_entry(virt) = desc;
	local_flush_tlb_kernel_page(virt);
}

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
		pr_err("ioremap: %08x+%zx crosses a section boundary\n", phys, size);
		return NULL;
	}
	virt = io_section(phys & SECTION_MASK);
	if (!virt) {
		pr_err("ioremap: out of early I/O sections\n");
		return NULL;
	}
	return (void __iomem *)(virt + (phys & ~SECTION_MASK));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Physical memory at boot, as Linux's arch/arm/mm/init.c does it: the
 * device tree's RAM into memblock (mem= caps it), the kernel image, the
 * DTB, the initrd and /reserved-memory reserved, lowmem mapped, the zones
 * laid out; later every free range goes to the buddy allocator.
 *
 * Where lowmem ends: the vmalloc area (vmalloc=, 240 MiB by default) and
 * an 8 MiB guard gap sit between the direct map and VMALLOC_END, so
 * lowmem can reach at most VMALLOC_END - vmalloc size - 8 MiB (768 MiB by
 * default, 888 MiB with vmalloc=120M); RAM above it is highmem. Also the
 * "Virtual kernel memory layout" table Linux prints at boot.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/setup.h>

#define VMALLOC_DEFAULT_SIZE	(240 * 1024 * 1024UL)
#define VMALLOC_MIN_SIZE	(16 * 1024 * 1024UL)
#define LOWMEM_MIN_SIZE		(32 * 1024 * 1024UL)

static unsigned long vmalloc_size = VMALLOC_DEFAULT_SIZE;
unsigned long long memory_limit;	/* mem=: RAM used, 0 = all of it */

static int __init early_mem(const char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	if (size < LOWMEM_MIN_SIZE)
		return -ERANGE;
	memory_limit = size;
	return 0;
}
early_param("mem", early_mem);

static int __init early_vmalloc(const char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	if (size < VMALLOC_MIN_SIZE ||
	    size > VMALLOC_END - PAGE_OFFSET - VMALLOC_OFFSET - LOWMEM_MIN_SIZE)
		return -ERANGE;
	vmalloc_size = ALIGN((unsigned long)size, SECTION_SIZE);
	return 0;
}
early_param("vmalloc", early_vmalloc);

static unsigned long long dma_zone_size;	/* dma_zone=: 0 = no DMA zone */

static int __init early_dma_zone(const char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	if (!size || !IS_ALIGNED(size, SECTION_SIZE))
		return -EINVAL;
	dma_zone_size = size;
	return 0;
}
early_param("dma_zone", early_dma_zone);

/* The highest virtual address lowmem may reach. */
unsigned long lowmem_limit_virt(void)
{
	return VMALLOC_END - vmalloc_size - VMALLOC_OFFSET;
}

static phys_addr_t arm_lowmem_limit;	/* physical end of lowmem */
unsigned long high_memory;		/* virtual end of lowmem */
unsigned long vmalloc_start;		/* 8 MiB past it, 8 MiB aligned */

/* End of the direct map: the virtual address just past lowmem. */
unsigned long high_memory_virt(void)
{
	return high_memory;
}

static void add_bank(u64 base, u64 size, void *arg)
{
	(void)arg;
	if (base >= 1ULL << 32) {
		pr_warn("Memory: ignoring 0x%llx-0x%llx above 4 GiB (no LPAE)\n",
			base, base + size - 1);
		return;
	}
	if (base + size > 1ULL << 32) {
		u64 kept = (1ULL << 32) - base;

		pr_warn("Memory: truncating 0x%llx-0x%llx to 0x%llx-0xffffffff: the %llu MiB "
			"above 4 GiB need LPAE\n", base, base + size - 1, base,
			(size - kept) >> 20);
		size = kept;
	}
	if (memblock_overlaps_region(&memblock.memory, base, size))
		pr_warn("Memory: 0x%llx-0x%llx overlaps another bank: merged\n",
			base, base + size - 1);
	if (memblock_add(base, size))
		pr_err("Memory: cannot add 0x%llx-0x%llx\n", base, base + size - 1);
}

static void reserve_range(u64 base, u64 size, void *arg)
{
	(void)arg;
	if (size)
		memblock_reserve(base, size);
}

extern char _text[], _end[];

static void arm_memblock_init(const void *blob, unsigned long dtb_phys)
{
	struct fdt_chosen chosen;
	int i;

	for (i = 0; i < meminfo.nr_banks; i++)
		add_bank(meminfo.bank[i].start, meminfo.bank[i].size, NULL);
	if (memory_limit) {
		memblock_enforce_memory_limit(memory_limit);
		pr_notice("Memory: limited to %llu MiB by mem=\n", memory_limit >> 20);
	}
	memblock_reserve(__pa(_text), _end - _text);
	memblock_reserve(PHYS_OFFSET + SWAPPER_PG_DIR_OFFSET, 4 * PAGE_SIZE);
	memblock_reserve(dtb_phys, fdt_totalsize(blob));
	if (!fdt_scan_chosen(blob, &chosen) && chosen.has_initrd &&
	    chosen.initrd_end > chosen.initrd_start)
		memblock_reserve(chosen.initrd_start,
				 chosen.initrd_end - chosen.initrd_start);
	fdt_scan_reserved_memory(blob, reserve_range, NULL);
}

/*
 * Lowmem ends at the lowmem limit or where RAM does, whichever comes
 * first, on a section boundary (the direct map is made of sections):
 * the part of a bank in a partial section is dropped.
 */
static void adjust_lowmem_bounds(void)
{
	u64 limit = PHYS_OFFSET + (lowmem_limit_virt() - PAGE_OFFSET);
	u64 end = 0;
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 rend = r->base + r->size;

		if (r->base >= limit)
			break;
		if (rend > limit)
			rend = limit;
		if (!IS_ALIGNED(rend, SECTION_SIZE) && rend < limit) {
			pr_warn("Memory: dropping 0x%llx-0x%llx (not a whole section)\n",
				ALIGN_DOWN(rend, SECTION_SIZE), rend - 1);
			memblock_remove(ALIGN_DOWN(rend, SECTION_SIZE),
					rend - ALIGN_DOWN(rend, SECTION_SIZE));
			rend = ALIGN_DOWN(rend, SECTION_SIZE);
		}
		end = rend;
	}
	arm_lowmem_limit = end;
	memblock_set_current_limit(end);
	high_memory = __phys_to_virt(end);
	vmalloc_start = ALIGN(high_memory + VMALLOC_OFFSET, VMALLOC_OFFSET);
}

void paging_init(phys_addr_t lowmem_end);
void free_area_init(unsigned long start_pfn,
		    const unsigned long zone_end[MAX_NR_ZONES]);
void memblock_free_all(void);

static void print_zone_range(const char *name, unsigned long start, unsigned long end)
{
	if (start >= end)
		pr_info("  %-8s empty\n", name);
	else
		pr_info("  %-8s [mem 0x%016llx-0x%016llx]\n", name,
			(u64)start << PAGE_SHIFT, ((u64)end << PAGE_SHIFT) - 1);
}

static void zone_sizes_init(void)
{
	unsigned long start = PFN_UP(memblock_start_of_DRAM());
	unsigned long zone_end[MAX_NR_ZONES];
	unsigned long i;

	zone_end[ZONE_HIGHMEM] = PFN_DOWN(memblock_end_of_DRAM());
	zone_end[ZONE_NORMAL] = PFN_DOWN(arm_lowmem_limit);
	zone_end[ZONE_DMA] = start;
	if (dma_zone_size)
		zone_end[ZONE_DMA] = min(start + (unsigned long)(dma_zone_size >> PAGE_SHIFT),
					 zone_end[ZONE_NORMAL]);
	pr_info("Zone ranges:\n");
	print_zone_range("DMA", start, zone_end[ZONE_DMA]);
	print_zone_range("Normal", zone_end[ZONE_DMA], zone_end[ZONE_NORMAL]);
	print_zone_range("HighMem", zone_end[ZONE_NORMAL], zone_end[ZONE_HIGHMEM]);
	pr_info("Early memory node ranges\n");
	for (i = 0; i < memblock.memory.cnt; i++)
		pr_info("  node   0: [mem 0x%016llx-0x%016llx]\n",
			memblock.memory.regions[i].base,
			memblock.memory.regions[i].base + memblock.memory.regions[i].size - 1);
	free_area_init(start, zone_end);
}

/* Linux's paging_init and bootmem_init rolled into one, for the boot CPU. */
void bootmem_init(const void *blob, unsigned long dtb_phys)
{
	arm_memblock_init(blob, dtb_phys);
	adjust_lowmem_bounds();
	paging_init(arm_lowmem_limit);
	zone_sizes_init();
}

extern char _etext[], __start_rodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];

void mem_init(void)
{
	unsigned long reserved;

	memblock_free_all();
	reserved = (memblock_phys_mem_size() >> PAGE_SHIFT) - totalram_pages;
	pr_info("Memory: %luK/%lluK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved, %luK highmem)\n",
		totalram_pages << (PAGE_SHIFT - 10), memblock_phys_mem_size() >> 10,
		(unsigned long)(_etext - _text) >> 10,
		(unsigned long)(_edata - _sdata) >> 10,
		(unsigned long)(_sdata - __start_rodata) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		reserved << (PAGE_SHIFT - 10), totalhigh_pages << (PAGE_SHIFT - 10));
}

/* Size of the vmalloc area this boot: VmallocTotal in meminfo. */
unsigned long vmalloc_total_bytes(void)
{
	return VMALLOC_END - VMALLOC_START;
}

static void show_window(struct seq_file *m, const char *name,
			unsigned long start, unsigned long end)
{
	unsigned long size = end - start;

	if (size >= SECTION_SIZE && IS_ALIGNED(size, SECTION_SIZE))
		seq_printf(m, "    %-9s: 0x%08lx - 0x%08lx   (%4lu MB)\n", name, start,
			   end, size >> 20);
	else
		seq_printf(m, "    %-9s: 0x%08lx - 0x%08lx   (%4lu kB)\n", name, start,
			   end, DIV_ROUND_UP(size, 1024));
}

/* Linux's "Virtual kernel memory layout", with this kernel's extra windows. */
void vmlayout_show(struct seq_file *m)
{
	seq_puts(m, "Virtual kernel memory layout:\n");
	show_window(m, "vector", VECTORS_BASE, VECTORS_BASE + PAGE_SIZE);
	show_window(m, "fixmap", FIXADDR_START, FIXADDR_END);
	show_window(m, "early io", EARLY_IO_BASE, EARLY_IO_END);
	show_window(m, "dtb", FDT_FIXED_BASE, FDT_FIXED_BASE + FDT_FIXED_SIZE);
	show_window(m, "vmalloc", VMALLOC_START, VMALLOC_END);
	show_window(m, "lowmem", PAGE_OFFSET, high_memory);
	show_window(m, "pkmap", PKMAP_BASE, PAGE_OFFSET);
	show_window(m, "modules", MODULES_VADDR, PKMAP_BASE);
#ifdef CONFIG_KASAN
	show_window(m, "kasan", KASAN_SHADOW_START, KASAN_SHADOW_END);
#endif
	show_window(m, "  .text", (unsigned long)_text, (unsigned long)_etext);
	show_window(m, "  .rodata", (unsigned long)__start_rodata, (unsigned long)_sdata);
	show_window(m, "  .data", (unsigned long)_sdata, (unsigned long)_edata);
	show_window(m, "  .bss", (unsigned long)__bss_start, (unsigned long)__bss_stop);
}

void mem_print_layout(void)
{
	static char buf[1024];
	struct seq_file m;
	char *line, *nl;

	seq_init(&m, buf, sizeof(buf));
	vmlayout_show(&m);
	for (line = buf; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		pr_notice("%s\n", line);
	}
}

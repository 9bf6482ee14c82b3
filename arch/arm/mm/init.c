// SPDX-License-Identifier: GPL-2.0
/*
 * Where lowmem ends: the vmalloc area (vmalloc=, 240 MiB by default) and
 * an 8 MiB guard gap sit between the direct map and VMALLOC_END, so
 * lowmem can reach at most VMALLOC_END - vmalloc size - 8 MiB (768 MiB by
 * default, 888 MiB with vmalloc=120M); RAM above it is highmem. Also the
 * "Virtual kernel memory layout" table Linux prints at boot.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/memory.h>
#include <asm/setup.h>

#define VMALLOC_OFFSET		(8 * 1024 * 1024UL)
#define VMALLOC_DEFAULT_SIZE	(240 * 1024 * 1024UL)
#define VMALLOC_MIN_SIZE	(16 * 1024 * 1024UL)
#define LOWMEM_MIN_SIZE		(32 * 1024 * 1024UL)
#define PKMAP_BASE		(PAGE_OFFSET - 2 * 1024 * 1024UL)
#define MODULES_VADDR		TASK_SIZE

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

/* The highest virtual address lowmem may reach. */
unsigned long lowmem_limit_virt(void)
{
	return VMALLOC_END - vmalloc_size - VMALLOC_OFFSET;
}

/* End of the direct map: RAM's end or the lowmem limit, whichever is lower. */
unsigned long high_memory_virt(void)
{
	u64 ram_end = 0;
	int i;

	for (i = 0; i < meminfo.nr_banks; i++)
		ram_end = max(ram_end, meminfo.bank[i].start + meminfo.bank[i].size);
	if (ram_end <= PHYS_OFFSET)
		return PAGE_OFFSET;
	if (ram_end - PHYS_OFFSET >= lowmem_limit_virt() - PAGE_OFFSET)
		return lowmem_limit_virt();
	return PAGE_OFFSET + (unsigned long)(ram_end - PHYS_OFFSET);
}

static void print_window(const char *name, unsigned long start, unsigned long end)
{
	unsigned long size = end - start;

	if (size >= SECTION_SIZE && IS_ALIGNED(size, SECTION_SIZE))
		pr_notice("    %-9s: 0x%08lx - 0x%08lx   (%4lu MB)\n", name, start,
			  end, size >> 20);
	else
		pr_notice("    %-9s: 0x%08lx - 0x%08lx   (%4lu kB)\n", name, start,
			  end, DIV_ROUND_UP(size, 1024));
}

extern char _text[], _etext[], __start_rodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];

void mem_print_layout(void)
{
	unsigned long high = high_memory_virt();
	unsigned long vmalloc_start = ALIGN(high + VMALLOC_OFFSET, VMALLOC_OFFSET);

	pr_notice("Virtual kernel memory layout:\n");
	print_window("vector", VECTORS_BASE, VECTORS_BASE + PAGE_SIZE);
	print_window("fixmap", FIXADDR_START, FIXADDR_END);
	print_window("vmalloc", vmalloc_start, VMALLOC_END);
	print_window("lowmem", PAGE_OFFSET, high);
	print_window("pkmap", PKMAP_BASE, PAGE_OFFSET);
	print_window("modules", MODULES_VADDR, PKMAP_BASE);
	print_window("  .text", (unsigned long)_text, (unsigned long)_etext);
	print_window("  .rodata", (unsigned long)__start_rodata, (unsigned long)_sdata);
	print_window("  .data", (unsigned long)_sdata, (unsigned long)_edata);
	print_window("  .bss", (unsigned long)__bss_start, (unsigned long)__bss_stop);
}

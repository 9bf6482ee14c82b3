/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's virtual memory layout (VMSPLIT 3G/1G, as Linux on ARM).
 * Physical RAM's base (PHYS_OFFSET) is not a constant: the boot code
 * learns it from where it was loaded and stores it in __pv_phys_offset,
 * so one image serves QEMU virt (RAM at 0x40000000) and the Pi (RAM at 0).
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

/* Constants shared with assembly and the linker script, where "UL" is not C. */
#ifdef __ASSEMBLY__
#define UL(x)		x
#else
#define UL(x)		x##UL
#endif

#define PAGE_SHIFT	12
#define PAGE_SIZE	(UL(1) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define SECTION_SHIFT	20
#define SECTION_SIZE	(UL(1) << SECTION_SHIFT)
#define SECTION_MASK	(~(SECTION_SIZE - 1))

#define PAGE_OFFSET	UL(0xC0000000)	/* start of the direct map */
#ifdef CONFIG_KASAN
/*
 * KASAN=1 (mm/kasan/): a shadow byte for each 8 bytes of kernel space
 * [MODULES_VADDR, 4 GiB), at shadow(a) = (a >> 3) + KASAN_SHADOW_OFFSET,
 * as on Linux/ARM with the 3G/1G split. The 130 MiB shadow sits just below
 * the modules, and user space gives it up: TASK_SIZE ends where it starts.
 */
#define KASAN_SHADOW_SCALE_SHIFT 3
#define KASAN_SHADOW_OFFSET	UL(0x9F000000)
#define KASAN_SHADOW_START	UL(0xB6E00000)	/* shadow of MODULES_VADDR */
#define KASAN_SHADOW_END	UL(0xBF000000)	/* shadow of 4 GiB */
#define TASK_SIZE	KASAN_SHADOW_START
#else
#define TASK_SIZE	UL(0xBF000000)	/* end of user space */
#endif
#define TEXT_OFFSET	UL(0x00008000)	/* kernel image: PHYS_OFFSET + this */
#define SWAPPER_PG_DIR_OFFSET UL(0x00004000) /* 16 KiB initial L1 table */
#define PHYS_OFFSET_ALIGN UL(0x08000000)	/* RAM bases are 128 MiB aligned */

#define VMALLOC_OFFSET	UL(0x00800000)	/* guard gap after lowmem */
#define VMALLOC_END	UL(0xFF800000)
#define PKMAP_BASE	(PAGE_OFFSET - UL(0x00200000))
#define LAST_PKMAP	512
#define MODULES_VADDR	(PAGE_OFFSET - UL(0x01000000))
#define FDT_FIXED_BASE	UL(0xFF800000)	/* boot DTB, two sections */
#define FDT_FIXED_SIZE	(2 * SECTION_SIZE)
#define EARLY_IO_BASE	UL(0xFFA00000)	/* device sections before vmalloc */
#define EARLY_IO_END	UL(0xFFC00000)
#define FIXADDR_START	UL(0xFFC00000)
#define FIXADDR_END	UL(0xFFF00000)
#define VECTORS_BASE	UL(0xFFFF0000)

#define THREAD_SIZE	8192
#define THREAD_SIZE_ORDER 1
/* a vmalloc'ed stack's alignment: bit THREAD_SIZE of sp flags running off it */
#define THREAD_ALIGN	(2 * THREAD_SIZE)

#ifndef __ASSEMBLY__
#include <linux/types.h>

extern unsigned long __pv_phys_offset;
#define PHYS_OFFSET	__pv_phys_offset

/* Set by bootmem_init: where lowmem ends and vmalloc space begins. */
extern unsigned long high_memory;
extern unsigned long vmalloc_start;
#define VMALLOC_START	vmalloc_start

static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return x - PAGE_OFFSET + PHYS_OFFSET;
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return x - PHYS_OFFSET + PAGE_OFFSET;
}

#define __pa(x)		__virt_to_phys((unsigned long)(x))
#define __va(x)		((void *)__phys_to_virt((phys_addr_t)(x)))
#endif

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for the ARM memory layout: host tests hand the mm code an
 * arena of ordinary memory, whose "physical" addresses are its virtual
 * ones (PAGE_OFFSET 0, __pa and __va are the identity).
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include <stdint.h>

#define UL(x)		x##UL
#define PAGE_SHIFT	12
#define PAGE_SIZE	(UL(1) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define SECTION_SHIFT	20
#define SECTION_SIZE	(UL(1) << SECTION_SHIFT)
#define SECTION_MASK	(~(SECTION_SIZE - 1))
#define PAGE_OFFSET	UL(0)
#define TASK_SIZE	UL(0xBF000000)	/* user space, as on the ARM build */
#define PHYS_OFFSET	UL(0)
#define THREAD_SIZE	8192

#define __pa(x)		((uintptr_t)(x))
#define __va(x)		((void *)(uintptr_t)(x))
#define __phys_to_virt(x) ((uintptr_t)(x))

#endif

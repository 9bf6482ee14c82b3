/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cache maintenance for code (arch/arm/mm/flush.c). PG_dcache_clean on
 * a page says its D-cache lines have been cleaned to the point of
 * unification since its contents were last written by the kernel, so
 * instruction fetches see them; a free clears it.
 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include <linux/mm_types.h>
#include <asm/cp15.h>

#define PG_dcache_clean	PG_arch_1
PAGEFLAG(DcacheClean, dcache_clean)

/*
 * Makes instructions written through [start, end) of the current address
 * space fetchable: D-cache cleaned to PoU, then the I-cache invalidated.
 */
void flush_icache_range(unsigned long start, unsigned long end);

#endif

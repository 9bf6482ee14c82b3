// SPDX-License-Identifier: GPL-2.0
/*
 * The machine host mm tests run on: an arena of ordinary memory that
 * memblock takes as RAM, laid out into zones exactly as the kernel's
 * bootmem_init does, then handed to the buddy allocator.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "mm_arena.h"

void free_area_init(unsigned long start_pfn,
		    const unsigned long zone_end[MAX_NR_ZONES]);
void memblock_free_all(void);

static void *arena;

void arena_init(void)
{
	unsigned long size = ARENA_MB << 20, start;
	unsigned long zone_end[MAX_NR_ZONES];

	if (!arena)
		arena = aligned_alloc(4 << 20, size);
	memset(arena, 0x5a, size);	/* stale contents, as real RAM has */
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	memblock_reset();
	memblock_add((uintptr_t)arena, size);
	memblock_set_current_limit((uintptr_t)arena + ((ARENA_MB - ARENA_HIGH_MB) << 20));
	start = (uintptr_t)arena >> PAGE_SHIFT;
	zone_end[ZONE_DMA] = start;
	zone_end[ZONE_NORMAL] = start + ((ARENA_MB - ARENA_HIGH_MB) << (20 - PAGE_SHIFT));
	zone_end[ZONE_HIGHMEM] = start + (ARENA_MB << (20 - PAGE_SHIFT));
	free_area_init(start, zone_end);
	memblock_free_all();
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory map. "memory" lists the RAM ranges the
 * device tree gives, "reserved" the parts in use (kernel image, DTB,
 * initrd, /reserved-memory, early allocations). Each array stays sorted
 * with overlapping and touching ranges merged. Early allocations are
 * taken top-down below memblock.current_limit (the end of lowmem); once
 * the buddy allocator is up, every free range is handed to it.
 * Addresses are u64 so a range may end at 4 GiB exactly.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	u64 base;
	u64 size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	u64 total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	u64 current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(u64 base, u64 size);
int memblock_reserve(u64 base, u64 size);
int memblock_remove(u64 base, u64 size);
int memblock_free(u64 base, u64 size);
bool memblock_overlaps_region(const struct memblock_type *type, u64 base, u64 size);
bool memblock_is_memory(u64 addr);
bool memblock_is_reserved(u64 addr);

u64 memblock_phys_mem_size(void);
u64 memblock_start_of_DRAM(void);
u64 memblock_end_of_DRAM(void);
/* Keeps the first @limit bytes of RAM (mem=) and drops the rest. */
void memblock_enforce_memory_limit(u64 limit);
void memblock_set_current_limit(u64 limit);

/* Top-down in [start, end) and reserved; 0 when nothing fits. */
u64 memblock_phys_alloc_range(u64 size, u64 align, u64 start, u64 end);
u64 memblock_phys_alloc(u64 size, u64 align);
/* Zeroed, in the direct map (below current_limit); NULL when nothing fits. */
void *memblock_alloc(u64 size, u64 align);

/* Calls @fn for each range of memory not reserved, in address order. */
void memblock_for_each_free_range(void (*fn)(u64 start, u64 end, void *arg),
				  void *arg);
/* Empties both arrays (for tests that build a map of their own). */
void memblock_reset(void);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: sorted arrays of physical ranges for boot-time bookkeeping.
 * Adding a range merges it with every range it overlaps or touches;
 * removing one trims or splits. Pure logic on u64 ranges (tests/host
 * runs it); only memblock_alloc touches memory, through __va.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/memory.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = ~0ULL,
	.memory = { .max = INIT_MEMBLOCK_REGIONS, .regions = memory_regions,
		    .name = "memory" },
	.reserved = { .max = INIT_MEMBLOCK_REGIONS, .regions = reserved_regions,
		      .name = "reserved" },
};

static u64 region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static void insert_region(struct memblock_type *type, unsigned long i,
			  u64 base, u64 size)
{
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->total_size += size;
	type->cnt++;
}

/*
 * Grows the region before or after that the range overlaps or touches,
 * else inserts it in order (only then is a free slot needed); then
 * absorbs every following region it reaches.
 */
static int memblock_add_range(struct memblock_type *type, u64 base, u64 size)
{
	u64 end = base + size;
	unsigned long i;

	if (!size || end < base)
		return -EINVAL;
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	if (i && region_end(&type->regions[i - 1]) >= base)
		i--;	/* the region before reaches us: grow it */
	else if (i < type->cnt && type->regions[i].base <= end)
		;	/* we reach the region after: grow that one, no slot needed */
	else if (type->cnt == type->max)
		return -ENOMEM;
	else
		insert_region(type, i, base, 0);

	base = min(base, type->regions[i].base);
	end = max(end, region_end(&type->regions[i]));
	while (i + 1 < type->cnt && type->regions[i + 1].base <= end) {
		end = max(end, region_end(&type->regions[i + 1]));
		remove_region(type, i + 1);
	}
	type->total_size += (end - base) - type->regions[i].size;
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	return 0;
}

/* Cuts [base, base + size) out of every region, splitting one if needed. */
static int memblock_remove_range(struct memblock_type *type, u64 base, u64 size)
{
	u64 end = base + size;
	unsigned long i = 0;

	if (!size || end < base)
		return -EINVAL;
	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];
		u64 rbase = r->base, rend = region_end(r);

		if (rend <= base || rbase >= end) {
			i++;
			continue;
		}
		if (rbase < base && rend > end) {	/* split in two */
			if (type->cnt == type->max)
				return -ENOMEM;
			r->size = base - rbase;
			type->total_size -= rend - base;
			insert_region(type, i + 1, end, rend - end);
			return 0;
		}
		if (rbase < base) {
			type->total_size -= rend - base;
			r->size = base - rbase;
			i++;
		} else if (rend > end) {
			type->total_size -= end - rbase;
			r->base = end;
			r->size = rend - end;
			i++;
		} else {
			remove_region(type, i);
		}
	}
	return 0;
}

int memblock_add(u64 base, u64 size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(u64 base, u64 size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_remove(u64 base, u64 size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_free(u64 base, u64 size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

bool memblock_overlaps_region(const struct memblock_type *type, u64 base, u64 size)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (type->regions[i].base < base + size &&
		    region_end(&type->regions[i]) > base)
			return true;
	return false;
}

bool memblock_is_memory(u64 addr)
{
	return memblock_overlaps_region(&memblock.memory, addr, 1);
}

bool memblock_is_reserved(u64 addr)
{
	return memblock_overlaps_region(&memblock.reserved, addr, 1);
}

u64 memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

u64 memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

u64 memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

void memblock_enforce_memory_limit(u64 limit)
{
	u64 left = limit;
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->size >= left) {
			u64 cut = r->base + left;

			memblock_remove_range(&memblock.memory, cut,
					      memblock_end_of_DRAM() - cut);
			return;
		}
		left -= r->size;
	}
}

void memblock_set_current_limit(u64 limit)
{
	memblock.current_limit = limit;
}

void memblock_for_each_free_range(void (*fn)(u64 start, u64 end, void *arg),
				  void *arg)
{
	const struct memblock_type *res = &memblock.reserved;
	unsigned long i, j = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		u64 start = m->base, end = region_end(m);

		while (j < res->cnt && region_end(&res->regions[j]) <= start)
			j++;
		for (; j < res->cnt && res->regions[j].base < end; j++) {
			const struct memblock_region *r = &res->regions[j];

			if (r->base > start)
				fn(start, r->base, arg);
			start = max(start, region_end(r));
			if (region_end(r) > end)
				break;	/* this reservation spans into the next bank */
		}
		if (start < end)
			fn(start, end, arg);
	}
}

struct fit {
	u64 size, align, start, end;
	u64 found;
};

/* Keeps the highest aligned fit: top-down, as Linux allocates. */
static void try_fit(u64 start, u64 end, void *arg)
{
	struct fit *f = arg;
	u64 top = min(end, f->end), base;

	start = max(start, f->start);
	if (top < start || top - start < f->size)
		return;
	base = ALIGN_DOWN(top - f->size, f->align);
	if (base >= start && base + 1 > f->found)
		f->found = base + 1;	/* +1: a range at 0 is a fit too */
}

u64 memblock_phys_alloc_range(u64 size, u64 align, u64 start, u64 end)
{
	struct fit f = { ALIGN(size, 8), align ? align : 8, start, end, 0 };

	if (!size || (f.align & (f.align - 1)))
		return 0;
	memblock_for_each_free_range(try_fit, &f);
	if (!f.found || memblock_reserve(f.found - 1, f.size))
		return 0;
	return f.found - 1;
}

u64 memblock_phys_alloc(u64 size, u64 align)
{
	return memblock_phys_alloc_range(size, align, 0, memblock.current_limit);
}

void *memblock_alloc(u64 size, u64 align)
{
	u64 phys = memblock_phys_alloc(size, align);
	void *virt;

	if (!phys && !memblock_is_reserved(0))
		return NULL;
	virt = __va((phys_addr_t)phys);
	memset(virt, 0, size);
	return virt;
}

void memblock_reset(void)
{
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	memblock.current_limit = ~0ULL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * memblock on the host, under ASan and UBSan: long random runs of add,
 * reserve, remove, free and top-down allocation checked against a model
 * that keeps one flag per granule of a small address space for "memory"
 * and one for "reserved". After every operation both arrays must be
 * exactly the model's runs (sorted, merged, none empty, total_size
 * right), the free ranges exactly the memory-and-not-reserved runs, and
 * an allocation exactly the highest aligned fit. An operation may fail
 * with -ENOMEM only when its result would need more than the array holds,
 * and then it must change nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/memblock.h>

#define MAX_GRANULES	8192
#define STEPS		20000

/* The address space of a run: @n granules of @g bytes from @base. */
struct space {
	u64 base;
	u64 g;
	unsigned long n;
};

static struct space sp;
static bool memory[MAX_GRANULES], reserved[MAX_GRANULES];
static u32 rng;
static unsigned long full_refusals;	/* -ENOMEM seen in this run */

/* Real memory behind the space when memblock_alloc is tried (it writes). */
static u8 arena[64 << 10] __attribute__((aligned(4096)));

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static u64 addr_of(unsigned long i)
{
	return sp.base + i * sp.g;
}

/* Number of runs of set flags: the regions the array needs. */
static unsigned long count_runs(const bool *model)
{
	unsigned long i, runs = 0;

	for (i = 0; i < sp.n; i++)
		runs += model[i] && (!i || !model[i - 1]);
	return runs;
}

/* The array holds exactly the model's runs, in order, merged. */
static int check_type(struct ktest *t, const struct memblock_type *type,
		      const bool *model)
{
	unsigned long i = 0, r = 0;
	u64 total = 0;

	if (type->cnt > type->max) {
		KT_FAIL(t, "%s: %lu regions, max %lu", type->name, type->cnt, type->max);
		return 1;
	}
	while (i < sp.n) {
		unsigned long start;
		const struct memblock_region *reg;

		if (!model[i]) {
			i++;
			continue;
		}
		start = i;
		while (i < sp.n && model[i])
			i++;
		if (r == type->cnt) {
			KT_FAIL(t, "%s: run [%#llx, %#llx) missing", type->name,
				(unsigned long long)addr_of(start),
				(unsigned long long)addr_of(i));
			return 1;
		}
		reg = &type->regions[r++];
		if (reg->base != addr_of(start) || reg->size != (i - start) * sp.g) {
			KT_FAIL(t, "%s region %lu: [%#llx +%#llx), model [%#llx, %#llx)",
				type->name, r - 1, (unsigned long long)reg->base,
				(unsigned long long)reg->size,
				(unsigned long long)addr_of(start),
				(unsigned long long)addr_of(i));
			return 1;
		}
		total += reg->size;
	}
	if (r != type->cnt) {
		KT_FAIL(t, "%s: %lu regions, model has %lu runs", type->name,
			type->cnt, r);
		return 1;
	}
	if (type->total_size != total) {
		KT_FAIL(t, "%s: total_size %#llx, regions add up to %#llx", type->name,
			(unsigned long long)type->total_size, (unsigned long long)total);
		return 1;
	}
	return 0;
}

struct free_walk {
	struct ktest *t;
	unsigned long next;	/* granule after the previous range */
	int errors;
};

/* Each free range must be the next run of memory-and-not-reserved. */
static void check_free_range(u64 start, u64 end, void *arg)
{
	struct free_walk *w = arg;
	unsigned long i = w->next, s;

	while (i < sp.n && !(memory[i] && !reserved[i]))
		i++;
	s = i;
	while (i < sp.n && memory[i] && !reserved[i])
		i++;
	if (s == sp.n || start != addr_of(s) || end != addr_of(i)) {
		if (!w->errors++)
			KT_FAIL(w->t, "free range [%#llx, %#llx), model run [%#llx, %#llx)",
				(unsigned long long)start, (unsigned long long)end,
				(unsigned long long)addr_of(s),
				(unsigned long long)addr_of(i));
	}
	w->next = i;
}

static int check_all(struct ktest *t)
{
	struct free_walk w = { t, 0, 0 };
	unsigned long i, first = sp.n, last = 0, n = 0;

	if (check_type(t, &memblock.memory, memory) ||
	    check_type(t, &memblock.reserved, reserved))
		return 1;
	memblock_for_each_free_range(check_free_range, &w);
	while (w.next < sp.n && !(memory[w.next] && !reserved[w.next]))
		w.next++;
	if (w.next != sp.n && !w.errors++)
		KT_FAIL(t, "free range at %#llx not visited",
			(unsigned long long)addr_of(w.next));
	for (i = 0; i < sp.n; i++) {
		if (!memory[i])
			continue;
		first = min(first, i);
		last = i + 1;
		n++;
	}
	KT_EXPECT_EQ(t, memblock_phys_mem_size(), n * sp.g);
	if (n) {
		KT_EXPECT_EQ(t, memblock_start_of_DRAM(), addr_of(first));
		KT_EXPECT_EQ(t, memblock_end_of_DRAM(), addr_of(last));
	}
	for (i = 0; i < 8; i++) {
		unsigned long g = rnd() % sp.n;
		u64 a = addr_of(g) + rnd() % sp.g;

		KT_EXPECT_EQ(t, memblock_is_memory(a), memory[g]);
		KT_EXPECT_EQ(t, memblock_is_reserved(a), reserved[g]);
	}
	return w.errors;
}

/*
 * A range in granules, mostly short, sometimes most of the space; or,
 * to fill the arrays up, always one or two granules.
 */
static void random_range(unsigned long *start, unsigned long *len, bool tiny)
{
	u32 r = rnd() % 100;
	unsigned long max_len;

	*start = rnd() % sp.n;
	max_len = tiny ? 2 : r < 60 ? 16 : r < 90 ? sp.n / 8 : sp.n;
	*len = 1 + rnd() % max_len;
	if (*start + *len > sp.n)
		*len = sp.n - *start;
}

/*
 * Applies a set or clear of [start, start + len) to @model through @op:
 * success must match the model; -ENOMEM is allowed only when the result
 * needs more regions than @type holds, and must leave @type unchanged.
 */
static void apply(struct ktest *t, int (*op)(u64, u64), const struct memblock_type *type,
		  bool *model, bool set, unsigned long start, unsigned long len)
{
	static bool next[MAX_GRANULES];
	static struct memblock_region saved[INIT_MEMBLOCK_REGIONS];
	unsigned long cnt = type->cnt;
	int ret;

	memcpy(next, model, sp.n);
	memset(next + start, set, len);
	memcpy(saved, type->regions, cnt * sizeof(saved[0]));
	ret = op(addr_of(start), len * sp.g);
	if (ret == -ENOMEM && count_runs(next) > type->max) {
		full_refusals++;
		KT_EXPECT_EQ(t, type->cnt, cnt);
		KT_EXPECT_EQ(t, memcmp(saved, type->regions, cnt * sizeof(saved[0])), 0);
		return;
	}
	KT_EXPECT_EQ(t, ret, 0);
	memcpy(model, next, sp.n);
}

/* The highest base, aligned, of a fit of @size bytes in [lo, hi), or 0. */
static u64 model_fit(u64 size, u64 align, u64 lo, u64 hi)
{
	u64 top = min(hi, addr_of(sp.n)), base;

	if (top < sp.base + size)
		return 0;
	for (base = ALIGN_DOWN(top - size, align); base >= max(lo, sp.base);
	     base -= align) {
		unsigned long i = (base - sp.base) / sp.g;
		unsigned long e = (base + size - sp.base + sp.g - 1) / sp.g;

		while (i < e && memory[i] && !reserved[i])
			i++;
		if (i == e)
			return base;
		if (base < align)
			break;
	}
	return 0;
}

static void try_alloc(struct ktest *t, bool through_memblock_alloc)
{
	/* sizes and alignments the model's granules can represent */
	u64 size = (1 + rnd() % (rnd() % 4 ? 32 : sp.n / 4)) * sp.g;
	u64 align = max(sp.g, (u64)8) << (rnd() % 8);
	u64 lo = addr_of(rnd() % sp.n), hi = addr_of(rnd() % (sp.n + 1));
	u64 want, got;

	if (rnd() % 4 == 0) {
		lo = 0;
		hi = ~0ULL;
	}
	if (sp.g > 1)
		size -= rnd() % min(sp.g, (u64)8);	/* rounded up to 8 again */
	if (through_memblock_alloc) {
		lo = 0;
		memblock_set_current_limit(hi);
	}
	want = model_fit(ALIGN(size, 8), align, lo, hi);
	if (through_memblock_alloc) {
		u8 *p = memblock_alloc(size, align);

		got = p ? (u64)(uintptr_t)p : 0;
		if (p) {
			u64 i;

			for (i = 0; i < size; i++)
				if (p[i]) {
					KT_FAIL(t, "memblock_alloc: byte %llu not zeroed",
						(unsigned long long)i);
					break;
				}
			memset(p, 0xa5, size);	/* dirty it for a later check */
		}
	} else {
		got = memblock_phys_alloc_range(size, align, lo, hi);
	}
	if (want) {
		unsigned long i = (want - sp.base) / sp.g;
		unsigned long e = (want + ALIGN(size, 8) - sp.base + sp.g - 1) / sp.g;
		static bool next[MAX_GRANULES];

		memcpy(next, reserved, sp.n);
		memset(next + i, 1, e - i);
		if (!got && count_runs(next) > memblock.reserved.max)
			return;		/* no room to record it: a clean failure */
		memcpy(reserved, next, sp.n);
	}
	if (got != want)
		KT_FAIL(t, "alloc(size %#llx, align %#llx, [%#llx, %#llx)) = %#llx, model %#llx",
			(unsigned long long)size, (unsigned long long)align,
			(unsigned long long)lo, (unsigned long long)hi,
			(unsigned long long)got, (unsigned long long)want);
}

/* @tiny: one- or two-granule ranges, few removals, until the arrays fill. */
static void random_run(struct ktest *t, u64 base, u64 g, unsigned long n, u32 seed,
		       bool real_memory, bool tiny)
{
	int step;

	sp = (struct space){ base, g, n };
	rng = seed;
	full_refusals = 0;
	memblock_reset();
	memset(memory, 0, sizeof(memory));
	memset(reserved, 0, sizeof(reserved));
	for (step = 0; step < STEPS; step++) {
		unsigned long start, len;
		u32 op = rnd() % 100;

		random_range(&start, &len, tiny);
		if (op < 30 || (tiny && op < 45))
			apply(t, memblock_add, &memblock.memory, memory, true, start, len);
		else if (op < 50 || (tiny && op < 75))
			apply(t, memblock_reserve, &memblock.reserved, reserved, true, start, len);
		else if (op < 62)
			apply(t, memblock_remove, &memblock.memory, memory, false, start, len);
		else if (op < 80)
			apply(t, memblock_free, &memblock.reserved, reserved, false, start, len);
		else
			try_alloc(t, real_memory && op < 85);
		if (check_all(t)) {
			KT_FAIL(t, "after step %d (op %u, granules %lu+%lu)", step, op, start, len);
			return;
		}
	}
	if (tiny)
		KT_EXPECT_GT(t, full_refusals, 0);
}

/* Byte-sized granules: ranges start and end anywhere. */
static void random_run_bytes(struct ktest *t)
{
	random_run(t, (uintptr_t)arena, 1, 4096, 1, true, false);
}

static void random_run_words(struct ktest *t)
{
	random_run(t, (uintptr_t)arena, 8, sizeof(arena) / 8, 0xdeadbeef, true, false);
}

/* Both arrays full: what does not fit is refused and changes nothing. */
static void random_run_full_arrays(struct ktest *t)
{
	random_run(t, (uintptr_t)arena, 8, sizeof(arena) / 8, 4242, true, true);
}

/* Pages, the space ending at 4 GiB exactly (u64 ends, no overflow). */
static void random_run_pages_up_to_4g(struct ktest *t)
{
	random_run(t, (1ULL << 32) - 4096ULL * MAX_GRANULES, 4096, MAX_GRANULES,
		   12345, false, false);
}

static void bad_ranges_are_refused(struct ktest *t)
{
	memblock_reset();
	KT_EXPECT_EQ(t, memblock_add(0x1000, 0), -EINVAL);
	KT_EXPECT_EQ(t, memblock_add(~0ULL - 10, 100), -EINVAL);
	KT_EXPECT_EQ(t, memblock_remove(0x1000, 0), -EINVAL);
	KT_EXPECT_EQ(t, memblock.memory.cnt, 0);
	KT_EXPECT_EQ(t, memblock_phys_alloc(0x1000, 0x1000), 0);	/* no memory */
	KT_EXPECT_EQ(t, memblock_add(0x10000, 0x10000), 0);
	KT_EXPECT_EQ(t, memblock_phys_alloc(0x1000, 3), 0);	/* not a power of two */
	KT_EXPECT_EQ(t, memblock_phys_alloc(0x20000, 8), 0);	/* too big */
	KT_EXPECT_EQ(t, memblock_phys_alloc(0x1000, 0x1000), 0x1f000);
	KT_EXPECT_EQ(t, memblock.reserved.total_size, 0x1000);
}

/* mem=: the first @limit bytes of RAM stay, across holes. */
static void memory_limit_keeps_the_first_bytes(struct ktest *t)
{
	memblock_reset();
	memblock_add(0x10000, 0x10000);
	memblock_add(0x40000, 0x10000);
	memblock_add(0x80000, 0x10000);
	memblock_enforce_memory_limit(0x18000);
	KT_EXPECT_EQ(t, memblock.memory.cnt, 2);
	KT_EXPECT_EQ(t, memblock_phys_mem_size(), 0x18000);
	KT_EXPECT_EQ(t, memblock_end_of_DRAM(), 0x48000);
	memblock_enforce_memory_limit(0x100000);	/* more than there is */
	KT_EXPECT_EQ(t, memblock_phys_mem_size(), 0x18000);
}

static const struct ktest_case memblock_cases[] = {
	KTEST_CASE(bad_ranges_are_refused),
	KTEST_CASE(memory_limit_keeps_the_first_bytes),
	KTEST_CASE(random_run_bytes),
	KTEST_CASE(random_run_words),
	KTEST_CASE(random_run_full_arrays),
	KTEST_CASE(random_run_pages_up_to_4g),
	{}
};

static const struct ktest_suite memblock_suite = {
	.name = "memblock",
	.cases = memblock_cases,
};
ktest_register_suite(memblock_suite);

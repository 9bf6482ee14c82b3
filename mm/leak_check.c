// SPDX-License-Identifier: GPL-2.0
/*
 * Leak checking by counts: a snapshot of the free pages and of every slab
 * cache's objects in use, taken before a workload, and the difference
 * after it. Once its programs have exited and been reaped, the kernel
 * must hold exactly what it held before; what it does not is named, a
 * line per cache ("kmalloc-64: 12 -> 15 objects (+3)") and one for the
 * pages. The per-CPU page lists are drained, the CPU slabs flushed and
 * the lazily freed vmalloc areas purged before counting, so only what is
 * really held is seen. The hostile and fuzzing suites use it through
 * the shell's `leakcheck` command.
 */
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/leak_check.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

#define LEAK_MAX_CACHES	64

struct cache_count {
	char name[24];
	unsigned long objects;
};

struct leak_snapshot {
	bool taken;
	unsigned long pages;		/* free_and_slab_pages() */
	int nr_caches;
	struct cache_count caches[LEAK_MAX_CACHES];
};

/* The reference, and the counts now: both static, too large for a kernel stack. */
static struct leak_snapshot snapshot, now;

/*
 * The kernel's own page tables count as free: a pte page made for the
 * vmalloc area (a task's stack, say, where none was mapped yet) is kept
 * for good, as on Linux, and is not a leak of the workload's. So do
 * KASAN's shadow pages of the vmalloc area (include/linux/kasan.h).
 */
/* Free pages on the CPUs' lists: not in the zones' free counts. */
static unsigned long pcp_pages(void)
{
	unsigned long n = 0;
	struct zone *zone;
	unsigned int cpu;

	for_each_zone(zone)
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			n += READ_ONCE(zone->pcp[cpu].count);
	return n;
}

unsigned long free_and_slab_pages(void)
{
	return global_zone_free_pages() + pcp_pages() +
	       global_node_page_state(NR_SLAB_RECLAIMABLE) +
	       global_node_page_state(NR_SLAB_UNRECLAIMABLE) +
	       (mm_pgtables_bytes(&init_mm) >> PAGE_SHIFT) + kasan_vmalloc_shadow_pages;
}

static void record_cache(const char *name, unsigned long objects, void *arg)
{
	struct leak_snapshot *snap = arg;
	struct cache_count *c;

	if (snap->nr_caches == LEAK_MAX_CACHES)
		return;
	c = &snap->caches[snap->nr_caches++];
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->objects = objects;
}

static void take(struct leak_snapshot *snap)
{
	/* lazily freed vmalloc areas keep their vmap_area structs until purged */
	vm_unmap_aliases();
	snap->nr_caches = 0;
	slab_for_each_in_use(record_cache, snap);	/* flushes the CPU slabs first */
	snap->pages = free_and_slab_pages();
	snap->taken = true;
}

void leak_check_start(void)
{
	take(&snapshot);
}

void leak_check_measure(void)
{
	take(&now);
}

static const struct cache_count *find_cache(const struct leak_snapshot *snap,
					    const char *name)
{
	int i;

	for (i = 0; i < snap->nr_caches; i++)
		if (!strcmp(snap->caches[i].name, name))
			return &snap->caches[i];
	return NULL;
}

void leak_check_show(struct seq_file *m)
{
	int i, differ = 0;

	if (!snapshot.taken || !now.taken) {
		seq_puts(m, "leakcheck: no snapshot: `leakcheck start` first\n");
		return;
	}
	for (i = 0; i < now.nr_caches; i++) {
		const struct cache_count *c = &now.caches[i];
		const struct cache_count *was = find_cache(&snapshot, c->name);
		unsigned long before = was ? was->objects : 0;

		if (c->objects != before) {
			seq_printf(m, "%s: %lu -> %lu objects (%+ld)\n", c->name, before,
				   c->objects, (long)(c->objects - before));
			differ++;
		}
	}
	if (now.pages != snapshot.pages) {
		seq_printf(m, "free+slab pages: %lu -> %lu (%+ld)\n", snapshot.pages,
			   now.pages, (long)(now.pages - snapshot.pages));
		differ++;
	}
	if (differ)
		seq_printf(m, "leakcheck: %d difference%s since the snapshot\n", differ,
			   differ == 1 ? "" : "s");
	else
		seq_printf(m, "leakcheck: no difference since the snapshot (%d caches, "
			   "%lu free+slab pages)\n", now.nr_caches, now.pages);
}

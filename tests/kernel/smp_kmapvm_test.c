// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc, kmap and kmap_local from every CPU at once. A crew of kernel
 * threads, pinned one (or two) per online CPU, gives up the big kernel
 * lock for its work, so the CPUs really run it in parallel (with one
 * CPU, the same work runs on it alone):
 *  - vmalloc/vfree storms, each area freed by whichever thread finds it
 *    in a shared pool, with lazy purges on the way;
 *  - kmap/kunmap of highmem pages, more of them wanted at once than the
 *    pkmap window holds: some kmap()s sleep for a slot, and the window
 *    wraps again and again, each wrap's flush reaching every CPU (a
 *    stale translation would put a write in another page);
 *  - kmap_local held across a switch to another task on the same CPU
 *    that uses the same slots, and across sleeps of unpinned threads,
 *    which must come back on their CPU.
 * Each ends with the free pages, the busy vmap areas and the free
 * vmalloc space exactly as before (lazily freed areas purged first).
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/leak_check.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/vmap_area.h>
#include <asm/fixmap.h>

#define MAX_MEMBERS	(2 * NR_CPUS)

struct crew;

struct member {
	struct crew *crew;
	int id;				/* 0.. in the crew */
	int cpu;			/* where it starts (and stays, pinned) */
	int bad;			/* what it found wrong */
	struct page **pages;		/* its own highmem pages, if it needs some */
};

struct crew {
	void (*work)(struct member *m);
	int n;
	bool pinned;
	struct member members[MAX_MEMBERS];
	atomic_t started, finished, left;
	bool go, leave;
	/* vmalloc: areas in flight, freed by whoever takes their place */
	spinlock_t lock;
	void *pool[32];
	unsigned long pool_tag[32];
	unsigned long purges;		/* vmap_purges at the start */
	unsigned long want_purges;	/* go on until that many more */
	/* kmap: threads one page short of a batch; the window then full */
	atomic_t nearly_full;
	bool filled;
};

static void wait_flag(bool *flag)
{
	while (!READ_ONCE(*flag))
		msleep(1);
}

static int crew_thread(void *arg)
{
	struct member *m = arg;
	struct crew *c = m->crew;

	atomic_add(1, &c->started);
	wait_flag(&c->go);
	unlock_kernel();	/* from here on, every CPU at once */
	c->work(m);
	lock_kernel();
	atomic_add(1, &c->finished);
	wait_flag(&c->leave);
	atomic_add(1, &c->left);	/* its last touch of the crew */
	return 0;
}

/*
 * The crew: @per_cpu threads per online CPU, pinned to it, or (@pinned
 * false) free to run anywhere, each first placed on a CPU of its own.
 */
static struct crew *crew_new(struct ktest *t, void (*work)(struct member *m),
			     int per_cpu, bool pinned)
{
	struct crew *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int cpu, k;

	if (!c) {
		KT_FAIL(t, "no memory for the crew");
		return NULL;
	}
	c->work = work;
	c->pinned = pinned;
	spin_lock_init(&c->lock);
	for (k = 0; k < per_cpu; k++) {
		for_each_online_cpu(cpu) {
			struct member *m = &c->members[c->n];

			m->crew = c;
			m->id = c->n++;
			m->cpu = cpu;
		}
	}
	return c;
}

static bool crew_start(struct ktest *t, struct crew *c)
{
	unsigned long all = READ_ONCE(cpu_online_mask->bits);
	bool made = true;
	int i;

	for (i = 0; i < c->n; i++) {
		struct member *m = &c->members[i];
		struct task_struct *p = kthread_create(crew_thread, m, "kmapvm_stress");

		if (!p) {
			KT_FAIL(t, "kthread_create failed");
			c->n = i;	/* the ones made run and leave */
			made = false;
			break;
		}
		/* unpinned ones start spread out too, then may go anywhere */
		p->cpus_allowed = c->pinned ? 1UL << m->cpu : all;
		p->stack->cpu = m->cpu;
		wake_up_process(p);
	}
	while (atomic_read(&c->started) < c->n)
		msleep(1);
	return made;
}

static void crew_go(struct crew *c)
{
	WRITE_ONCE(c->go, true);
}

static void crew_wait(struct crew *c)
{
	while (atomic_read(&c->finished) < c->n)
		msleep(1);
}

/* The threads exit; the crew goes once none will touch it again. */
static void crew_end(struct crew *c)
{
	WRITE_ONCE(c->leave, true);
	while (atomic_read(&c->left) < c->n)
		msleep(1);
	kfree(c);
}

static int crew_bad(struct crew *c)
{
	int i, bad = 0;

	for (i = 0; i < c->n; i++)
		bad += c->members[i].bad;
	return bad;
}

/* ---- what must come back ---- */

struct counts {
	unsigned long pages;		/* free_and_slab_pages() */
	unsigned long busy_areas;	/* vmap areas in use */
	unsigned long vmap_free;	/* free vmalloc space, bytes */
};

static void take_counts(struct counts *n)
{
	struct vmap_area *va;
	unsigned long flags;

	vm_unmap_aliases();	/* lazily freed areas are free space, once purged */
	n->busy_areas = 0;
	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry(va, &vmap_area_list, list)
		n->busy_areas++;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	n->vmap_free = vmap_free_bytes();
	n->pages = free_and_slab_pages();
}

static void expect_counts(struct ktest *t, const struct counts *before)
{
	struct counts now;

	take_counts(&now);
	KT_EXPECT_EQ(t, now.pages, before->pages);
	KT_EXPECT_EQ(t, now.busy_areas, before->busy_areas);
	KT_EXPECT_EQ(t, now.vmap_free, before->vmap_free);
}

/*
 * A crew for @work (@per_cpu threads per CPU, pinned or not), started
 * and waiting for the go; @setup, if any, prepares it first.
 */
static struct crew *run_crew(struct ktest *t, void (*work)(struct member *m),
			     int per_cpu, bool pinned,
			     bool (*setup)(struct ktest *t, struct crew *c))
{
	struct crew *c = crew_new(t, work, per_cpu, pinned);

	if (!c)
		return NULL;
	if (setup && !setup(t, c)) {
		kfree(c);
		return NULL;
	}
	if (!crew_start(t, c)) {
		crew_go(c);
		crew_wait(c);
		crew_end(c);
		return NULL;
	}
	return c;
}

/* ---- vmalloc storm ---- */

#define VM_ROUNDS	64
#define VM_MAX_ROUNDS	20000

static bool area_ok(const u32 *p, unsigned long tag, unsigned long pages)
{
	unsigned long i;

	for (i = 0; i < pages; i++)
		if (p[i * (PAGE_SIZE / 4)] != tag + i ||
		    p[(i + 1) * (PAGE_SIZE / 4) - 1] != ~(tag + i))
			return false;
	return true;
}

/* The tag says how many pages: tag = (id << 24 | round << 8 | pages). */
/*
 * VM_ROUNDS rounds, and more until the crew's lazy frees have made the
 * purges wanted (lazy_max_pages() grows with the vmalloc space and the
 * CPUs). Every eighth area is 64 pages, to get there sooner.
 */
static void vmalloc_work(struct member *m)
{
	struct crew *c = m->crew;
	int i;

	for (i = 0; i < VM_ROUNDS || (READ_ONCE(vmap_purges) - c->purges < c->want_purges &&
				      i < VM_MAX_ROUNDS); i++) {
		unsigned long pages = i % 8 == 7 ? 64 : 1 + (i * 5 + m->id * 3) % 8;
		unsigned long tag = (unsigned long)m->id << 24 | (unsigned long)i << 8 | pages;
		int slot = (i * 7 + m->id * 13) % ARRAY_SIZE(c->pool);
		unsigned long old_tag, j, flags;
		u32 *p = vmalloc(pages * PAGE_SIZE);
		void *old;

		if (!p) {
			m->bad++;
			continue;
		}
		for (j = 0; j < pages; j++) {
			p[j * (PAGE_SIZE / 4)] = tag + j;
			p[(j + 1) * (PAGE_SIZE / 4) - 1] = ~(tag + j);
		}
		spin_lock_irqsave(&c->lock, flags);
		old = c->pool[slot];
		old_tag = c->pool_tag[slot];
		c->pool[slot] = p;
		c->pool_tag[slot] = tag;
		spin_unlock_irqrestore(&c->lock, flags);
		if (old) {	/* often another CPU's: a cross-CPU vfree */
			if (!area_ok(old, old_tag, old_tag & 0xff))
				m->bad++;
			vfree(old);
		}
	}
}

static void vmalloc_storm(struct ktest *t, unsigned long want_purges)
{
	struct crew *c = run_crew(t, vmalloc_work, 1, true, NULL);
	unsigned long lazy = vmap_lazy_freed_pages;
	struct counts before;
	unsigned int i;

	if (!c)
		return;
	take_counts(&before);
	c->purges = vmap_purges;
	c->want_purges = want_purges;
	crew_go(c);
	crew_wait(c);
	for (i = 0; i < ARRAY_SIZE(c->pool); i++) {
		if (c->pool[i] && !area_ok(c->pool[i], c->pool_tag[i], c->pool_tag[i] & 0xff))
			c->members[0].bad++;
		vfree(c->pool[i]);
	}
	KT_EXPECT_EQ(t, crew_bad(c), 0);
	/* every CPU's areas freed lazily, purged as they passed lazy_max_pages() */
	KT_EXPECT_GT(t, vmap_lazy_freed_pages - lazy, 0);
	KT_EXPECT_GE(t, vmap_purges - c->purges, want_purges);
	expect_counts(t, &before);
	crew_end(c);
}

/*
 * A short storm first makes the slabs the second will use (while the
 * node counters are not per CPU, two CPUs making slabs at once could
 * lose a count); the second goes on to a purge made by lazy frees.
 */
static void vmalloc_vfree_storm_every_cpu(struct ktest *t)
{
	vmalloc_storm(t, 0);
	vmalloc_storm(t, 1);
}

/* ---- kmap: more wanted than the window holds ---- */

#define KMAP_BATCH	(LAST_PKMAP / 4)	/* per thread: 4 of them fill the window */
#define KMAP_ROUNDS	2

static bool have_highmem(struct ktest *t)
{
	if (populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]))
		return true;
	ktest_skip(t, "no highmem at this RAM size");
	return false;
}

static void free_member_pages(struct crew *c, int count)
{
	int i, j;

	for (i = 0; i < c->n; i++) {
		struct page **pages = c->members[i].pages;

		if (!pages)
			continue;
		for (j = 0; j < count && pages[j]; j++)
			__free_page(pages[j]);
		kfree(pages);
		c->members[i].pages = NULL;
	}
}

/* @count highmem pages for each member. */
static bool give_pages(struct ktest *t, struct crew *c, int count)
{
	int i, j;

	for (i = 0; i < c->n; i++) {
		struct page **pages = kcalloc(count, sizeof(*pages), GFP_KERNEL);

		c->members[i].pages = pages;
		for (j = 0; pages && j < count; j++) {
			pages[j] = alloc_page(GFP_HIGHUSER);
			if (!pages[j] || !PageHighMem(pages[j]))
				break;
		}
		if (!pages || j < count) {
			if (pages && j < count && pages[j]) {
				__free_page(pages[j]);
				pages[j] = NULL;
			}
			KT_FAIL(t, "could not get %d highmem pages", count);
			free_member_pages(c, count);
			return false;
		}
	}
	return true;
}

/* Two batches each, used in turn: more distinct pages than slots. */
static bool kmap_setup(struct ktest *t, struct crew *c)
{
	return give_pages(t, c, 2 * KMAP_BATCH);
}

/*
 * Rounds of a batch of kmap()s, written, checked and kunmap()ed. In the
 * first, the last kmap() waits for the window to be full: it sleeps.
 */
static void kmap_work(struct member *m)
{
	struct crew *c = m->crew;
	u32 *addr[KMAP_BATCH];
	int r, j;

	for (r = 0; r < KMAP_ROUNDS; r++) {
		struct page **pages = m->pages + (r % 2) * KMAP_BATCH;
		u32 tag = (u32)m->id << 24 | (u32)r << 16;

		for (j = 0; j < KMAP_BATCH; j++) {
			if (r == 0 && j == KMAP_BATCH - 1) {
				atomic_add(1, &c->nearly_full);
				wait_flag(&c->filled);
			}
			addr[j] = kmap(pages[j]);	/* may sleep for a slot */
			addr[j][0] = tag | j;
		}
		/*
		 * All written first, then read through a fresh kmap_local:
		 * a slot whose page changed at a wrap that another CPU
		 * made, left stale in this CPU's TLB, would have sent the
		 * write to the slot's old page.
		 */
		for (j = 0; j < KMAP_BATCH; j++) {
			u32 *p = kmap_local_page(pages[j]);

			m->bad += p[0] != (tag | j);
			kunmap_local(p);
		}
		m->bad += page_address(pages[0]) != addr[0];
		for (j = 0; j < KMAP_BATCH; j++)
			kunmap(pages[j]);
	}
}

static int pkmap_in_use(void)
{
	int used, released;

	pkmap_usage(&used, &released);
	return used;
}

/*
 * Each crew thread holds all but one page of its first batch; this one
 * then fills the window, so that every crew thread's last kmap() must
 * sleep until it lets its slots go. After that the crew's batches
 * together just fit the window, so none can wait for ever, yet they
 * wrap it again and again.
 */
static void kmap_window_wraps_every_cpu(struct ktest *t)
{
	unsigned long waits = pkmap_waits, flushes = pkmap_flushes;
	int hold, got, i, j, bad = 0;
	struct page **held = NULL;
	struct counts before;
	struct crew *c;

	if (!have_highmem(t))
		return;
	KT_ASSERT_TRUE(t, num_online_cpus() * KMAP_BATCH <= LAST_PKMAP);
	c = run_crew(t, kmap_work, 1, true, kmap_setup);
	if (!c)
		return;
	take_counts(&before);
	crew_go(c);
	while (atomic_read(&c->nearly_full) < c->n)
		msleep(1);
	hold = LAST_PKMAP - c->n * (KMAP_BATCH - 1);
	held = kcalloc(hold, sizeof(*held), GFP_KERNEL);
	for (got = 0; held && got < hold; got++) {
		struct page *page = alloc_page(GFP_HIGHUSER);

		if (page && !PageHighMem(page)) {
			__free_page(page);
			page = NULL;
		}
		if (!page)
			break;
		held[got] = page;
		kmap(page);
	}
	KT_EXPECT_EQ(t, got, hold);
	KT_EXPECT_EQ(t, pkmap_in_use(), LAST_PKMAP);
	WRITE_ONCE(c->filled, true);
	/* someone is asleep for a slot: let them all have the window */
	for (j = 0; got == hold && j < 10000 && READ_ONCE(pkmap_waits) == waits; j++)
		msleep(1);
	KT_EXPECT_GT(t, READ_ONCE(pkmap_waits), waits);
	for (i = 0; i < got; i++)
		kunmap(held[i]);
	crew_wait(c);
	KT_EXPECT_EQ(t, crew_bad(c), 0);
	/* each page holds its last round's tag, read through a fresh mapping */
	for (i = 0; i < c->n; i++) {
		for (j = 0; j < 2 * KMAP_BATCH; j++) {
			u32 *p = kmap_local_page(c->members[i].pages[j]);
			int r = KMAP_ROUNDS - 2 + (j >= KMAP_BATCH);

			bad += p[0] != ((u32)c->members[i].id << 24 | (u32)r << 16 |
					j % KMAP_BATCH);
			kunmap_local(p);
		}
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_EQ(t, pkmap_in_use(), 0);
	/* 700 pages or more went through the 512 slots */
	KT_EXPECT_GE(t, pkmap_flushes - flushes, 1);
	/* no freed page keeps a stale address in the window */
	kmap_flush_unused();
	for (i = 0; i < got; i++)
		__free_page(held[i]);
	kfree(held);
	expect_counts(t, &before);
	free_member_pages(c, 2 * KMAP_BATCH);
	crew_end(c);
}

/* ---- kmap_local across switches ---- */

#define LOCAL_ROUNDS	200
#define LOCAL_PAGES	(KM_MAX_IDX / 2)

static bool local_setup(struct ktest *t, struct crew *c)
{
	return give_pages(t, c, LOCAL_PAGES);
}

/*
 * Maps 1..LOCAL_PAGES of its pages, tags them, and gives the CPU away
 * (@sleep: for a while, free to be woken anywhere; else a yield to the
 * other thread pinned here, which maps its own in the same slots); when
 * back, the same addresses must show its own tags, on the same CPU.
 */
static void local_round(struct member *m, int r, bool sleep)
{
	int depth = 1 + r % LOCAL_PAGES, cpu = smp_processor_id(), base, j;
	u32 *addr[LOCAL_PAGES];

	base = kmap_local_depth();
	for (j = 0; j < depth; j++) {
		addr[j] = kmap_local_page(m->pages[j]);
		addr[j][0] = (u32)m->id << 24 | (u32)r << 8 | j;
	}
	if (sleep)
		msleep(1);
	else
		schedule();
	m->bad += smp_processor_id() != cpu;
	m->bad += kmap_local_depth() != base + depth;
	for (j = depth - 1; j >= 0; j--) {
		m->bad += addr[j][0] != ((u32)m->id << 24 | (u32)r << 8 | j);
		m->bad += page_address(m->pages[j]) != addr[j];
		kunmap_local(addr[j]);
	}
	m->bad += kmap_local_depth() != base;
}

static void local_yield_work(struct member *m)
{
	int r;

	for (r = 0; r < LOCAL_ROUNDS; r++)
		local_round(m, r, false);
}

static void local_sleep_work(struct member *m)
{
	int r;

	for (r = 0; r < LOCAL_ROUNDS / 20; r++)
		local_round(m, r, true);
}

static void local_crew(struct ktest *t, void (*work)(struct member *m), int per_cpu,
		       bool pinned)
{
	struct counts before;
	struct crew *c;

	if (!have_highmem(t))
		return;
	c = run_crew(t, work, per_cpu, pinned, local_setup);
	if (!c)
		return;
	take_counts(&before);
	crew_go(c);
	crew_wait(c);
	KT_EXPECT_EQ(t, crew_bad(c), 0);
	expect_counts(t, &before);
	free_member_pages(c, LOCAL_PAGES);
	crew_end(c);
}

/* Two threads per CPU take turns in the same slots: each switch swaps their mappings. */
static void kmap_local_survives_switches_every_cpu(struct ktest *t)
{
	local_crew(t, local_yield_work, 2, true);
}

/* Unpinned threads asleep with slots held wake on their CPU (migration disabled). */
static void kmap_local_holder_stays_on_its_cpu(struct ktest *t)
{
	local_crew(t, local_sleep_work, 2, false);
}

static const struct ktest_case smp_kmapvm_cases[] = {
	KTEST_CASE(vmalloc_vfree_storm_every_cpu),
	KTEST_CASE(kmap_window_wraps_every_cpu),
	KTEST_CASE(kmap_local_survives_switches_every_cpu),
	KTEST_CASE(kmap_local_holder_stays_on_its_cpu),
	{}
};

static const struct ktest_suite smp_kmapvm_suite = {
	.name = "smp_kmapvm",
	.cases = smp_kmapvm_cases,
};
ktest_register_suite(smp_kmapvm_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The allocators' per-CPU state under real concurrency: a pinned kernel
 * thread per online CPU drops the big kernel lock (unlock_kernel) for
 * its loop, so the CPUs allocate and free at the same time, each from
 * its own per-CPU page lists and CPU slabs, and free what other CPUs
 * allocated (remote frees into another CPU's slab). Meanwhile the test
 * thread drains every CPU's page lists and flushes the CPU slabs by IPI.
 * Afterwards the free pages and the objects in use are exactly back.
 *
 * Also: a call-function IPI sent by the holder of the big kernel lock
 * is answered by a CPU whose tick handler waits for that lock with
 * interrupts masked (irq_lock_kernel runs the queued calls while it
 * spins); SLUB's per-CPU partial lists fill up to their limit and
 * spill to the node; an object freed on another CPU reaches its owner's
 * slab; vmstat's per-CPU differentials stay within their threshold and
 * reads stay exact; zoneinfo and the shell's slabcpu view show it all.
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/leak_check.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmstat.h>

#define STRESS_NS	(300 * NSEC_PER_MSEC)
#define POOL_SIZE	128
#define MAX_ORDER_USED	3

/* ---- pinned threads, one per online CPU ---- */

struct percpu_run {
	void (*fn)(struct percpu_run *r, int cpu);
	void *arg;
	int started, finished;	/* under the big lock: the threads hold it here */
	bool unlocked;		/* run fn without the big kernel lock */
	bool go, leave;
	int ran_on[NR_CPUS];	/* the CPU each thread stayed on, or -1 */
};

static int percpu_thread(void *arg)
{
	struct percpu_run *r = arg;
	int cpu = smp_processor_id();

	r->ran_on[cpu] = cpu;
	r->started++;
	while (!READ_ONCE(r->go))
		msleep(1);
	if (r->unlocked)
		unlock_kernel();
	r->fn(r, cpu);
	if (smp_processor_id() != cpu)
		r->ran_on[cpu] = -1;
	if (r->unlocked)
		lock_kernel();
	r->finished++;
	while (!READ_ONCE(r->leave))
		msleep(1);
	return 0;
}

/*
 * Starts a thread on every online CPU; returns how many, all waiting to
 * be let go (what they took to start is no part of what is measured).
 */
static int start_percpu(struct percpu_run *r)
{
	int cpu, n = 0;

	for_each_online_cpu(cpu) {
		struct task_struct *p = kthread_create(percpu_thread, r, "percpu_test");

		if (!p)
			break;
		p->cpus_allowed = 1UL << cpu;
		r->ran_on[cpu] = -2;
		wake_up_process(p);
		n++;
	}
	while (READ_ONCE(r->started) < n)
		msleep(1);
	return n;
}

static void wait_percpu(struct percpu_run *r, int n)
{
	while (READ_ONCE(r->finished) < n)
		msleep(1);
}

static void finish_percpu(struct ktest *t, struct percpu_run *r, int n)
{
	int cpu;

	wait_percpu(r, n);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, r->ran_on[cpu], cpu);
	r->leave = true;
	msleep(20);	/* they exit; the idle task releases them */
}

/* ---- the parallel stress ---- */

struct pool_item {
	void *p;
	size_t size;		/* kmalloc size, or page order */
	int cpu;
};

struct stress {
	bool pages;
	spinlock_t lock;
	struct pool_item pool[POOL_SIZE];
	atomic_t cross_frees, bad, rounds;
	bool stop;
};

/* every kmalloc cache, sizes between them, and whole pages past the largest */
static const size_t sizes[] = { 1, 8, 16, 24, 32, 48, 64, 96, 128, 160, 192, 256,
				384, 512, 1024, 2000, 2048, 4096, 8192, 12000, 16384 };

static void *get_item(struct stress *s, size_t size)
{
	struct page *page;
	void *p;

	if (!s->pages) {
		p = kmalloc(size, GFP_KERNEL);
		if (p)
			memset(p, (int)size & 0xff, size);
		return p;
	}
	page = alloc_pages(GFP_KERNEL, size);
	if (!page)
		return NULL;
	p = page_address(page);
	memset(p, (int)size + 1, PAGE_SIZE << size);
	return p;
}

static void put_item(struct stress *s, void *p, size_t size)
{
	const unsigned char *b = p;
	unsigned char want = s->pages ? size + 1 : size & 0xff;
	size_t len = s->pages ? PAGE_SIZE << size : size;

	if (b[0] != want || b[len - 1] != want)
		atomic_inc(&s->bad);
	if (s->pages)
		free_pages((unsigned long)p, size);
	else
		kfree(p);
}

static void stress_fn(struct percpu_run *r, int cpu)
{
	struct stress *s = r->arg;
	u64 end = ktime_get_ns() + STRESS_NS;
	unsigned int i;

	for (i = 0; ktime_get_ns() < end; i++) {
		size_t size = s->pages ? (size_t)(i % (MAX_ORDER_USED + 1)) :
				       sizes[(i + cpu) % ARRAY_SIZE(sizes)];
		struct pool_item *it = &s->pool[(i * 7 + cpu * 31) % POOL_SIZE];
		void *p = get_item(s, size), *old = NULL;
		size_t old_size = 0;
		unsigned long flags;

		spin_lock_irqsave(&s->lock, flags);
		if (it->p) {
			if (it->cpu != cpu)
				atomic_inc(&s->cross_frees);
			old = it->p;
			old_size = it->size;
			it->p = NULL;
		}
		if (p) {
			it->p = p;
			it->size = size;
			it->cpu = cpu;
		}
		spin_unlock_irqrestore(&s->lock, flags);
		/* freed outside the pool's lock: the frees overlap too */
		if (old)
			put_item(s, old, old_size);
		atomic_inc(&s->rounds);
	}
}

static void add_objects(const char *name, unsigned long objects, void *arg)
{
	(void)name;
	*(unsigned long *)arg += objects;
}

/* Objects in use in every cache, every CPU's slabs flushed first. */
static unsigned long objects_now(void)
{
	unsigned long n = 0;

	slab_for_each_in_use(add_objects, &n);
	return n;
}

static unsigned long pcp_total(void)
{
	struct zone *zone;
	unsigned long n = 0;
	int cpu;

	for_each_zone(zone)
		for (cpu = 0; cpu < (int)nr_cpu_ids; cpu++)
			n += READ_ONCE(zone->pcp[cpu].count);
	return n;
}

static void run_stress(struct ktest *t, bool pages, bool check)
{
	struct stress *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct percpu_run *r = kzalloc(sizeof(*r), GFP_KERNEL);
	unsigned long free_before, objects_before;
	int n, i, drains = 0;
	u64 end;

	KT_ASSERT_TRUE(t, s && r);
	s->pages = pages;
	spin_lock_init(&s->lock);
	r->fn = stress_fn;
	r->arg = s;
	r->unlocked = true;
	n = start_percpu(r);
	KT_EXPECT_EQ(t, n, (int)num_online_cpus());
	objects_before = objects_now();
	drain_all_pages();
	free_before = free_and_slab_pages();
	r->go = true;
	/* drains and flushes by IPI while every CPU allocates and frees */
	end = ktime_get_ns() + STRESS_NS;
	while (ktime_get_ns() < end) {
		drain_all_pages();
		kmem_cache_objects_in_use(kmalloc_cache(64));
		kmem_cache_objects_in_use(kmalloc_cache(4096));
		drains++;
		msleep(1);
	}
	wait_percpu(r, n);
	for (i = 0; i < POOL_SIZE; i++)
		if (s->pool[i].p)
			put_item(s, s->pool[i].p, s->pool[i].size);
	KT_EXPECT_EQ(t, atomic_read(&s->bad), 0);
	KT_EXPECT_GT(t, atomic_read(&s->rounds), 100);
	KT_EXPECT_GT(t, drains, 0);
	if (n > 1)
		KT_EXPECT_GT(t, atomic_read(&s->cross_frees), 0);
	if (check) {
		KT_EXPECT_EQ(t, objects_now(), objects_before);
		drain_all_pages();
		KT_EXPECT_EQ(t, pcp_total(), 0);
		/* SLUB keeps emptied slabs for later: pages are exact for pages only */
		if (pages)
			KT_EXPECT_EQ(t, free_and_slab_pages(), free_before);
	}
	finish_percpu(t, r, n);
	kfree(r);
	kfree(s);
}

static void parallel_kmalloc_every_size_cross_cpu(struct ktest *t)
{
	run_stress(t, false, true);
}

/* A first run settles what the kernel keeps after such a burst. */
static void parallel_pages_cross_cpu(struct ktest *t)
{
	run_stress(t, true, false);
	run_stress(t, true, true);
}

/* ---- drain_all_pages reaches every CPU ---- */

static void fill_pcp_fn(struct percpu_run *r, int cpu)
{
	struct page *pages[16];
	int i;

	(void)r;
	(void)cpu;
	for (i = 0; i < 16; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	for (i = 0; i < 16; i++)
		if (pages[i])
			__free_page(pages[i]);
}

static void drain_all_pages_empties_every_cpu(struct ktest *t)
{
	struct percpu_run *r = kzalloc(sizeof(*r), GFP_KERNEL);
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];
	int n, cpu, filled = 0;

	KT_ASSERT_NOT_NULL(t, r);
	r->fn = fill_pcp_fn;
	n = start_percpu(r);
	r->go = true;
	wait_percpu(r, n);
	for_each_online_cpu(cpu)
		filled += zone->pcp[cpu].count > 0;
	KT_EXPECT_EQ(t, filled, n);
	drain_all_pages();
	KT_EXPECT_EQ(t, pcp_total(), 0);
	finish_percpu(t, r, n);
	kfree(r);
}

/* ---- the big kernel lock and call-function IPIs ---- */

struct ipi_run {
	int hits;
	bool done;
};

static void count_hit(void *info)
{
	struct ipi_run *ir = info;

	__atomic_fetch_add(&ir->hits, 1, __ATOMIC_RELAXED);
}

/*
 * Holding the big lock (kernel threads run with it), spin for a few
 * ticks so that CPU 0's tick handler is sure to be waiting for the lock
 * in irq_lock_kernel, interrupts masked; then call every CPU and wait.
 * Without the queue run in irq_lock_kernel, CPU 0 never answers.
 */
static int bkl_ipi_thread(void *arg)
{
	struct ipi_run *ir = arg;

	mdelay(50);
	on_each_cpu(count_hit, ir, 1);
	WRITE_ONCE(ir->done, true);
	return 0;
}

static void ipi_from_bkl_holder_while_tick_waits(struct ktest *t)
{
	struct ipi_run ir = { 0, false };
	struct task_struct *p;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU");
		return;
	}
	p = kthread_create(bkl_ipi_thread, &ir, "bkl_ipi");
	KT_ASSERT_NOT_NULL(t, p);
	p->cpus_allowed = 1UL << 1;
	wake_up_process(p);
	while (!READ_ONCE(ir.done))
		msleep(1);	/* CPU 0 idles: its tick waits for the lock */
	KT_EXPECT_EQ(t, ir.hits, (int)num_online_cpus());
	msleep(20);
}

/* ---- SLUB's per-CPU partial lists ---- */

static void cpu_partial_fills_then_spills(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("percpu_partial_test", 256, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	struct kmem_cache_cpu *c;
	unsigned int slabs, per, i, k, nr_objs;
	unsigned long node_partial;
	unsigned long flags;
	void **objs;

	KT_ASSERT_NOT_NULL(t, s);
	slabs = s->cpu_partial_slabs;
	per = s->objects;
	KT_ASSERT_GE(t, slabs, 1);
	/* a new cache fills fresh slabs in turn: slab k holds objects k * per.. */
	nr_objs = (slabs + 3) * per;
	objs = kmalloc(nr_objs * sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, objs);
	local_irq_save(flags);	/* stay on this CPU, its slabs to itself */
	c = &s->cpu_slab[smp_processor_id()];
	for (i = 0; i < nr_objs; i++)
		objs[i] = kmem_cache_alloc(s, GFP_ATOMIC);
	KT_EXPECT_EQ(t, c->nr_partial, 0);
	node_partial = s->node.nr_partial;
	/* one free in each full slab: it goes to this CPU's partial list */
	for (k = 0; k < slabs; k++)
		kmem_cache_free(s, objs[k * per]);
	KT_EXPECT_EQ(t, c->nr_partial, slabs);
	KT_EXPECT_EQ(t, s->node.nr_partial, node_partial);
	/* one more than the limit: the list goes back to the node first */
	kmem_cache_free(s, objs[slabs * per]);
	KT_EXPECT_EQ(t, c->nr_partial, 1);
	KT_EXPECT_EQ(t, s->node.nr_partial, node_partial + slabs);
	/* the CPU slab is full: the next object comes from the CPU's partial slab */
	objs[slabs * per] = kmem_cache_alloc(s, GFP_ATOMIC);
	KT_EXPECT_EQ(t, c->nr_partial, 0);
	for (k = 0; k < slabs; k++)
		objs[k * per] = kmem_cache_alloc(s, GFP_ATOMIC);
	local_irq_restore(flags);
	for (i = 0; i < nr_objs; i++)
		kmem_cache_free(s, objs[i]);
	KT_EXPECT_EQ(t, kmem_cache_objects_in_use(s), 0);
	KT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kfree(objs);
	kmem_cache_destroy(s);
}

/*
 * A remote free: CPU 1 takes an object from its CPU slab, CPU 0 frees it.
 * It goes onto the slab's own freelist (the CPU's freelist is CPU 1's
 * alone), the slab stays CPU 1's, and CPU 1 finds the object again once
 * its own freelist runs out.
 */
struct remote_run {
	struct kmem_cache *s;
	void *obj, **again;
	struct page *page;
	bool allocated, freed, done;
	bool frozen, on_page_freelist, still_cpu_slab, found;
	unsigned int inuse;
};

static int remote_free_thread(void *arg)
{
	struct remote_run *rr = arg;
	struct kmem_cache *s = rr->s;
	struct kmem_cache_cpu *c;
	unsigned long flags;
	unsigned int i;

	local_irq_save(flags);
	c = &s->cpu_slab[smp_processor_id()];
	rr->obj = kmem_cache_alloc(s, GFP_ATOMIC);
	rr->page = c->page;
	local_irq_restore(flags);
	WRITE_ONCE(rr->allocated, true);
	while (!READ_ONCE(rr->freed))
		msleep(1);
	local_irq_save(flags);
	rr->frozen = rr->page->frozen;
	rr->inuse = rr->page->inuse;
	rr->on_page_freelist = rr->page->freelist == rr->obj;
	rr->still_cpu_slab = c->page == rr->page;
	/* this CPU's freelist first, then what the remote free left */
	for (i = 0; i < s->objects; i++) {
		rr->again[i] = kmem_cache_alloc(s, GFP_ATOMIC);
		if (rr->again[i] == rr->obj)
			rr->found = i == s->objects - 1;
	}
	local_irq_restore(flags);
	for (i = 0; i < s->objects; i++)
		kmem_cache_free(s, rr->again[i]);
	WRITE_ONCE(rr->done, true);
	return 0;
}

static void remote_free_reaches_the_owners_slab(struct ktest *t)
{
	struct remote_run rr = { 0 };
	struct task_struct *p;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU");
		return;
	}
	rr.s = kmem_cache_create("percpu_remote_test", 128, 0, SLAB_NO_USER_FLAGS, NULL);
	KT_ASSERT_NOT_NULL(t, rr.s);
	rr.again = kmalloc(rr.s->objects * sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, rr.again);
	p = kthread_create(remote_free_thread, &rr, "remote_free");
	KT_ASSERT_NOT_NULL(t, p);
	p->cpus_allowed = 1UL << 1;
	wake_up_process(p);
	while (!READ_ONCE(rr.allocated))
		msleep(1);
	KT_ASSERT_NOT_NULL(t, rr.obj);
	KT_EXPECT_NE(t, smp_processor_id(), 1);
	kmem_cache_free(rr.s, rr.obj);
	WRITE_ONCE(rr.freed, true);
	while (!READ_ONCE(rr.done))
		msleep(1);
	KT_EXPECT_TRUE(t, rr.frozen);
	KT_EXPECT_TRUE(t, rr.on_page_freelist);
	KT_EXPECT_TRUE(t, rr.still_cpu_slab);
	KT_EXPECT_EQ(t, rr.inuse, rr.s->objects - 1);
	KT_EXPECT_TRUE(t, rr.found);
	KT_EXPECT_EQ(t, kmem_cache_objects_in_use(rr.s), 0);
	KT_EXPECT_EQ(t, validate_slab_cache(rr.s), 0);
	kfree(rr.again);
	msleep(20);	/* the thread exits */
	kmem_cache_destroy(rr.s);
}

/* As Linux's calculate_order: more objects per slab with more CPUs. */
static void min_objects_scale_with_cpus(struct ktest *t)
{
	unsigned int want = 4 * (32 - __builtin_clz(nr_cpu_ids) + 1);
	struct kmem_cache *s = kmalloc_cache(512);

	KT_EXPECT_GE(t, s->objects, want);
	KT_EXPECT_EQ(t, (unsigned long)&s->cpu_slab[1] % L1_CACHE_BYTES, 0);
	KT_EXPECT_EQ(t, (unsigned long)&contig_page_data.node_zones[1].pcp[1] %
		     L1_CACHE_BYTES, 0);
}

/* ---- vmstat ---- */

static void vmstat_diffs_fold_at_threshold(struct ktest *t)
{
	struct per_cpu_nodestat *p;
	int threshold;
	long global, exact;
	unsigned long flags;

	local_irq_save(flags);	/* this CPU's differentials, no interrupt's updates */
	p = &per_cpu_nodestats[smp_processor_id()];
	threshold = p->stat_threshold;
	KT_EXPECT_GT(t, threshold, 0);
	exact = global_node_page_state(NR_VMALLOC);	/* folds this CPU's */
	KT_EXPECT_EQ(t, p->vm_node_stat_diff[NR_VMALLOC], 0);
	global = atomic_long_read(&vm_node_stat[NR_VMALLOC]);
	mod_node_page_state(NR_VMALLOC, 1);
	/* within the threshold: only this CPU's differential moved */
	KT_EXPECT_EQ(t, atomic_long_read(&vm_node_stat[NR_VMALLOC]), global);
	KT_EXPECT_EQ(t, p->vm_node_stat_diff[NR_VMALLOC], 1);
	mod_node_page_state(NR_VMALLOC, threshold - 1);
	KT_EXPECT_EQ(t, p->vm_node_stat_diff[NR_VMALLOC], threshold);
	/* past it: folded into the global counter */
	mod_node_page_state(NR_VMALLOC, 1);
	KT_EXPECT_EQ(t, atomic_long_read(&vm_node_stat[NR_VMALLOC]), global + threshold + 1);
	KT_EXPECT_EQ(t, p->vm_node_stat_diff[NR_VMALLOC], 0);
	/* a read folds this CPU's differential and is exact */
	mod_node_page_state(NR_VMALLOC, -1);
	KT_EXPECT_EQ(t, global_node_page_state(NR_VMALLOC), exact + threshold);
	KT_EXPECT_EQ(t, p->vm_node_stat_diff[NR_VMALLOC], 0);
	mod_node_page_state(NR_VMALLOC, -threshold);
	KT_EXPECT_EQ(t, global_node_page_state(NR_VMALLOC), exact);
	local_irq_restore(flags);
}

/*
 * A differential left within its threshold still reaches the global
 * counter: its CPU's tick folds it within a second (vmstat_tick). This
 * waits on its CPU, ticks on, with nothing else updating the counter
 * there (vmalloc does not run from interrupts).
 */
static void vmstat_diffs_fold_each_second(struct ktest *t)
{
	struct per_cpu_nodestat *p;
	int threshold;
	long exact;
	u64 until;

	preempt_disable();
	p = &per_cpu_nodestats[smp_processor_id()];
	threshold = p->stat_threshold;
	exact = global_node_page_state(NR_VMALLOC);	/* folds this CPU's */
	mod_node_page_state(NR_VMALLOC, threshold - 1);
	KT_EXPECT_EQ(t, READ_ONCE(p->vm_node_stat_diff[NR_VMALLOC]), threshold - 1);
	until = ktime_get_ns() + 1200 * NSEC_PER_MSEC;
	while (ktime_get_ns() < until && READ_ONCE(p->vm_node_stat_diff[NR_VMALLOC]))
		cpu_relax();
	KT_EXPECT_EQ(t, READ_ONCE(p->vm_node_stat_diff[NR_VMALLOC]), 0);
	mod_node_page_state(NR_VMALLOC, -(threshold - 1));
	KT_EXPECT_EQ(t, global_node_page_state(NR_VMALLOC), exact);
	preempt_enable();
}

/* ---- what /proc shows ---- */

static char view_buf[16384];

static const char *show(void (*fn)(struct seq_file *m))
{
	struct seq_file m = { .buf = view_buf, .size = sizeof(view_buf) };

	fn(&m);
	view_buf[min(m.count, sizeof(view_buf) - 1)] = '\0';
	return view_buf;
}

static void zoneinfo_shows_every_cpus_pageset(struct ktest *t)
{
	const char *z = show(zoneinfo_show), *normal = strstr(z, "zone   Normal");
	char want[64];
	int cpu;

	KT_ASSERT_NOT_NULL(t, normal);
	for_each_online_cpu(cpu) {
		snprintf(want, sizeof(want), "\n    cpu: %d\n              count: ", cpu);
		KT_EXPECT_NOT_NULL(t, strstr(normal, want));
		snprintf(want, sizeof(want), "\n  vm stats threshold: %d\n",
			 contig_page_data.node_zones[ZONE_NORMAL].stat_threshold);
		KT_EXPECT_NOT_NULL(t, strstr(normal, want));
	}
}

static void slabinfo_shows_cpu_slabs(struct ktest *t)
{
	void *p = kmalloc(64, GFP_KERNEL);
	const char *v = show(slab_cpu_show);
	char want[32];

	KT_EXPECT_NOT_NULL(t, strstr(v, "# name            <cpu_slabs> <cpu_partial> "));
	/* this CPU just took an object of kmalloc-64: it has a CPU slab there */
	v = strstr(v, "\nkmalloc-64 ");
	KT_ASSERT_NOT_NULL(t, v);
	snprintf(want, sizeof(want), " C%d=1(", smp_processor_id());
	KT_EXPECT_NOT_NULL(t, strstr(v, want));
	KT_EXPECT_TRUE(t, strchr(v + 1, '\n') > strstr(v, want));
	kfree(p);
}

static const struct ktest_case percpu_alloc_cases[] = {
	KTEST_CASE(ipi_from_bkl_holder_while_tick_waits),
	KTEST_CASE(drain_all_pages_empties_every_cpu),
	KTEST_CASE(parallel_kmalloc_every_size_cross_cpu),
	KTEST_CASE(parallel_pages_cross_cpu),
	KTEST_CASE(cpu_partial_fills_then_spills),
	KTEST_CASE(remote_free_reaches_the_owners_slab),
	KTEST_CASE(min_objects_scale_with_cpus),
	KTEST_CASE(vmstat_diffs_fold_at_threshold),
	KTEST_CASE(vmstat_diffs_fold_each_second),
	KTEST_CASE(zoneinfo_shows_every_cpus_pageset),
	KTEST_CASE(slabinfo_shows_cpu_slabs),
	{}
};

static const struct ktest_suite percpu_alloc_suite = {
	.name = "percpu_alloc",
	.cases = percpu_alloc_cases,
};
ktest_register_suite(percpu_alloc_suite);

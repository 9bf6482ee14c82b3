// SPDX-License-Identifier: GPL-2.0
/*
 * SMP scheduling: a kernel thread pinned to a CPU runs there, and the
 * allocators stay exact when every CPU allocates and frees what another
 * CPU allocated. A pinned thread per online CPU (with one CPU, just CPU
 * 0) takes objects of every kmalloc size, or pages of orders 0-3, puts
 * them in a shared pool and frees ones another thread put there, with a
 * yield every few rounds so the threads interleave (kernel threads hold
 * the big kernel lock while they run). The free pages and the objects
 * in use, counted while every thread waits at a gate before and after,
 * come back exactly (the pages for the page case: SLUB keeps the slabs
 * it emptied).
 */
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/leak_check.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define ROUNDS		600
#define POOL_SIZE	64
#define MAX_ORDER_USED	3

struct pool_item {
	void *p;		/* an object or a page's address; NULL: empty */
	size_t size;		/* kmalloc size, or the page order */
	int cpu;		/* who allocated it */
};

struct stress {
	bool pages;		/* pages, else kmalloc objects */
	spinlock_t lock;
	struct pool_item pool[POOL_SIZE];
	int ran_on[NR_CPUS];	/* smp_processor_id() each round saw, or -1 */
	int cross_frees, bad;
	int started, finished;
	bool go, leave;
};

static const size_t sizes[] = { 8, 16, 24, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
				4096, 8192 };

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

static void put_item(struct stress *s, struct pool_item *it)
{
	const unsigned char *b = it->p;
	unsigned char want = s->pages ? it->size + 1 : it->size & 0xff;
	size_t len = s->pages ? PAGE_SIZE << it->size : it->size;

	if (b[0] != want || b[len - 1] != want)
		s->bad++;
	if (s->pages)
		free_pages((unsigned long)it->p, it->size);
	else
		kfree(it->p);
	it->p = NULL;
}

static void wait_flag(bool *flag)
{
	while (!READ_ONCE(*flag))
		msleep(1);
}

static int stress_thread(void *arg)
{
	struct stress *s = arg;
	int cpu = smp_processor_id(), i;

	s->started++;
	wait_flag(&s->go);
	s->ran_on[cpu] = cpu;
	for (i = 0; i < ROUNDS; i++) {
		size_t size = s->pages ? (size_t)(i % (MAX_ORDER_USED + 1)) :
				       sizes[i % ARRAY_SIZE(sizes)];
		struct pool_item *it = &s->pool[(i * 7 + cpu * 13) % POOL_SIZE];
		unsigned long flags;
		void *p = get_item(s, size);

		if (smp_processor_id() != cpu)
			s->ran_on[cpu] = -1;
		spin_lock_irqsave(&s->lock, flags);
		if (it->p) {
			if (it->cpu != cpu)
				s->cross_frees++;
			put_item(s, it);
		}
		if (p) {
			it->p = p;
			it->size = size;
			it->cpu = cpu;
		}
		spin_unlock_irqrestore(&s->lock, flags);
		if (i % 16 == 0)
			schedule();	/* round robin: the lock goes to another CPU */
	}
	s->finished++;
	wait_flag(&s->leave);
	return 0;
}

static void add_objects(const char *name, unsigned long objects, void *arg)
{
	(void)name;
	*(unsigned long *)arg += objects;
}

static unsigned long objects_now(void)
{
	unsigned long n = 0;

	slab_for_each_in_use(add_objects, &n);
	return n;
}

static void run_stress(struct ktest *t, bool pages, bool check)
{
	struct stress *s = kzalloc(sizeof(*s), GFP_KERNEL);
	unsigned long free_before, objects_before;
	int cpu, n = 0, i;

	KT_ASSERT_TRUE(t, s != NULL);
	s->pages = pages;
	spin_lock_init(&s->lock);
	for_each_online_cpu(cpu) {
		struct task_struct *p = kthread_create(stress_thread, s, "smp_stress");

		KT_ASSERT_TRUE(t, p != NULL);
		p->cpus_allowed = 1UL << cpu;
		s->ran_on[cpu] = -2;
		wake_up_process(p);
		n++;
	}
	while (READ_ONCE(s->started) < n)
		msleep(1);
	/* objects first: counting them flushes the CPU slabs, which may free pages */
	objects_before = objects_now();
	free_before = free_and_slab_pages();
	s->go = true;
	while (READ_ONCE(s->finished) < n)
		msleep(1);
	for (i = 0; i < POOL_SIZE; i++)
		if (s->pool[i].p)
			put_item(s, &s->pool[i]);
	if (check) {
		KT_EXPECT_EQ(t, objects_now(), objects_before);
		/* SLUB keeps emptied slabs for later: the pages are exact for pages only */
		if (pages)
			KT_EXPECT_EQ(t, free_and_slab_pages(), free_before);
	}
	KT_EXPECT_EQ(t, s->bad, 0);
	if (n > 1)
		KT_EXPECT_GT(t, s->cross_frees, 0);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, s->ran_on[cpu], cpu);
	s->leave = true;
	msleep(20);	/* they exit; the idle task releases them */
	kfree(s);
}

static void kmalloc_every_size_cross_cpu(struct ktest *t)
{
	run_stress(t, false, true);
}

/*
 * A first run settles what the allocator keeps for itself after such a
 * burst (a pte page, a slab for the threads); the second is exact.
 */
static void pages_cross_cpu(struct ktest *t)
{
	run_stress(t, true, false);
	run_stress(t, true, true);
}

static const struct ktest_case smp_sched_cases[] = {
	KTEST_CASE(kmalloc_every_size_cross_cpu),
	KTEST_CASE(pages_cross_cpu),
	{}
};

static const struct ktest_suite smp_sched_suite = {
	.name = "smp_sched",
	.cases = smp_sched_cases,
};
ktest_register_suite(smp_sched_suite);

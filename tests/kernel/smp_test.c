// SPDX-License-Identifier: GPL-2.0
/*
 * SMP: every CPU the device tree lists comes online; a call sent to a
 * CPU runs there; on_each_cpu runs everywhere and waits; IPIs arrive.
 * Locks and atomics under real concurrency: every CPU at once (one
 * call-function IPI to all, then a start line they wait at together)
 * bumps a shared counter many times under a ticket spinlock, and
 * another with atomic_inc, and neither loses an update; a plain
 * increment does, if the machine runs the CPUs truly in parallel.
 * With one CPU the same cases run on CPU 0 alone (and must be exact).
 * TLB maintenance done on CPU 0 reaches the TLBs of all the others.
 *
 * The called functions run in interrupt context on the other CPUs:
 * they only write into the context they are given, CPU 0 checks.
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>

/*
 * How long each CPU hammers: time, not a count, so the CPUs overlap for
 * sure even when the host runs the vCPU threads by turns (a contended
 * ticket lock goes from CPU to CPU in arrival order, and under TCG a
 * handover may wait for the host to schedule the next vCPU's thread).
 */
#define TORTURE_NS	(200 * NSEC_PER_MSEC)

static void record_cpu(void *info)
{
	int *where = info;

	where[0] = smp_processor_id();
	where[1] = irqs_disabled() ? 1 : 0;
}

/* Every CPU the kernel can start (the Pi's have no PSCI: CPU 0 only). */
static void all_cpus_online(struct ktest *t)
{
	int cpu;

	for_each_possible_cpu(cpu)
		KT_EXPECT_EQ(t, cpu_online(cpu), cpu_can_start(cpu));
	KT_EXPECT_EQ(t, nr_cpu_ids, num_possible_cpus());
	KT_EXPECT_TRUE(t, cpu_online(0));
	KT_EXPECT_EQ(t, smp_processor_id(), 0);
}

static void call_single_runs_on_named_cpu(struct ktest *t)
{
	int cpu;

	for_each_online_cpu(cpu) {
		int seen[2] = { -1, 0 };

		KT_EXPECT_EQ(t, smp_call_function_single(cpu, record_cpu, seen, 1), 0);
		KT_EXPECT_EQ(t, seen[0], cpu);
		KT_EXPECT_EQ(t, seen[1], 1);	/* interrupts masked while it runs */
	}
}

static void set_flag(void *info)
{
	atomic_set(info, 1);
}

/* Without wait the call returns at once; the flag comes soon after. */
static void call_single_without_wait(struct ktest *t)
{
	u64 deadline = ktime_get_ns() + NSEC_PER_SEC;
	static atomic_t flags[NR_CPUS];
	int cpu;

	for_each_online_cpu(cpu) {
		atomic_set(&flags[cpu], 0);
		KT_EXPECT_EQ(t, smp_call_function_single(cpu, set_flag, &flags[cpu], 0), 0);
	}
	for_each_online_cpu(cpu) {
		while (!atomic_read(&flags[cpu]) && ktime_get_ns() < deadline)
			cpu_relax();
		KT_EXPECT_EQ(t, atomic_read(&flags[cpu]), 1);
	}
}

static void call_single_refuses_offline_cpu(struct ktest *t)
{
	int seen[2] = { -1, 0 }, cpu;

	KT_EXPECT_EQ(t, smp_call_function_single(NR_CPUS, record_cpu, seen, 1), -ENXIO);
	KT_EXPECT_EQ(t, smp_call_function_single(-1, record_cpu, seen, 1), -ENXIO);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			KT_EXPECT_EQ(t, smp_call_function_single(cpu, record_cpu, seen, 1),
				     -ENXIO);
	KT_EXPECT_EQ(t, seen[0], -1);
}

static void mark_cpu(void *info)
{
	atomic_or(1 << smp_processor_id(), info);
}

static void on_each_cpu_waits_for_all(struct ktest *t)
{
	atomic_t ran = ATOMIC_INIT(0);

	on_each_cpu(mark_cpu, &ran, 1);
	KT_EXPECT_EQ(t, atomic_read(&ran), (int)cpu_online_mask->bits);
}

static void smp_call_function_skips_caller(struct ktest *t)
{
	atomic_t ran = ATOMIC_INIT(0);

	smp_call_function(mark_cpu, &ran, 1);
	KT_EXPECT_EQ(t, atomic_read(&ran), (int)(cpu_online_mask->bits & ~1UL));
}

/* Each other CPU counts a reschedule IPI sent to it. */
static void reschedule_ipi_arrives(struct ktest *t)
{
	unsigned int before[NR_CPUS];
	u64 deadline;
	int cpu;

	for_each_online_cpu(cpu) {
		before[cpu] = ipi_count_of(cpu, IPI_RESCHEDULE);
		if (cpu)
			smp_send_reschedule(cpu);
	}
	deadline = ktime_get_ns() + NSEC_PER_SEC;
	for_each_online_cpu(cpu) {
		if (!cpu)
			continue;
		while (ipi_count_of(cpu, IPI_RESCHEDULE) == before[cpu] &&
		       ktime_get_ns() < deadline)
			cpu_relax();
		KT_EXPECT_EQ(t, ipi_count_of(cpu, IPI_RESCHEDULE), before[cpu] + 1);
	}
}

/* ---- every CPU at once ---- */

struct torture {
	atomic_t arrived;	/* at the start line */
	atomic_t late;		/* CPUs that gave up waiting for the others */
	int expected;		/* CPUs taking part */
	u64 stop;		/* ktime_get_ns() at which they all stop */
	atomic_t go;		/* stop is set: start */
	atomic_t done;		/* increments made, each CPU adding its own count */
	spinlock_t lock;
	int counter;		/* under lock, or raced for */
	atomic_t acounter;
	int (*body)(struct torture *tt);
};

/*
 * A read-modify-write with a gap in the middle: a lock that lets two
 * CPUs in at once loses updates here.
 */
static void slow_increment(int *counter)
{
	int v = READ_ONCE(*counter), i;

	for (i = 0; i < 8; i++)
		cpu_relax();
	WRITE_ONCE(*counter, v + 1);
}

/* The clock is read every TORTURE_BATCH rounds: the lock stays contended. */
#define TORTURE_BATCH	64

static int torture_lock_body(struct torture *tt)
{
	int n = 0, i;

	while (ktime_get_ns() < tt->stop) {
		for (i = 0; i < TORTURE_BATCH; i++) {
			spin_lock(&tt->lock);
			slow_increment(&tt->counter);
			spin_unlock(&tt->lock);
		}
		n += TORTURE_BATCH;
	}
	return n;
}

static int torture_atomic_body(struct torture *tt)
{
	int n = 0, i;

	while (ktime_get_ns() < tt->stop) {
		for (i = 0; i < TORTURE_BATCH; i++)
			atomic_inc(&tt->acounter);
		n += TORTURE_BATCH;
	}
	return n;
}

static int torture_plain_body(struct torture *tt)
{
	int n = 0, i;

	while (ktime_get_ns() < tt->stop) {
		for (i = 0; i < TORTURE_BATCH; i++)
			slow_increment(&tt->counter);
		n += TORTURE_BATCH;
	}
	return n;
}

/*
 * Waits until every CPU is here (a few seconds at most), then runs the
 * body. The last to arrive sets the time they all stop, so that however
 * long a loaded host took to bring them together, they hammer together
 * for TORTURE_NS.
 */
static void torture_run(void *info)
{
	struct torture *tt = info;
	u64 deadline = ktime_get_ns() + 5 * NSEC_PER_SEC;

	if (atomic_inc_return(&tt->arrived) == tt->expected) {
		tt->stop = ktime_get_ns() + TORTURE_NS;
		smp_wmb();
		atomic_set(&tt->go, 1);
	}
	while (!atomic_read(&tt->go)) {
		if (ktime_get_ns() > deadline) {
			atomic_inc(&tt->late);
			return;
		}
		cpu_relax();
	}
	smp_rmb();
	atomic_add(tt->body(tt), &tt->done);
}

static void torture_all_cpus(struct torture *tt, int (*body)(struct torture *))
{
	atomic_set(&tt->arrived, 0);
	atomic_set(&tt->late, 0);
	atomic_set(&tt->done, 0);
	atomic_set(&tt->acounter, 0);
	spin_lock_init(&tt->lock);
	tt->counter = 0;
	tt->expected = num_online_cpus();
	tt->body = body;
	atomic_set(&tt->go, 0);
	on_each_cpu(torture_run, tt, 1);
}

static void spinlock_torture(struct ktest *t)
{
	static struct torture tt;

	torture_all_cpus(&tt, torture_lock_body);
	KT_EXPECT_EQ(t, atomic_read(&tt.late), 0);
	KT_EXPECT_EQ(t, atomic_read(&tt.arrived), tt.expected);
	KT_EXPECT_GT(t, atomic_read(&tt.done), 0);
	KT_EXPECT_EQ(t, tt.counter, atomic_read(&tt.done));
	KT_EXPECT_FALSE(t, spin_is_locked(&tt.lock));
}

/*
 * Fairness: a ticket lock serves waiters in the order they asked. CPU 0
 * holds a lock while two other CPUs ask for it, one after the other
 * (each asks only once the previous one's ticket is out), then lets go:
 * they must get it in that order. Asked in both orders, several times: a
 * test-and-set lock would pass by chance only rarely. (Counting turns
 * under contention says little here: under TCG a CPU's LDREX/STREX
 * can lose to the others for long stretches before it even has a
 * ticket.)
 */
struct fifo_run {
	spinlock_t lock;
	int n;			/* under lock: turns taken */
	int order[2];
	atomic_t served;	/* after the unlock: the lock may be reused */
};

static void fifo_take(void *info)
{
	struct fifo_run *r = info;

	spin_lock(&r->lock);
	r->order[r->n++] = smp_processor_id();
	spin_unlock(&r->lock);
	atomic_inc(&r->served);
}

static bool wait_for_tickets(struct fifo_run *r, int waiting)
{
	u64 deadline = ktime_get_ns() + NSEC_PER_SEC;

	while (ktime_get_ns() < deadline) {
		arch_spinlock_t v = { .slock = READ_ONCE(r->lock.raw.slock) };

		if ((u16)(v.tickets.next - v.tickets.owner) == waiting + 1)
			return true;
		cpu_relax();
	}
	return false;
}

static void spinlock_serves_in_order(struct ktest *t)
{
	static struct fifo_run r;
	int round;

	if (num_online_cpus() < 3) {
		ktest_skip(t, "needs three CPUs");
		return;
	}
	for (round = 0; round < 8; round++) {
		int first = round % 2 ? 2 : 1, second = 3 - first;
		bool queued;
		u64 deadline;

		spin_lock_init(&r.lock);
		r.n = 0;
		atomic_set(&r.served, 0);
		spin_lock(&r.lock);
		smp_call_function_single(first, fifo_take, &r, 0);
		queued = wait_for_tickets(&r, 1);
		if (queued) {
			smp_call_function_single(second, fifo_take, &r, 0);
			queued = wait_for_tickets(&r, 2);
		}
		spin_unlock(&r.lock);	/* whatever happened: they spin, interrupts masked */
		KT_EXPECT_TRUE(t, queued);
		deadline = ktime_get_ns() + NSEC_PER_SEC;
		while (atomic_read(&r.served) < 2 && ktime_get_ns() < deadline)
			cpu_relax();
		KT_ASSERT_EQ(t, atomic_read(&r.served), 2);
		KT_EXPECT_EQ(t, r.order[0], first);
		KT_EXPECT_EQ(t, r.order[1], second);
	}
}

static void atomic_torture(struct ktest *t)
{
	static struct torture tt;

	torture_all_cpus(&tt, torture_atomic_body);
	KT_EXPECT_EQ(t, atomic_read(&tt.late), 0);
	KT_EXPECT_GT(t, atomic_read(&tt.done), 0);
	KT_EXPECT_EQ(t, atomic_read(&tt.acounter), atomic_read(&tt.done));
}

/*
 * The control: without the lock, increments are lost when CPUs really
 * run at once (QEMU's TCG may run them by turns: then skip). On one CPU,
 * with interrupts masked, nothing can be lost.
 */
static void plain_increment_races(struct ktest *t)
{
	static struct torture tt;

	torture_all_cpus(&tt, torture_plain_body);
	KT_EXPECT_GT(t, atomic_read(&tt.done), 0);
	if (tt.expected == 1) {
		KT_EXPECT_EQ(t, tt.counter, atomic_read(&tt.done));
		return;
	}
	KT_EXPECT_LE(t, tt.counter, atomic_read(&tt.done));
	if (tt.counter == atomic_read(&tt.done))
		ktest_skip(t, "no increment lost: the CPUs did not overlap");
}

/* ---- TLB maintenance reaches every CPU ---- */

static void read_word(void *info)
{
	u32 **where = info;

	*(u32 *)where[1] = READ_ONCE(*where[0]);
}

/* What @cpu reads at @addr, through its own TLB. */
static u32 read_on(int cpu, u32 *addr)
{
	u32 value = 0;
	u32 *args[2] = { addr, &value };

	smp_call_function_single(cpu, read_word, args, 1);
	return value;
}

/*
 * A kernel page mapped in vmalloc space is read by every CPU (each caches
 * the translation), then its pte is pointed at another page and @flush
 * run on CPU 0 alone: every CPU must then read the new page. A flush
 * that only cleans CPU 0's TLB leaves the others on the old page.
 */
static void remap_seen_everywhere(struct ktest *t, void (*flush)(unsigned long addr))
{
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	unsigned long addr;
	pte_t *ptep, old;
	u32 *p;
	int cpu;

	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	*(u32 *)page_address(a) = 0xaaaa;
	*(u32 *)page_address(b) = 0xbbbb;
	p = vmap(&a, 1, 0, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	addr = (unsigned long)p;
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, read_on(cpu, p), 0xaaaa);
	ptep = pte_offset_kernel(pmd_offset(pgd_offset_k(addr), addr), addr);
	old = *ptep;
	set_pte_at(&init_mm, addr, ptep, pfn_pte(page_to_pfn(b), PAGE_KERNEL));
	flush(addr);
	for_each_online_cpu(cpu)
		KT_EXPECT_EQ(t, read_on(cpu, p), 0xbbbb);
	set_pte_at(&init_mm, addr, ptep, old);
	flush_tlb_kernel_page(addr);
	vunmap(p);
	__free_page(a);
	__free_page(b);
}

static void flush_page(unsigned long addr)
{
	flush_tlb_kernel_page(addr);
}

static void flush_range(unsigned long addr)
{
	flush_tlb_kernel_range(addr, addr + PAGE_SIZE);
}

static void flush_all(unsigned long addr)
{
	(void)addr;
	flush_tlb_all();
}

static void tlb_flush_kernel_page_everywhere(struct ktest *t)
{
	remap_seen_everywhere(t, flush_page);
}

static void tlb_flush_kernel_range_everywhere(struct ktest *t)
{
	remap_seen_everywhere(t, flush_range);
}

static void tlb_flush_all_everywhere(struct ktest *t)
{
	remap_seen_everywhere(t, flush_all);
}

/* ---- the operations themselves, on one CPU ---- */

static void atomic_ops(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(5);
	atomic_long_t l = ATOMIC_LONG_INIT(-3);

	atomic_add(3, &v);
	KT_EXPECT_EQ(t, atomic_read(&v), 8);
	atomic_sub(2, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	KT_EXPECT_EQ(t, atomic_read(&v), 6);
	KT_EXPECT_EQ(t, atomic_add_return(4, &v), 10);
	KT_EXPECT_EQ(t, atomic_sub_return(10, &v), 0);
	KT_EXPECT_EQ(t, atomic_inc_return(&v), 1);
	KT_EXPECT_TRUE(t, atomic_dec_and_test(&v));
	KT_EXPECT_EQ(t, atomic_dec_return(&v), -1);
	KT_EXPECT_TRUE(t, atomic_inc_and_test(&v));
	atomic_set(&v, 7);
	KT_EXPECT_FALSE(t, atomic_sub_and_test(6, &v));
	KT_EXPECT_TRUE(t, atomic_sub_and_test(1, &v));
	KT_EXPECT_EQ(t, atomic_fetch_add(5, &v), 0);
	KT_EXPECT_EQ(t, atomic_xchg(&v, 9), 5);
	KT_EXPECT_EQ(t, atomic_cmpxchg(&v, 8, 1), 9);	/* no match: unchanged */
	KT_EXPECT_EQ(t, atomic_read(&v), 9);
	KT_EXPECT_EQ(t, atomic_cmpxchg(&v, 9, 1), 9);
	KT_EXPECT_EQ(t, atomic_read(&v), 1);
	KT_EXPECT_TRUE(t, atomic_inc_not_zero(&v));
	KT_EXPECT_EQ(t, atomic_read(&v), 2);
	atomic_set(&v, 0);
	KT_EXPECT_FALSE(t, atomic_inc_not_zero(&v));
	KT_EXPECT_EQ(t, atomic_read(&v), 0);
	KT_EXPECT_FALSE(t, atomic_add_unless(&v, 3, 0));
	atomic_set(&v, 0x10);
	KT_EXPECT_EQ(t, atomic_fetch_or(0x3, &v), 0x10);
	atomic_andnot(0x11, &v);
	KT_EXPECT_EQ(t, atomic_read(&v), 0x2);
	atomic_or(0x40, &v);
	KT_EXPECT_EQ(t, atomic_read(&v), 0x42);

	atomic_long_inc(&l);
	atomic_long_add(7, &l);
	atomic_long_dec(&l);
	atomic_long_sub(1, &l);
	KT_EXPECT_EQ(t, atomic_long_read(&l), 3);
	KT_EXPECT_EQ(t, atomic_long_add_return(-2, &l), 1);
	KT_EXPECT_EQ(t, atomic_long_inc_return(&l), 2);
	KT_EXPECT_EQ(t, atomic_long_cmpxchg(&l, 2, 1), 2);
	KT_EXPECT_TRUE(t, atomic_long_dec_and_test(&l));
	KT_EXPECT_FALSE(t, atomic_long_inc_not_zero(&l));
	atomic_long_set(&l, 0x7fffffff);
	KT_EXPECT_EQ(t, atomic_long_read(&l), 0x7fffffffL);
}

static void spinlock_basics(struct ktest *t)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;

	KT_EXPECT_FALSE(t, spin_is_locked(&lock));
	KT_EXPECT_EQ(t, spin_trylock(&lock), 1);
	KT_EXPECT_TRUE(t, spin_is_locked(&lock));
	KT_EXPECT_EQ(t, spin_trylock(&lock), 0);	/* held: refused, not a BUG */
	spin_unlock(&lock);
	KT_EXPECT_FALSE(t, spin_is_locked(&lock));

	KT_ASSERT_FALSE(t, irqs_disabled());
	spin_lock_irqsave(&lock, flags);
	KT_EXPECT_TRUE(t, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KT_EXPECT_FALSE(t, irqs_disabled());
	spin_lock_irq(&lock);
	KT_EXPECT_TRUE(t, irqs_disabled());
	spin_unlock_irq(&lock);
	KT_EXPECT_FALSE(t, irqs_disabled());
	/* each round took and gave a ticket: free again */
	KT_EXPECT_FALSE(t, spin_is_locked(&lock));
	KT_EXPECT_EQ(t, lock.raw.tickets.owner, lock.raw.tickets.next);
}

static void cpumask_ops(struct ktest *t)
{
	struct cpumask m = { 0 };
	int cpu, n = 0;

	cpumask_set_cpu(1, &m);
	cpumask_set_cpu(3, &m);
	KT_EXPECT_TRUE(t, cpumask_test_cpu(3, &m));
	KT_EXPECT_FALSE(t, cpumask_test_cpu(2, &m));
	KT_EXPECT_EQ(t, cpumask_weight(&m), 2);
	cpumask_clear_cpu(1, &m);
	for_each_cpu(cpu, &m)
		n += cpu;
	KT_EXPECT_EQ(t, n, 3);
}

static const struct ktest_case smp_cases[] = {
	KTEST_CASE(all_cpus_online),
	KTEST_CASE(atomic_ops),
	KTEST_CASE(spinlock_basics),
	KTEST_CASE(cpumask_ops),
	KTEST_CASE(call_single_runs_on_named_cpu),
	KTEST_CASE(call_single_without_wait),
	KTEST_CASE(call_single_refuses_offline_cpu),
	KTEST_CASE(on_each_cpu_waits_for_all),
	KTEST_CASE(smp_call_function_skips_caller),
	KTEST_CASE(reschedule_ipi_arrives),
	KTEST_CASE(spinlock_torture),
	KTEST_CASE(spinlock_serves_in_order),
	KTEST_CASE(atomic_torture),
	KTEST_CASE(plain_increment_races),
	KTEST_CASE(tlb_flush_kernel_page_everywhere),
	KTEST_CASE(tlb_flush_kernel_range_everywhere),
	KTEST_CASE(tlb_flush_all_everywhere),
	{}
};

static const struct ktest_suite smp_suite = {
	.name = "smp",
	.cases = smp_cases,
};
ktest_register_suite(smp_suite);

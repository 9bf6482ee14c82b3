// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: a run queue per CPU (struct rq) of the runnable tasks
 * that CPU serves round-robin, each for a time slice of DEFAULT_TIMESLICE
 * ticks; the tick takes one off and asks for a reschedule at zero, which
 * happens when the interrupt returns to user mode, or to kernel code
 * that may be preempted (linux/preempt.h: none that holds the big
 * kernel lock or a spinlock; not at all with preempt=none). The
 * running task stays on its queue, a preempted one too whatever its
 * state: it was stopped before it could finish going to sleep. Each
 * CPU has an idle task, on no queue, that runs when the queue is
 * empty, waiting in WFI.
 *
 * A task is on one CPU's queue (task_cpu), whose lock guards its on_rq
 * and, for a task not running, its CPU. A wake-up puts it back on the
 * queue of the CPU it last ran on, or of an idle CPU it may use, which
 * gets a reschedule IPI. Tasks move between CPUs only when not running
 * (on_cpu clear, which happens once the switch away from them is over):
 * at a wake-up, and when a CPU's schedule() pulls one from another queue
 * (balancing: the CPU is idle, or has two tasks fewer, or the task may
 * not run where it is queued). That second queue is only try-locked,
 * so two CPUs pulling from each other never wait for each other. A task
 * whose migration is disabled (migrate_disable) is moved by neither.
 *
 * A switch holds the CPU's queue lock from the choice to the end of the
 * switch, which the next task finishes (finish_task_switch): a waker
 * that finds the task still on_cpu leaves it on that CPU's queue. That
 * lock is taken and dropped without the preempt count (interrupts are
 * masked all along): the task that takes it is not the one that drops
 * it, and each count belongs to its task.
 *
 * Sleeping: a task sets its state and calls schedule(), which takes it
 * off the queue; wake_up_process() puts it back. Timed sleeps sit on a
 * list of (deadline, task) checked by CPU 0's tick.
 *
 * The big kernel lock (linux/smp_lock.h) is given up by schedule() for
 * the time the task is switched out and taken back after.
 *
 * A switch changes address space only when the next task has an mm of
 * its own; a kernel thread borrows the previous one (active_mm) and
 * holds it with mm_count until it is switched out.
 */
#include <linux/cpumask.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <asm/cp15.h>
#include <asm/mmu_context.h>

struct rq {
	spinlock_t lock;
	struct list_head queue;		/* runnable tasks, the running one included */
	unsigned long nr_running;	/* on queue */
	unsigned long nr_switches;
	struct task_struct *curr, *idle;
};

static struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu)	(&runqueues[(cpu)])

struct timer_sleeper {
	u64 deadline;
	struct task_struct *task;
	struct list_head list;
};

static LIST_HEAD(sleepers);	/* by deadline */
static DEFINE_SPINLOCK(sleepers_lock);

DEFINE_SPINLOCK(kernel_flag);

/* preempt=full (the default) or none: whether kernel code is preempted. */
static bool preempt_full = true;

static int __init setup_preempt_mode(const char *val)
{
	if (!strcmp(val, "full"))
		preempt_full = true;
	else if (!strcmp(val, "none"))
		preempt_full = false;
	else
		return -EINVAL;
	return 0;
}
__setup("preempt", setup_preempt_mode);

bool preempt_model_none(void)
{
	return !preempt_full;
}

bool preempt_model_full(void)
{
	return preempt_full;
}

/* entry-armv.S reads the count at this offset */
_Static_assert(__builtin_offsetof(struct thread_info, preempt_count) == TI_PREEMPT,
	       "TI_PREEMPT");

struct task_struct *__switch_to(struct thread_info *prev, struct thread_info *next);

void sched_init(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&runqueues[cpu].lock);
		INIT_LIST_HEAD(&runqueues[cpu].queue);
	}
	cpu_rq(0)->curr = cpu_rq(0)->idle = &init_task;
	pr_info("Dynamic Preempt: %s\n", preempt_full ? "full" : "none");
}

/* ---- the big kernel lock ---- */

/*
 * Waits with interrupts enabled, whatever the caller had: a holder may
 * be waiting for this CPU to answer a call-function IPI. By trylock, so
 * that a handler interrupting the wait and taking the lock is not stuck
 * behind a ticket of the task it interrupted. Not fair, but cheap to
 * hand over: with QEMU's CPUs being host threads, a fair lock waits for
 * whichever the host runs last. Between tries the waiter sleeps in WFE
 * as a ticket waiter does, instead of spinning: QEMU then runs the
 * holder's CPU, not the waiter's loop.
 *
 * The lock and its owner_cpu change together as this CPU's interrupt
 * handlers see them: between a trylock's acquire and its owner store (or
 * an unlock's owner clear and release), a handler would find the lock
 * taken by no one on this CPU and wait for it for ever. So does the
 * task's lock_depth, which says whether it may be preempted: a task
 * preempted between the two would be switched out holding the lock
 * without schedule() giving it up.
 *
 * The lock is not counted in preempt_count (do_raw_*): lock_depth keeps
 * its holder from being preempted, and schedule() lets it go.
 */
static bool kernel_flag_trylock(int depth)
{
	unsigned long flags;
	bool taken;

	local_irq_save(flags);
	taken = do_raw_spin_trylock(&kernel_flag);
	if (taken)
		current->lock_depth = depth;
	local_irq_restore(flags);
	return taken;
}

/*
 * Takes the lock as @depth holds (0: once). A task waiting for its first
 * hold (lock_depth -1) may be preempted while it waits; one taking back
 * the holds it had before a switch may not.
 */
static void get_kernel_flag(int depth)
{
	unsigned long flags;

	if (kernel_flag_trylock(depth))
		return;
	local_irq_save(flags);
	local_irq_enable();
	while (!kernel_flag_trylock(depth))
		while (spin_is_locked(&kernel_flag))
			wfe();	/* the unlock's SEV, or an interrupt, wakes it */
	local_irq_restore(flags);
}

void lock_kernel(void)
{
	if (current->lock_depth < 0)
		get_kernel_flag(0);
	else
		current->lock_depth++;
}

/* A switch the task was kept from making while it held the lock is made now. */
void unlock_kernel(void)
{
	unsigned long flags;

	BUG_ON(current->lock_depth < 0);
	local_irq_save(flags);
	if (--current->lock_depth < 0)
		do_raw_spin_unlock(&kernel_flag);
	local_irq_restore(flags);
	if (current->lock_depth < 0 && need_resched())
		preempt_schedule();
}

bool trylock_kernel(void)
{
	if (current->lock_depth >= 0) {
		current->lock_depth++;
		return true;
	}
	return kernel_flag_trylock(0);
}

int irq_trylock_kernel(void)
{
	if (READ_ONCE(kernel_flag.owner_cpu) == smp_processor_id() + 1)
		return 0;	/* the interrupted task holds it */
	return spin_trylock(&kernel_flag) ? 1 : -1;
}

/*
 * Between looks at the lock: the queued calls, then WFE, as a spinlock's
 * waiters do. The unlock's SEV wakes it, and so does the timer's event
 * stream every 100 us, which bounds how long a queued call waits (a
 * masked IRQ does not end a WFE). A busy loop here would also take the
 * holder's place under QEMU's -icount, which runs the CPUs in turn: each
 * of the holder's broadcast TLB operations ends its turn.
 */
static void irq_wait_for_kernel_flag(void)
{
	flush_smp_call_function_queue();
	wfe();
}

int irq_lock_kernel(void)
{
	int taken = irq_trylock_kernel();

	if (taken >= 0 || (preempt_count() & PREEMPT_MASK))
		return taken;	/* -1 over a spinlock: no waiting */
	/*
	 * Interrupts are masked while this waits, and the holder may be
	 * waiting for this CPU to run a call it sent (on_each_cpu with
	 * wait, say to drain the per-CPU page lists): the queued calls run
	 * while it waits, or neither CPU would ever go on. It waits with a
	 * ticket, so the lock comes to it at the next release: tasks in
	 * lock_kernel() take it only when no ticket is out, and cannot keep
	 * passing it among themselves past this waiter.
	 */
	spin_lock_polling(&kernel_flag, irq_wait_for_kernel_flag);
	return 1;
}

/*
 * Not preempted while it waits: an abort's handler has yet to read the
 * fault's address and status from this CPU's registers (DFAR/DFSR,
 * IFAR/IFSR), which a task run here meanwhile would overwrite.
 */
void kernel_lock_user_entry(void)
{
	if (current->lock_depth < 0) {
		preempt_disable();
		lock_kernel();
		preempt_enable_no_resched();	/* under the lock: no switch now anyway */
	}
}

void kernel_unlock_user_exit(void)
{
	lockdep_sys_exit();	/* lock debugging: nothing may stay held */
	if (current->lock_depth < 0)
		return;	/* an interrupt with nothing to do on the way out */
	WARN_ON(current->lock_depth != 0);
	current->lock_depth = -1;
	do_raw_spin_unlock(&kernel_flag);
}

/* schedule() gives the lock up while the task is off the CPU (interrupts masked) ... */
static inline void release_kernel_lock(struct task_struct *p)
{
	if (p->lock_depth >= 0)
		do_raw_spin_unlock(&kernel_flag);
}

/* ... and takes it back, as many times held as before, when it runs again. */
static inline void reacquire_kernel_lock(struct task_struct *p)
{
	if (p->lock_depth >= 0)
		get_kernel_flag(p->lock_depth);
}

/* ---- statistics ---- */

unsigned long nr_running(void)
{
	unsigned long n = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(cpu_rq(cpu)->nr_running);
	return n;
}

unsigned long nr_context_switches(void)
{
	unsigned long n = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return n;
}

unsigned long nr_uninterruptible(void)
{
	struct task_struct *t;
	unsigned long n = 0;

	list_for_each_entry(t, &task_list, tasks)
		if (t->state == TASK_UNINTERRUPTIBLE)
			n++;
	return n;
}

unsigned long avenrun[3];

/*
 * Each average moves towards the number of active tasks by a fixed
 * fraction per LOAD_FREQ: 1 - exp(-5 s / period) for periods of 1, 5
 * and 15 minutes, those factors' complements being EXP_* in FSHIFT
 * fixed point. Rounding up while the load rises lets an average reach
 * a steady load instead of stopping a hair below it.
 */
#define EXP_1		1884
#define EXP_5		2014
#define EXP_15		2037

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

static void calc_global_load(void)
{
	static unsigned long next_update = LOAD_FREQ;
	unsigned long active;

	if (jiffies < next_update)
		return;
	next_update += LOAD_FREQ;
	/* the running tasks are on their run queues: every runnable one counts */
	active = (nr_running() + nr_uninterruptible()) * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}

static void enqueue(struct rq *rq, struct task_struct *p)
{
	if (p->on_rq || p == rq->idle)
		return;
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = true;
	rq->nr_running++;
}

static void dequeue(struct rq *rq, struct task_struct *p)
{
	if (!p->on_rq)
		return;
	list_del_init(&p->run_list);
	p->on_rq = false;
	rq->nr_running--;
}

static bool cpu_allowed(const struct task_struct *p, int cpu)
{
	return p->cpus_allowed & (1UL << cpu);
}

/*
 * Whether @p may run on @cpu now: one of its CPUs, or the CPU it is on
 * while its migration is disabled (even if its affinity changed since).
 */
static bool is_cpu_allowed(const struct task_struct *p, int cpu)
{
	if (p->migration_disabled)
		return task_cpu(p) == cpu;
	return cpu_allowed(p, cpu);
}

/* Locks the queue @p is on; its CPU cannot change while that lock is held. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	for (;;) {
		local_irq_save(*flags);
		rq = cpu_rq(task_cpu(p));
		spin_lock(&rq->lock);
		if (rq == cpu_rq(task_cpu(p)))
			return rq;
		spin_unlock(&rq->lock);
		local_irq_restore(*flags);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/* Has @cpu notice its queue: at once if it is this one, else by an IPI. */
static void resched_cpu(struct rq *rq, int cpu)
{
	set_tsk_need_resched(rq->curr);
	if (cpu != smp_processor_id())
		smp_send_reschedule(cpu);
}

/*
 * Moves @p, on @src and not running, to @dst's queue (both locked).
 * A task moved to another CPU takes its VFP registers from its
 * thread_info there: switches on SMP leave them saved (vfpmodule.c).
 */
static void move_task(struct rq *src, struct rq *dst, int dst_cpu, struct task_struct *p)
{
	dequeue(src, p);
	p->stack->cpu = dst_cpu;
	enqueue(dst, p);
}

/*
 * The CPU a waking task goes to: where it ran, unless that CPU is busy
 * or not allowed and an allowed one is idle. A CPU only: the move is
 * done if that CPU's queue can be locked at once.
 */
static int select_task_rq(struct task_struct *p)
{
	int prev = task_cpu(p), cpu;

	if (p->migration_disabled)
		return prev;
	if (cpu_allowed(p, prev) && cpu_rq(prev)->curr == cpu_rq(prev)->idle &&
	    !cpu_rq(prev)->nr_running)
		return prev;
	for_each_online_cpu(cpu)
		if (cpu_allowed(p, cpu) && cpu_rq(cpu)->curr == cpu_rq(cpu)->idle &&
		    !cpu_rq(cpu)->nr_running)
			return cpu;
	return prev;
}

/* Makes @p runnable: a sleeping task, or with @stopped one stopped by a signal. */
static void try_to_wake_up(struct task_struct *p, bool stopped)
{
	unsigned long flags;
	struct rq *rq;
	bool wakes;
	int cpu;

	rq = task_rq_lock(p, &flags);
	if (stopped)
		wakes = p->state == TASK_STOPPED;
	else
		wakes = p->state == TASK_INTERRUPTIBLE ||
			p->state == TASK_UNINTERRUPTIBLE || p->state == TASK_RUNNING;
	if (wakes) {
		p->state = TASK_RUNNING;
		cpu = task_cpu(p);
		if (!p->on_rq && !p->on_cpu) {
			int target = select_task_rq(p);
			struct rq *trq = cpu_rq(target);

			if (target != cpu && spin_trylock(&trq->lock)) {
				p->stack->cpu = target;
				enqueue(trq, p);
				if (trq->curr == trq->idle)
					resched_cpu(trq, target);
				spin_unlock(&trq->lock);
				task_rq_unlock(rq, flags);
				return;
			}
		}
		enqueue(rq, p);
		if (rq->curr == rq->idle)
			resched_cpu(rq, cpu);
	}
	task_rq_unlock(rq, flags);
}

void wake_up_process(struct task_struct *p)
{
	try_to_wake_up(p, false);
}

void wake_up_stopped(struct task_struct *p)
{
	try_to_wake_up(p, true);
}

/*
 * A task on another queue that this CPU (@rq, locked) should run: one
 * not allowed where it is queued, or any waiting one when this CPU has
 * two tasks fewer than that queue (none: it is idle). Moved here.
 */
static struct task_struct *pull_task(struct rq *rq, int this_cpu)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *src = cpu_rq(cpu);
		struct task_struct *p, *found = NULL;

		if (cpu == this_cpu || READ_ONCE(src->nr_running) < 1 ||
		    !spin_trylock(&src->lock))
			continue;
		list_for_each_entry(p, &src->queue, run_list) {
			if (p->on_cpu || p->migration_disabled || !cpu_allowed(p, this_cpu))
				continue;
			if (!cpu_allowed(p, cpu) || src->nr_running >= rq->nr_running + 2) {
				found = p;
				break;
			}
		}
		if (found)
			move_task(src, rq, this_cpu, found);
		spin_unlock(&src->lock);
		if (found)
			return found;
	}
	return NULL;
}

/* The first task on this CPU's queue that may run here, else the idle task. */
static struct task_struct *pick_next_task(struct rq *rq, int cpu)
{
	struct task_struct *p;

	pull_task(rq, cpu);
	list_for_each_entry(p, &rq->queue, run_list)
		if (is_cpu_allowed(p, cpu))
			return p;
	return rq->idle;
}

/*
 * The end of a switch, by the task switched to: @prev is off the CPU
 * from here on (another CPU may take it), the queue lock is let go.
 * Returns the mm a kernel thread @prev borrowed, to give back once the
 * big kernel lock is held again.
 */
static struct mm_struct *finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = cpu_rq(smp_processor_id());
	struct mm_struct *mm = NULL;

	if (!prev->mm && prev->active_mm != &init_mm) {
		mm = prev->active_mm;
		prev->active_mm = &init_mm;
	}
	spin_lock_hand_over(&rq->lock, prev);	/* lock debugging: prev took it */
	smp_store_release(&prev->on_cpu, false);
	do_raw_spin_unlock(&rq->lock);
	return mm;
}

/* A borrowed mm given back, under the big kernel lock (an idle task has it not). */
static void drop_lazy_mm(struct mm_struct *mm)
{
	lock_kernel();
	mmdrop(mm);
	unlock_kernel();
}

/* The second half of a switch, run by the task switched to. */
void schedule_tail(struct task_struct *prev)
{
	struct mm_struct *mm = finish_task_switch(prev);

	local_irq_enable();
	reacquire_kernel_lock(current);
	if (mm)
		drop_lazy_mm(mm);
	/*
	 * A new child's CLONE_CHILD_SETTID word is written here, by the
	 * child in its own address space (a fork's copy, not the parent's);
	 * a word it cannot write is passed over, as on Linux.
	 */
	if (current->set_child_tid)
		(void)put_user(current->pid, (int *)current->set_child_tid);
}

static struct mm_struct *context_switch(struct rq *rq, struct task_struct *prev,
					struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	if (prev->mm)
		sync_mm_rss(prev->mm);	/* prev's cached RSS changes, while it is current */
	if (next->mm) {
		switch_mm(oldmm, next->mm, next);
		next->active_mm = next->mm;
	} else {
		next->active_mm = oldmm;
		if (oldmm != &init_mm)
			mmgrab(oldmm);
	}
	rq->nr_switches++;
	if (unlikely(prev->kmap_ctrl.idx || next->kmap_ctrl.idx))
		kmap_local_sched_switch(prev, next);
	prev = __switch_to(prev->stack, next->stack);
	/* running as next now; prev is who ran before it */
	return finish_task_switch(prev);
}

/*
 * A kernel thread gives back the address space it borrowed and runs on
 * init_mm's tables (kernel mappings only) until it is next switched in.
 * The test runner does so before each case: cases probe user addresses
 * and expect nothing mapped there, whichever process ran last.
 */
void leave_lazy_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->active_mm;
	unsigned long flags;

	if (tsk->mm || mm == &init_mm)
		return;
	local_irq_save(flags);
	switch_mm(mm, &init_mm, tsk);
	tsk->active_mm = &init_mm;
	local_irq_restore(flags);
	mmdrop(mm);
}

/* On each CPU (an IPI): its idle task gives back the mm it borrowed, to @info[cpu]. */
static void idle_leave_lazy_mm(void *info)
{
	struct task_struct *tsk = current;
	struct mm_struct **mms = info;

	if (tsk != cpu_rq(smp_processor_id())->idle || tsk->active_mm == &init_mm)
		return;
	mms[smp_processor_id()] = tsk->active_mm;
	switch_mm(tsk->active_mm, &init_mm, tsk);
	tsk->active_mm = &init_mm;
}

/*
 * The caller and every idle CPU give back the address space they
 * borrowed (lazy TLB): an mm no task uses is then freed, so leakcheck's
 * counts do not depend on which mm an idle CPU last ran. The last
 * references are dropped here, in process context, not in the IPI.
 */
void drop_lazy_mms(void)
{
	struct mm_struct *mms[NR_CPUS] = { NULL };
	int cpu;

	leave_lazy_mm();
	on_each_cpu(idle_leave_lazy_mm, mms, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (mms[cpu])
			mmdrop(mms[cpu]);
}

void stack_guard_check(void)
{
	struct thread_info *ti = current_thread_info();
	unsigned long end = (unsigned long)(end_of_stack(ti) + 1), sp;
	bool smashed = *end_of_stack(ti) != STACK_END_MAGIC;

	asm("mov %0, sp" : "=r" (sp));
	if (likely(!smashed && sp - end >= KSTACK_GUARD_GAP))
		return;
	local_irq_disable();
	if (smashed)
		printk(KERN_EMERG "Kernel stack overflow: the end-of-stack marker at %p "
		       "was overwritten (sp %08lx)\n", end_of_stack(ti), sp);
	else
		printk(KERN_EMERG "Kernel stack overflow: PID %d (%s) sp %08lx is %lu bytes "
		       "above its thread_info\n", ti->task->pid, ti->task->comm, sp, sp - end);
	dump_stack();
	panic("kernel stack overflow");
}

/*
 * Switches to the next task of this CPU's queue. @preempt: the task is
 * preempted, not yielding or going to sleep, so it stays queued whatever
 * state it set on its way to a sleep (it goes on to its own schedule()).
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct mm_struct *mm = NULL;
	int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	stack_guard_check();

	local_irq_save(flags);
	do_raw_spin_lock(&rq->lock);
	release_kernel_lock(prev);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (!preempt && prev->state != TASK_RUNNING) {
		dequeue(rq, prev);
		prev->nvcsw++;
	} else if (prev->on_rq) {
		list_move_tail(&prev->run_list, &rq->queue);	/* round robin */
		prev->nivcsw++;
	}
	next = pick_next_task(rq, cpu);
	if (next->time_slice <= 0)
		next->time_slice = DEFAULT_TIMESLICE;
	if (next != prev) {
		rq->curr = next;
		next->on_cpu = true;
		mm = context_switch(rq, prev, next);
	} else {
		do_raw_spin_unlock(&rq->lock);
	}
	local_irq_restore(flags);
	reacquire_kernel_lock(current);
	if (mm)
		drop_lazy_mm(mm);
}

/*
 * A sleep or a yield. Never with a spinlock held or preemption disabled
 * (nor from an interrupt): the lock would be held for as long as the
 * task sleeps, by no one running. Reported as Linux does, then done.
 */
void schedule(void)
{
	if (unlikely(in_atomic())) {
		printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n",
		       current->comm, current->pid, preempt_count());
		dump_stack();
	}
	__schedule(false);
}

/*
 * From preempt_enable(), at the end of the outermost section with a
 * switch asked for. Not with interrupts masked (the caller's section
 * goes on), nor under the big kernel lock.
 */
void preempt_schedule(void)
{
	if (!preempt_full || !preemptible() || current->lock_depth >= 0)
		return;
	do {
		preempt_disable();	/* __schedule's own lock_kernel() must not preempt */
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * From an interrupt's return into kernel code (entry-armv.S) that ran
 * with interrupts enabled and preempt_count 0, with a switch asked for:
 * the interrupted task is switched out there. Called with interrupts
 * masked, returns so. A task holding the big kernel lock is not
 * preempted: the code under it counts on running until it sleeps.
 */
void preempt_schedule_irq(void)
{
	if (!preempt_full || current->lock_depth >= 0)
		return;
	do {
		preempt_disable();	/* no second preemption by an interrupt in here */
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

void sched_yield(void)
{
	schedule();
}

/*
 * Whether another CPU has a task waiting (queued, not running) that this
 * idle one might take; a racy look, schedule() decides under the locks.
 */
static bool work_elsewhere(int this_cpu)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		if (cpu != this_cpu &&
		    READ_ONCE(rq->nr_running) > (READ_ONCE(rq->curr) != rq->idle))
			return true;
	}
	return false;
}

struct tick_lock_stats tick_lock_stats;	/* CPU 0's tick's only: no atomics */

/*
 * Every tick, on every CPU: account the time and the time slice of the
 * task running there. CPU 0's tick also wakes sleepers whose time came,
 * runs the interval timers and the load average (@global).
 */
void scheduler_tick(bool user_tick, bool global)
{
	struct task_struct *p = current;
	int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);

	if (user_tick)
		p->utime++;
	else
		p->stime++;
	if (global) {
		struct timer_sleeper *s, *tmp;
		u64 now = ktime_get_ns();
		int bkl;

		spin_lock(&sleepers_lock);
		list_for_each_entry_safe(s, tmp, &sleepers, list) {
			if (s->deadline > now)
				break;
			list_del_init(&s->list);
			wake_up_process(s->task);
		}
		spin_unlock(&sleepers_lock);
		/*
		 * Signals and the task list, under the big lock, only tried
		 * at first (linux/smp_lock.h): its holder may be in a long
		 * system call on another CPU (a 64 MiB munmap runs for
		 * milliseconds), through which this CPU would sit here with
		 * interrupts masked. A later tick catches up: the load
		 * average goes by jiffies, the timers by the time, and the
		 * deferred interrupts stay marked.
		 */
		if (tick_lock_stats.misses < TICK_LOCK_TRIES) {
			bkl = irq_trylock_kernel();
		} else {
			bkl = irq_lock_kernel();
			tick_lock_stats.waits += bkl > 0;
		}
		if (bkl < 0) {
			tick_lock_stats.total++;
			if (++tick_lock_stats.misses > tick_lock_stats.most)
				tick_lock_stats.most = tick_lock_stats.misses;
		} else {
			tick_lock_stats.misses = 0;
			calc_global_load();
			itimer_tick(now);
			irq_run_deferred();
			irq_unlock_kernel(bkl);
		}
	}
	if (p == rq->idle) {
		if (READ_ONCE(rq->nr_running) || work_elsewhere(cpu))
			set_tsk_need_resched(p);
		return;
	}
	/*
	 * The process's CPU timers are charged on its way back to user mode,
	 * under the big lock (they may send a signal), as Linux charges its
	 * CPU timers from task work: not here, where waiting for the lock
	 * with interrupts masked could hold up a call-function IPI.
	 */
	if (cpu_itimers_armed(p)) {
		p->itimer_ticks++;
		p->itimer_user_ticks += user_tick;
		set_tsk_thread_flag(p, TIF_NOTIFY_RESUME);
	}
	if (--p->time_slice <= 0)
		set_tsk_need_resched(p);
}

void scheduler_ipi(void)
{
	set_tsk_need_resched(current);
}

void schedule_deadline(u64 deadline)
{
	struct timer_sleeper s = { .deadline = deadline, .task = current };
	struct timer_sleeper *pos;
	unsigned long flags;

	if (deadline == WAIT_FOREVER) {
		schedule();	/* only a wakeup ends it: no timer */
		return;
	}
	spin_lock_irqsave(&sleepers_lock, flags);
	list_for_each_entry(pos, &sleepers, list)
		if (pos->deadline > deadline)
			break;
	list_add_tail(&s.list, &pos->list);
	spin_unlock_irqrestore(&sleepers_lock, flags);
	schedule();
	spin_lock_irqsave(&sleepers_lock, flags);
	if (!list_empty(&s.list))
		list_del(&s.list);	/* woken before its time */
	spin_unlock_irqrestore(&sleepers_lock, flags);
}

bool schedule_timeout_ns(u64 deadline)
{
	while (ktime_get_ns() < deadline && !signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule_deadline(deadline);
	}
	current->state = TASK_RUNNING;
	return ktime_get_ns() >= deadline;
}

void msleep(unsigned long msecs)
{
	schedule_timeout_ns(ktime_get_ns() + msecs * NSEC_PER_MSEC);
}

/*
 * Each CPU's idle task once boot is done: run whatever is runnable, else
 * wait for an interrupt. It holds no big kernel lock, so idle CPUs do
 * not contend for it. CPU 0 looks at every interrupt and releases the
 * tasks that exited (under the lock, if free); the others look when asked to
 * reschedule (a wake-up, a pull to try): a task queued here that may not
 * run here is no reason to spin.
 */
void idle_loop(void)
{
	int cpu = smp_processor_id();

	for (;;) {
		/*
		 * Not waiting for the lock: a task woken here would wait with
		 * it; a pass that finds the lock free does the releasing.
		 */
		if (cpu == 0 && trylock_kernel()) {
			release_dead_tasks();	/* threads and unwaited children that exited */
			unlock_kernel();
		}
		schedule();
		local_irq_disable();
		while (!need_resched()) {
			wfi();		/* an interrupt wakes it, masked or not */
			if (cpu == 0)
				break;
			local_irq_enable();
			local_irq_disable();
		}
		local_irq_enable();
	}
}

void __noreturn secondary_idle(void)
{
	struct rq *rq = cpu_rq(smp_processor_id());

	rq->idle = rq->curr = current;
	/* its queue is ready: the CPU may switch now (fork_idle made it with the count 1) */
	preempt_enable_no_resched();
	idle_loop();
	BUG();
}

/*
 * Sets the CPUs @p may run on. A task left on a CPU it may not use is
 * moved at its next switch; the current task switches at once (its
 * allowed CPUs pull it), so it runs on one of them when this returns.
 */
int set_cpus_allowed(struct task_struct *p, unsigned long mask)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;

	mask &= cpu_online_mask->bits;
	if (!mask)
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	p->cpus_allowed = mask;
	cpu = task_cpu(p);
	if (!cpu_allowed(p, cpu)) {
		if (p->on_cpu)
			resched_cpu(rq, cpu);
		for_each_online_cpu(cpu)	/* someone allowed comes for it */
			if (cpu_allowed(p, cpu) && cpu_rq(cpu)->curr == cpu_rq(cpu)->idle)
				smp_send_reschedule(cpu);
	}
	task_rq_unlock(rq, flags);
	while (p == current && !is_cpu_allowed(p, smp_processor_id())) {
		for_each_online_cpu(cpu)
			if (cpu_allowed(p, cpu))
				smp_send_reschedule(cpu);
		schedule();
	}
	return 0;
}

/* ---- wait queues ---- */

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (!w->entry.next || list_empty(&w->entry))
		list_add_tail(&w->entry, &wq->head);
	current->state = state;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	current->state = TASK_RUNNING;
	spin_lock_irqsave(&wq->lock, flags);
	if (w->entry.next && !list_empty(&w->entry))
		list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(w, next, &wq->head, entry) {
		if (w->func)
			w->func(w);
		else
			wake_up_process(w->task);
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&w->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

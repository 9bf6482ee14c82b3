// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: one run queue of runnable tasks, served round-robin.
 * Each task runs for a time slice of DEFAULT_TIMESLICE ticks; the tick
 * takes one off and asks for a reschedule at zero, which happens when
 * the interrupt returns to user mode (the kernel itself is not
 * preempted: it yields when it sleeps). The idle task, pid 0, is not on
 * the queue: it runs when nothing else can, waiting in WFI.
 *
 * Sleeping: a task sets its state and calls schedule(), which takes it
 * off the queue; wake_up_process() puts it back. Timed sleeps sit on a
 * list of (deadline, task) checked every tick.
 *
 * A switch changes address space only when the next task has an mm of
 * its own; a kernel thread borrows the previous one (active_mm) and
 * holds it with mm_count until it is switched out.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <asm/cp15.h>
#include <asm/mmu_context.h>

static LIST_HEAD(runqueue);
static unsigned long nr_switches;
static unsigned long nr_runnable;

struct timer_sleeper {
	u64 deadline;
	struct task_struct *task;
	struct list_head list;
};

static LIST_HEAD(sleepers);	/* by deadline */

struct task_struct *__switch_to(struct thread_info *prev, struct thread_info *next);

unsigned long nr_running(void)
{
	return nr_runnable;
}

unsigned long nr_context_switches(void)
{
	return nr_switches;
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
	/* the running task is on the run queue: every runnable one counts */
	active = (nr_runnable + nr_uninterruptible()) * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}

static void enqueue(struct task_struct *p)
{
	if (p->on_rq || p == &init_task)
		return;
	list_add_tail(&p->run_list, &runqueue);
	p->on_rq = true;
	nr_runnable++;
}

static void dequeue(struct task_struct *p)
{
	if (!p->on_rq)
		return;
	list_del_init(&p->run_list);
	p->on_rq = false;
	nr_runnable--;
}

/* Makes @p runnable: a sleeping task, or with @stopped one stopped by a signal. */
static void try_to_wake_up(struct task_struct *p, bool stopped)
{
	unsigned long flags;
	bool wakes;

	local_irq_save(flags);
	if (stopped)
		wakes = p->state == TASK_STOPPED;
	else
		wakes = p->state == TASK_INTERRUPTIBLE ||
			p->state == TASK_UNINTERRUPTIBLE || p->state == TASK_RUNNING;
	if (wakes) {
		p->state = TASK_RUNNING;
		enqueue(p);
		if (current == &init_task)
			set_tsk_need_resched(current);
	}
	local_irq_restore(flags);
}

void wake_up_process(struct task_struct *p)
{
	try_to_wake_up(p, false);
}

void wake_up_stopped(struct task_struct *p)
{
	try_to_wake_up(p, true);
}

/* The second half of a switch, run by the task switched to. */
void schedule_tail(struct task_struct *prev)
{
	/* a kernel thread gives back the mm it borrowed */
	if (!prev->mm && prev->active_mm != &init_mm) {
		mmdrop(prev->active_mm);
		prev->active_mm = &init_mm;
	}
	local_irq_enable();
	/*
	 * A new child's CLONE_CHILD_SETTID word is written here, by the
	 * child in its own address space (a fork's copy, not the parent's);
	 * a word it cannot write is passed over, as on Linux.
	 */
	if (current->set_child_tid)
		(void)put_user(current->pid, (int *)current->set_child_tid);
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	if (next->mm) {
		switch_mm(oldmm, next->mm, next);
		next->active_mm = next->mm;
	} else {
		next->active_mm = oldmm;
		if (oldmm != &init_mm)
			mmgrab(oldmm);
	}
	nr_switches++;
	prev = __switch_to(prev->stack, next->stack);
	/* running as next now; prev is who ran before it */
	if (!prev->mm && prev->active_mm != &init_mm) {
		mmdrop(prev->active_mm);
		prev->active_mm = &init_mm;
	}
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

void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	stack_guard_check();

	local_irq_save(flags);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (prev->state != TASK_RUNNING) {
		dequeue(prev);
		prev->nvcsw++;
	} else if (prev->on_rq) {
		list_move_tail(&prev->run_list, &runqueue);	/* round robin */
		prev->nivcsw++;
	}
	next = list_first_entry_or_null(&runqueue, struct task_struct, run_list);
	if (!next)
		next = &init_task;
	if (next->time_slice <= 0)
		next->time_slice = DEFAULT_TIMESLICE;
	if (next != prev)
		context_switch(prev, next);
	local_irq_restore(flags);
}

void sched_yield(void)
{
	schedule();
}

/* Every tick: account the time, wake sleepers whose time came, rotate. */
void scheduler_tick(bool user_tick)
{
	struct task_struct *p = current;
	struct timer_sleeper *s, *tmp;
	u64 now = ktime_get_ns();

	if (user_tick)
		p->utime++;
	else
		p->stime++;
	calc_global_load();
	list_for_each_entry_safe(s, tmp, &sleepers, list) {
		if (s->deadline > now)
			break;
		list_del_init(&s->list);
		wake_up_process(s->task);
	}
	itimer_tick(now, user_tick);
	if (p == &init_task) {
		if (nr_runnable)
			set_tsk_need_resched(p);
		return;
	}
	if (--p->time_slice <= 0)
		set_tsk_need_resched(p);
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
	local_irq_save(flags);
	list_for_each_entry(pos, &sleepers, list)
		if (pos->deadline > deadline)
			break;
	list_add_tail(&s.list, &pos->list);
	schedule();
	if (!list_empty(&s.list))
		list_del(&s.list);	/* woken before its time */
	local_irq_restore(flags);
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

/* pid 0 once boot is done: run whatever is runnable, else wait for an interrupt. */
void idle_loop(void)
{
	for (;;) {
		release_dead_tasks();	/* threads and unwaited children that exited */
		local_irq_disable();
		if (nr_runnable) {
			local_irq_enable();
			schedule();
			continue;
		}
		wfi();		/* an interrupt wakes it, masked or not */
		local_irq_enable();
	}
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

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks. Each has an 8 KiB kernel stack with its thread_info at the
 * bottom, so current is found from sp alone, as on Linux/ARM. A task
 * runs in an mm (user tasks) or, as a kernel thread, in none: it then
 * borrows the previous task's address space as active_mm, holding a
 * reference (mm_count) so the mm cannot go while it is in use.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/cred.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mm_types.h>
#include <linux/signal_types.h>
#include <linux/resource.h>
#include <linux/signal.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/sched.h>
#include <asm/cmpxchg.h>
#include <asm/current.h>
#include <asm/kmap_size.h>
#include <asm/memory.h>
#include <asm/thread_info.h>

#define TASK_COMM_LEN	16
#define _NSIG		64

/* task->state */
#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_STOPPED		4	/* by a stop signal: only SIGCONT or SIGKILL wakes it */
#define EXIT_ZOMBIE		16
#define EXIT_DEAD		32

/* task->flags */
#define PF_KTHREAD	0x00200000	/* a kernel thread: no mm of its own */
#define PF_EXITING	0x00000004
#define PF_FORKNOEXEC	0x00000040	/* forked and not yet exec'd (setpgid's EACCES) */

/* task->jobctl */
#define JOBCTL_STOP_PENDING	(1U << 0)	/* to stop with its group on the way to user mode */

/* group_leader->signal_flags: where the group is in a stop (Linux's signal->flags) */
#define SIGNAL_STOP_STOPPED	0x00000001	/* every thread has stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* continued; wait4(WCONTINUED) not told yet */

#define DEFAULT_TIMESLICE	5	/* ticks: 50 ms at HZ 100 */

struct task_struct;
struct mm_struct;
struct files_struct;
struct fs_struct;
struct completion;
struct tty_struct;

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(unsigned long)];
};

struct k_sigaction {
	unsigned long handler;		/* SIG_DFL 0, SIG_IGN 1, or a user address */
	unsigned long flags;
	unsigned long restorer;
	u64 mask;
};

/*
 * The signal actions of a process: one table shared (counted) by the
 * tasks made with CLONE_SIGHAND, which every thread is; a copy for any
 * other child. Kernel threads share init_sighand.
 */
struct sighand_struct {
	int count;
	struct k_sigaction action[_NSIG];
};

extern struct sighand_struct init_sighand;

/* A process's CPU-time interval timer: what is left of it, in ns of CPU time. */
struct cpu_itimer {
	u64 left;			/* 0: disarmed */
	u64 incr;			/* its interval, 0: one-shot */
};

/* A system call cut short by a signal the task does not see, to go on with. */
struct restart_block {
	long (*fn)(struct restart_block *);	/* NULL: nothing to go on with */
	u64 deadline;				/* nanosleep, poll: the end (ktime_get_ns) */
	void *rmtp;				/* nanosleep: where the time left goes */
	bool rmtp64;				/* ... as a 64-bit time_t timespec */
	void *ufds;				/* poll: its pollfds */
	unsigned int nfds;
};

/*
 * The kmap_local_page() mappings a task holds (Linux's kmap_ctrl): the
 * physical page of each of its slots, bottom of the stack first. They
 * are in this CPU's fixmap slots only while the task runs: a switch
 * clears the outgoing task's and sets the incoming one's (mm/highmem.c),
 * so a task preempted or asleep with some held finds them again, at the
 * same addresses since it cannot migrate meanwhile.
 */
struct kmap_ctrl {
	int idx;			/* slots in use */
	phys_addr_t phys[KM_MAX_IDX];
};

struct task_struct {
	struct thread_info *stack;
	volatile long state;
	unsigned int flags;		/* PF_* */
	int pid;			/* thread id */
	int tgid;			/* process id: the group leader's pid */
	struct task_struct *group_leader; /* the thread group's first task */
	char comm[TASK_COMM_LEN];

	struct mm_struct *mm;		/* NULL for kernel threads */
	struct mm_struct *active_mm;	/* what TTBR0 walks while it runs */

	struct task_struct *parent;
	struct list_head children;	/* of this task */
	struct list_head sibling;	/* in the parent's children */
	struct list_head tasks;		/* all tasks */
	struct list_head run_list;	/* on the runqueue */
	struct list_head dead_list;	/* released after it has switched away */
	bool on_rq;
	bool on_cpu;			/* running, or still being switched away from */
	unsigned long cpus_allowed;	/* the CPUs it may run on, a bit each */
	int migration_disabled;		/* migrate_disable() depth: > 0 stays on its CPU */
	struct kmap_ctrl kmap_ctrl;	/* its kmap_local_page() slots */
	int lock_depth;			/* big kernel lock holds - 1 (linux/smp_lock.h) */
	int time_slice;			/* ticks left */
	unsigned long utime, stime;	/* ticks spent in user / kernel mode */
	unsigned long nvcsw, nivcsw;	/* voluntary / forced context switches */
	unsigned long min_flt;		/* page faults resolved (none waits for I/O: no majors) */
	struct task_rss_stat rss_stat;	/* RSS changes of its faults, not yet in its mm's */
	u64 start_time;			/* ktime_get_ns() when it was made */

	int exit_signal;		/* sent to the parent at exit (SIGCHLD) */
	struct wait_queue_head wait_chldexit;
	unsigned long set_child_tid, clear_child_tid;
	unsigned long robust_list;	/* user struct robust_list_head, or 0 */
	struct completion *vfork_done;	/* a vfork child's parent waits on it */

	/*
	 * Thread-group state, meaningful in the group leader only (Linux
	 * keeps it in signal_struct). The leader stays, a zombie if it
	 * exited first, until the last thread has gone.
	 */
	int group_live;			/* the group's threads not yet exiting */
	bool group_exit;		/* exit_group() or a fatal signal ran */
	int group_exit_code;		/* then: the status every thread exits with;
					 * else, once all have gone, the last one's */
	unsigned int signal_flags;	/* SIGNAL_STOP_* */
	int group_stop_count;		/* threads yet to stop in a group stop */
	int group_stop_code;		/* stopped: 0x7f | sig << 8, until wait4 reports it */
	int pgrp;			/* process group id; 0: the kernel's own group */
	int session;			/* session id; 0: the kernel's own session */
	bool session_leader;		/* made the session with setsid() (Linux's signal->leader) */
	struct tty_struct *tty;		/* the controlling terminal, or NULL */
	/* what its released threads used, and its reaped children, theirs included */
	struct rusage_counts dead_threads, reaped_children;

	u64 pending;			/* signals pending, bit n-1 for n */
	u64 blocked;
	struct list_head sigqueue;	/* siginfos of the pending signals, oldest first */
	u64 saved_sigmask;		/* blocked before rt_sigsuspend */
	bool restore_sigmask;		/* saved_sigmask goes back once a signal is taken */
	bool restart_pending;		/* r0 holds an -ERESTART* of the last call */
	unsigned long sas_ss_sp;	/* the alternate signal stack, size 0: none */
	size_t sas_ss_size;
	u64 it_real_expires;		/* ITIMER_REAL (leader): ktime_get_ns, 0: disarmed */
	u64 it_real_incr;		/* its interval, 0: one-shot */
	struct list_head it_real_node;	/* on itimer_list while armed */
	struct cpu_itimer it[2];	/* ITIMER_VIRTUAL, ITIMER_PROF (leader) */
	/* ticks charged to this task, not yet to its process's CPU timers */
	unsigned int itimer_ticks, itimer_user_ticks;
	struct sighand_struct *sighand;
	unsigned int jobctl;		/* JOBCTL_* */
	struct restart_block restart_block;

	struct nameidata *nameidata;	/* the path walk under way (nd_jump_link) */
	struct files_struct *files;	/* NULL for kernel threads */
	struct fs_struct *fs;		/* root, working directory, umask */
	struct rlimit rlim[RLIM_NLIMITS];	/* the group leader's count (fork copies) */
	struct cred cred;		/* its ids; a reference on cred.user */
	struct lockdep_task lockdep;	/* locks held (lock debugging); else empty */
};

extern union thread_union init_thread_union;
extern struct task_struct init_task;
extern struct list_head task_list;

#define current		(current_thread_info()->task)

/*
 * The word just above a stack's thread_info holds STACK_END_MAGIC: a stack
 * that grows down into its thread_info overwrites that word first.
 * stack_guard_check(), at each schedule() and each interrupt, panics with
 * a report if the word changed or sp came within KSTACK_GUARD_GAP bytes
 * of it, before a corrupted thread_info makes "current" garbage.
 */
#define STACK_END_MAGIC		0x57ac6e9d
#define KSTACK_GUARD_GAP		768

static inline unsigned long *end_of_stack(struct thread_info *ti)
{
	return (unsigned long *)(ti + 1);
}

void stack_guard_check(void);

static inline bool on_task_stack(unsigned long sp)
{
	return sp - (unsigned long)current_thread_info() < THREAD_SIZE;
}

/* Whether @t has something to do about signals: one to take, or a group stop. */
static inline bool signal_pending(struct task_struct *t)
{
	return (t->pending & ~t->blocked) || (t->jobctl & JOBCTL_STOP_PENDING);
}

/* A fatal signal is on its way: the task will not go back to user mode. */
static inline bool fatal_signal_pending(struct task_struct *t)
{
	return t->pending & sigmask(SIGKILL);
}

/*
 * Before testing the condition it sleeps on, a task marks itself
 * sleeping with set_current_state(): the barrier orders that mark before
 * the test, so a waker that makes the condition true and then wakes the
 * task either is seen by the test or finds the task marked and wakes it.
 */
#define __set_current_state(s)	WRITE_ONCE(current->state, (s))
#define set_current_state(s)	do { WRITE_ONCE(current->state, (s)); smp_mb(); } while (0)

/* Atomic: another CPU may set a flag of the task this one runs. */
static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	__fetch_or((volatile u32 *)&t->stack->flags, 1U << flag);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	__fetch_andnot((volatile u32 *)&t->stack->flags, 1U << flag);
}

static inline bool test_tsk_thread_flag(struct task_struct *t, int flag)
{
	return t->stack->flags & (1UL << flag);
}

static inline void set_tsk_need_resched(struct task_struct *t)
{
	set_tsk_thread_flag(t, TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return current_thread_info()->flags & _TIF_NEED_RESCHED;
}

/* The process group and session of @t's process (kept in its group leader). */
static inline int task_pgrp_nr(struct task_struct *t)
{
	return t->group_leader->pgrp;
}

static inline int task_session_nr(struct task_struct *t)
{
	return t->group_leader->session;
}

static inline int task_cpu(const struct task_struct *p)
{
	return p->stack->cpu;
}

/*
 * Between these the current task stays on the CPU it is on, though it
 * may sleep or be preempted: the scheduler neither pulls it elsewhere
 * nor wakes it on another CPU (kernel/sched.c). For per-CPU resources
 * held across a sleep, such as kmap_local_page()'s fixmap slots. Only
 * the task itself (or an interrupt on its CPU, which undoes its change
 * before returning) changes the count: no atomics needed.
 */
static inline void migrate_disable(void)
{
	current->migration_disabled++;
}

static inline void migrate_enable(void)
{
	current->migration_disabled--;
}

/* ---- kernel/sched.c ---- */
void sched_init(void);
/* Where a secondary CPU goes once it is up: it runs tasks from then on. */
void __noreturn secondary_idle(void);
/* -EINVAL if @mask holds no CPU that is online; moves @p off a CPU left out. */
int set_cpus_allowed(struct task_struct *p, unsigned long mask);
/* The reschedule IPI: this CPU looks at its run queue. */
void scheduler_ipi(void);
void schedule(void);
void scheduler_tick(bool user_tick, bool global);
void wake_up_process(struct task_struct *p);
/* Wakes @p if it is TASK_STOPPED (SIGCONT, SIGKILL), which wake_up_process leaves. */
void wake_up_stopped(struct task_struct *p);
void sched_yield(void);
void msleep(unsigned long msecs);
/* Sleeps until @deadline (ns, ktime_get_ns clock); false if a signal came. */
bool schedule_timeout_ns(u64 deadline);
/* One sleep in the state the caller set: until woken, or at the latest until @deadline. */
void schedule_deadline(u64 deadline);
void idle_loop(void);
void leave_lazy_mm(void);
void drop_lazy_mms(void);
unsigned long nr_running(void);
unsigned long nr_context_switches(void);
/* Tasks in TASK_UNINTERRUPTIBLE (procs_blocked, and the load average). */
unsigned long nr_uninterruptible(void);

/*
 * The load average (Linux's calc_global_load): every LOAD_FREQ ticks,
 * the runnable and uninterruptible tasks are folded into three
 * exponentially decaying averages over 1, 5 and 15 minutes, fixed point
 * with FSHIFT fractional bits.
 */
#define FSHIFT		11
#define FIXED_1		(1 << FSHIFT)
#define LOAD_FREQ	(5 * HZ + 1)
#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
extern unsigned long avenrun[3];

/* ---- kernel/fork.c, kernel/exit.c ---- */
struct task_struct *kthread_create(int (*fn)(void *), void *arg, const char *name);
struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name);
struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *name);
struct task_struct *fork_idle(int cpu);
void free_idle(struct task_struct *p);
struct task_struct *find_task_by_pid(int pid);
/*
 * Address-space lifetimes (kernel/fork.c): mm_users counts the tasks
 * using an mm (its VMAs and pages go at 0, exit_mmap), mm_count the
 * references that keep the struct and its pgd (one for all the users,
 * one per kernel thread borrowing it as active_mm).
 */
struct pt_regs;
/* fork, vfork and clone: the child's pid, or -errno. @regs: the caller's user frame. */
long kernel_clone(unsigned long flags, unsigned long newsp, int *parent_tid,
		  unsigned long tls, int *child_tid, struct pt_regs *regs);

struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);
/*
 * @tsk's mm with a user reference, for looking at it from another task
 * across a sleep (mmap_lock); NULL if it has none. Give it back with mmput.
 */
struct mm_struct *get_task_mm(struct task_struct *tsk);
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
void mm_release(struct task_struct *tsk);
void free_task(struct task_struct *p);
/* Gives @tsk its own copy of a shared sighand (exec); -ENOMEM. */
int unshare_sighand(struct task_struct *tsk);

void __noreturn do_exit(int code);
void release_dead_tasks(void);
struct task_struct *find_alive_thread(struct task_struct *tsk);
int de_thread(struct task_struct *tsk);
void __noreturn do_group_exit(int code);
void release_task(struct task_struct *p);
#define PID_MAX		32768	/* the most kernel.pid_max may be (Linux's on 32 bits) */
#define PID_MAX_MIN	301	/* the least */
#define RESERVED_PIDS	300	/* once pids wrapped, those below are not given again */
extern int pid_max;		/* kernel.pid_max: pids are below it */
/* A free pid, the next after the last given: -EAGAIN when none is below pid_max. */
int alloc_pid(void);
/* Whether no member of process group @pgrp has its parent elsewhere in its session. */
bool is_current_pgrp_orphaned(void);
/* Tasks that exist. */
unsigned long nr_tasks(void);
/* Tasks made since boot (/proc/stat's processes). */
extern unsigned long total_forks;
/* The pid given last (/proc/loadavg). */
int last_pid_nr(void);

#endif

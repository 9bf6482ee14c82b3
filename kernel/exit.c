// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks. do_exit() gives up the address space (exit_mm: mmput,
 * and a kernel thread's borrowed mm stays until it is switched out),
 * closes files, hands children to the reaper (pid 1, or the idle task
 * when there is none), and becomes a zombie holding only its exit status
 * until its parent waits for it (wait4); a parent that ignores SIGCHLD
 * never sees zombies: they are released at once, as on Linux.
 *
 * Threads (CLONE_THREAD) are never waited for: each is released as it
 * exits. The process is its group leader; its parent hears of it when
 * the last thread of the group has gone, with the group's exit code if
 * exit_group() or a fatal signal ended it, else the code of the thread
 * that went last (what Linux reports, even when the leader left first
 * with another).
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <asm/barrier.h>
#include <asm/irqflags.h>


/* Who adopts orphans: pid 1 if it exists, else the idle task. */
static struct task_struct *child_reaper(void)
{
	struct task_struct *init = find_task_by_pid(1);

	return init && init->state != EXIT_ZOMBIE && init != current ? init : &init_task;
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	sync_mm_rss(mm);	/* any the robust list and ctid faulted in since */
	/* keep running on it as a borrowed mm until the switch away */
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	if (tsk->files) {
		put_files_struct(tsk->files);
		tsk->files = NULL;
	}
}

void release_task(struct task_struct *p)
{
	/*
	 * A zombie reaped from another CPU may still be switching away from
	 * its stack there (it gave up the big kernel lock in schedule()).
	 */
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();
	/* a thread's usage stays its process's (a leader's goes with its group) */
	if (p != p->group_leader)
		account_released_task(p->group_leader, p);
	list_del(&p->sibling);
	list_del(&p->tasks);
	free_task(p);
}

/* Another thread of @tsk's group that is not exiting, or NULL. */
struct task_struct *find_alive_thread(struct task_struct *tsk)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t != tsk && t->group_leader == tsk->group_leader &&
		    !(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/* The kernel's shell: pid 1 as a kernel thread leading the console's session. */
static bool is_kernel_shell(struct task_struct *t)
{
	return (t->flags & PF_KTHREAD) && t->group_leader->session_leader;
}

/*
 * Whether process group @pgrp is orphaned, or would be without @ignored:
 * no live member has a parent in another group of the same session (a
 * parent that is init does not count, as on Linux; the kernel's shell,
 * which controls jobs, does). Job control needs such a parent: only it
 * could continue a stopped member.
 */
static bool will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		struct task_struct *parent = p->parent;

		if (p != p->group_leader || p->pgrp != pgrp || p == ignored ||
		    p->state == EXIT_ZOMBIE || p->state == EXIT_DEAD || !parent ||
		    (parent->tgid == 1 && !is_kernel_shell(parent)))
			continue;
		parent = parent->group_leader;
		if (parent->pgrp != pgrp && parent->session == p->session)
			return false;
	}
	return true;
}

bool is_current_pgrp_orphaned(void)
{
	return will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
}

static bool has_stopped_jobs(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p == p->group_leader && p->pgrp == pgrp &&
		    (p->signal_flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * POSIX: a process group that becomes orphaned with a stopped member
 * gets SIGHUP then SIGCONT, or it would stay stopped for ever. @tsk's
 * group lost its tie outside either because @tsk exits (@parent NULL:
 * its own parent was that tie) or because @parent, @tsk's parent in
 * another group, exits.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	struct task_struct *ignored = tsk;

	if (!parent)
		parent = tsk->parent;
	else
		ignored = NULL;
	if (!parent)
		return;
	parent = parent->group_leader;
	if (parent->pgrp != tsk->pgrp && parent->session == tsk->session &&
	    will_become_orphaned_pgrp(tsk->pgrp, ignored) && has_stopped_jobs(tsk->pgrp)) {
		kill_pgrp(tsk->pgrp, SIGHUP);
		kill_pgrp(tsk->pgrp, SIGCONT);
	}
}

/* The children of an exiting task go to a live thread of its group, or to pid 1. */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = find_alive_thread(father), *p, *tmp;

	if (!reaper)
		reaper = child_reaper();

	list_for_each_entry_safe(p, tmp, &father->children, sibling) {
		p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		if (p->state == EXIT_ZOMBIE)
			wake_up(&reaper->wait_chldexit);
		if (p == p->group_leader && p->state != EXIT_DEAD)
			kill_orphaned_pgrp(p, father);
	}
}

/*
 * Tasks nobody waits for (threads, children of a parent that ignores
 * SIGCHLD): freed once they have switched away, by the next exit or
 * wait4, or by the idle task.
 */
static LIST_HEAD(dead_tasks);

/* Tells @p's parent that the process @p leads is gone, or releases it. */
static void notify_parent(struct task_struct *p)
{
	struct task_struct *parent = p->parent;

	if (p->exit_signal < 0 || parent == &init_task ||
	    parent->sighand->action[SIGCHLD - 1].handler == (unsigned long)SIG_IGN) {
		p->state = EXIT_DEAD;		/* nobody will wait: autoreap */
		list_add_tail(&p->dead_list, &dead_tasks);
		return;
	}
	p->state = EXIT_ZOMBIE;
	if (p->exit_signal) {
		int code = p->group_exit_code;	/* a wait status */
		struct kernel_siginfo info = {
			.si_code = code & 0x7f ? CLD_KILLED : CLD_EXITED,
			.fields = { p->tgid, 0, code & 0x7f ? code & 0x7f : (code >> 8) & 0xff },
		};

		send_signal_info(parent, p->exit_signal, &info);
	}
	wake_up(&parent->wait_chldexit);
}

static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_struct *leader = tsk->group_leader;

	forget_original_parent(tsk);
	if (group_dead)
		kill_orphaned_pgrp(leader, NULL);
	if (tsk != leader) {
		/* a thread: released at once; the last one reports the process */
		tsk->state = EXIT_DEAD;
		list_add_tail(&tsk->dead_list, &dead_tasks);
		if (group_dead)
			notify_parent(leader);
		return;
	}
	if (group_dead)
		notify_parent(tsk);
	else
		tsk->state = EXIT_ZOMBIE;	/* reported when its threads are gone */
}

void release_dead_tasks(void)
{
	struct task_struct *p, *tmp;
	unsigned long flags;
	LIST_HEAD(reap);

	local_irq_save(flags);
	list_for_each_entry_safe(p, tmp, &dead_tasks, dead_list) {
		if (p == current || smp_load_acquire(&p->on_cpu))
			continue;	/* still on its stack, here or on another CPU */
		list_move_tail(&p->dead_list, &reap);
	}
	local_irq_restore(flags);
	/* interrupts as the caller had them: freeing a stack flushes the TLBs */
	list_for_each_entry_safe(p, tmp, &reap, dead_list) {
		list_del(&p->dead_list);
		release_task(p);
	}
}

void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current, *leader = tsk->group_leader;
	bool group_dead;

	tsk->flags |= PF_EXITING;
	exit_signals(tsk);	/* not to be waited for in a group stop */
	if (tsk->pid == 1) {
		/* Linux panics here; a teaching kernel says so and powers off */
		pr_notice("init exited with status %#x: powering off\n", code);
		machine_power_off();
	}
	if (tsk->mm) {
		/* its RSS changes count before a joiner can look (as Linux) */
		sync_mm_rss(tsk->mm);
		exit_robust_list(tsk);	/* the locks it dies holding */
	}
	if (tsk->clear_child_tid && tsk->mm) {
		u32 zero = 0;

		/* a thread's exit is what joiners wait for: clear and wake */
		if (!copy_to_user((void *)tsk->clear_child_tid, &zero, sizeof(zero)))
			futex_wake((u32 *)tsk->clear_child_tid, true, 1);
	}
	mm_release(tsk);
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	release_dead_tasks();
	local_irq_disable();
	group_dead = --leader->group_live == 0;
	if (group_dead) {
		exit_itimers(leader);
		disassociate_ctty(true);	/* a session leader's end hangs up its terminal */
	}
	if (group_dead && !leader->group_exit)
		leader->group_exit_code = code;
	exit_notify(tsk, group_dead);
	schedule();
	BUG();	/* a zombie never runs again */
}

/*
 * The group of @tsk exits with @code (Linux's zap_other_threads): the
 * other threads get SIGKILL, and take that code on their way out.
 */
static void zap_other_threads(struct task_struct *tsk, int code)
{
	struct task_struct *leader = tsk->group_leader, *t;

	leader->group_exit = true;
	leader->group_exit_code = code;
	list_for_each_entry(t, &task_list, tasks)
		if (t != tsk && t->group_leader == leader && !(t->flags & PF_EXITING))
			send_signal(t, SIGKILL);
}

/* exit_group(), and death by a signal: every thread exits with @code. */
void __noreturn do_group_exit(int code)
{
	struct task_struct *leader = current->group_leader;

	if (leader->group_exit)
		code = leader->group_exit_code;	/* another thread began it */
	else
		zap_other_threads(current, code);
	do_exit(code);
}

/*
 * exec in a process with threads (Linux's de_thread): the other threads
 * are killed and waited for, and a thread that is not the leader takes
 * the leader's place and pid, so the process keeps its pid and parent.
 * -EINTR if the process is being killed meanwhile (the exec is dropped).
 */
int de_thread(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;
	int pid;

	if (leader == tsk && leader->group_live == 1)
		return 0;
	if (leader->group_exit)
		return -EINTR;
	/* as a group exit, so the others only go, without killing us too */
	zap_other_threads(tsk, SIGKILL);
	while (leader->group_live > 1) {
		if (tsk->pending & sigmask(SIGKILL))
			return -EINTR;
		schedule();	/* they run to their exit */
	}
	if (leader == tsk) {
		leader->group_exit = false;
		return 0;
	}
	/* the old leader is a zombie nobody was told of: take its place */
	release_dead_tasks();	/* the other threads point at it */
	pid = leader->pid;
	leader->pid = tsk->pid;
	tsk->pid = pid;
	tsk->exit_signal = leader->exit_signal;
	tsk->group_leader = tsk;
	tsk->group_live = 1;
	tsk->pgrp = leader->pgrp;
	tsk->session = leader->session;
	tsk->session_leader = leader->session_leader;
	tsk->tty = leader->tty;
	tsk->group_exit = false;
	tsk->dead_threads = leader->dead_threads;
	tsk->reaped_children = leader->reaped_children;
	account_released_task(tsk, leader);
	release_task(leader);
	return 0;
}

/* Whether the process @p leads has ended: its leader a zombie, its threads gone. */
static bool process_exited(struct task_struct *p)
{
	return p->state == EXIT_ZOMBIE && !p->group_live;
}

/*
 * What wait4 has to tell of the process @p leads, as a wait status:
 * that it exited; with WUNTRACED that it stopped (0x7f | sig << 8), with
 * WCONTINUED that it went on (0xffff), each of these two told once.
 * -1 when there is nothing to tell.
 */
static int wait_task_status(struct task_struct *p, int options)
{
	int st;

	if (process_exited(p))
		return options & WEXITED ? p->group_exit_code : -1;
	if ((options & WUNTRACED) && (p->signal_flags & SIGNAL_STOP_STOPPED) &&
	    p->group_stop_code) {
		st = p->group_stop_code;
		if (!(options & WNOWAIT))
			p->group_stop_code = 0;
		return st;
	}
	if ((options & WCONTINUED) && (p->signal_flags & SIGNAL_STOP_CONTINUED)) {
		if (!(options & WNOWAIT))
			p->signal_flags &= ~SIGNAL_STOP_CONTINUED;
		return 0xffff;
	}
	return -1;
}

/*
 * wait4 and waitid: a child matching @pid (-1: any, 0: one in the
 * caller's process group, below -1: one in group -@pid) with something
 * to tell (see wait_task_status: an end with WEXITED, which wait4 always
 * asks), its status and pid; a child that exited is released, unless
 * WNOWAIT. 0 with WNOHANG when children are there but none has anything
 * to tell; -ECHILD when there are none to wait for.
 */
long do_wait(int pid, int *status, int options, struct rusage *ru)
{
	struct task_struct *tsk = current;
	struct wait_queue_entry w = { .task = tsk };
	long ret;

	release_dead_tasks();
	for (;;) {
		struct task_struct *p, *found = NULL;
		bool any = false;
		int st = -1;

		prepare_to_wait(&tsk->wait_chldexit, &w, TASK_INTERRUPTIBLE);
		list_for_each_entry(p, &tsk->children, sibling) {
			if (p != p->group_leader)
				continue;	/* a thread: not waited for */
			if (pid > 0 && p->pid != pid)
				continue;
			if (pid < -1 && p->pgrp != -pid)
				continue;
			if (!pid && p->pgrp != task_pgrp_nr(tsk))
				continue;
			any = true;
			st = wait_task_status(p, options);
			if (st >= 0) {
				found = p;
				break;
			}
		}
		if (found) {
			*status = st;
			if (ru)
				getrusage(found, RUSAGE_BOTH, ru);
			ret = found->pid;
			if (process_exited(found) && !(options & WNOWAIT)) {
				account_reaped_child(tsk, found);
				release_task(found);
			}
			break;
		}
		if (!any) {
			ret = -ECHILD;
			break;
		}
		if (options & WNOHANG) {
			ret = 0;
			break;
		}
		if (signal_pending(tsk)) {
			ret = -ERESTARTSYS;	/* -EINTR once a handler without SA_RESTART runs */
			break;
		}
		schedule();
	}
	finish_wait(&tsk->wait_chldexit, &w);
	return ret;
}

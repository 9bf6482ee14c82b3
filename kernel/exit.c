// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks. do_exit() gives up the address space (exit_mm: mmput,
 * and a kernel thread's borrowed mm stays until it is switched out),
 * closes files, hands children to the reaper (pid 1, or the idle task
 * when there is none), and becomes a zombie holding only its exit status
 * until its parent waits for it (wait4); a parent that ignores SIGCHLD
 * never sees zombies: they are released at once, as on Linux.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>

void mmput(struct mm_struct *mm);
void mmgrab(struct mm_struct *mm);
void free_task(struct task_struct *p);

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
	/* keep running on it as a borrowed mm until the switch away */
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++) {
		if (tsk->files[fd]) {
			file_put(tsk->files[fd]);
			tsk->files[fd] = NULL;
		}
	}
}

void release_task(struct task_struct *p)
{
	list_del(&p->sibling);
	list_del(&p->tasks);
	free_task(p);
}

static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = child_reaper(), *p, *tmp;

	list_for_each_entry_safe(p, tmp, &father->children, sibling) {
		p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		if (p->state == EXIT_ZOMBIE)
			wake_up(&reaper->wait_chldexit);
	}
}

static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->parent;

	forget_original_parent(tsk);
	if (parent->action[SIGCHLD - 1].handler == (unsigned long)SIG_IGN ||
	    parent == &init_task) {
		tsk->state = EXIT_DEAD;		/* nobody will wait: autoreap */
		return;
	}
	tsk->state = EXIT_ZOMBIE;
	send_signal(parent, SIGCHLD);
	wake_up(&parent->wait_chldexit);
}

/* Zombies whose parent is gone or never waits: freed by the next task. */
static LIST_HEAD(dead_tasks);

static void reap_dead(void)
{
	struct task_struct *p, *tmp;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry_safe(p, tmp, &dead_tasks, run_list) {
		if (p == current)
			continue;
		list_del(&p->run_list);
		release_task(p);
	}
	local_irq_restore(flags);
}

void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;

	tsk->flags |= PF_EXITING;
	if (tsk->clear_child_tid && tsk->mm) {
		u32 zero = 0;

		/* a thread's exit is what joiners wait for: clear and wake */
		if (!copy_to_user((void *)tsk->clear_child_tid, &zero, sizeof(zero)))
			futex_wake(tsk->clear_child_tid, 1);
	}
	exit_mm(tsk);
	exit_files(tsk);
	reap_dead();
	local_irq_disable();
	tsk->exit_code = code;
	exit_notify(tsk);
	if (tsk->state == EXIT_DEAD)
		list_add_tail(&tsk->run_list, &dead_tasks);
	schedule();
	BUG();	/* a zombie never runs again */
}

/*
 * wait4: a zombie child matching @pid (-1: any), its status and pid;
 * 0 with WNOHANG when children are alive but none has exited; -ECHILD
 * when there are none to wait for.
 */
long do_wait(int pid, int *status, int options)
{
	struct task_struct *tsk = current;
	struct wait_queue_entry w = { .task = tsk };
	long ret;

	reap_dead();
	for (;;) {
		struct task_struct *p, *found = NULL;
		bool any = false;

		prepare_to_wait(&tsk->wait_chldexit, &w, TASK_INTERRUPTIBLE);
		list_for_each_entry(p, &tsk->children, sibling) {
			if (pid > 0 && p->pid != pid)
				continue;
			any = true;
			if (p->state == EXIT_ZOMBIE) {
				found = p;
				break;
			}
		}
		if (found) {
			*status = found->exit_code;
			ret = found->pid;
			release_task(found);
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
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&tsk->wait_chldexit, &w);
	return ret;
}

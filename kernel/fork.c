// SPDX-License-Identifier: GPL-2.0
/*
 * Making tasks and address spaces.
 *
 * Every task has a pid from a bitmap, a task_struct from its slab cache
 * and an 8 KiB stack. A kernel thread runs a function and has no mm.
 *
 * An mm_struct counts its users (mm_users: tasks running in it) and its
 * references (mm_count: the users together hold one, a kernel thread
 * that borrowed it as active_mm holds another). mmput() drops a user:
 * at zero the VMAs and pages go (exit_mmap); mmdrop() drops a reference:
 * at zero the page directory and the struct go.
 */
#include <linux/binfmts.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/tlbflush.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

LIST_HEAD(task_list);
static unsigned long pid_map[PID_MAX / (8 * sizeof(unsigned long))];
static int last_pid;
int pid_max = PID_MAX;
static unsigned long total_tasks;
unsigned long total_forks;
static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *mm_cachep;

unsigned long nr_tasks(void)
{
	return total_tasks;
}

int last_pid_nr(void)
{
	return last_pid;
}

/*
 * Whether a process group or session still bears the number @nr: it is
 * not given out again until they are gone (Linux keeps such a struct
 * pid alive), or a new process would find itself named a group leader.
 */
static bool pid_names_group(int nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p == p->group_leader && (p->pgrp == nr || p->session == nr))
			return true;
	return false;
}

/*
 * Counting up from the last pid given to pid_max, then from the bottom:
 * 1, or RESERVED_PIDS once the count has gone past it, as Linux keeps
 * the low pids of early daemons (pid_max may have been lowered below
 * pids still in use: they are passed over).
 */
int alloc_pid(void)
{
	int low = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
	int i, pid = last_pid;

	for (i = 0; i < pid_max; i++) {
		unsigned long *w, bit;

		if (++pid >= pid_max)
			pid = low;
		w = &pid_map[pid / (8 * sizeof(unsigned long))];
		bit = 1UL << (pid % (8 * sizeof(unsigned long)));
		if (!(*w & bit) && !pid_names_group(pid)) {
			*w |= bit;
			last_pid = pid;
			return pid;
		}
	}
	return -EAGAIN;
}

static void free_pid(int pid)
{
	pid_map[pid / (8 * sizeof(unsigned long))] &= ~(1UL << (pid % (8 * sizeof(unsigned long))));
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* ---- mm_struct ---- */

/*
 * Atomic: a CPU switching to a kernel thread or its idle task grabs the
 * mm it leaves without the big kernel lock. The last drop frees under it.
 */
void mmgrab(struct mm_struct *mm)
{
	__fetch_add((volatile u32 *)&mm->mm_count, 1);
}

void mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	if (__fetch_sub((volatile u32 *)&mm->mm_count, 1) != 1)
		return;
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users)
		return;
	if (mm->exe_file)
		exe_file_put(mm->exe_file);
	mm->exe_file = NULL;
	exit_mmap(mm);
	mmdrop(mm);
}

/* mm_users changes under the big kernel lock, as the task's mm does. */
struct mm_struct *get_task_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (mm)
		mm->mm_users++;
	return mm;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm;

	if (!mm_cachep)
		mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
					      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	mm->mm_count = 1;
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	mm->task_size = TASK_SIZE;
	/* mmap space ends a stack's worth (8 MiB) and a gap below the stack top */
	mm->mmap_base = STACK_TOP - (8UL << 20) - STACK_GUARD_GAP;
	init_new_context(mm);
	return mm;
}

/* ---- tasks ---- */

static struct task_struct *alloc_task(void)
{
	struct task_struct *p;

	if (!task_struct_cachep)
		task_struct_cachep = kmem_cache_create("task_struct",
						       sizeof(struct task_struct), 0,
						       SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	p = kmem_cache_zalloc(task_struct_cachep, GFP_KERNEL);
	if (!p)
		return NULL;
	p->stack = alloc_thread_stack(p);
	if (!p->stack) {
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	p->stack->cpu = current_thread_info()->cpu;
	INIT_LIST_HEAD(&p->sigqueue);
	return p;
}

/* Drops a task's hold on a table of signal actions. */
static void cleanup_sighand(struct sighand_struct *sighand)
{
	if (!--sighand->count)
		kfree(sighand);
}

/*
 * The last of a task: what it still holds (a child that never ran still
 * has its tables; an exiting task gave up its files in do_exit), its
 * pid and its stack.
 */
void free_task(struct task_struct *p)
{
	if (p->files)
		put_files_struct(p->files);
	exit_fs(p);
	if (p->sighand)
		cleanup_sighand(p->sighand);
	flush_sigqueue(p);
	free_pid(p->pid);
	p->cred.user->processes--;
	free_uid(p->cred.user);
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
	total_tasks--;
}

/*
 * A new task, child of current, not yet runnable: pid, stack, lists.
 * The caller gives it its mm (or none) and its first registers.
 */
struct task_struct *new_task(const char *name)
{
	struct task_struct *p = alloc_task();
	int pid;

	if (!p)
		return NULL;
	pid = alloc_pid();
	if (pid < 0) {
		free_thread_stack(p->stack);
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	p->pid = p->tgid = pid;
	p->group_leader = p;
	p->group_live = 1;
	p->state = TASK_RUNNING;
	snprintf(p->comm, sizeof(p->comm), "%s", name);
	p->parent = current;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->run_list);
	init_waitqueue_head(&p->wait_chldexit);
	p->exit_signal = 17;	/* SIGCHLD */
	p->cred = current->cred;
	get_uid(p->cred.user)->processes++;
	memcpy(p->rlim, current->group_leader->rlim, sizeof(p->rlim));
	/* the process group, session and terminal are inherited; leading a session is not */
	p->pgrp = current->group_leader->pgrp;
	p->session = current->group_leader->session;
	p->tty = current->group_leader->tty;
	p->active_mm = &init_mm;
	p->cpus_allowed = current->cpus_allowed;
	p->lock_depth = 0;	/* schedule_tail takes the big kernel lock for it */
	p->time_slice = DEFAULT_TIMESLICE;
	p->start_time = ktime_get_ns();
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &task_list);
	total_tasks++;
	total_forks++;
	return p;
}

/*
 * The idle task of secondary CPU @cpu: pid 0 as the boot CPU's, a kernel
 * thread on init_mm, on no list (no one waits for or signals it). Its
 * stack is where the CPU starts (arch/arm/kernel/smp.c).
 */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *p = alloc_task();

	if (!p)
		return NULL;
	p->stack->cpu = cpu;
	p->stack->preempt_count = 1;	/* not preempted before secondary_idle() */
	p->state = TASK_RUNNING;
	p->flags = PF_KTHREAD;
	p->on_cpu = true;	/* it is what the CPU runs when nothing else */
	p->cpus_allowed = 1UL << cpu;
	p->lock_depth = -1;
	snprintf(p->comm, sizeof(p->comm), "swapper/%d", cpu);
	p->cred = init_task.cred;	/* root's, as the boot CPU's idle task (never freed) */
	p->active_mm = &init_mm;
	p->parent = &init_task;
	p->group_leader = p;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->run_list);
	init_waitqueue_head(&p->wait_chldexit);
	p->sighand = &init_sighand;
	init_sighand.count++;
	return p;
}

/* An idle task whose CPU never started. */
void free_idle(struct task_struct *p)
{
	init_sighand.count--;
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
}

/* Runs @fn(@arg) in a new kernel thread; at its return the thread exits. */
static int kthread_trampoline(void *data)
{
	int (**fnarg)(void *) = data;
	int (*fn)(void *) = fnarg[0];
	void *arg = (void *)fnarg[1];

	kfree(data);
	do_exit(fn(arg) & 0xff);
}

/* A kernel thread about to start in @fn(@arg); kernel threads share init_sighand. */
static struct task_struct *new_kthread(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = new_task(name);

	if (!p)
		return NULL;
	p->flags = PF_KTHREAD;
	/*
	 * On the boot CPU, which takes the device interrupts: kernel code
	 * that polls for what an interrupt brings (the shell, the tests)
	 * then sees it come while it holds the big kernel lock.
	 */
	p->cpus_allowed = 1;
	p->sighand = &init_sighand;
	init_sighand.count++;
	p->fs = &init_fs;
	init_fs.users++;
	copy_thread(p, fn, arg, NULL, 0, 0);
	return p;
}

struct task_struct *kthread_create(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p;
	void **fnarg = kmalloc(2 * sizeof(void *), GFP_KERNEL);

	if (!fnarg)
		return NULL;
	fnarg[0] = (void *)fn;
	fnarg[1] = arg;
	p = new_kthread(kthread_trampoline, fnarg, name);
	if (!p) {
		kfree(fnarg);
		return NULL;
	}
	p->state = TASK_UNINTERRUPTIBLE;
	return p;
}

/*
 * A task that starts in @fn(@arg) in the kernel and whose @fn only
 * returns once it has exec'd a program: it then leaves for user mode
 * (the shell's run, init). Runnable at once.
 */
struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = new_kthread(fn, arg, name);

	if (p)
		wake_up_process(p);
	return p;
}

struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = kthread_create(fn, arg, name);

	if (p)
		wake_up_process(p);
	return p;
}

/* ---- fork ---- */


int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);

/*
 * The child's address space: every VMA copied, and the page tables of
 * each (copy_page_range write-protects private writable pages in both,
 * so the first write of either side copies: no page is copied here).
 * The parent's mmap_lock is held for writing throughout, as Linux's
 * dup_mmap: no fault of its other threads may slip a page in behind the
 * copy, nor change a pte being write-protected.
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	mm->mmap_base = oldmm->mmap_base;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->sigpage = oldmm->sigpage;
	mm->exe_file = oldmm->exe_file ? get_file(oldmm->exe_file) : NULL;
	if (mm->exe_file)
		deny_write_access(mm->exe_file);	/* as the parent's: no writer can be there */
	mmap_write_lock(oldmm);
	sync_mm_rss(oldmm);
	mm->hiwater_rss = get_mm_rss(oldmm);
	for (vma = oldmm->mmap; vma; vma = vma->vm_next) {
		struct vm_area_struct *new = vm_area_dup(vma);

		if (!new || insert_vm_struct(mm, new)) {
			if (new)
				vm_area_free(new);
			goto fail;
		}
		new->vm_mm = mm;
		if (copy_page_range(mm, oldmm, vma))
			goto fail;
	}
	flush_tlb_mm(oldmm);	/* the parent's write-protected ptes */
	mmap_write_unlock(oldmm);
	return mm;
fail:
	flush_tlb_mm(oldmm);
	mmap_write_unlock(oldmm);
	mmput(mm);
	return NULL;
}

/*
 * At exec or at exit, the address space is being left: the robust list
 * points into it (exec runs this on the new mm, so unlike Linux it does
 * not mark the locks of the old one), and the child of a vfork releases
 * its parent.
 */
void mm_release(struct task_struct *tsk)
{
	struct completion *vfork = tsk->vfork_done;

	tsk->robust_list = 0;
	if (!vfork)
		return;
	tsk->vfork_done = NULL;
	complete(vfork);
}

/* The child's fd table: the parent's own with CLONE_FILES, else a copy. */
static int copy_files(unsigned long flags, struct task_struct *p)
{
	struct files_struct *files = current->files;

	if (!files)
		return 0;
	if (flags & CLONE_FILES) {
		files->count++;
		p->files = files;
		return 0;
	}
	p->files = dup_fd(files);
	return p->files ? 0 : -ENOMEM;
}

/* The child's root and cwd: the parent's own with CLONE_FS, else a copy. */
static int copy_fs(unsigned long flags, struct task_struct *p)
{
	struct fs_struct *fs = current->fs;

	if (flags & CLONE_FS) {
		fs->users++;
		p->fs = fs;
		return 0;
	}
	p->fs = copy_fs_struct(fs);
	return p->fs ? 0 : -ENOMEM;
}

/* The child's signal actions: the parent's table with CLONE_SIGHAND, else a copy. */
static int copy_sighand(unsigned long flags, struct task_struct *p)
{
	struct sighand_struct *sighand = current->sighand;

	if (flags & CLONE_SIGHAND) {
		sighand->count++;
		p->sighand = sighand;
		return 0;
	}
	p->sighand = kmalloc(sizeof(*sighand), GFP_KERNEL);
	if (!p->sighand)
		return -ENOMEM;
	p->sighand->count = 1;
	memcpy(p->sighand->action, sighand->action, sizeof(sighand->action));
	return 0;
}

/* The child's address space: the parent's own with CLONE_VM, else a copy. */
static int copy_mm(unsigned long flags, struct task_struct *p)
{
	if (flags & CLONE_VM) {
		p->mm = current->mm;
		p->mm->mm_users++;
	} else {
		p->mm = dup_mm(current->mm);
		if (!p->mm)
			return -ENOMEM;
	}
	p->active_mm = p->mm;
	return 0;
}

/*
 * At exec, a task that shares its signal actions (CLONE_SIGHAND without
 * CLONE_THREAD, or a kernel thread's init_sighand) takes a copy: the new
 * program's actions must not change those of the tasks it shared with.
 */
int unshare_sighand(struct task_struct *tsk)
{
	struct sighand_struct *old = tsk->sighand, *new;

	if (old->count == 1)
		return 0;
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->count = 1;
	memcpy(new->action, old->action, sizeof(new->action));
	tsk->sighand = new;
	cleanup_sighand(old);
	return 0;
}

long kernel_clone(unsigned long flags, unsigned long newsp, int *parent_tid,
		  unsigned long tls, int *child_tid, struct pt_regs *regs)
{
	struct task_struct *p;
	struct completion vfork;
	int nr;
	int err;

	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if (!current->mm)
		return -EINVAL;
	/*
	 * RLIMIT_NPROC: the real user's tasks, this one's own limit; root
	 * and a task with CAP_SYS_RESOURCE or CAP_SYS_ADMIN go past it.
	 */
	if ((unsigned long)current->cred.user->processes >= rlimit(RLIMIT_NPROC) &&
	    current->cred.user != &root_user && !capable(CAP_SYS_RESOURCE) &&
	    !capable(CAP_SYS_ADMIN))
		return -EAGAIN;
	p = new_task(current->comm);
	if (!p)
		return -EAGAIN;
	err = copy_files(flags, p);
	if (!err)
		err = copy_fs(flags, p);
	if (!err)
		err = copy_sighand(flags, p);
	if (!err)
		err = copy_mm(flags, p);
	if (err) {
		release_task(p);	/* frees the tables it was given */
		return err;
	}
	if (flags & (CLONE_PARENT | CLONE_THREAD)) {
		/* a thread is its process's sibling: the parent is the process's */
		p->parent = current->parent;
		list_move_tail(&p->sibling, &current->parent->children);
	}
	if (flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
	}
	/*
	 * A sibling made with CLONE_PARENT tells the shared parent what its
	 * cloner would have: the flags' signal could otherwise be any one,
	 * aimed at a process the cloner may not signal.
	 */
	if (flags & CLONE_THREAD)
		p->exit_signal = -1;
	else if (flags & CLONE_PARENT)
		p->exit_signal = current->group_leader->exit_signal;
	else
		p->exit_signal = flags & CSIGNAL;
	p->blocked = current->blocked;
	/* the alternate signal stack is inherited, except by a thread (another stack) */
	if ((flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
	}
	copy_thread(p, NULL, NULL, regs, newsp,
		    flags & CLONE_SETTLS ? tls : current_thread_info()->tp_value);
	/*
	 * After the copy of the address space, so only the parent's word
	 * changes; a word that cannot be written is passed over, as Linux
	 * does (the child exists all the same).
	 */
	if (flags & CLONE_PARENT_SETTID)
		(void)put_user(p->pid, parent_tid);
	/* the child writes its tid itself, into its own memory (schedule_tail) */
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = (unsigned long)child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (unsigned long)child_tid;
	if (flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}
	p->stack->flags = 0;
	p->flags |= PF_FORKNOEXEC;
	if (flags & CLONE_THREAD)
		p->group_leader->group_live++;
	/*
	 * Read before the child can run: it may exit and be reaped (by the
	 * shared parent, or by itself as a thread) before this returns.
	 */
	nr = p->pid;
	wake_up_process(p);
	if (flags & CLONE_VFORK) {
		/*
		 * The parent sleeps until the child execs or exits, or until
		 * SIGKILL (Linux's wait is killable): the child, which may run
		 * on for ever, then no longer tells this stack frame.
		 */
		if (wait_for_completion_killable(&vfork))
			p->vfork_done = NULL;
	}
	return nr;
}

long sys_clone(unsigned long flags, unsigned long newsp, int *parent_tid,
	       unsigned long tls, int *child_tid, struct pt_regs *regs)
{
	return kernel_clone(flags, newsp, parent_tid, tls, child_tid, regs);
}

long sys_vfork(struct pt_regs *regs)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | 17 /* SIGCHLD */, 0, NULL, 0,
			    NULL, regs);
}

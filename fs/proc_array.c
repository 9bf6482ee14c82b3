// SPDX-License-Identifier: GPL-2.0
/*
 * A task's text views in Linux's formats: /proc/PID/stat (52 fields in
 * Linux's order), statm, status (every line of Linux 6.1's, in order),
 * cmdline and environ (read from the process's own memory), comm and
 * smaps_rollup. Each is generated from the task as it is at the read.
 * What this kernel does not have reads as Linux reads when the feature
 * is idle: no capabilities to drop (root has them all), no swap, no
 * huge pages.
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/tty.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/proc_fs.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>

/* Linux's letters and words for the states, in /proc's order of bits. */
static const char *task_state_name(const struct task_struct *t)
{
	switch (t->state) {
	case TASK_RUNNING:
		return "R (running)";
	case TASK_UNINTERRUPTIBLE:
		return "D (disk sleep)";
	case TASK_STOPPED:
		return "T (stopped)";
	case EXIT_DEAD:
		return "X (dead)";
	case EXIT_ZOMBIE:
		return "Z (zombie)";
	default:
		return "S (sleeping)";
	}
}

char task_state_char(const struct task_struct *t)
{
	return task_state_name(t)[0];
}

static int task_ppid(const struct task_struct *t)
{
	return t->parent ? t->parent->tgid : 0;
}

/* Signals ignored and caught (with a handler) by @t, bit n-1 for signal n. */
static void task_sig_actions(const struct task_struct *t, u64 *ign, u64 *catch)
{
	int sig;

	*ign = *catch = 0;
	if (!t->sighand)
		return;
	for (sig = 1; sig <= _NSIG; sig++) {
		unsigned long h = t->sighand->action[sig - 1].handler;

		if (h == (unsigned long)SIG_IGN)
			*ign |= 1ULL << (sig - 1);
		else if (h != (unsigned long)SIG_DFL)
			*catch |= 1ULL << (sig - 1);
	}
}

/* Text size as Linux counts it: the code's pages, at most the executable mappings. */
static unsigned long mm_text_bytes(const struct mm_struct *mm)
{
	unsigned long text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);

	return min(text, mm->exec_vm << PAGE_SHIFT);
}

/*
 * /proc/PID/stat (@whole: the process's times and state) and
 * /proc/PID/task/TID/stat (the thread's own times).
 */
static void do_task_stat(struct seq_file *m, struct task_struct *t, bool whole)
{
	struct mm_struct *mm = t->mm;
	struct task_struct *leader = t->group_leader;
	struct rusage_counts c;
	u64 ign, catch;
	int threads = leader->group_live;
	struct tty_struct *tty = leader->tty;

	rusage_counts(t, whole ? RUSAGE_SELF : RUSAGE_THREAD, &c);
	task_sig_actions(t, &ign, &catch);
	/* pid, comm, state, ppid, pgrp, session, tty_nr, tpgid, flags */
	seq_printf(m, "%d (%s) %c %d %d %d %u %d %u ", t->pid, t->comm,
		   task_state_char(t), task_ppid(t), task_pgrp_nr(t), task_session_nr(t),
		   tty ? new_encode_dev(tty->dev) : 0, tty && tty->pgrp ? tty->pgrp : -1,
		   t->flags);
	/* minflt cminflt majflt cmajflt (no fault waits for I/O here) */
	seq_printf(m, "%lu %lu 0 0 ", c.min_flt, leader->reaped_children.min_flt);
	/* utime stime cutime cstime priority nice num_threads itrealvalue */
	seq_printf(m, "%lu %lu %lu %lu 20 0 %d 0 ", c.utime, c.stime, leader->reaped_children.utime,
		   leader->reaped_children.stime, threads);
	/* starttime vsize rss rsslim */
	seq_printf(m, "%llu %lu %lu %lu ",
		   (unsigned long long)(t->start_time / (NSEC_PER_SEC / HZ)),
		   mm ? mm->total_vm << PAGE_SHIFT : 0, mm ? get_mm_rss(mm) : 0,
		   t->group_leader->rlim[RLIMIT_RSS].rlim_cur);
	/* startcode endcode startstack kstkesp kstkeip */
	seq_printf(m, "%lu %lu %lu 0 0 ", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	/* signal blocked sigignore sigcatch: the low 32 signals, as Linux */
	seq_printf(m, "%lu %lu %lu %lu ", (unsigned long)t->pending,
		   (unsigned long)t->blocked, (unsigned long)ign, (unsigned long)catch);
	/* wchan (whether it sleeps) nswap cnswap exit_signal processor */
	seq_printf(m, "%d 0 0 %d %d ", t->state != TASK_RUNNING, t->exit_signal,
		   t->stack ? t->stack->cpu : 0);
	/* rt_priority policy delayacct_blkio_ticks guest_time cguest_time */
	seq_puts(m, "0 0 0 0 0 ");
	/* start_data end_data start_brk arg_start arg_end env_start env_end */
	if (mm)
		seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu ", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start,
			   mm->env_end);
	else
		seq_puts(m, "0 0 0 0 0 0 0 ");
	/* exit_code */
	seq_printf(m, "%d\n", t->state == EXIT_ZOMBIE ? t->group_exit_code : 0);
}

void proc_tgid_stat_show(struct seq_file *m, struct task_struct *t)
{
	do_task_stat(m, t, true);
}

void proc_tid_stat_show(struct seq_file *m, struct task_struct *t)
{
	do_task_stat(m, t, false);
}

/* size resident shared text lib data dt, in pages */
void proc_pid_statm_show(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	if (!mm) {
		seq_puts(m, "0 0 0 0 0 0 0\n");
		return;
	}
	seq_printf(m, "%lu %lu %ld %lu 0 %lu 0\n", mm->total_vm, get_mm_rss(mm),
		   get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES),
		   mm_text_bytes(mm) >> PAGE_SHIFT,
		   mm->data_vm + mm->stack_vm);
}

static void status_kb(struct seq_file *m, const char *name, unsigned long kb)
{
	seq_printf(m, "%s:\t%8lu kB\n", name, kb);
}

/* The Vm and Rss lines. */
static void proc_status_vm(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm), text = mm_text_bytes(mm);
	unsigned long k = PAGE_SHIFT - 10;

	status_kb(m, "VmPeak", mm->total_vm << k);
	status_kb(m, "VmSize", mm->total_vm << k);
	status_kb(m, "VmLck", 0);
	status_kb(m, "VmPin", 0);
	status_kb(m, "VmHWM", max(mm->hiwater_rss, rss) << k);
	status_kb(m, "VmRSS", rss << k);
	status_kb(m, "RssAnon", get_mm_counter(mm, MM_ANONPAGES) << k);
	status_kb(m, "RssFile", get_mm_counter(mm, MM_FILEPAGES) << k);
	status_kb(m, "RssShmem", get_mm_counter(mm, MM_SHMEMPAGES) << k);
	status_kb(m, "VmData", mm->data_vm << k);
	status_kb(m, "VmStk", mm->stack_vm << k);
	status_kb(m, "VmExe", text >> 10);
	status_kb(m, "VmLib", ((mm->exec_vm << PAGE_SHIFT) - text) >> 10);
	status_kb(m, "VmPTE", mm_pgtables_bytes(mm) >> 10);
	status_kb(m, "VmSwap", 0);
}

void proc_pid_status_show(struct seq_file *m, struct task_struct *t)
{
	struct task_struct *leader = t->group_leader;
	u64 ign, catch;
	char *buf;

	seq_printf(m, "Name:\t%s\n", t->comm);
	if (t->fs)
		seq_printf(m, "Umask:\t%04o\n", t->fs->umask);
	seq_printf(m, "State:\t%s\n", task_state_name(t));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		   t->tgid, t->pid, task_ppid(t));
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		   t->cred.uid, t->cred.euid, t->cred.suid, t->cred.fsuid,
		   t->cred.gid, t->cred.egid, t->cred.sgid, t->cred.fsgid);
	seq_printf(m, "FDSize:\t%u\n", t->files ? t->files->max_fds : 0);
	seq_puts(m, "Groups:\t \n");
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t0\nNSsid:\t0\n", t->tgid, t->pid);
	if (t->mm)
		proc_status_vm(m, t->mm);
	seq_puts(m, "CoreDumping:\t0\n");
	seq_puts(m, "THP_enabled:\t0\n");
	seq_printf(m, "Threads:\t%d\n", leader->group_live);
	seq_printf(m, "SigQ:\t%d/%lu\n", __builtin_popcountll(t->pending),
		   leader->rlim[RLIMIT_SIGPENDING].rlim_cur);
	task_sig_actions(t, &ign, &catch);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n",
		   (unsigned long long)t->pending, 0ULL, (unsigned long long)t->blocked);
	seq_printf(m, "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)ign, (unsigned long long)catch);
	/* root holds every capability Linux 6.1 knows (0 to CAP_LAST_CAP 40) */
	seq_puts(m, "CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n"
		 "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n"
		 "CapAmb:\t0000000000000000\n");
	seq_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	seq_puts(m, "Speculation_Store_Bypass:\tunknown\n"
		 "SpeculationIndirectBranch:\tunsupported\n");
	/* a task may run on any CPU there is, as Linux's default affinity */
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (buf) {
		cpumap_print_to_pagebuf(false, buf, cpu_possible_mask);
		seq_printf(m, "Cpus_allowed:\t%s", buf);
		cpumap_print_to_pagebuf(true, buf, cpu_possible_mask);
		seq_printf(m, "Cpus_allowed_list:\t%s", buf);
		kfree(buf);
	}
	seq_puts(m, "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   t->nvcsw, t->nivcsw);
}

/* Up to a page at a time of [@start, @end) of @t's memory, as read. */
static void show_user_range(struct seq_file *m, struct task_struct *t,
			    unsigned long start, unsigned long end)
{
	struct mm_struct *mm;
	char *page;

	if (start >= end)
		return;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	mm = get_task_mm(t);	/* kept across access_remote_vm's sleeps */
	if (!page || !mm) {
		kfree(page);
		if (mm)
			mmput(mm);
		return;
	}
	while (start < end && !seq_has_overflowed(m)) {
		int want = min(end - start, PAGE_SIZE);
		int got = access_remote_vm(mm, start, page, want);

		seq_write(m, page, got);
		if (got < want)
			break;
		start += got;
	}
	mmput(mm);
	kfree(page);
}

/* argv, each string with its NUL, as exec laid them out. */
void proc_pid_cmdline_show(struct seq_file *m, struct task_struct *t)
{
	if (t->mm)
		show_user_range(m, t, t->mm->arg_start, t->mm->arg_end);
}

void proc_pid_environ_show(struct seq_file *m, struct task_struct *t)
{
	if (t->mm)
		show_user_range(m, t, t->mm->env_start, t->mm->env_end);
}

void proc_pid_comm_show(struct seq_file *m, struct task_struct *t)
{
	seq_printf(m, "%s\n", t->comm);
}

/*
 * A thread sets its own name, or its process's other threads' (Linux
 * allows tasks of the same thread group): up to TASK_COMM_LEN - 1
 * bytes, the rest dropped.
 */
int proc_pid_comm_write(struct task_struct *t, const char *buf, size_t len)
{
	if (t->tgid != current->tgid)
		return -EINVAL;
	len = min(len, (size_t)TASK_COMM_LEN - 1);
	memset(t->comm, 0, sizeof(t->comm));
	memcpy(t->comm, buf, len);
	return 0;
}

/*
 * The sum of smaps over every VMA. Pagoda keeps no per-page sharing or
 * reference counts to split, so every resident page counts as the
 * process's own: Pss is Rss, all of it private, dirty if anonymous or
 * shared memory (whose pages only memory holds), clean if a file's.
 */
void proc_pid_smaps_rollup_show(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);
	unsigned long k = PAGE_SHIFT - 10, anon, file, shmem, rss, first, end;
	struct vm_area_struct *last;
	size_t line;

	if (!mm)
		return;
	mmap_read_lock(mm);
	last = mm->mmap;
	first = last ? last->vm_start : 0;
	for (; last && last->vm_next; last = last->vm_next)
		;
	end = last ? last->vm_end : 0;
	mmap_read_unlock(mm);
	if (!last) {
		mmput(mm);
		return;
	}
	anon = get_mm_counter(mm, MM_ANONPAGES) << k;
	file = get_mm_counter(mm, MM_FILEPAGES) << k;
	shmem = get_mm_counter(mm, MM_SHMEMPAGES) << k;
	rss = anon + file + shmem;
	line = m->count;
	seq_printf(m, "%08lx-%08lx ---p 00000000 00:00 0 ", first, end);
	seq_pad_to(m, line, 25 + 6 * sizeof(void *));
	seq_puts(m, "[rollup]\n");
#define ROLLUP(name, kb) seq_printf(m, "%-16s%8lu kB\n", name ":", (unsigned long)(kb))
	ROLLUP("Rss", rss);
	ROLLUP("Pss", rss);
	ROLLUP("Pss_Dirty", anon + shmem);
	ROLLUP("Pss_Anon", anon);
	ROLLUP("Pss_File", file);
	ROLLUP("Pss_Shmem", shmem);
	ROLLUP("Shared_Clean", 0);
	ROLLUP("Shared_Dirty", 0);
	ROLLUP("Private_Clean", file);
	ROLLUP("Private_Dirty", anon + shmem);
	ROLLUP("Referenced", rss);
	ROLLUP("Anonymous", anon);
	ROLLUP("LazyFree", 0);
	ROLLUP("AnonHugePages", 0);
	ROLLUP("ShmemPmdMapped", 0);
	ROLLUP("FilePmdMapped", 0);
	ROLLUP("Shared_Hugetlb", 0);
	ROLLUP("Private_Hugetlb", 0);
	ROLLUP("Swap", 0);
	ROLLUP("SwapPss", 0);
	ROLLUP("Locked", 0);
#undef ROLLUP
	mmput(mm);
}

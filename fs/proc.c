// SPDX-License-Identifier: GPL-2.0
/*
 * Per-process views in Linux's /proc formats: /proc/PID/maps (one line
 * per VMA: range, permissions, offset, device, inode, path or [heap] /
 * [stack]; then the vectors page, [vectors]), /proc/PID/status (the Vm*
 * lines) and a ps listing; and the files under /proc/ that a process
 * opens to read them and the memory views (meminfo, buddyinfo,
 * zoneinfo...) and cpuinfo, generated anew at each read from the start,
 * as seq_file does.
 */
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/file.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/fault.h>
#include <asm/setup.h>

/* The absolute path of a ramfs inode. */
static void inode_path(const struct inode *inode, char *buf, size_t len)
{
	char tmp[256];

	buf[0] = '\0';
	for (; inode && inode->parent && inode != inode->parent; inode = inode->parent) {
		snprintf(tmp, sizeof(tmp), "/%s%s", inode->name, buf);
		snprintf(buf, len, "%s", tmp);
	}
	if (!buf[0])
		snprintf(buf, len, "/");
}

/*
 * Where the name starts in a maps line: Linux pads the fields to a width
 * of 25 + 6 * sizeof(void *) - 1, then adds a space: column 49 with
 * 32-bit pointers.
 */
#define MAPS_NAME_COLUMN	(25 + 6 * sizeof(void *))

/* One maps line: range, permissions, offset, device, inode, name. */
static void show_map_line(struct seq_file *m, unsigned long start, unsigned long end,
			  const char *perms, unsigned long long offset,
			  unsigned int minor, unsigned long ino, const char *name)
{
	size_t line = m->count;

	seq_printf(m, "%08lx-%08lx %s %08llx %02x:%02x %lu ", start, end, perms,
		   offset, 0, minor, ino);
	if (name[0]) {
		seq_pad_to(m, line, MAPS_NAME_COLUMN);
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long ino = 0;
	char name[256] = "";
	char perms[] = {
		vma->vm_flags & VM_READ ? 'r' : '-',
		vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-',
		vma->vm_flags & VM_MAYSHARE ? 's' : 'p', '\0',
	};

	if (vma->vm_file) {
		ino = vma->vm_file->inode->ino;
		inode_path(vma->vm_file->inode, name, sizeof(name));
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		snprintf(name, sizeof(name), "[heap]");
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		snprintf(name, sizeof(name), "[stack]");
	}
	show_map_line(m, vma->vm_start, vma->vm_end, perms,
		      vma->vm_file ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0,
		      vma->vm_file ? 1 : 0, ino, name);
}

void proc_pid_maps_show(struct seq_file *m, struct task_struct *t)
{
	struct vm_area_struct *vma;

	if (!t->mm)
		return;
	for (vma = t->mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(m, vma);
	/* the vectors page is in no VMA, but Linux lists it (its gate VMA) */
	show_map_line(m, VECTORS_BASE, VECTORS_BASE + PAGE_SIZE, "r-xp", 0, 0, 0,
		      "[vectors]");
}

/* The Vm lines of /proc/PID/status. */
static void proc_status_vm(struct seq_file *m, struct mm_struct *mm)
{
	seq_printf(m, "VmPeak:\t%8lu kB\n", mm->total_vm << (PAGE_SHIFT - 10));
	seq_printf(m, "VmSize:\t%8lu kB\n", mm->total_vm << (PAGE_SHIFT - 10));
	seq_printf(m, "VmHWM:\t%8lu kB\n", max(mm->hiwater_rss, get_mm_rss(mm)) << (PAGE_SHIFT - 10));
	seq_printf(m, "VmRSS:\t%8lu kB\n", get_mm_rss(mm) << (PAGE_SHIFT - 10));
	seq_printf(m, "RssAnon:\t%8ld kB\n", get_mm_counter(mm, MM_ANONPAGES) << (PAGE_SHIFT - 10));
	seq_printf(m, "RssFile:\t%8ld kB\n", get_mm_counter(mm, MM_FILEPAGES) << (PAGE_SHIFT - 10));
	seq_printf(m, "VmData:\t%8lu kB\n", mm->data_vm << (PAGE_SHIFT - 10));
	seq_printf(m, "VmStk:\t%8lu kB\n", mm->stack_vm << (PAGE_SHIFT - 10));
	seq_printf(m, "VmExe:\t%8lu kB\n",
		   (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10);
	seq_printf(m, "VmPTE:\t%8lu kB\n", mm->pgtables_bytes >> 10);
}

void proc_pid_status_show(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	seq_printf(m, "Name:\t%s\n", t->comm);
	seq_printf(m, "State:\t%s\n", t->state == TASK_RUNNING ? "R (running)" :
		   t->state == TASK_STOPPED ? "T (stopped)" :
		   t->state == EXIT_ZOMBIE ? "Z (zombie)" : "S (sleeping)");
	seq_printf(m, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", t->tgid, t->pid,
		   t->parent ? t->parent->tgid : 0);
	if (mm)
		proc_status_vm(m, mm);
	seq_printf(m, "Threads:\t%d\n", t->group_leader->group_live);
}

static char task_state_char(const struct task_struct *t)
{
	switch (t->state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	case TASK_STOPPED:
		return 'T';
	case EXIT_ZOMBIE:
		return 'Z';
	default:
		return 'S';
	}
}

void ps_show(struct seq_file *m)
{
	struct task_struct *t;

	seq_printf(m, "  PID  PPID S      VSZ      RSS COMM\n");
	seq_printf(m, "%5d %5d %c %8lu %8lu [%s]\n", init_task.pid, 0,
		   task_state_char(&init_task), 0UL, 0UL, init_task.comm);
	list_for_each_entry(t, &task_list, tasks) {
		struct mm_struct *mm = t->mm;
		bool kthread = t->flags & PF_KTHREAD;

		seq_printf(m, "%5d %5d %c %8lu %8lu %s%s%s\n", t->pid,
			   t->parent ? t->parent->tgid : 0, task_state_char(t),
			   mm ? mm->total_vm << (PAGE_SHIFT - 10) : 0,
			   mm ? get_mm_rss(mm) << (PAGE_SHIFT - 10) : 0,
			   kthread ? "[" : "", t->comm, kthread ? "]" : "");
	}
}

/* ---- /proc as files: the views above, read by open() and read() ---- */

struct proc_entry {
	const char *name;
	void (*show)(struct seq_file *m);				/* /proc/NAME */
	void (*show_task)(struct seq_file *m, struct task_struct *t);	/* /proc/PID/NAME */
};

static const struct proc_entry proc_entries[] = {
	{ "meminfo", meminfo_show, NULL },
	{ "buddyinfo", buddyinfo_show, NULL },
	{ "pagetypeinfo", pagetypeinfo_show, NULL },
	{ "zoneinfo", zoneinfo_show, NULL },
	{ "slabinfo", slabinfo_show, NULL },
	{ "vmallocinfo", vmallocinfo_show, NULL },
	{ "cpu/alignment", alignment_proc_show, NULL },
	{ "cpuinfo", cpuinfo_show, NULL },
	{ "interrupts", show_interrupts, NULL },
	{ "maps", NULL, proc_pid_maps_show },
	{ "status", NULL, proc_pid_status_show },
};

/* An open /proc file: what it shows and the text of its last generation. */
struct proc_file {
	const struct proc_entry *entry;
	int pid;			/* for a per-process view */
	char *text;
	size_t len;
};

/* The view of an open /proc file; a process gone since open() shows nothing. */
static void proc_show(struct seq_file *m, void *arg)
{
	struct proc_file *pf = arg;
	struct task_struct *t;

	if (!pf->entry->show_task) {
		pf->entry->show(m);
		return;
	}
	t = find_task_by_pid(pf->pid);
	if (t && t->state != EXIT_DEAD)
		pf->entry->show_task(m, t);
}

/* Generates the view anew, as Linux's seq_file does on a read from the start. */
static long proc_generate(struct proc_file *pf)
{
	int err;

	kfree(pf->text);
	pf->len = 0;
	pf->text = seq_render(proc_show, pf, &pf->len, &err);
	return err;
}

static long proc_read(struct file *f, void *buf, size_t len, unsigned long long pos)
{
	struct proc_file *pf = f->private_data;
	size_t n;

	if (pos == 0 || !pf->text) {
		long err = proc_generate(pf);

		if (err)
			return err;
	}
	if (pos >= pf->len)
		return 0;
	n = min(len, pf->len - (size_t)pos);
	memcpy(buf, pf->text + pos, n);
	return n;
}

static void proc_release(struct file *f)
{
	struct proc_file *pf = f->private_data;

	kfree(pf->text);
	kfree(pf);
}

/*
 * Linux's files of /proc itself (meminfo, buddyinfo...) have an mmap
 * method that always fails with -EIO, late, once the range is chosen;
 * the files of /proc/PID have none, so mmap refuses them with -ENODEV.
 */
static int proc_mmap(struct file *f)
{
	(void)f;
	return -EIO;
}

static const struct file_operations proc_fops = {
	.read = proc_read,
	.release = proc_release,
	.mmap = proc_mmap,
};

static const struct file_operations proc_pid_fops = {
	.read = proc_read,
	.release = proc_release,
};

const char *proc_entry_name(unsigned int i, bool *per_task)
{
	if (i >= ARRAY_SIZE(proc_entries))
		return NULL;
	*per_task = proc_entries[i].show_task != NULL;
	return proc_entries[i].name;
}

bool is_proc_path(const char *path)
{
	return !strncmp(path, "/proc/", 6);
}

/* "self" or a decimal PID, ended by '/'; the PID, or -1. */
static int proc_pid_of(const char *s, const char **rest)
{
	int pid = 0;

	if (!strncmp(s, "self/", 5)) {
		*rest = s + 5;
		return current->tgid;
	}
	if (*s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		pid = pid * 10 + (*s - '0');
		if (pid > 1000000)
			return -1;
	}
	if (*s != '/')
		return -1;
	*rest = s + 1;
	return pid;
}

struct file *proc_open(const char *path, unsigned int flags, int *err)
{
	const char *name = path + 6;
	const struct proc_entry *e = NULL;
	struct proc_file *pf;
	struct file *f;
	unsigned int i;
	int pid = proc_pid_of(name, &name);

	for (i = 0; i < ARRAY_SIZE(proc_entries); i++)
		if (!strcmp(proc_entries[i].name, name) &&
		    !proc_entries[i].show_task == (pid < 0))
			e = &proc_entries[i];
	if (!e || (pid >= 0 && !find_task_by_pid(pid))) {
		*err = -ENOENT;
		return NULL;
	}
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)) {
		*err = -EACCES;
		return NULL;
	}
	if (flags & O_DIRECTORY) {
		*err = -ENOTDIR;
		return NULL;
	}
	pf = kzalloc(sizeof(*pf), GFP_KERNEL);
	f = kmalloc(sizeof(*f), GFP_KERNEL);
	if (!pf || !f) {
		kfree(pf);
		kfree(f);
		*err = -ENOMEM;
		return NULL;
	}
	pf->entry = e;
	pf->pid = pid;
	*f = (struct file){ .f_op = pid < 0 ? &proc_fops : &proc_pid_fops, .private_data = pf,
			    .flags = flags, .count = 1 };
	*err = 0;
	return f;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Per-process views in Linux's /proc formats: /proc/PID/maps (one line
 * per VMA: range, permissions, offset, device, inode, path or [heap] /
 * [stack]), /proc/PID/status (the Vm* lines) and a ps listing.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/file.h>
#include <linux/string.h>

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

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long ino = 0;
	char name[256] = "";
	size_t start = m->count;

	if (vma->vm_file) {
		ino = vma->vm_file->inode->ino;
		inode_path(vma->vm_file->inode, name, sizeof(name));
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		snprintf(name, sizeof(name), "[heap]");
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		snprintf(name, sizeof(name), "[stack]");
	}
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end,
		   vma->vm_flags & VM_READ ? 'r' : '-',
		   vma->vm_flags & VM_WRITE ? 'w' : '-',
		   vma->vm_flags & VM_EXEC ? 'x' : '-',
		   vma->vm_flags & VM_MAYSHARE ? 's' : 'p',
		   vma->vm_file ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0,
		   0, vma->vm_file ? 1 : 0, ino);
	if (name[0]) {
		while (m->count - start < 73)	/* Linux pads to column 73 */
			seq_putc(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

void proc_pid_maps_show(struct seq_file *m, struct task_struct *t)
{
	struct vm_area_struct *vma;

	if (!t->mm)
		return;
	for (vma = t->mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(m, vma);
}

void proc_pid_status_show(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	seq_printf(m, "Name:\t%s\n", t->comm);
	seq_printf(m, "State:\t%s\n", t->state == TASK_RUNNING ? "R (running)" :
		   t->state == EXIT_ZOMBIE ? "Z (zombie)" : "S (sleeping)");
	seq_printf(m, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", t->tgid, t->pid,
		   t->parent ? t->parent->tgid : 0);
	if (!mm)
		return;
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

static char task_state_char(const struct task_struct *t)
{
	switch (t->state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
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

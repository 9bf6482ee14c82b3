// SPDX-License-Identifier: GPL-2.0
/*
 * The proc filesystem, and two views of its own: /proc/PID/maps (one
 * line per VMA: range, permissions, offset, device, inode, path or
 * [heap] / [stack] / a special mapping's, as [sigpage]; then the vectors
 * page, [vectors]) and the kernel
 * shell's ps listing. The other views it serves are in proc_array.c
 * (a task's) and proc_misc.c, meminfo.c and mm/ (the system's); each
 * file's text is generated anew at each read from the start, as
 * seq_file does.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/mmap_lock.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/fault.h>
#include <asm/setup.h>

/*
 * Where the name starts in a maps line: Linux pads the fields to a width
 * of 25 + 6 * sizeof(void *) - 1, then adds a space: column 49 with
 * 32-bit pointers.
 */
#define MAPS_NAME_COLUMN	(25 + 6 * sizeof(void *))

/* One maps line: range, permissions, offset, device, inode, name. */
static void show_map_line(struct seq_file *m, unsigned long start, unsigned long end,
			  const char *perms, unsigned long long offset,
			  dev_t dev, unsigned long ino, const char *name)
{
	size_t line = m->count;

	seq_printf(m, "%08lx-%08lx %s %08llx %02x:%02x %lu ", start, end, perms,
		   offset, MAJOR(dev), MINOR(dev), ino);
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
	dev_t dev = 0;
	char buf[256] = "";
	const char *name = buf;
	char perms[] = {
		vma->vm_flags & VM_READ ? 'r' : '-',
		vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-',
		vma->vm_flags & VM_MAYSHARE ? 's' : 'p', '\0',
	};

	if (vma->vm_file) {
		struct inode *inode = file_inode(vma->vm_file);

		ino = inode->i_ino;
		dev = inode->i_sb->s_dev;
		name = d_path(&vma->vm_file->f_path, buf, sizeof(buf));
		if (IS_ERR(name))
			name = "";
	} else if (vma->vm_ops && vma->vm_ops->name) {
		name = vma->vm_ops->name(vma);
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		name = "[heap]";
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		name = "[stack]";
	}
	show_map_line(m, vma->vm_start, vma->vm_end, perms,
		      vma->vm_file ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0,
		      dev, ino, name);
}

void proc_pid_maps_show(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);
	struct vm_area_struct *vma;

	if (!mm)
		return;
	/* @t may exit while this waits for the lock: its mm stays, held */
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(m, vma);
	mmap_read_unlock(mm);
	mmput(mm);
	/* the vectors page is in no VMA, but Linux lists it (its gate VMA) */
	show_map_line(m, VECTORS_BASE, VECTORS_BASE + PAGE_SIZE, "r-xp", 0, 0, 0,
		      "[vectors]");
}

/* The shell's ps: PSR is the CPU a task runs on, or last ran on (Linux's ps -o psr). */
void ps_show(struct seq_file *m)
{
	struct task_struct *t;

	seq_printf(m, "  PID  PPID S PSR      VSZ      RSS COMM\n");
	seq_printf(m, "%5d %5d %c %3d %8lu %8lu [%s]\n", init_task.pid, 0,
		   task_state_char(&init_task), task_cpu(&init_task), 0UL, 0UL, init_task.comm);
	list_for_each_entry(t, &task_list, tasks) {
		struct mm_struct *mm = t->mm;
		bool kthread = t->flags & PF_KTHREAD;

		seq_printf(m, "%5d %5d %c %3d %8lu %8lu %s%s%s\n", t->pid,
			   t->parent ? t->parent->tgid : 0, task_state_char(t), task_cpu(t),
			   mm ? mm->total_vm << (PAGE_SHIFT - 10) : 0,
			   mm ? get_mm_rss(mm) << (PAGE_SHIFT - 10) : 0,
			   kthread ? "[" : "", t->comm, kthread ? "]" : "");
	}
}

/*
 * ---- the proc filesystem ----
 *
 * One instance, mounted wherever asked. Its root lists the entries of
 * proc_root_entries, "self", "thread-self" and a directory per process;
 * a process's directory lists proc_tgid_entries, among them task/ (a
 * directory per thread, each with proc_tid_entries) and fd/ (a link per
 * open descriptor). Every dentry is made at lookup and freed at its
 * last use (a process may go at any time, so nothing is cached), and a
 * cached one is revalidated against the task list. A file's text is
 * generated when it is read from position 0, as seq_file does, and kept
 * for the reads that follow. The links (exe, cwd, root, fd/N) read as
 * the d_path of what they name, and a walk through one jumps to that
 * (nd_jump_link), named or not.
 */

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1
#define PROC_SELF_INO		0xff000000
#define PROC_THREAD_SELF_INO	0xff000001

/* Directories made from the process's state rather than from a table. */
enum proc_dir_kind {
	PROC_TABLE_DIR,		/* lists its entry's table */
	PROC_TASK_DIR,		/* /proc/PID/task: the threads */
	PROC_FD_DIR,		/* /proc/PID/fd: the descriptors */
};

struct proc_entry {
	const char *name;
	umode_t mode;
	void (*show)(struct seq_file *m);				/* /proc/NAME */
	void (*show_task)(struct seq_file *m, struct task_struct *t);	/* /proc/PID/NAME */
	/* writable files: the text written at position 0 */
	int (*write)(const char *buf, size_t len);
	int (*write_task)(struct task_struct *t, const char *buf, size_t len);
	/* links of a task: what they point at, held in *@path; 0 or -errno */
	int (*proc_get_link)(struct task_struct *t, int fd, struct path *path);
	const struct proc_entry *dir;	/* a directory's entries, NULL-name ended */
	enum proc_dir_kind kind;
};

static const struct proc_entry proc_cpu_entries[] = {
	{ .name = "alignment", .mode = S_IFREG | 0644, .show = alignment_proc_show },
	{ .name = NULL },
};

static void devices_show(struct seq_file *m)
{
	chrdev_show(m);
	seq_puts(m, "\nBlock devices:\n");
}

static const struct proc_entry proc_sys_kernel_entries[] = {
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = proc_hostname_show,
	  .write = proc_hostname_write },
	{ .name = "osrelease", .mode = S_IFREG | 0444, .show = proc_osrelease_show },
	{ .name = "ostype", .mode = S_IFREG | 0444, .show = proc_ostype_show },
	{ .name = "pid_max", .mode = S_IFREG | 0644, .show = proc_pid_max_show,
	  .write = proc_pid_max_write },
	{ .name = NULL },
};

static const struct proc_entry proc_sys_vm_entries[] = {
	{ .name = "max_map_count", .mode = S_IFREG | 0444, .show = proc_max_map_count_show },
	{ .name = "min_free_kbytes", .mode = S_IFREG | 0444,
	  .show = proc_min_free_kbytes_show },
	{ .name = "overcommit_memory", .mode = S_IFREG | 0444,
	  .show = proc_overcommit_memory_show },
	{ .name = NULL },
};

static const struct proc_entry proc_sys_entries[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555, .dir = proc_sys_kernel_entries },
	{ .name = "vm", .mode = S_IFDIR | 0555, .dir = proc_sys_vm_entries },
	{ .name = NULL },
};

/* In Linux's order: by the length of the name, then alphabetically. */
static const struct proc_entry proc_root_entries[] = {
	{ .name = "cpu", .mode = S_IFDIR | 0555, .dir = proc_cpu_entries },
	{ .name = "sys", .mode = S_IFDIR | 0555, .dir = proc_sys_entries },
	{ .name = "stat", .mode = S_IFREG | 0444, .show = proc_stat_show },
	{ .name = "mounts", .mode = S_IFREG | 0444, .show = mounts_show },
	{ .name = "uptime", .mode = S_IFREG | 0444, .show = proc_uptime_show },
	{ .name = "vmstat", .mode = S_IFREG | 0444, .show = proc_vmstat_show },
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show = proc_cmdline_show },
	{ .name = "cpuinfo", .mode = S_IFREG | 0444, .show = cpuinfo_show },
	{ .name = "devices", .mode = S_IFREG | 0444, .show = devices_show },
	{ .name = "loadavg", .mode = S_IFREG | 0444, .show = proc_loadavg_show },
#ifdef CONFIG_DEBUG_LOCKS
	{ .name = "lockdep", .mode = S_IFREG | 0400, .show = lockdep_show },
#endif
	{ .name = "meminfo", .mode = S_IFREG | 0444, .show = meminfo_show },
	{ .name = "version", .mode = S_IFREG | 0444, .show = proc_version_show },
	{ .name = "slabinfo", .mode = S_IFREG | 0400, .show = slabinfo_show },
	{ .name = "zoneinfo", .mode = S_IFREG | 0444, .show = zoneinfo_show },
	{ .name = "buddyinfo", .mode = S_IFREG | 0444, .show = buddyinfo_show },
	{ .name = "interrupts", .mode = S_IFREG | 0444, .show = show_interrupts },
	{ .name = "filesystems", .mode = S_IFREG | 0444, .show = filesystems_show },
	{ .name = "vmallocinfo", .mode = S_IFREG | 0400, .show = vmallocinfo_show },
	{ .name = "pagetypeinfo", .mode = S_IFREG | 0400, .show = pagetypeinfo_show },
#ifdef CONFIG_DEBUG_LOCKS
	{ .name = "lockdep_stats", .mode = S_IFREG | 0400, .show = lockdep_stats_show },
#endif
	{ .name = NULL },
};

/* *@path = @from, held; -ENOENT without one. */
static int proc_link_path(const struct path *from, struct path *path)
{
	if (!from)
		return -ENOENT;
	*path = *from;
	path_get(path);
	return 0;
}

static int proc_exe_link(struct task_struct *t, int fd, struct path *path)
{
	(void)fd;
	return proc_link_path(t->mm && t->mm->exe_file ? &t->mm->exe_file->f_path : NULL, path);
}

static int proc_cwd_link(struct task_struct *t, int fd, struct path *path)
{
	(void)fd;
	return proc_link_path(t->fs ? &t->fs->pwd : NULL, path);
}

static int proc_root_link(struct task_struct *t, int fd, struct path *path)
{
	(void)fd;
	return proc_link_path(t->fs ? &t->fs->root : NULL, path);
}

/* The file at descriptor @fd of @t, or NULL (a slot reserved by an open under way too). */
static struct file *task_fd_file(struct task_struct *t, int fd)
{
	return fd < 0 ? NULL : files_lookup_fd_raw(t->files, fd);
}

static int proc_fd_link(struct task_struct *t, int fd, struct path *path)
{
	struct file *f = task_fd_file(t, fd);

	return proc_link_path(f ? &f->f_path : NULL, path);
}

static const struct proc_entry proc_fd_entry = {
	.name = "", .mode = S_IFLNK, .proc_get_link = proc_fd_link,
};

/* The entries of /proc/PID/task/TID: those of /proc/PID without task/. */
#define PROC_TASK_COMMON_ENTRIES(stat_show)						\
	{ .name = "fd", .mode = S_IFDIR | 0500, .kind = PROC_FD_DIR },			\
	{ .name = "environ", .mode = S_IFREG | 0400, .show_task = proc_pid_environ_show }, \
	{ .name = "status", .mode = S_IFREG | 0444, .show_task = proc_pid_status_show }, \
	{ .name = "comm", .mode = S_IFREG | 0644, .show_task = proc_pid_comm_show,	\
	  .write_task = proc_pid_comm_write },						\
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show_task = proc_pid_cmdline_show }, \
	{ .name = "stat", .mode = S_IFREG | 0444, .show_task = stat_show },		\
	{ .name = "statm", .mode = S_IFREG | 0444, .show_task = proc_pid_statm_show },	\
	{ .name = "maps", .mode = S_IFREG | 0444, .show_task = proc_pid_maps_show },	\
	{ .name = "cwd", .mode = S_IFLNK | 0777, .proc_get_link = proc_cwd_link },	\
	{ .name = "root", .mode = S_IFLNK | 0777, .proc_get_link = proc_root_link },	\
	{ .name = "exe", .mode = S_IFLNK | 0777, .proc_get_link = proc_exe_link },	\
	{ .name = "smaps_rollup", .mode = S_IFREG | 0444,				\
	  .show_task = proc_pid_smaps_rollup_show },					\
	{ .name = NULL }

static const struct proc_entry proc_tid_entries[] = {
	PROC_TASK_COMMON_ENTRIES(proc_tid_stat_show),
};

static const struct proc_entry proc_tgid_entries[] = {
	{ .name = "task", .mode = S_IFDIR | 0555, .kind = PROC_TASK_DIR },
	PROC_TASK_COMMON_ENTRIES(proc_tgid_stat_show),
};

static const struct proc_entry proc_tgid_dir = {
	.name = "", .mode = S_IFDIR | 0555, .dir = proc_tgid_entries,
};

static const struct proc_entry proc_tid_dir = {
	.name = "", .mode = S_IFDIR | 0555, .dir = proc_tid_entries,
};

struct proc_inode {
	struct inode vfs_inode;
	const struct proc_entry *entry;	/* NULL for the root, "self" and "thread-self" */
	int pid;			/* of /proc/PID and what is under it, else 0 */
	bool thread;			/* @pid is a thread's: /proc/PID/task/TID/... */
	int fd;				/* of /proc/PID/fd/FD */
};

static struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

static const struct inode_operations proc_dir_inode_operations;
static const struct file_operations proc_dir_operations;
static const struct file_operations proc_file_operations;
static const struct file_operations proc_pid_file_operations;
static const struct inode_operations proc_self_inode_operations;
static const struct inode_operations proc_thread_self_inode_operations;
static const struct inode_operations proc_pid_link_inode_operations;

/* The live process @pid (its thread-group leader), or NULL. */
static struct task_struct *proc_task(int pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : NULL;

	return t && t->state != EXIT_DEAD && t->pid == t->tgid ? t : NULL;
}

/* The live thread @tid, or NULL. */
static struct task_struct *proc_thread(int tid)
{
	struct task_struct *t = tid ? find_task_by_pid(tid) : NULL;

	return t && t->state != EXIT_DEAD ? t : NULL;
}

/* The task an inode under /proc/PID (or /proc/PID/task/TID) is about. */
static struct task_struct *proc_inode_task(const struct proc_inode *pi)
{
	return pi->thread ? proc_thread(pi->pid) : proc_task(pi->pid);
}

static struct inode *proc_get_inode(struct super_block *sb, const struct proc_entry *e,
				    const struct proc_inode *parent, int pid,
				    unsigned long ino)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *pi;

	if (!inode)
		return NULL;
	pi = PROC_I(inode);
	pi->entry = e;
	pi->pid = pid;
	pi->thread = parent && parent->thread;
	pi->fd = -1;
	inode->i_ino = ino;
	inode->i_mode = e ? e->mode : S_IFDIR | 0555;
	if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
		set_nlink(inode, 2);
	} else if (S_ISLNK(inode->i_mode)) {
		inode->i_op = &proc_pid_link_inode_operations;
	} else {
		inode->i_fop = pid ? &proc_pid_file_operations : &proc_file_operations;
	}
	return inode;
}

static int proc_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct proc_inode *pi;

	(void)flags;
	if (!inode)
		return 1;
	pi = PROC_I(inode);
	if (!pi->pid)
		return 1;
	if (!proc_inode_task(pi))
		return 0;
	return pi->fd < 0 || task_fd_file(proc_inode_task(pi), pi->fd);
}

static int proc_delete_dentry(const struct dentry *dentry)
{
	(void)dentry;
	return 1;
}

static const struct dentry_operations proc_dentry_operations = {
	.d_revalidate = proc_revalidate,
	.d_delete = proc_delete_dentry,
};

/* A decimal number without leading zeros, below 10^7: it, or -1. */
static int name_to_int(const struct qstr *name)
{
	int n = 0;
	u32 i;

	if (!name->len || name->len > 7 || (name->name[0] == '0' && name->len > 1))
		return -1;
	for (i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		n = n * 10 + (name->name[i] - '0');
	}
	return n;
}

static bool name_is(const struct qstr *name, const char *s)
{
	return strlen(s) == name->len && !memcmp(s, name->name, name->len);
}

static const struct proc_entry *dir_entries(struct inode *dir)
{
	struct proc_inode *pi = PROC_I(dir);

	return pi->entry ? pi->entry->dir : proc_root_entries;
}

/* A link of the root that names a process: "self" or "thread-self". */
static struct inode *proc_self_inode(struct super_block *sb, unsigned long ino,
				     const struct inode_operations *iop)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_mode = S_IFLNK | 0777;
	inode->i_op = iop;
	return inode;
}

/* The file mode of the link /proc/PID/fd/N: the descriptor's access. */
static umode_t fd_link_mode(struct file *f)
{
	return S_IFLNK | (f->f_mode & FMODE_READ ? 0400 : 0) |
	       (f->f_mode & FMODE_WRITE ? 0200 : 0) | 0100;
}

/* What there is at @name in the /proc/PID/task or /proc/PID/fd @dir. */
static struct inode *proc_lookup_dynamic(struct inode *dir, const struct qstr *name,
					 struct task_struct *t)
{
	struct proc_inode *pi = PROC_I(dir), *child;
	int n = name_to_int(name);
	struct inode *inode;
	struct file *f;

	if (n < 0)
		return NULL;
	if (pi->entry->kind == PROC_TASK_DIR) {
		struct task_struct *th = n ? proc_thread(n) : NULL;

		if (!th || th->tgid != t->tgid)
			return NULL;
		inode = proc_get_inode(dir->i_sb, &proc_tid_dir, NULL, n,
				       (unsigned long)n << 8);
		if (inode)
			PROC_I(inode)->thread = true;
		return inode ? inode : ERR_PTR(-ENOMEM);
	}
	f = task_fd_file(t, n);
	if (!f)
		return NULL;
	inode = proc_get_inode(dir->i_sb, &proc_fd_entry, pi, pi->pid,
			       (dir->i_ino << 10) + n);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	child = PROC_I(inode);
	child->fd = n;
	inode->i_mode = fd_link_mode(f);
	return inode;
}

static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
				  unsigned int flags)
{
	struct proc_inode *pi = PROC_I(dir);
	const struct proc_entry *e;
	struct task_struct *t = NULL;
	struct inode *inode = NULL;
	unsigned int i;

	(void)flags;
	dentry->d_op = &proc_dentry_operations;
	if (pi->pid) {
		t = proc_inode_task(pi);
		if (!t) {
			d_add(dentry, NULL);
			return NULL;
		}
	}
	if (pi->entry && pi->entry->kind != PROC_TABLE_DIR) {
		inode = proc_lookup_dynamic(dir, &dentry->d_name, t);
		if (IS_ERR(inode))
			return ERR_PTR(PTR_ERR(inode));
		d_add(dentry, inode);
		return NULL;
	}
	for (e = dir_entries(dir), i = 0; e[i].name; i++) {
		if (name_is(&dentry->d_name, e[i].name)) {
			inode = proc_get_inode(dir->i_sb, &e[i], pi, pi->pid,
					       dir->i_ino * 64 + i + 2);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			break;
		}
	}
	if (!inode && !pi->entry && !pi->pid) {
		/* the root: "self", "thread-self" and the processes */
		int pid = name_to_int(&dentry->d_name);

		if (name_is(&dentry->d_name, "self")) {
			inode = proc_self_inode(dir->i_sb, PROC_SELF_INO,
						&proc_self_inode_operations);
			if (!inode)
				return ERR_PTR(-ENOMEM);
		} else if (name_is(&dentry->d_name, "thread-self")) {
			inode = proc_self_inode(dir->i_sb, PROC_THREAD_SELF_INO,
						&proc_thread_self_inode_operations);
			if (!inode)
				return ERR_PTR(-ENOMEM);
		} else if (pid > 0 && proc_thread(pid)) {
			/* a thread's id is found too, though only processes are listed */
			inode = proc_get_inode(dir->i_sb, &proc_tgid_dir, NULL, pid,
					       (unsigned long)pid << 8);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			PROC_I(inode)->thread = !proc_task(pid);
		}
	}
	d_add(dentry, inode);
	return NULL;
}

/*
 * /proc/PID/task and /proc/PID/fd: the position of a thread is 2 + its
 * tid, that of a descriptor 2 + its number.
 */
static int proc_readdir_dynamic(struct file *file, struct dir_context *ctx,
				struct task_struct *t)
{
	struct inode *dir = file_inode(file);
	char name[12];

	if (PROC_I(dir)->entry->kind == PROC_TASK_DIR) {
		struct task_struct *th;

		list_for_each_entry(th, &task_list, tasks) {
			loff_t pos = 2 + th->pid;

			if (th->tgid != t->tgid || th->state == EXIT_DEAD || pos < ctx->pos)
				continue;
			snprintf(name, sizeof(name), "%d", th->pid);
			if (!dir_emit(ctx, name, strlen(name), (unsigned long)th->pid << 8,
				      DT_DIR))
				return 0;
			ctx->pos = pos + 1;
		}
		return 0;
	}
	for (; t->files && ctx->pos - 2 < t->files->max_fds; ctx->pos++) {
		int fd = ctx->pos - 2;

		if (!task_fd_file(t, fd))
			continue;
		snprintf(name, sizeof(name), "%d", fd);
		if (!dir_emit(ctx, name, strlen(name), (dir->i_ino << 10) + fd, DT_LNK))
			return 0;
	}
	return 0;
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	struct proc_inode *pi = PROC_I(dir);
	const struct proc_entry *e;
	struct task_struct *t = NULL;
	loff_t n = 2;
	unsigned int i;

	if (pi->pid) {
		t = proc_inode_task(pi);
		if (!t)
			return -ENOENT;
	}
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, d_inode(file->f_path.dentry->d_parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	if (pi->entry && pi->entry->kind != PROC_TABLE_DIR)
		return proc_readdir_dynamic(file, ctx, t);
	for (e = dir_entries(dir), i = 0; e[i].name; i++, n++) {
		if (n < ctx->pos)
			continue;
		if (!dir_emit(ctx, e[i].name, strlen(e[i].name), dir->i_ino * 64 + i + 2,
			      fs_umode_to_dtype(e[i].mode)))
			return 0;
		ctx->pos = n + 1;
	}
	if (pi->entry || pi->pid)
		return 0;
	if (n >= ctx->pos) {
		if (!dir_emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK))
			return 0;
		ctx->pos = n + 1;
	}
	if (n + 1 >= ctx->pos) {
		if (!dir_emit(ctx, "thread-self", 11, PROC_THREAD_SELF_INO, DT_LNK))
			return 0;
		ctx->pos = n + 2;
	}
	/* processes, by pid: the position after "thread-self" is 1 << 16 + pid */
	list_for_each_entry(t, &task_list, tasks) {
		char name[12];
		loff_t pos = (1 << 16) + t->pid;

		if (t->pid != t->tgid || t->state == EXIT_DEAD || pos < ctx->pos)
			continue;
		snprintf(name, sizeof(name), "%d", t->pid);
		if (!dir_emit(ctx, name, strlen(name), (unsigned long)t->pid << 8, DT_DIR))
			return 0;
		ctx->pos = pos + 1;
	}
	return 0;
}

static void free_link(void *arg)
{
	kfree(arg);
}

static const char *proc_self_get_link(struct dentry *dentry, struct inode *inode,
				      struct delayed_call *done)
{
	char *buf = kmalloc(12, GFP_KERNEL);

	(void)dentry;
	(void)inode;
	if (!buf)
		return ERR_PTR(-ENOMEM);
	snprintf(buf, 12, "%d", current->tgid);
	set_delayed_call(done, free_link, buf);
	return buf;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

/* "PID/task/TID" of the thread that asks. */
static const char *proc_thread_self_get_link(struct dentry *dentry, struct inode *inode,
					     struct delayed_call *done)
{
	char *buf = kmalloc(32, GFP_KERNEL);

	(void)dentry;
	(void)inode;
	if (!buf)
		return ERR_PTR(-ENOMEM);
	snprintf(buf, 32, "%d/task/%d", current->tgid, current->pid);
	set_delayed_call(done, free_link, buf);
	return buf;
}

static const struct inode_operations proc_thread_self_inode_operations = {
	.get_link = proc_thread_self_get_link,
};

/* What the link of exe, cwd, root or fd/N points at, held in *@path. */
static int proc_pid_link_path(struct inode *inode, struct path *path)
{
	struct proc_inode *pi = PROC_I(inode);
	struct task_struct *t = proc_inode_task(pi);

	if (!t)
		return -ENOENT;
	return pi->entry->proc_get_link(t, pi->fd, path);
}

/*
 * exe, cwd, root, fd/N are followed by jumping to what the task holds,
 * whatever its name now (Linux's magic links): an unlinked file, or an
 * O_TMPFILE, is reached too.
 */
static const char *proc_pid_get_link(struct dentry *dentry, struct inode *inode,
				     struct delayed_call *done)
{
	struct path path;
	int err = proc_pid_link_path(inode, &path);

	(void)dentry;
	(void)done;
	if (err)
		return ERR_PTR(err);
	nd_jump_link(&path);
	return NULL;
}

/* ... and read as its path from the caller's root ("(deleted)" if it has no name). */
static int proc_pid_readlink(struct dentry *dentry, char *ubuf, int buflen)
{
	struct path path;
	const char *target;
	char *buf;
	int err = proc_pid_link_path(d_inode(dentry), &path);

	if (err)
		return err;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		path_put(&path);
		return -ENOMEM;
	}
	target = d_path(&path, buf, PATH_MAX);
	path_put(&path);
	if (IS_ERR(target)) {
		err = PTR_ERR(target);
	} else {
		int len = min((int)strlen(target), buflen);

		err = copy_to_user(ubuf, target, len) ? -EFAULT : len;
	}
	kfree(buf);
	return err;
}

static const struct inode_operations proc_pid_link_inode_operations = {
	.get_link = proc_pid_get_link,
	.readlink = proc_pid_readlink,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

static const struct file_operations proc_dir_operations = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_readdir,
};

/*
 * An open /proc file: the text of its last generation. Reads of one
 * open file take its mutex, as Linux's seq_read takes seq_file->lock:
 * making the text can sleep (mmap_lock, for maps), and copying it out
 * can fault, either of which lets another thread reading the same file
 * in, who must not free the text from under the first.
 */
struct proc_file {
	struct mutex lock;
	char *text;
	size_t len;
};

static void proc_show(struct seq_file *m, void *arg)
{
	struct proc_inode *pi = arg;
	struct task_struct *t;

	if (current->mm)	/* the reader's own RSS changes show, as they should */
		sync_mm_rss(current->mm);
	if (!pi->pid) {
		pi->entry->show(m);
		return;
	}
	t = proc_inode_task(pi);
	if (t)
		pi->entry->show_task(m, t);
}

static int proc_file_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *e = PROC_I(inode)->entry;
	struct proc_file *pf;

	if ((file->f_mode & FMODE_WRITE) && !e->write && !e->write_task)
		return -EACCES;
	pf = kzalloc(sizeof(*pf), GFP_KERNEL);
	if (!pf)
		return -ENOMEM;
	mutex_init(&pf->lock);
	file->private_data = pf;
	return 0;
}

static ssize_t proc_file_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_file *pf = file->private_data;
	ssize_t ret;

	mutex_lock(&pf->lock);
	if (*pos == 0 || !pf->text) {
		int err;

		kfree(pf->text);
		pf->len = 0;
		pf->text = seq_render(proc_show, PROC_I(file_inode(file)), &pf->len, &err);
		if (err) {
			mutex_unlock(&pf->lock);
			return err;
		}
	}
	ret = simple_read_from_buffer(to, pos, pf->text, pf->len);
	mutex_unlock(&pf->lock);
	return ret;
}

/*
 * A write to a writable file (hostname, comm) takes its first page at
 * position 0 as the new value (each keeps what fits of it) and consumes
 * the whole write, as Linux's sysctl strings and comm do. A sysctl
 * string consumes and ignores writes at later positions; comm takes
 * every write from its start, whatever the position.
 */
static ssize_t proc_file_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct proc_inode *pi = PROC_I(file_inode(file));
	size_t count = iov_iter_count(from), len = min(count, PAGE_SIZE);
	struct task_struct *t = NULL;
	char *buf;
	int err;

	if (pi->pid) {
		t = proc_inode_task(pi);
		if (!t)
			return -ESRCH;
	}
	if (*pos && !t)
		return count;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, len, from) != len) {
		kfree(buf);
		return -EFAULT;
	}
	err = t ? pi->entry->write_task(t, buf, len) : pi->entry->write(buf, len);
	kfree(buf);
	if (err)
		return err;
	*pos += count;
	return count;
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	struct proc_file *pf = file->private_data;

	(void)inode;
	kfree(pf->text);
	kfree(pf);
	return 0;
}

/* A generated view has no end to seek from. */
static loff_t proc_file_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_END || whence == SEEK_DATA || whence == SEEK_HOLE)
		return -EINVAL;
	return generic_file_llseek(file, offset, whence);
}

/*
 * Linux's files of /proc itself (meminfo, buddyinfo...) have an mmap
 * method that always fails with -EIO, late, once the range is chosen;
 * the files of /proc/PID have none, so mmap refuses them with -ENODEV.
 */
static int proc_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	(void)vma;
	return -EIO;
}

static const struct file_operations proc_file_operations = {
	.llseek = proc_file_llseek,
	.read_iter = proc_file_read,
	.write_iter = proc_file_write,
	.open = proc_file_open,
	.release = proc_file_release,
	.mmap = proc_file_mmap,
};

static const struct file_operations proc_pid_file_operations = {
	.llseek = proc_file_llseek,
	.read_iter = proc_file_read,
	.write_iter = proc_file_write,
	.open = proc_file_open,
	.release = proc_file_release,
};

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	(void)sb;
	return kzalloc(sizeof(struct proc_inode), GFP_KERNEL);
}

static void proc_free_inode(struct inode *inode)
{
	kfree(PROC_I(inode));
}

static const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
	.statfs = simple_statfs,
};

static int proc_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct inode *root;

	(void)fc;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	sb->s_blocksize = 1024;
	root = proc_get_inode(sb, NULL, NULL, 0, PROC_ROOT_INO);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.fill_super = proc_fill_super,
	.single = true,
};

void proc_root_init(void)
{
	register_filesystem(&proc_fs_type);
}

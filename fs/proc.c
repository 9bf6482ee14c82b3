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
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
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

/*
 * ---- the proc filesystem ----
 *
 * One instance, mounted wherever asked. Its root lists the views above
 * and a directory per process; every dentry is made at lookup and freed
 * at its last use (a process may go at any time, so nothing is cached),
 * and a cached one is revalidated against the task list. A file's text
 * is generated when it is read from position 0, as seq_file does, and
 * kept for the reads that follow.
 */

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1

struct proc_entry {
	const char *name;
	umode_t mode;
	void (*show)(struct seq_file *m);				/* /proc/NAME */
	void (*show_task)(struct seq_file *m, struct task_struct *t);	/* /proc/PID/NAME */
	const struct proc_entry *dir;	/* a directory's entries, NULL-name ended */
};

static const struct proc_entry proc_cpu_entries[] = {
	{ "alignment", S_IFREG | 0644, alignment_proc_show, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

static void devices_show(struct seq_file *m)
{
	chrdev_show(m);
	seq_puts(m, "\nBlock devices:\n");
}

static const struct proc_entry proc_root_entries[] = {
	{ "meminfo", S_IFREG | 0444, meminfo_show, NULL, NULL },
	{ "buddyinfo", S_IFREG | 0444, buddyinfo_show, NULL, NULL },
	{ "pagetypeinfo", S_IFREG | 0400, pagetypeinfo_show, NULL, NULL },
	{ "zoneinfo", S_IFREG | 0444, zoneinfo_show, NULL, NULL },
	{ "slabinfo", S_IFREG | 0400, slabinfo_show, NULL, NULL },
	{ "vmallocinfo", S_IFREG | 0400, vmallocinfo_show, NULL, NULL },
	{ "cpuinfo", S_IFREG | 0444, cpuinfo_show, NULL, NULL },
	{ "interrupts", S_IFREG | 0444, show_interrupts, NULL, NULL },
	{ "mounts", S_IFREG | 0444, mounts_show, NULL, NULL },
	{ "filesystems", S_IFREG | 0444, filesystems_show, NULL, NULL },
	{ "devices", S_IFREG | 0444, devices_show, NULL, NULL },
	{ "cpu", S_IFDIR | 0555, NULL, NULL, proc_cpu_entries },
	{ NULL, 0, NULL, NULL, NULL },
};

static const struct proc_entry proc_pid_entries[] = {
	{ "maps", S_IFREG | 0444, NULL, proc_pid_maps_show, NULL },
	{ "status", S_IFREG | 0444, NULL, proc_pid_status_show, NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

static const struct proc_entry proc_pid_dir = {
	"", S_IFDIR | 0555, NULL, NULL, proc_pid_entries,
};

struct proc_inode {
	struct inode vfs_inode;
	const struct proc_entry *entry;	/* NULL for the root and "self" */
	int pid;			/* of /proc/PID and what is under it, else 0 */
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

/* The live process @pid (its thread-group leader), or NULL. */
static struct task_struct *proc_task(int pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : NULL;

	return t && t->state != EXIT_DEAD && t->pid == t->tgid ? t : NULL;
}

static struct inode *proc_get_inode(struct super_block *sb, const struct proc_entry *e,
				    int pid, unsigned long ino)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *pi;

	if (!inode)
		return NULL;
	pi = PROC_I(inode);
	pi->entry = e;
	pi->pid = pid;
	inode->i_ino = ino;
	inode->i_mode = e ? e->mode : S_IFDIR | 0555;
	if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
		set_nlink(inode, 2);
	} else {
		inode->i_fop = pid ? &proc_pid_file_operations : &proc_file_operations;
	}
	return inode;
}

static int proc_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);

	(void)flags;
	return !inode || !PROC_I(inode)->pid || proc_task(PROC_I(inode)->pid);
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

/* "self" or a decimal pid: the pid, or 0. */
static int name_to_pid(const struct qstr *name)
{
	int pid = 0;
	u32 i;

	if (!name->len || name->len > 7 || name->name[0] == '0')
		return 0;
	for (i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return 0;
		pid = pid * 10 + (name->name[i] - '0');
	}
	return pid;
}

static const struct proc_entry *dir_entries(struct inode *dir)
{
	struct proc_inode *pi = PROC_I(dir);

	return pi->entry ? pi->entry->dir : proc_root_entries;
}

static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
				  unsigned int flags)
{
	struct proc_inode *pi = PROC_I(dir);
	const struct proc_entry *e;
	struct inode *inode = NULL;
	unsigned int i;

	(void)flags;
	dentry->d_op = &proc_dentry_operations;
	if (pi->pid && !proc_task(pi->pid)) {
		d_add(dentry, NULL);
		return NULL;
	}
	for (e = dir_entries(dir), i = 0; e[i].name; i++) {
		if (strlen(e[i].name) == dentry->d_name.len &&
		    !memcmp(e[i].name, dentry->d_name.name, dentry->d_name.len)) {
			inode = proc_get_inode(dir->i_sb, &e[i], pi->pid,
					       dir->i_ino * 64 + i + 2);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			break;
		}
	}
	if (!inode && !pi->entry && !pi->pid) {
		/* the root: "self" and the processes */
		int pid = name_to_pid(&dentry->d_name);

		if (dentry->d_name.len == 4 && !memcmp(dentry->d_name.name, "self", 4)) {
			inode = new_inode(dir->i_sb);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			inode->i_ino = 0xff000000;
			inode->i_mode = S_IFLNK | 0777;
			inode->i_op = &proc_self_inode_operations;
		} else if (pid && proc_task(pid)) {
			inode = proc_get_inode(dir->i_sb, &proc_pid_dir, pid,
					       (unsigned long)pid << 8);
			if (!inode)
				return ERR_PTR(-ENOMEM);
		}
	}
	d_add(dentry, inode);
	return NULL;
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	const struct proc_entry *e = dir_entries(dir);
	struct task_struct *t;
	loff_t n = 2;
	unsigned int i;

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
	for (i = 0; e[i].name; i++, n++) {
		if (n < ctx->pos)
			continue;
		if (!dir_emit(ctx, e[i].name, strlen(e[i].name), dir->i_ino * 64 + i + 2,
			      fs_umode_to_dtype(e[i].mode)))
			return 0;
		ctx->pos = n + 1;
	}
	if (PROC_I(dir)->entry || PROC_I(dir)->pid)
		return 0;
	if (n >= ctx->pos) {
		if (!dir_emit(ctx, "self", 4, 0xff000000, DT_LNK))
			return 0;
		ctx->pos = n + 1;
	}
	/* processes, by pid: the position after "self" is 1 << 16 + pid */
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

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

static const struct file_operations proc_dir_operations = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_readdir,
};

/* An open /proc file: the text of its last generation. */
struct proc_file {
	char *text;
	size_t len;
};

static void proc_show(struct seq_file *m, void *arg)
{
	struct proc_inode *pi = arg;
	struct task_struct *t;

	if (!pi->pid) {
		pi->entry->show(m);
		return;
	}
	t = proc_task(pi->pid);
	if (t)
		pi->entry->show_task(m, t);
}

static int proc_file_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	file->private_data = kzalloc(sizeof(struct proc_file), GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
	(void)inode;
}

static ssize_t proc_file_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_file *pf = file->private_data;

	if (*pos == 0 || !pf->text) {
		int err;

		kfree(pf->text);
		pf->len = 0;
		pf->text = seq_render(proc_show, PROC_I(file_inode(file)), &pf->len, &err);
		if (err)
			return err;
	}
	return simple_read_from_buffer(to, pos, pf->text, pf->len);
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
	.open = proc_file_open,
	.release = proc_file_release,
	.mmap = proc_file_mmap,
};

static const struct file_operations proc_pid_file_operations = {
	.llseek = proc_file_llseek,
	.read_iter = proc_file_read,
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
	root = proc_get_inode(sb, NULL, 0, PROC_ROOT_INO);
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

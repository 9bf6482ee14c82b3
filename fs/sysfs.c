// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs, as far as there is one: a filesystem type of a single instance,
 * so that `mount -t sysfs sysfs /sys` succeeds as on Linux (busybox's
 * /init does it). There is no device model behind it: the tree is the
 * fixed list of files below, the ones programs read, each generated at
 * the read by its show() into a page as Linux's attributes are: the CPU
 * sets of devices/system/cpu (glibc's get_nprocs reads online) and the
 * console's class/tty entries (busybox's cttyhack reads active). The
 * tree is made at mount and never changes: nothing can be made in it.
 */
#include <linux/cpumask.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uio.h>

#define SYSFS_MAGIC	0x62656572

/*
 * A CPU set as Linux's lists ("0-3", "0,2") or, without @list, as a hex
 * mask, and a newline: its length. @buf holds a page.
 */
int cpumap_print_to_pagebuf(bool list, char *buf, const struct cpumask *mask)
{
	const char *sep = "";
	int cpu, last, n = 0;

	if (!list)
		return snprintf(buf, PAGE_SIZE, "%lx\n", mask->bits);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpumask_test_cpu(cpu, mask))
			continue;
		for (last = cpu; last + 1 < NR_CPUS && cpumask_test_cpu(last + 1, mask); last++)
			;
		if (last > cpu)
			n += snprintf(buf + n, PAGE_SIZE - n, "%s%d-%d", sep, cpu, last);
		else
			n += snprintf(buf + n, PAGE_SIZE - n, "%s%d", sep, cpu);
		sep = ",";
		cpu = last;
	}
	buf[n++] = '\n';
	buf[n] = '\0';
	return n;
}

static int console_active_show(char *buf)
{
	return snprintf(buf, PAGE_SIZE, "ttyAMA0\n");
}

/* The device numbers drivers/tty/tty_io.c registers. */
static int tty_dev_show(char *buf, dev_t dev)
{
	return snprintf(buf, PAGE_SIZE, "%u:%u\n", MAJOR(dev), MINOR(dev));
}

static int console_dev_show(char *buf)
{
	return tty_dev_show(buf, MKDEV(5, 1));
}

static int tty_tty_dev_show(char *buf)
{
	return tty_dev_show(buf, MKDEV(5, 0));
}

static int ttyAMA0_dev_show(char *buf)
{
	return tty_dev_show(buf, MKDEV(204, 64));
}

static int cpu_online_show(char *buf)
{
	return cpumap_print_to_pagebuf(true, buf, cpu_online_mask);
}

/* Every CPU the device tree lists is possible and present (no hotplug). */
static int cpu_possible_show(char *buf)
{
	return cpumap_print_to_pagebuf(true, buf, cpu_possible_mask);
}

static int cpu_kernel_max_show(char *buf)
{
	return snprintf(buf, PAGE_SIZE, "%d\n", NR_CPUS - 1);
}

/* The files, by path; directories are made as their paths need them. */
static const struct sysfs_file {
	const char *path;
	int (*show)(char *buf);
} sysfs_files[] = {
	{ "class/tty/console/active", console_active_show },
	{ "class/tty/console/dev", console_dev_show },
	{ "class/tty/tty/dev", tty_tty_dev_show },
	{ "class/tty/ttyAMA0/dev", ttyAMA0_dev_show },
	{ "devices/system/cpu/kernel_max", cpu_kernel_max_show },
	{ "devices/system/cpu/online", cpu_online_show },
	{ "devices/system/cpu/possible", cpu_possible_show },
	{ "devices/system/cpu/present", cpu_possible_show },
};

static ssize_t sysfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	const struct sysfs_file *f = file_inode(file)->i_private;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	ret = simple_read_from_buffer(to, pos, buf, f->show(buf));
	kfree(buf);
	return ret;
}

/* No attribute here has a store(): even root may not open one to write (kernfs's way). */
static int sysfs_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return file->f_mode & FMODE_WRITE ? -EACCES : 0;
}

static const struct file_operations sysfs_file_operations = {
	.open = sysfs_open,
	.llseek = generic_file_llseek,
	.read_iter = sysfs_read,
};

static const struct super_operations sysfs_sops = {
	.statfs = simple_statfs,
};

/*
 * The child @name (@len bytes) of @parent: found, or made, a directory,
 * or (with @file) a read-only file. Its reference pins it in the tree.
 */
static struct dentry *sysfs_add(struct dentry *parent, const char *name, u32 len,
				const struct sysfs_file *file)
{
	struct qstr q = QSTR_INIT(name, len);
	struct dentry *dentry;
	struct inode *inode;

	q.hash = full_name_hash(parent, name, len);
	dentry = d_lookup(parent, &q);
	if (dentry) {
		dput(dentry);	/* the pin stays */
		return dentry;
	}
	dentry = d_alloc(parent, &q);
	inode = dentry ? new_inode(parent->d_sb) : NULL;
	if (!inode) {
		if (dentry)
			dput(dentry);
		return NULL;
	}
	inode->i_ino = get_next_ino();
	if (file) {
		inode->i_mode = S_IFREG | 0444;
		inode->i_size = PAGE_SIZE;	/* as sysfs files say */
		inode->i_fop = &sysfs_file_operations;
		inode->i_private = (void *)file;
	} else {
		inode->i_mode = S_IFDIR | 0755;
		inode->i_op = &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		set_nlink(inode, 2);
		inc_nlink(d_inode(parent));
	}
	d_add(dentry, inode);
	return dentry;
}

static int sysfs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct inode *root;
	size_t i;

	(void)fc;
	sb->s_magic = SYSFS_MAGIC;
	sb->s_op = &sysfs_sops;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0755;
	root->i_op = &simple_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	set_nlink(root, 2);
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(sysfs_files); i++) {
		const char *name = sysfs_files[i].path;
		struct dentry *d = sb->s_root;

		while (d) {
			const char *slash = strchr(name, '/');
			u32 len = slash ? (u32)(slash - name) : strlen(name);

			d = sysfs_add(d, name, len, slash ? NULL : &sysfs_files[i]);
			if (!slash)
				break;
			name = slash + 1;
		}
		if (!d)
			return -ENOMEM;
	}
	return 0;
}

/* The pins go at the last umount, and the tree with them. */
static void sysfs_kill_sb(struct super_block *sb)
{
	d_genocide(sb->s_root);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.fill_super = sysfs_fill_super,
	.kill_sb = sysfs_kill_sb,
	.single = true,
};

void sysfs_init(void)
{
	register_filesystem(&sysfs_fs_type);
}

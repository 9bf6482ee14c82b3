// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs, as far as there is one: a filesystem type of a single instance,
 * so that `mount -t sysfs sysfs /sys` succeeds as on Linux (busybox's
 * /init does it). There is no device model behind it yet: the tree holds
 * only class/tty/console/active, the console's device name, which
 * busybox's cttyhack reads to find the terminal to make controlling.
 * Nothing can be made in it (no mkdir or create).
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uio.h>

#define SYSFS_MAGIC	0x62656572

static const struct super_operations sysfs_sops = {
	.statfs = simple_statfs,
};

static const char console_active[] = "ttyAMA0\n";

static ssize_t active_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	(void)file;
	return simple_read_from_buffer(to, pos, console_active, sizeof(console_active) - 1);
}

static const struct file_operations sysfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = active_read,
};

/* A child of @parent: a directory, or (with @fop) a read-only file. */
static struct dentry *sysfs_add(struct dentry *parent, const char *name,
				const struct file_operations *fop)
{
	struct dentry *dentry = d_alloc_name(parent, name);
	struct inode *inode = dentry ? new_inode(parent->d_sb) : NULL;

	if (!inode) {
		if (dentry)
			dput(dentry);
		return NULL;
	}
	inode->i_ino = get_next_ino();
	if (fop) {
		inode->i_mode = S_IFREG | 0444;
		inode->i_size = 4096;	/* as sysfs files say */
		inode->i_fop = fop;
	} else {
		inode->i_mode = S_IFDIR | 0755;
		inode->i_op = &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		set_nlink(inode, 2);
		inc_nlink(d_inode(parent));
	}
	d_add(dentry, inode);	/* its reference pins it: the tree never changes */
	return dentry;
}

static int sysfs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct inode *root;

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
	{
		struct dentry *d = sysfs_add(sb->s_root, "class", NULL);

		d = d ? sysfs_add(d, "tty", NULL) : NULL;
		d = d ? sysfs_add(d, "console", NULL) : NULL;
		if (!d || !sysfs_add(d, "active", &sysfs_file_operations))
			return -ENOMEM;
	}
	return 0;
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.fill_super = sysfs_fill_super,
	.single = true,
};

void sysfs_init(void)
{
	register_filesystem(&sysfs_fs_type);
}

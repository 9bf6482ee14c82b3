// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs, as far as there is one: a filesystem type of a single instance
 * whose tree is an empty root directory, so that `mount -t sysfs sysfs
 * /sys` succeeds as on Linux (busybox's /init does it). There is no
 * device model behind it yet; nothing can be made in it (its root has
 * no mkdir or create), so it stays empty.
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>

#define SYSFS_MAGIC	0x62656572

static const struct super_operations sysfs_sops = {
	.statfs = simple_statfs,
};

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
	return sb->s_root ? 0 : -ENOMEM;
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

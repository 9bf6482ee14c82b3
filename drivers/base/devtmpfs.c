// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs: one tmpfs instance, made at boot, that drivers fill with the
 * nodes of the devices they register (devtmpfs_create_node), with
 * Linux's names, numbers and modes. Every mount of "devtmpfs" shows that
 * same instance, so /dev is populated the moment user space mounts it.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/string.h>

static struct vfsmount *dev_mnt;

int shmem_fill_super(struct super_block *sb, struct fs_context *fc);

static struct file_system_type dev_fs_type = {
	.name = "devtmpfs",
	.fill_super = shmem_fill_super,
	.single = true,
};

void devtmpfs_init(void)
{
	register_filesystem(&dev_fs_type);
	dev_mnt = kern_mount(&dev_fs_type);
	if (IS_ERR(dev_mnt)) {
		pr_err("devtmpfs: cannot make its instance (%ld)\n", PTR_ERR(dev_mnt));
		dev_mnt = NULL;
	}
}

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct dentry *root, *dentry;
	int err;

	if (!dev_mnt)
		return -ENODEV;
	root = dev_mnt->mnt_root;
	dentry = lookup_one_qstr(root, &q);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = d_really_is_negative(dentry) ?
	      vfs_mknod(d_inode(root), dentry, mode, dev) : -EEXIST;
	dput(dentry);
	return err;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Filesystem types and super_blocks. A filesystem registers its type;
 * mounting it makes a super_block (or, for a single-instance type such
 * as proc, reuses the one there is) whose fill_super builds the root.
 * Filesystems without a disk get an anonymous device number (major 0),
 * which stat shows as st_dev, as Linux does.
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct file_system_type *file_systems;
static LIST_HEAD(super_blocks);

#define ANON_MINORS	256
static unsigned long anon_dev_used[ANON_MINORS / 32];

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, fs->name))
			return -EBUSY;
	fs->next = NULL;
	*p = fs;
	return 0;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}

/* /proc/filesystems: "nodev\tNAME" for those that need no device. */
void filesystems_show(struct seq_file *m)
{
	struct file_system_type *fs;

	for (fs = file_systems; fs; fs = fs->next)
		seq_printf(m, "%s\t%s\n", fs->fs_flags & FS_REQUIRES_DEV ? "" : "nodev",
			   fs->name);
}

/* Minor 0 is left unused, so the first filesystem is 0:1 as on Linux. */
int get_anon_bdev(dev_t *dev)
{
	unsigned int i;

	for (i = 1; i < ANON_MINORS; i++) {
		if (!(anon_dev_used[i / 32] & (1UL << (i % 32)))) {
			anon_dev_used[i / 32] |= 1UL << (i % 32);
			*dev = MKDEV(0, i);
			return 0;
		}
	}
	return -EMFILE;
}

void free_anon_bdev(dev_t dev)
{
	unsigned int i = MINOR(dev);

	if (!MAJOR(dev) && i < ANON_MINORS)
		anon_dev_used[i / 32] &= ~(1UL << (i % 32));
}

struct super_block *sget_fc(struct file_system_type *type, struct fs_context *fc,
			    int *err)
{
	struct super_block *sb;

	if (type->single && type->single_sb) {
		type->single_sb->s_active++;
		return type->single_sb;
	}
	sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	if (!sb) {
		*err = -ENOMEM;
		return NULL;
	}
	INIT_LIST_HEAD(&sb->s_inodes);
	sb->s_type = type;
	sb->s_flags = fc->sb_flags;
	sb->s_blocksize = 4096;
	sb->s_active = 1;
	*err = get_anon_bdev(&sb->s_dev);
	if (!*err)
		*err = type->fill_super(sb, fc);
	if (*err) {
		if (sb->s_root)
			dput(sb->s_root);
		free_anon_bdev(sb->s_dev);
		kfree(sb);
		return NULL;
	}
	list_add_tail(&sb->s_list, &super_blocks);
	if (type->single)
		type->single_sb = sb;
	return sb;
}

/*
 * The last mount of @sb went: every dentry goes, which drops every
 * inode the dcache held; the filesystem frees what else it holds.
 */
void deactivate_super(struct super_block *sb)
{
	if (--sb->s_active)
		return;
	if (sb->s_type->single)
		sb->s_type->single_sb = NULL;
	if (sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	shrink_dcache_sb(sb);
	dput(sb->s_root);
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	WARN_ON(!list_empty(&sb->s_inodes));
	list_del(&sb->s_list);
	free_anon_bdev(sb->s_dev);
	kfree(sb);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation through the filesystem's super_operations, the
 * reference count (i_count) and the link count (i_nlink), attributes
 * and permission checks. An inode lives while anything uses it (a
 * dentry, an open file, a mapping); when the last user goes and it has
 * no links left its filesystem evicts its data and it is freed. An
 * inode that still has links is freed with its super_block, or with its
 * last dentry on filesystems that keep nothing but the dcache (tmpfs,
 * proc).
 *
 * Every task is root today (uid 0): permission checks follow Linux's
 * rules for root, which may read and write anything and execute what
 * has at least one execute bit.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/xarray.h>

static unsigned long last_ino;
static unsigned long inode_count;

unsigned long nr_inodes(void)
{
	return inode_count;
}

unsigned long get_next_ino(void)
{
	return ++last_ino;
}

struct timespec64 current_time(struct inode *inode)
{
	u64 ns = ktime_get_ns();
	struct timespec64 ts = { .tv_sec = ns / NSEC_PER_SEC,
				 .tv_nsec = ns % NSEC_PER_SEC };

	(void)inode;
	return ts;
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	inode = sb->s_op && sb->s_op->alloc_inode ? sb->s_op->alloc_inode(sb) :
		kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_count = 1;
	inode->i_mapping = &inode->i_data;
	inode->i_data.host = inode;
	xa_init(&inode->i_data.i_pages);
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	inode_count++;
	return inode;
}

void ihold(struct inode *inode)
{
	inode->i_count++;
}

static void destroy_inode(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	/* every VMA holds its file: none can still be on i_mmap */
	WARN_ON(!list_empty(&inode->i_data.i_mmap));
	if (op && op->evict_inode)
		op->evict_inode(inode);
	list_del(&inode->i_sb_list);
	inode_count--;
	kfree(inode->i_link);
	if (op && op->free_inode)
		op->free_inode(inode);
	else
		kfree(inode);
}

/*
 * Drops a use. Nothing caches inodes apart from the dentries that name
 * them, so at zero the inode goes, its data with it if it has no links
 * (a name still standing means a dentry still holds the inode).
 */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count)
		return;
	destroy_inode(inode);
}

void set_nlink(struct inode *inode, unsigned int n)
{
	inode->i_nlink = n;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(!inode->i_nlink);
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

/* Owner root; a set-group-ID directory gives its group (and, to directories, the bit). */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = 0;
	inode->i_gid = 0;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

int inode_permission(struct inode *inode, int mask)
{
	/* root: everything, but execution needs an x bit somewhere (or a directory) */
	if ((mask & MAY_EXEC) && !S_ISDIR(inode->i_mode) &&
	    !(inode->i_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
		return -EACCES;
	if ((mask & MAY_WRITE) && (inode->i_sb->s_flags & SB_RDONLY) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) || S_ISLNK(inode->i_mode)))
		return -EROFS;
	return 0;
}

void generic_fillattr(struct inode *inode, struct kstat *st)
{
	memset(st, 0, sizeof(*st));
	st->dev = inode->i_sb->s_dev;
	st->ino = inode->i_ino;
	st->mode = inode->i_mode;
	st->nlink = inode->i_nlink;
	st->uid = inode->i_uid;
	st->gid = inode->i_gid;
	st->rdev = inode->i_rdev;
	st->size = inode->i_size;
	st->atime = inode->i_atime;
	st->mtime = inode->i_mtime;
	st->ctime = inode->i_ctime;
	st->blksize = inode->i_sb->s_blocksize ? inode->i_sb->s_blocksize : PAGE_SIZE;
	st->blocks = inode->i_blocks;
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if ((attr->ia_valid & ATTR_SIZE) && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size > MAX_LFS_FILESIZE)
		return -EFBIG;
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
}

/* Devices, FIFOs and sockets: their open goes to the driver or the pipe code. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = rdev;	/* no block devices yet: opening gives ENXIO */
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	}
}

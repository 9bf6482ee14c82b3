// SPDX-License-Identifier: GPL-2.0
/*
 * Open files: made by open (dentry_open), pipe and the like
 * (alloc_file_pseudo), shared by dup and fork through f_count, and
 * released at the last fput: the file's release runs, then its hold on
 * the dentry and the mount goes.
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache *filp_cachep;
static unsigned long files_open;

unsigned long nr_files(void)
{
	return files_open;
}

/* The open mode of @flags: what the file may do. */
fmode_t open_flags_to_mode(unsigned int flags)
{
	fmode_t mode = 0;

	if (flags & O_PATH)
		return FMODE_PATH;
	if ((flags & O_ACCMODE) != O_WRONLY)
		mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		mode |= FMODE_WRITE;
	return mode;
}

struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *f;

	if (!filp_cachep)
		filp_cachep = kmem_cache_create("filp", sizeof(struct file), 8, 0, NULL);
	f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);
	if (!f)
		return NULL;
	f->f_path = *path;
	path_get(path);
	f->f_inode = d_inode(path->dentry);
	f->f_op = fop;
	/*
	 * what only mattered at open, and O_CLOEXEC, which is the
	 * descriptor's; O_NOCTTY stays for the open (a tty's reads it),
	 * which drops it
	 */
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC);
	f->f_mode = open_flags_to_mode(flags);
	f->f_count = 1;
	files_open++;
	return f;
}

struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       unsigned int flags, const struct file_operations *fop)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct path path;
	struct file *f;

	path.dentry = d_alloc_pseudo(mnt->mnt_sb, &q);
	if (!path.dentry)
		return NULL;
	path.mnt = mnt;
	d_instantiate(path.dentry, inode);
	f = alloc_file(&path, flags, fop);
	if (!f)
		ihold(inode);	/* failed: the caller's reference is the caller's again */
	dput(path.dentry);	/* the file holds it now, or nothing does */
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

void fput(struct file *f)
{
	BUG_ON(f->f_count <= 0);
	if (--f->f_count)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_mode & FMODE_WRITER)
		put_write_access(f->f_inode);
	path_put(&f->f_path);
	files_open--;
	kmem_cache_free(filp_cachep, f);
}

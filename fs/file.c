// SPDX-License-Identifier: GPL-2.0
/*
 * The open-file layer over the ramfs. Checks are in the order Linux makes
 * them on a read-only filesystem (a missing name is -ENOENT before write
 * access can be -EROFS, O_EXCL's -EEXIST before both), so the error a
 * program sees is the one it would see there.
 *
 * Positions are 64-bit as with O_LARGEFILE everywhere; a read clamps to
 * what a long can report, which a 32-bit kernel's files never reach.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define RAMFS_BLKSIZE	4096
#define LONG_MAX_BYTES	((size_t)(~0UL >> 1))

static int may_open(struct inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;

	if ((flags & O_NOFOLLOW) && S_ISLNK(inode->mode))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->mode))
		return acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT)) ? -EISDIR : 0;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		return -EROFS;
	return 0;
}

/*
 * O_CREAT of a missing name: -EROFS if its directory is there (the name
 * could be made, but not here), else why the directory is not.
 */
static int create_error(const char *path)
{
	size_t end = strlen(path);
	struct inode *dir;
	char *parent;
	int ret;

	while (end && path[end - 1] == '/')
		end--;
	while (end && path[end - 1] != '/')
		end--;
	if (!end)
		return -EROFS;		/* in the root, or the path was "" */
	parent = kmalloc(end + 1, GFP_KERNEL);
	if (!parent)
		return -ENOMEM;
	memcpy(parent, path, end);
	parent[end] = '\0';
	ret = ramfs_lookup(parent, &dir);
	kfree(parent);
	return ret ? ret : -EROFS;
}

static int open_lookup(const char *path, unsigned int flags, struct inode **inode)
{
	int ret;

	ret = ramfs_lookup_at(ramfs_root(), path,
			      flags & O_NOFOLLOW ? LOOKUP_NOFOLLOW : 0, inode);
	if (ret == -ENOENT && (flags & O_CREAT) && path[0])
		return create_error(path);
	if (!ret && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	return ret;
}

struct file *file_open(const char *path, unsigned int flags, int *err)
{
	struct inode *inode;
	struct file *f;
	int ret;

	ret = open_lookup(path, flags, &inode);
	if (!ret)
		ret = may_open(inode, flags);
	if (ret) {
		*err = ret;
		return NULL;
	}
	f = kmalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->inode = inode;
	f->f_op = NULL;
	f->private_data = NULL;
	f->pos = 0;
	f->flags = flags;
	f->count = 1;
	*err = 0;
	return f;
}

long file_pread(struct file *f, void *buf, size_t len, unsigned long long pos)
{
	struct inode *inode = f->inode;
	size_t n;

	if (f->f_op)
		return f->f_op->read(f, buf, len, pos);
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (pos >= inode->size)
		return 0;
	n = min(len, inode->size - (size_t)pos);
	n = min(n, LONG_MAX_BYTES);
	memcpy(buf, inode->data + pos, n);
	return n;
}

long file_read(struct file *f, void *buf, size_t len)
{
	long n = file_pread(f, buf, len, f->pos);

	if (n > 0)
		f->pos += n;
	return n;
}

long long file_lseek(struct file *f, long long off, int whence)
{
	long long base, pos;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
		if (f->f_op)
			return -EINVAL;	/* a generated view has no end to seek from */
		base = f->inode->size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, off, &pos) || pos < 0)
		return -EINVAL;
	f->pos = pos;
	return pos;
}

void file_get(struct file *f)
{
	f->count++;
}

void file_put(struct file *f)
{
	if (--f->count)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	kfree(f);
}

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = files->fd_array;
	return files;
}

int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int size = files->max_fds;
	struct file **fd;

	if (nr < size)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	while (size <= nr)
		size *= 2;
	fd = kcalloc(size, sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;
	memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
	if (files->fd != files->fd_array)
		kfree(files->fd);
	files->fd = fd;
	files->max_fds = size;
	return 0;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = alloc_files();
	unsigned int fd;

	if (!files)
		return NULL;
	if (expand_files(files, old->max_fds - 1)) {
		put_files_struct(files);
		return NULL;
	}
	for (fd = 0; fd < old->max_fds; fd++) {
		files->fd[fd] = old->fd[fd];
		if (files->fd[fd])
			file_get(files->fd[fd]);
	}
	return files;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (--files->count)
		return;
	for (fd = 0; fd < files->max_fds; fd++)
		if (files->fd[fd])
			file_put(files->fd[fd]);
	if (files->fd != files->fd_array)
		kfree(files->fd);
	kfree(files);
}

int unshare_files(struct task_struct *tsk)
{
	struct files_struct *old = tsk->files, *new;

	if (!old || old->count == 1)
		return 0;
	new = dup_fd(old);
	if (!new)
		return -ENOMEM;
	tsk->files = new;
	put_files_struct(old);
	return 0;
}

void file_stat(struct inode *inode, struct kstat *st)
{
	memset(st, 0, sizeof(*st));
	st->ino = inode->ino;
	st->mode = inode->mode;
	st->nlink = inode->nlink;
	st->uid = inode->uid;
	st->gid = inode->gid;
	st->size = inode->size;
	st->blksize = RAMFS_BLKSIZE;
	/* whole pages, as Linux's ramfs counts its page-cache pages */
	st->blocks = DIV_ROUND_UP(inode->size, RAMFS_BLKSIZE) * (RAMFS_BLKSIZE / 512);
	st->mtime = inode->mtime;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * stat64, lstat64, fstat64, fstatat64 and statx: a kstat filled by the
 * filesystem (getattr, or the inode's fields), copied out in the ARM
 * EABI layouts glibc and busybox expect.
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/stat.h>

int vfs_getattr(const struct path *path, struct kstat *st)
{
	struct inode *inode = d_inode(path->dentry);
	int err = 0;

	if (inode->i_op && inode->i_op->getattr)
		err = inode->i_op->getattr(path, st);
	else
		generic_fillattr(inode, st);
	st->mnt_id = mnt_id(path->mnt);
	return err;
}

_Static_assert(sizeof(struct stat64) == 104, "ARM EABI stat64");

static long cp_new_stat64(const struct kstat *k, void *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.__st_ino = k->ino;
	st.st_ino = k->ino;
	st.st_mode = k->mode;
	st.st_nlink = k->nlink;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	st.st_atime = k->atime.tv_sec;
	st.st_atime_nsec = k->atime.tv_nsec;
	st.st_mtime = k->mtime.tv_sec;
	st.st_mtime_nsec = k->mtime.tv_nsec;
	st.st_ctime = k->ctime.tv_sec;
	st.st_ctime_nsec = k->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long vfs_fstat(unsigned int fd, struct kstat *st)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, st);
	fput(f);
	return err;
}

static long vfs_statx(int dfd, const char *uname, int flags, struct kstat *st)
{
	unsigned int lookup = flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, uname, lookup, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, st);
	path_put(&path);
	return err;
}

long sys_fstat64(unsigned int fd, void *statbuf)
{
	struct kstat k;

	return vfs_fstat(fd, &k) ?: cp_new_stat64(&k, statbuf);
}

long sys_stat64(const char *uname, void *statbuf)
{
	struct kstat k;

	return vfs_statx(AT_FDCWD, uname, 0, &k) ?: cp_new_stat64(&k, statbuf);
}

long sys_lstat64(const char *uname, void *statbuf)
{
	struct kstat k;

	return vfs_statx(AT_FDCWD, uname, AT_SYMLINK_NOFOLLOW, &k) ?:
	       cp_new_stat64(&k, statbuf);
}

long sys_fstatat64(int dfd, const char *uname, void *statbuf, int flags)
{
	struct kstat k;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	return vfs_statx(dfd, uname, flags, &k) ?: cp_new_stat64(&k, statbuf);
}

_Static_assert(sizeof(struct statx) == 256, "struct statx");

static void put_ts(struct statx_timestamp *d, const struct timespec64 *s)
{
	d->tv_sec = s->tv_sec;
	d->tv_nsec = s->tv_nsec;
}

/*
 * statx(dfd, path, flags, mask, buf): what every *stat of glibc 2.36 on
 * 32-bit ARM calls first. The basic fields are always filled, whatever
 * @mask asks (Linux may return more than asked and says so in stx_mask).
 */
long sys_statx(int dfd, const char *uname, unsigned int flags, unsigned int mask,
	       void *ubuf)
{
	struct statx sx;
	struct kstat k;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE) ||
	    (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE ||
	    mask & STATX__RESERVED)
		return -EINVAL;
	err = vfs_statx(dfd, uname, flags, &k);
	if (err)
		return err;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	sx.stx_blksize = k.blksize;
	sx.stx_nlink = k.nlink;
	sx.stx_uid = k.uid;
	sx.stx_gid = k.gid;
	sx.stx_mode = k.mode;
	sx.stx_ino = k.ino;
	sx.stx_size = k.size;
	sx.stx_blocks = k.blocks;
	put_ts(&sx.stx_atime, &k.atime);
	put_ts(&sx.stx_mtime, &k.mtime);
	put_ts(&sx.stx_ctime, &k.ctime);
	sx.stx_rdev_major = MAJOR(k.rdev);
	sx.stx_rdev_minor = MINOR(k.rdev);
	sx.stx_dev_major = MAJOR(k.dev);
	sx.stx_dev_minor = MINOR(k.dev);
	sx.stx_mnt_id = k.mnt_id;
	return copy_to_user(ubuf, &sx, sizeof(sx)) ? -EFAULT : 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files, and the calls that change a file's
 * attributes: truncate, chmod, chown, utimensat, access; ioctl's generic
 * part; statfs. An open is a path walk (fs/namei.c) and then
 * dentry_open(): a struct file with the inode's file_operations, whose
 * open may hand it to a driver (character devices) or refuse it.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/ioctls.h>
#include <asm/statfs.h>

static const struct file_operations empty_fops;

struct file *dentry_open(const struct path *path, unsigned int flags, int *err)
{
	struct inode *inode = d_inode(path->dentry);
	const struct file_operations *fop = flags & O_PATH ? &empty_fops : inode->i_fop;
	struct file *f;
	int ret;

	if (!fop) {
		*err = S_ISBLK(inode->i_mode) || S_ISFIFO(inode->i_mode) ||
		       S_ISSOCK(inode->i_mode) ? -ENXIO : -EINVAL;
		return NULL;
	}
	f = alloc_file(path, flags, fop);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!(flags & O_PATH))
		f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if ((f->f_mode & FMODE_WRITE) && S_ISREG(inode->i_mode)) {
		ret = get_write_access(inode);
		if (ret) {
			f->f_op = NULL;
			fput(f);
			*err = ret;
			return NULL;
		}
		f->f_mode |= FMODE_WRITER;
	}
	if (fop->open) {
		ret = fop->open(inode, f);
		if (ret) {
			f->f_op = NULL;		/* never opened: no release */
			fput(f);
			*err = ret;
			return NULL;
		}
	}
	f->f_flags &= ~O_NOCTTY;	/* asked of the open only (a tty's reads it) */
	*err = 0;
	return f;
}

int stream_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

struct file *filp_open(const char *path, unsigned int flags, umode_t mode, int *err)
{
	return do_filp_open(AT_FDCWD, path, flags, mode, err);
}

#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | \
			  O_APPEND | O_NONBLOCK | O_DSYNC | O_DIRECTORY | O_NOFOLLOW | \
			  O_DIRECT | O_LARGEFILE | O_NOATIME | O_CLOEXEC | O_SYNC | \
			  O_PATH | __O_TMPFILE | FASYNC)

long do_sys_open(int dfd, const char *uname, int flags, umode_t mode)
{
	struct file *f;
	char *name;
	int fd, err;

	flags &= VALID_OPEN_FLAGS;
	/* O_PATH beats everything else, O_TMPFILE included (Linux's build_open_how) */
	if (flags & O_PATH)
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
	/* an O_TMPFILE is written: made neither with O_CREAT nor read-only */
	if ((flags & __O_TMPFILE) &&
	    ((flags & (O_TMPFILE | O_CREAT)) != O_TMPFILE || (flags & O_ACCMODE) == O_RDONLY))
		return -EINVAL;
	name = getname(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, name, flags, mode & S_IALLUGO, &err);
		if (f) {
			fd_install(fd, f);
		} else {
			put_unused_fd(fd);
			fd = err;
		}
	}
	putname(name);
	return fd;
}

long sys_openat(int dfd, const char *uname, int flags, umode_t mode)
{
	return do_sys_open(dfd, uname, flags, mode);
}

long sys_open(const char *uname, int flags, umode_t mode)
{
	return do_sys_open(AT_FDCWD, uname, flags, mode);
}

long sys_creat(const char *uname, umode_t mode)
{
	return do_sys_open(AT_FDCWD, uname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if (!(attr->ia_valid & ATTR_CTIME) && (attr->ia_valid & ~(ATTR_ATIME | ATTR_MTIME))) {
		attr->ia_ctime = current_time(inode);
		attr->ia_valid |= ATTR_CTIME;
	}
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME,
			      .ia_size = length };

	if (length < 0)
		return -EINVAL;
	attr.ia_mtime = attr.ia_ctime = current_time(d_inode(dentry));
	return notify_change(dentry, &attr);
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = d_inode(path->dentry);
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	err = inode_permission(inode, MAY_WRITE);
	if (!err)
		err = get_write_access(inode);
	if (err)
		return err;
	err = do_truncate(path->dentry, length);
	put_write_access(inode);
	return err;
}

static long do_sys_truncate(const char *uname, loff_t length)
{
	struct path path;
	long err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, uname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

static long do_sys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f = fget(fd);
	struct inode *inode;
	long err;

	if (!f)
		return -EBADF;
	inode = file_inode(f);
	if (length < 0)
		err = -EINVAL;
	else if (!(f->f_mode & FMODE_WRITE) || (f->f_mode & FMODE_PATH))
		err = -EINVAL;
	else if (S_ISDIR(inode->i_mode) || !S_ISREG(inode->i_mode))
		err = -EINVAL;
	else
		err = do_truncate(f->f_path.dentry, length);
	fput(f);
	return err;
}

long sys_truncate(const char *uname, long length)
{
	return do_sys_truncate(uname, length);
}

long sys_ftruncate(unsigned int fd, unsigned long length)
{
	return do_sys_ftruncate(fd, (long)length);
}

/* truncate64/ftruncate64: the EABI aligns the 64-bit length to r2:r3. */
long sys_truncate64(const char *uname, u32 pad, u32 lo, u32 hi)
{
	(void)pad;
	return do_sys_truncate(uname, (loff_t)((u64)hi << 32 | lo));
}

long sys_ftruncate64(unsigned int fd, u32 pad, u32 lo, u32 hi)
{
	(void)pad;
	return do_sys_ftruncate(fd, (loff_t)((u64)hi << 32 | lo));
}

static long chmod_common(const struct path *path, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	attr.ia_mode = mode & S_IALLUGO;
	attr.ia_ctime = current_time(d_inode(path->dentry));
	return notify_change(path->dentry, &attr);
}

long sys_fchmodat(int dfd, const char *uname, umode_t mode)
{
	struct path path;
	long err = user_path_at(dfd, uname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

long sys_chmod(const char *uname, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, uname, mode);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = f->f_mode & FMODE_PATH ? -EBADF : chmod_common(&f->f_path, mode);
	fput(f);
	return err;
}

/* -1 leaves an id alone; a chown drops set-user/group-ID from a file, as Linux. */
static long chown_common(const struct path *path, unsigned int uid, unsigned int gid)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_CTIME };

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	if (uid != ~0U) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = uid;
	}
	if (gid != ~0U) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = gid;
	}
	if (!S_ISDIR(inode->i_mode) && (inode->i_mode & (S_ISUID | S_ISGID))) {
		attr.ia_valid |= ATTR_MODE;
		attr.ia_mode = inode->i_mode & ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			attr.ia_mode &= ~S_ISGID;
	}
	attr.ia_ctime = current_time(inode);
	return notify_change(path->dentry, &attr);
}

long sys_fchownat(int dfd, const char *uname, unsigned int uid, unsigned int gid, int flag)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flag & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flag & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, uname, lookup, &path);
	if (err)
		return err;
	err = chown_common(&path, uid, gid);
	path_put(&path);
	return err;
}

long sys_chown(const char *uname, unsigned int uid, unsigned int gid)
{
	return sys_fchownat(AT_FDCWD, uname, uid, gid, 0);
}

long sys_lchown(const char *uname, unsigned int uid, unsigned int gid)
{
	return sys_fchownat(AT_FDCWD, uname, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, unsigned int uid, unsigned int gid)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = f->f_mode & FMODE_PATH ? -EBADF : chown_common(&f->f_path, uid, gid);
	fput(f);
	return err;
}

#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

long sys_faccessat2(int dfd, const char *uname, int mode, int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct inode *inode;
	struct path path;
	long err;

	if (mode & ~(F_OK | X_OK | W_OK | R_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, uname, lookup, &path);
	if (err)
		return err;
	inode = d_inode(path.dentry);
	err = inode_permission(inode, (mode & X_OK ? MAY_EXEC : 0) |
				      (mode & W_OK ? MAY_WRITE : 0) | (mode & R_OK ? MAY_READ : 0));
	if (!err && (mode & W_OK) && mnt_is_readonly(path.mnt) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) || S_ISLNK(inode->i_mode)))
		err = -EROFS;
	path_put(&path);
	return err;
}

long sys_faccessat(int dfd, const char *uname, int mode)
{
	return sys_faccessat2(dfd, uname, mode, 0);
}

long sys_access(const char *uname, int mode)
{
	return sys_faccessat2(AT_FDCWD, uname, mode, 0);
}

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

/* Sets the times of @path from @ts[2] (NULL: both now), as utimensat. */
static long utimes_common(const struct path *path, const struct timespec64 *ts)
{
	struct inode *inode = d_inode(path->dentry);
	struct timespec64 now = current_time(inode);
	struct iattr attr = { .ia_valid = ATTR_CTIME, .ia_ctime = now };

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	if (!ts || ts[0].tv_nsec != UTIME_OMIT) {
		attr.ia_valid |= ATTR_ATIME;
		attr.ia_atime = !ts || ts[0].tv_nsec == UTIME_NOW ? now : ts[0];
	}
	if (!ts || ts[1].tv_nsec != UTIME_OMIT) {
		attr.ia_valid |= ATTR_MTIME;
		attr.ia_mtime = !ts || ts[1].tv_nsec == UTIME_NOW ? now : ts[1];
	}
	if (ts && ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
		return 0;
	return notify_change(path->dentry, &attr);
}

static bool nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW || (nsec >= 0 && nsec < 1000000000L);
}

static long do_utimensat(int dfd, const char *uname, struct timespec64 *ts, int flags)
{
	unsigned int lookup = flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (ts && (!nsec_valid(ts[0].tv_nsec) || !nsec_valid(ts[1].tv_nsec)))
		return -EINVAL;
	if (!uname) {
		/* futimens: the file at @dfd */
		struct file *f;

		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		err = utimes_common(&f->f_path, ts);
		fput(f);
		return err;
	}
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, uname, lookup, &path);
	if (err)
		return err;
	err = utimes_common(&path, ts);
	path_put(&path);
	return err;
}

/* The two timespecs of utimensat in either layout (their nsec may be UTIME_*). */
static long get_utimes(const void *utimes, bool time64, struct timespec64 ts[2])
{
	int i;

	for (i = 0; i < 2; i++) {
		if (time64) {
			struct __kernel_timespec t;

			if (copy_from_user(&t, (const struct __kernel_timespec *)utimes + i, sizeof(t)))
				return -EFAULT;
			ts[i].tv_sec = t.tv_sec;
			ts[i].tv_nsec = (long)t.tv_nsec;
		} else {
			struct old_timespec32 t;

			if (copy_from_user(&t, (const struct old_timespec32 *)utimes + i, sizeof(t)))
				return -EFAULT;
			ts[i].tv_sec = t.tv_sec;
			ts[i].tv_nsec = t.tv_nsec;
		}
	}
	return 0;
}

static long utimensat_common(int dfd, const char *uname, const void *utimes, int flags,
			     bool time64)
{
	struct timespec64 ts[2];

	if (!utimes)
		return do_utimensat(dfd, uname, NULL, flags);
	return get_utimes(utimes, time64, ts) ?: do_utimensat(dfd, uname, ts, flags);
}

long sys_utimensat(int dfd, const char *uname, const struct old_timespec32 *utimes,
		   int flags)
{
	return utimensat_common(dfd, uname, utimes, flags, false);
}

long sys_utimensat_time64(int dfd, const char *uname,
			  const struct __kernel_timespec *utimes, int flags)
{
	return utimensat_common(dfd, uname, utimes, flags, true);
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	if (f->f_mode & FMODE_PATH) {
		fput(f);
		return -EBADF;
	}
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		err = 0;
		break;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		err = 0;
		break;
	case FIONBIO: {
		int on;

		err = get_user(on, (int *)arg) ? -EFAULT : 0;
		if (!err) {
			if (on)
				f->f_flags |= O_NONBLOCK;
			else
				f->f_flags &= ~O_NONBLOCK;
		}
		break;
	}
	default:
		err = f->f_op && f->f_op->unlocked_ioctl ?
		      f->f_op->unlocked_ioctl(f, cmd, arg) : -ENOTTY;
		break;
	}
	fput(f);
	return err;
}

_Static_assert(sizeof(struct statfs64) == 84, "ARM EABI statfs64");

#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020

static long statfs_common(const struct path *path, size_t size, void *ubuf)
{
	struct super_block *sb = path->dentry->d_sb;
	struct statfs64 out;
	struct kstatfs st;
	int flags = path->mnt->mnt_flags;

	if (size != sizeof(out))
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	if (sb->s_op && sb->s_op->statfs)
		sb->s_op->statfs(path->dentry, &st);
	else
		simple_statfs(path->dentry, &st);
	memset(&out, 0, sizeof(out));
	out.f_type = st.f_type;
	out.f_bsize = st.f_bsize;
	out.f_blocks = st.f_blocks;
	out.f_bfree = st.f_bfree;
	out.f_bavail = st.f_bavail;
	out.f_files = st.f_files;
	out.f_ffree = st.f_ffree;
	out.f_namelen = st.f_namelen;
	out.f_frsize = st.f_frsize;
	out.f_flags = ST_VALID | (mnt_is_readonly(path->mnt) ? ST_RDONLY : 0) |
		      (flags & MNT_NOSUID ? ST_NOSUID : 0) | (flags & MNT_NODEV ? ST_NODEV : 0) |
		      (flags & MNT_NOEXEC ? ST_NOEXEC : 0);
	return copy_to_user(ubuf, &out, sizeof(out)) ? -EFAULT : 0;
}

long sys_statfs64(const char *uname, size_t size, void *ubuf)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, uname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = statfs_common(&path, size, ubuf);
	path_put(&path);
	return err;
}

long sys_fstatfs64(unsigned int fd, size_t size, void *ubuf)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = statfs_common(&f->f_path, size, ubuf);
	fput(f);
	return err;
}

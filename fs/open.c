// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptors: a task's table of open files (fds 0-2 are the
 * console), open/openat/close, stat64/fstat64 in the ARM EABI layout
 * and statx (what glibc asks first),
 * and the console ioctls a C library asks for (TCGETS, TIOCGWINSZ).
 * Files come from the initramfs (read-only); the console is a special
 * open file with no inode.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/resource.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define PATH_MAX	4096

/* The console: every task's fds 0, 1 and 2 to begin with. */
struct file console_file = { .inode = NULL, .count = 1 };

bool is_console(const struct file *f)
{
	return f == &console_file;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	return files && fd < files->max_fds ? files->fd[fd] : NULL;
}

void install_console_fds(struct task_struct *t)
{
	struct files_struct *files = t->files;
	int fd;

	if (!files) {
		files = alloc_files();
		if (!files)
			return;		/* the program will find no fds open */
		t->files = files;
	}
	for (fd = 0; fd < 3; fd++) {
		if (files->fd[fd])
			file_put(files->fd[fd]);
		file_get(&console_file);
		files->fd[fd] = &console_file;
	}
}

static int alloc_fd(struct file *f)
{
	struct files_struct *files = current->files;
	int fd;

	int err;

	if (!files)
		return -EMFILE;
	/* the lowest free number below RLIMIT_NOFILE; the table grows to hold it */
	for (fd = 0; (unsigned long)fd < rlimit(RLIMIT_NOFILE); fd++) {
		if ((unsigned int)fd >= files->max_fds) {
			err = expand_files(files, fd);
			if (err)
				return err;
		}
		if (!files->fd[fd]) {
			files->fd[fd] = f;
			return fd;
		}
	}
	return -EMFILE;
}

/* A path from user space, copied into @buf (PATH_MAX bytes). */
static long get_path(const char *upath, char *buf)
{
	long len = strncpy_from_user(buf, upath, PATH_MAX);

	if (len < 0)
		return -EFAULT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	return len ? 0 : -ENOENT;
}

/* An absolute kernel-space path: a /proc view or a ramfs file. */
struct file *filp_open(const char *path, unsigned int flags, int *err)
{
	if (is_proc_path(path))
		return proc_open(path, flags, err);
	return file_open(path, flags, err);
}

long sys_openat(int dfd, const char *upath, int flags, int mode)
{
	static char path[PATH_MAX];	/* one CPU, no preemption in the kernel */
	struct file *f;
	long err = get_path(upath, path);
	int fd;

	(void)mode;
	if (err)
		return err;
	if (path[0] != '/' && dfd != AT_FDCWD)
		return -EBADF;	/* relative to a directory fd: not supported yet */
	if (flags & O_CREAT)
		return -EROFS;
	f = filp_open(path, flags, (int *)&err);
	if (!f)
		return err;
	fd = alloc_fd(f);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_open(const char *upath, int flags, int mode)
{
	return sys_openat(AT_FDCWD, upath, flags, mode);
}

long sys_close(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	file_put(f);
	return 0;
}

/* struct stat64 of the ARM EABI (104 bytes, 8-byte aligned fields). */
struct stat64 {
	u64 st_dev;
	u8 __pad0[4];
	u32 __st_ino;
	u32 st_mode;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u64 st_rdev;
	u8 __pad3[4];
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime, st_atime_nsec;
	u32 st_mtime, st_mtime_nsec;
	u32 st_ctime, st_ctime_nsec;
	u64 st_ino;
};	/* EABI alignment puts the padding where Linux has it */

_Static_assert(sizeof(struct stat64) == 104, "ARM EABI stat64");

static long fill_stat64(const struct kstat *k, void *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = 1;
	st.__st_ino = k->ino;
	st.st_ino = k->ino;
	st.st_mode = k->mode;
	st.st_nlink = k->nlink;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	st.st_atime = st.st_mtime = st.st_ctime = k->mtime;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long fd_stat(unsigned int fd, struct kstat *k)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (is_console(f)) {
		memset(k, 0, sizeof(*k));
		k->mode = S_IFCHR | 0620;
		k->nlink = 1;
		k->blksize = 1024;
	} else if (f->f_op) {
		/* a /proc view: a read-only file whose size is not known */
		memset(k, 0, sizeof(*k));
		k->mode = S_IFREG | 0444;
		k->nlink = 1;
		k->blksize = 1024;
	} else {
		file_stat(f->inode, k);
	}
	return 0;
}

long sys_fstat64(unsigned int fd, void *statbuf)
{
	struct kstat k;

	return fd_stat(fd, &k) ?: fill_stat64(&k, statbuf);
}

long sys_stat64(const char *upath, void *statbuf)
{
	static char path[PATH_MAX];
	struct inode *inode;
	struct kstat k;
	long err = get_path(upath, path);

	if (err)
		return err;
	err = ramfs_lookup(path, &inode);
	if (err)
		return err;
	file_stat(inode, &k);
	return fill_stat64(&k, statbuf);
}

/* struct statx: the same on every architecture (256 bytes). */
struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask;		/* which fields are filled in */
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0;
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor;
	u32 stx_dev_major, stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align, stx_dio_offset_align;
	u64 __spare3[12];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx");

#define AT_NO_AUTOMOUNT		0x800
#define AT_STATX_SYNC_TYPE	0x6000	/* both bits together: invalid */
#define STATX_BASIC_STATS	0x7ff	/* type, mode, nlink ... blocks */
#define STATX__RESERVED		0x80000000U

/*
 * statx(dfd, path, flags, mask, buf): what every *stat of glibc 2.36 on
 * 32-bit ARM calls first. The basic fields are always filled, whatever
 * @mask asks (Linux may return more than asked and says so in stx_mask).
 */
long sys_statx(int dfd, const char *upath, unsigned int flags, unsigned int mask,
	       void *ubuf)
{
	static char path[PATH_MAX];
	struct inode *inode;
	struct statx sx;
	struct kstat k;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE) ||
	    (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE ||
	    mask & STATX__RESERVED)
		return -EINVAL;
	err = strncpy_from_user(path, upath, PATH_MAX);
	if (err < 0)
		return -EFAULT;
	if (err >= PATH_MAX)
		return -ENAMETOOLONG;
	if (!path[0] && flags & AT_EMPTY_PATH && dfd != AT_FDCWD) {
		err = fd_stat(dfd, &k);
	} else if (path[0] && path[0] != '/' && dfd != AT_FDCWD) {
		err = fget(dfd) ? -ENOTDIR : -EBADF;	/* no directory fds yet */
	} else {
		/* "" with AT_EMPTY_PATH and AT_FDCWD: the cwd, always / */
		err = ramfs_lookup_at(ramfs_root(),
				      !path[0] && flags & AT_EMPTY_PATH ? "/" : path,
				      flags & AT_SYMLINK_NOFOLLOW ? LOOKUP_NOFOLLOW : 0,
				      &inode);
		if (!err)
			file_stat(inode, &k);
	}
	if (err)
		return err;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = k.blksize;
	sx.stx_nlink = k.nlink;
	sx.stx_uid = k.uid;
	sx.stx_gid = k.gid;
	sx.stx_mode = k.mode;
	sx.stx_ino = k.ino;
	sx.stx_size = k.size;
	sx.stx_blocks = k.blocks;
	sx.stx_atime.tv_sec = sx.stx_mtime.tv_sec = sx.stx_ctime.tv_sec = k.mtime;
	sx.stx_dev_minor = 1;
	return copy_to_user(ubuf, &sx, sizeof(sx)) ? -EFAULT : 0;
}

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* termios as a C library reads it: canonical mode with echo, 115200 8N1. */
struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!is_console(f))
		return -ENOTTY;
	switch (cmd) {
	case TIOCGWINSZ: {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };

		return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	case TCGETS: {
		struct termios t = { .c_iflag = 0x500, .c_oflag = 0x5,
				     .c_cflag = 0x1cb2, .c_lflag = 0x8a3b };

		return copy_to_user((void *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	}
	default:
		return -ENOTTY;
	}
}

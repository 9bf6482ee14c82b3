// SPDX-License-Identifier: GPL-2.0
/*
 * Duplicating descriptors (dup, dup2, dup3) and fcntl/fcntl64: the
 * close-on-exec flag, which belongs to a descriptor, and the status
 * flags, which belong to the open file and so are shared by its dups.
 * F_SETPIPE_SZ/F_GETPIPE_SZ go to the pipe (fs/pipe.c).
 * Errors come in Linux's order: the fd first (EBADF), then the command
 * and its argument (EINVAL), then the table (EMFILE).
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/pipe_fs_i.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* What F_SETFL may change; the access mode and open-time flags stay. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

long sys_dup(unsigned int fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(file);
		return fd;
	}
	fd_install(fd, file);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	long ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, flags);
	fput(file);
	return ret;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		/* nothing to do, but oldfd must be open */
		struct file *file = fget(oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return oldfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

/* The lowest free fd from @from up, for @file. */
static long f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

static long setfl(struct file *filp, unsigned long arg)
{
	/* O_DIRECT is packet mode on a pipe; no other file here does it */
	if ((arg & O_DIRECT) && !S_ISFIFO(file_inode(filp)->i_mode))
		return -EINVAL;
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	return 0;
}

/* The commands an O_PATH descriptor allows: it names a file, no more. */
static bool path_fcntl_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd((unsigned int)(int)arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd((unsigned int)(int)arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(filp, cmd, arg);
	}
	return -EINVAL;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *filp = fget(fd);
	long ret = -EBADF;

	if (!filp)
		return -EBADF;
	if (!(filp->f_mode & FMODE_PATH) || path_fcntl_cmd(cmd))
		ret = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return ret;
}

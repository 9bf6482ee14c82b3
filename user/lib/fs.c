/* File and directory system calls, with libc error handling (-1 and errno). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "syscall.h"

#define L(x)	((long)(x))

int creat(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_creat, L(path), mode));
}

int link(const char *oldpath, const char *newpath)
{
	return __syscall_ret(__syscall2(SYS_link, L(oldpath), L(newpath)));
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
	return __syscall_ret(__syscall5(SYS_linkat, olddirfd, L(oldpath), newdirfd,
					L(newpath), flags));
}

int unlink(const char *path)
{
	return __syscall_ret(__syscall1(SYS_unlink, L(path)));
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return __syscall_ret(__syscall3(SYS_unlinkat, dirfd, L(path), flags));
}

int rmdir(const char *path)
{
	return __syscall_ret(__syscall1(SYS_rmdir, L(path)));
}

int symlink(const char *target, const char *path)
{
	return __syscall_ret(__syscall2(SYS_symlink, L(target), L(path)));
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	return __syscall_ret(__syscall3(SYS_symlinkat, L(target), dirfd, L(path)));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall3(SYS_readlink, L(path), L(buf), size));
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall4(SYS_readlinkat, dirfd, L(path), L(buf), size));
}

int rename(const char *oldpath, const char *newpath)
{
	return __syscall_ret(__syscall2(SYS_rename, L(oldpath), L(newpath)));
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
	      unsigned int flags)
{
	return __syscall_ret(__syscall5(SYS_renameat2, olddirfd, L(oldpath), newdirfd,
					L(newpath), flags));
}

int mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_mkdir, L(path), mode));
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return __syscall_ret(__syscall3(SYS_mkdirat, dirfd, L(path), mode));
}

/* The kernel takes the device number in its 32-bit "new" encoding. */
int mknod(const char *path, mode_t mode, dev_t dev)
{
	unsigned int major = (dev >> 8) & 0xfff, minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return __syscall_ret(__syscall3(SYS_mknod, L(path), mode,
					(minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12)));
}

int chmod(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_chmod, L(path), mode));
}

int fchmod(int fd, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_fchmod, fd, mode));
}

mode_t umask(mode_t mask)
{
	return __syscall1(SYS_umask, mask);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return __syscall_ret(__syscall4(SYS_utimensat, dirfd, L(path), L(times), flags));
}

int lstat64(const char *path, struct stat64 *st)
{
	return __syscall_ret(__syscall2(SYS_lstat64, L(path), L(st)));
}

int fstatat64(int dirfd, const char *path, struct stat64 *st, int flags)
{
	return __syscall_ret(__syscall4(SYS_fstatat64, dirfd, L(path), L(st), flags));
}

int chdir(const char *path)
{
	return __syscall_ret(__syscall1(SYS_chdir, L(path)));
}

int fchdir(int fd)
{
	return __syscall_ret(__syscall1(SYS_fchdir, fd));
}

int chroot(const char *path)
{
	return __syscall_ret(__syscall1(SYS_chroot, L(path)));
}

/* The raw call returns the length; the C library's returns the buffer. */
char *getcwd(char *buf, size_t size)
{
	long r = __syscall_ret(__syscall2(SYS_getcwd, L(buf), size));

	return r < 0 ? NULL : buf;
}

int access(const char *path, int mode)
{
	return __syscall_ret(__syscall2(SYS_access, L(path), mode));
}

/* EABI: a 64-bit argument goes in an even/odd register pair. */
int truncate64(const char *path, off64_t length)
{
	return __syscall_ret(__syscall4(SYS_truncate64, L(path), 0, (long)length,
					(long)(length >> 32)));
}

int ftruncate64(int fd, off64_t length)
{
	return __syscall_ret(__syscall4(SYS_ftruncate64, fd, 0, (long)length,
					(long)(length >> 32)));
}

int truncate(const char *path, off_t length)
{
	return __syscall_ret(__syscall2(SYS_truncate, L(path), length));
}

int ftruncate(int fd, off_t length)
{
	return __syscall_ret(__syscall2(SYS_ftruncate, fd, length));
}

ssize_t pread64(int fd, void *buf, size_t count, off64_t offset)
{
	return __syscall_ret(__syscall6(SYS_pread64, fd, L(buf), count, 0, (long)offset,
					(long)(offset >> 32)));
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)
{
	return __syscall_ret(__syscall6(SYS_pwrite64, fd, L(buf), count, 0, (long)offset,
					(long)(offset >> 32)));
}

int fsync(int fd)
{
	return __syscall_ret(__syscall1(SYS_fsync, fd));
}

void sync(void)
{
	__syscall0(SYS_sync);
}

int mount(const char *source, const char *target, const char *type, unsigned long flags,
	  const void *data)
{
	return __syscall_ret(__syscall5(SYS_mount, L(source), L(target), L(type), flags,
					L(data)));
}

int umount2(const char *target, int flags)
{
	return __syscall_ret(__syscall2(SYS_umount2, L(target), flags));
}

ssize_t getdents64(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(SYS_getdents64, fd, L(buf), count));
}

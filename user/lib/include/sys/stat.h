/* stat64 and friends; struct stat64 and the mode bits are the kernel's (uapi). */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <time.h>

#include <asm/stat.h>
#include <linux/stat.h>

int stat64(const char *path, struct stat64 *st);
int fstat64(int fd, struct stat64 *st);
int lstat64(const char *path, struct stat64 *st);
int fstatat64(int dirfd, const char *path, struct stat64 *st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);	/* mknod of S_IFIFO */
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);
/* times[0] atime, times[1] mtime; NULL: now (32-bit time_t layout) */
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);

#endif

/* open, openat, fcntl; the flags and commands are the kernel's (<linux/fcntl.h>). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include <linux/fcntl.h>
#include <linux/fs.h>		/* RENAME_* */

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);		/* fcntl64 (221) */
int fcntl32(int fd, int cmd, long arg);		/* the older fcntl (55) */

#endif

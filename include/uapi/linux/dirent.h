/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * getdents64's d_type values: a file's type bits (S_IFMT) shifted down.
 * Linux keeps them out of its uapi (include/linux/fs_types.h) and each C
 * library has its own copy; Pagoda's kernel and libc share this one.
 */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * open() flags with the values of Linux on ARM (arch/arm's fcntl.h moves
 * O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE away from the generic
 * ones), so that an EABI C library's constants mean the same here.
 */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_DIRECTORY	00040000	/* ARM */
#define O_NOFOLLOW	00100000	/* ARM */
#define O_DIRECT	00200000	/* ARM */
#define O_LARGEFILE	00400000	/* ARM */
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define O_SYNC		04010000
#define O_PATH		010000000
#define __O_TMPFILE	020000000
#define O_TMPFILE	(__O_TMPFILE | O_DIRECTORY)	/* an old kernel sees O_DIRECTORY: an error */

#define AT_FDCWD		-100	/* *at() calls: relative to the cwd */
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4

#endif

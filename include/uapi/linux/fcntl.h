/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* open() flags, fcntl() commands (Linux's own from 1024 on) and the *at() calls' flags. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#include <asm/fcntl.h>

#define F_LINUX_SPECIFIC_BASE	1024
#define F_DUPFD_CLOEXEC	(F_LINUX_SPECIFIC_BASE + 6)
#define F_SETPIPE_SZ	(F_LINUX_SPECIFIC_BASE + 7)	/* a pipe's capacity in bytes */
#define F_GETPIPE_SZ	(F_LINUX_SPECIFIC_BASE + 8)

#define AT_FDCWD		-100	/* *at() calls: relative to the cwd */
#define AT_SYMLINK_NOFOLLOW	0x100	/* a last component that is a link is not followed */
#define AT_EACCESS		0x200	/* faccessat: with the effective ids */
#define AT_REMOVEDIR		0x200	/* unlinkat: rmdir */
#define AT_SYMLINK_FOLLOW	0x400	/* linkat: follow the link */
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000	/* "": the file of the dirfd itself */
#define AT_STATX_SYNC_TYPE	0x6000	/* statx: both bits together are invalid */

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Linux's numbering (asm-generic/errno-base.h and errno.h), which the ARM EABI uses. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define ENOTBLK		15
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define ETXTBSY		26
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define EDOM		33
#define ERANGE		34
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define ENOPKG		65
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ETIMEDOUT	110

/*
 * Never seen by user space: a system call cut short by a signal returns
 * it, and goes on through current->restart_block when the signal turns
 * out not to need the task (ignored, or a stop it came back from).
 */
#define ERESTARTSYS		512	/* restarted if SA_RESTART or no handler, else -EINTR */
#define ERESTARTNOINTR		513	/* always restarted */
#define ERESTARTNOHAND		514	/* restarted if no handler runs, else -EINTR */
#define ENOIOCTLCMD		515	/* a driver does not know the ioctl (never seen by user space) */
#define ERESTART_RESTARTBLOCK	516

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* The user ABI's error numbers (uapi), and those the kernel keeps to itself. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/linux/errno.h>

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

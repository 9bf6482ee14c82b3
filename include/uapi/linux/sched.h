/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* clone()'s flags: what the new task shares with its parent, and what is written where. */
#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

#define CSIGNAL			0x000000ff	/* the signal sent to the parent at exit */
#define CLONE_VM		0x00000100	/* the address space */
#define CLONE_FS		0x00000200	/* root, cwd, umask */
#define CLONE_FILES		0x00000400	/* the descriptor table */
#define CLONE_SIGHAND		0x00000800	/* the signal handlers */
#define CLONE_VFORK		0x00004000	/* the parent sleeps until the child execs or exits */
#define CLONE_PARENT		0x00008000	/* the caller's parent is the child's */
#define CLONE_THREAD		0x00010000	/* the same thread group */
#define CLONE_SETTLS		0x00080000	/* the child's TLS pointer is given */
#define CLONE_PARENT_SETTID	0x00100000	/* the child's tid to the parent's word */
#define CLONE_CHILD_CLEARTID	0x00200000	/* 0 to the child's word (and a futex wake) at exit */
#define CLONE_CHILD_SETTID	0x01000000	/* the child's tid to the child's word */

#endif

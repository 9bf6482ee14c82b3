/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The options of wait4 and waitid, and waitid's id types. */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002	/* report a child stopped */
#define WSTOPPED	WUNTRACED	/* waitid's name for it */
#define WEXITED		0x00000004	/* report a child that ended (wait4 always does) */
#define WCONTINUED	0x00000008	/* report a child continued */
#define WNOWAIT		0x01000000	/* leave what is reported to be reported again */

#define __WNOTHREAD	0x20000000	/* only this thread's children */
#define __WALL		0x40000000	/* clone children too */
#define __WCLONE	0x80000000	/* only clone children */

/* waitid's idtype */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The sigaction flags, sigprocmask "how"s and special handlers every architecture shares. */
#ifndef _UAPI_ASM_GENERIC_SIGNAL_DEFS_H
#define _UAPI_ASM_GENERIC_SIGNAL_DEFS_H

#define SA_ONSTACK	0x08000000	/* on the alternate signal stack, if one is set */
#define SA_RESTART	0x10000000	/* an interrupted call goes on, not -EINTR */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its own handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

#ifndef __ASSEMBLY__
typedef void __signalfn_t(int);
typedef __signalfn_t *__sighandler_t;

#define SIG_DFL	((__sighandler_t)0)	/* the default action */
#define SIG_IGN	((__sighandler_t)1)	/* ignored */
#define SIG_ERR	((__sighandler_t)-1)	/* signal()'s failure */
#endif

#endif

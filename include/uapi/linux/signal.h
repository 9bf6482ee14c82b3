/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Signals: the architecture's numbers and flags, siginfo, and sigaltstack's flags. */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <asm/signal.h>
#include <asm/siginfo.h>

#define SS_ONSTACK	1	/* sigaltstack: running on the alternate stack */
#define SS_DISABLE	2	/* no alternate stack */
#define SS_AUTODISARM	(1U << 31)	/* the stack is disarmed while a handler runs on it */

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The signal types that struct task_struct holds, apart from the rest of
 * linux/signal.h so that sched.h can include them alone.
 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/types.h>

/*
 * The part of a siginfo the kernel keeps per pending signal: the first
 * six words of Linux's 128-byte siginfo, the rest of which is zeroes.
 * fields[] is the union: si_pid, si_uid, si_value; or si_addr alone.
 */
struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	u32 fields[3];
};

#endif

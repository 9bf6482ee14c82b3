/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * siginfo: the 128 bytes that tell a handler (SA_SIGINFO), sigtimedwait
 * and waitid about a signal, and the si_codes that say where it came
 * from. The kernel keeps only the first words of it per pending signal
 * (struct kernel_siginfo) and lays the 128 bytes out when it hands them
 * over, so siginfo_t itself is for user space.
 */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

#include <linux/types.h>

typedef union sigval {
	int sival_int;
	void *sival_ptr;
} sigval_t;

#define SI_MAX_SIZE	128

#ifndef __KERNEL__
typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[SI_MAX_SIZE / sizeof(int) - 3];
		struct {		/* kill, tkill */
			__kernel_pid_t _pid;
			__kernel_uid32_t _uid;
		} _kill;
		struct {		/* sigqueue */
			__kernel_pid_t _pid;
			__kernel_uid32_t _uid;
			sigval_t _sigval;
		} _rt;
		struct {		/* SIGCHLD */
			__kernel_pid_t _pid;
			__kernel_uid32_t _uid;
			int _status;
			__kernel_clock_t _utime;
			__kernel_clock_t _stime;
		} _sigchld;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void *_addr;
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_value	_sifields._rt._sigval
#define si_int		_sifields._rt._sigval.sival_int
#define si_ptr		_sifields._rt._sigval.sival_ptr
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_addr		_sifields._sigfault._addr
#endif

/* si_code: who sent it (0 or less: a task; above 0: the kernel) */
#define SI_USER		0	/* kill */
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)	/* sigqueue */
#define SI_TKILL	(-6)	/* tkill, tgkill */

/* si_code of SIGILL */
#define ILL_ILLOPC	1	/* an undefined (illegal) opcode */

/* si_code of SIGSEGV */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */

/* si_code of SIGBUS */
#define BUS_ADRALN	1	/* misaligned access */
#define BUS_ADRERR	2	/* no object page at the address */

/* si_code of SIGCHLD (si_status: the exit code, or the signal) */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#endif

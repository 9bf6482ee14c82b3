/* Linux ARM EABI system call numbers used by the user-space libc. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#define SYS_exit		1
#define SYS_fork		2
#define SYS_read		3
#define SYS_write		4
#define SYS_open		5
#define SYS_close		6
#define SYS_execve		11
#define SYS_lseek		19
#define SYS_getpid		20
#define SYS_kill		37
#define SYS_brk			45
#define SYS_ioctl		54
#define SYS_setpgid		57
#define SYS_getppid		64
#define SYS_setrlimit		75
#define SYS_getrusage		77
#define SYS_munmap		91
#define SYS_wait4		114
#define SYS_clone		120
#define SYS_uname		122
#define SYS_mprotect		125
#define SYS__llseek		140
#define SYS_msync		144
#define SYS_readv		145
#define SYS_writev		146
#define SYS_sched_yield		158
#define SYS_nanosleep		162
#define SYS_mremap		163
#define SYS_rt_sigaction	174
#define SYS_sigreturn		119
#define SYS_setitimer		104
#define SYS_getitimer		105
#define SYS_rt_sigreturn	173
#define SYS_rt_sigpending	176
#define SYS_rt_sigtimedwait	177
#define SYS_rt_sigqueueinfo	178
#define SYS_rt_sigsuspend	179
#define SYS_sigaltstack		186
#define SYS_pause		29
#define SYS_tkill		238
#define SYS_tgkill		268
#define SYS_rt_sigprocmask	175
#define SYS_vfork		190
#define SYS_mmap2		192
#define SYS_stat64		195
#define SYS_fstat64		197
#define SYS_getuid32		199
#define SYS_getgid32		200
#define SYS_geteuid32		201
#define SYS_getegid32		202
#define SYS_mincore		219
#define SYS_madvise		220
#define SYS_gettid		224
#define SYS_futex		240
#define SYS_exit_group		248
#define SYS_set_tid_address	256
#define SYS_clock_gettime	263
#define SYS_openat		322

#define SYS_ugetrlimit		191
#define SYS_prlimit64		369

/* file descriptors, pipes and polling */
#define SYS_dup			41
#define SYS_pipe		42
#define SYS_fcntl		55
#define SYS_dup2		63
#define SYS__newselect		142
#define SYS_poll		168
#define SYS_pread64		180
#define SYS_pwrite64		181
#define SYS_fcntl64		221
#define SYS_sendfile64		239
#define SYS_mknodat		324
#define SYS_unlinkat		328
#define SYS_pselect6		335
#define SYS_ppoll		336
#define SYS_dup3		358
#define SYS_pipe2		359
#define SYS_pselect6_time64	413
#define SYS_ppoll_time64	414

/* ARM private calls live at 0x0f0000. */
#define ARM_SYS_BASE		0x0f0000
#define ARM_SYS_set_tls		(ARM_SYS_BASE + 5)

#endif

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
#define SYS_times		43
#define SYS_brk			45
#define SYS_ioctl		54
#define SYS_setpgid		57
#define SYS_getpgrp		65
#define SYS_setsid		66
#define SYS_getpgid		132
#define SYS_getsid		147
#define SYS_mknod		14
#define SYS_unlink		10
#define SYS_getppid		64
#define SYS_sethostname		74
#define SYS_setrlimit		75
#define SYS_getrusage		77
#define SYS_reboot		88
#define SYS_munmap		91
#define SYS_wait4		114
#define SYS_sysinfo		116
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
#define SYS_prctl		172
#define SYS_rt_sigreturn	173
#define SYS_rt_sigpending	176
#define SYS_rt_sigtimedwait	177
#define SYS_rt_sigqueueinfo	178
#define SYS_rt_sigsuspend	179
#define SYS_sigaltstack		186
#define SYS_pause		29
#define SYS_tkill		238
#define SYS_sched_getaffinity	242
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
#define SYS_setreuid32		203
#define SYS_setresuid32		208
#define SYS_getresuid32		209
#define SYS_setuid32		213
#define SYS_setgid32		214
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

/* files and directories (user/lib/fs.c) */
#define SYS_creat		8
#define SYS_link		9
#define SYS_unlink		10
#define SYS_chdir		12
#define SYS_mknod		14
#define SYS_chmod		15
#define SYS_mount		21
#define SYS_access		33
#define SYS_sync		36
#define SYS_rename		38
#define SYS_mkdir		39
#define SYS_rmdir		40
#define SYS_umount2		52
#define SYS_umask		60
#define SYS_chroot		61
#define SYS_symlink		83
#define SYS_readlink		85
#define SYS_truncate		92
#define SYS_ftruncate		93
#define SYS_fchmod		94
#define SYS_fsync		118
#define SYS_fchdir		133
#define SYS_pread64		180
#define SYS_pwrite64		181
#define SYS_getcwd		183
#define SYS_truncate64		193
#define SYS_ftruncate64		194
#define SYS_lstat64		196
#define SYS_getdents64		217
#define SYS_statfs64		266
#define SYS_fstatfs64		267
#define SYS_mkdirat		323
#define SYS_mknodat		324
#define SYS_fstatat64		327
#define SYS_unlinkat		328
#define SYS_renameat		329
#define SYS_linkat		330
#define SYS_symlinkat		331
#define SYS_readlinkat		332
#define SYS_fchmodat		333
#define SYS_utimensat		348
#define SYS_renameat2		382

/* file descriptors, pipes and polling */
#define SYS_dup			41
#define SYS_pipe		42
#define SYS_fcntl		55
#define SYS_dup2		63
#define SYS__newselect		142
#define SYS_poll		168
#define SYS_fcntl64		221
#define SYS_sendfile64		239
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

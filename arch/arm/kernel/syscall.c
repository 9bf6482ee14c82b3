// SPDX-License-Identifier: GPL-2.0
/*
 * System-call entry for the Linux ARM EABI: `svc #0` with the number in
 * r7 and up to six arguments in r0-r5; the result goes back in r0.
 * Numbers are Linux's; anything not in the table returns -ENOSYS, as
 * Linux does for a call it lacks. Interrupts are on while a call runs.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

typedef long (*syscall_fn_t)(long, long, long, long, long, long);

/* every argument is a register: the AAPCS passes them alike, whatever the C type */
#define __SC(nr, fn)	[nr] = (syscall_fn_t)(void (*)(void))(fn)

long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp, struct pt_regs *regs);
long sys_getrusage(int who, void *ru);
long sys_clone(unsigned long flags, unsigned long newsp, int *parent_tid,
	       unsigned long tls, int *child_tid, struct pt_regs *regs);
long sys_vfork(struct pt_regs *regs);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_msync(unsigned long start, size_t len, int flags);
long sys_mincore(unsigned long start, size_t len, unsigned char *vec);

/*
 * The OABI's struct statfs64 was 88 bytes, the EABI's is 84 (packed),
 * and C libraries still pass 88: Linux/ARM's entry code takes 88 as 84.
 */
static long sys_statfs64_wrapper(const char *path, size_t size, void *buf)
{
	return sys_statfs64(path, size == 88 ? 84 : size, buf);
}

static long sys_fstatfs64_wrapper(unsigned int fd, size_t size, void *buf)
{
	return sys_fstatfs64(fd, size == 88 ? 84 : size, buf);
}

static const syscall_fn_t sys_call_table[] = {
	__SC(1, sys_exit),
	__SC(3, sys_read),
	__SC(4, sys_write),
	__SC(5, sys_open),
	__SC(6, sys_close),
	__SC(8, sys_creat),
	__SC(9, sys_link),
	__SC(10, sys_unlink),
	__SC(12, sys_chdir),
	__SC(14, sys_mknod),
	__SC(15, sys_chmod),
	__SC(19, sys_lseek),
	__SC(20, sys_getpid),
	__SC(21, sys_mount),
	__SC(29, sys_pause),
	__SC(33, sys_access),
	__SC(36, sys_sync),
	__SC(37, sys_kill),
	__SC(38, sys_rename),
	__SC(39, sys_mkdir),
	__SC(40, sys_rmdir),
	__SC(41, sys_dup),
	__SC(42, sys_pipe),
	__SC(43, sys_times),
	__SC(45, sys_brk),
	__SC(52, sys_umount2),
	__SC(54, sys_ioctl),
	__SC(55, sys_fcntl),
	__SC(57, sys_setpgid),
	__SC(60, sys_umask),
	__SC(61, sys_chroot),
	__SC(63, sys_dup2),
	__SC(64, sys_getppid),
	__SC(65, sys_getpgrp),
	__SC(66, sys_setsid),
	__SC(74, sys_sethostname),
	__SC(75, sys_setrlimit),
	__SC(77, sys_getrusage),
	__SC(78, sys_gettimeofday),
	__SC(83, sys_symlink),
	__SC(85, sys_readlink),
	__SC(88, sys_reboot),
	__SC(91, sys_munmap),
	__SC(92, sys_truncate),
	__SC(93, sys_ftruncate),
	__SC(94, sys_fchmod),
	__SC(104, sys_setitimer),
	__SC(105, sys_getitimer),
	__SC(114, sys_wait4),
	__SC(116, sys_sysinfo),
	__SC(118, sys_fsync),
	__SC(122, sys_uname),
	__SC(125, sys_mprotect),
	__SC(132, sys_getpgid),
	__SC(133, sys_fchdir),
	__SC(140, sys_llseek),
	__SC(141, sys_getdents),
	__SC(142, sys_select),	/* _newselect */
	__SC(144, sys_msync),
	__SC(145, sys_readv),
	__SC(146, sys_writev),
	__SC(147, sys_getsid),
	__SC(148, sys_fdatasync),
	__SC(158, sys_sched_yield),
	__SC(162, sys_nanosleep),
	__SC(163, sys_mremap),
	__SC(168, sys_poll),
	__SC(172, sys_prctl),
	__SC(174, sys_rt_sigaction),
	__SC(175, sys_rt_sigprocmask),
	__SC(176, sys_rt_sigpending),
	__SC(177, sys_rt_sigtimedwait),
	__SC(178, sys_rt_sigqueueinfo),
	__SC(179, sys_rt_sigsuspend),
	__SC(180, sys_pread64),
	__SC(181, sys_pwrite64),
	__SC(183, sys_getcwd),
	__SC(186, sys_sigaltstack),
	__SC(191, sys_ugetrlimit),
	__SC(192, sys_mmap2),
	__SC(193, sys_truncate64),
	__SC(194, sys_ftruncate64),
	__SC(195, sys_stat64),
	__SC(196, sys_lstat64),
	__SC(197, sys_fstat64),
	__SC(198, sys_lchown),
	__SC(199, sys_getuid),	/* getuid32 */
	__SC(200, sys_getgid),	/* getgid32 */
	__SC(201, sys_geteuid),	/* geteuid32 */
	__SC(202, sys_getegid),	/* getegid32 */
	__SC(203, sys_setreuid),	/* setreuid32 */
	__SC(204, sys_setregid),	/* setregid32 */
	__SC(207, sys_fchown),
	__SC(208, sys_setresuid),	/* setresuid32 */
	__SC(209, sys_getresuid),	/* getresuid32 */
	__SC(210, sys_setresgid),	/* setresgid32 */
	__SC(211, sys_getresgid),	/* getresgid32 */
	__SC(212, sys_chown),
	__SC(213, sys_setuid),	/* setuid32 */
	__SC(214, sys_setgid),	/* setgid32 */
	__SC(217, sys_getdents64),
	__SC(219, sys_mincore),
	__SC(220, sys_madvise),
	__SC(221, sys_fcntl),	/* fcntl64: the same without record locks */
	__SC(224, sys_gettid),
	__SC(238, sys_tkill),
	__SC(239, sys_sendfile64),
	__SC(240, sys_futex),
	__SC(242, sys_sched_getaffinity),
	__SC(248, sys_exit_group),
	__SC(256, sys_set_tid_address),
	__SC(263, sys_clock_gettime),
	__SC(264, sys_clock_getres),
	__SC(265, sys_clock_nanosleep),
	__SC(266, sys_statfs64_wrapper),
	__SC(267, sys_fstatfs64_wrapper),
	__SC(268, sys_tgkill),
	__SC(280, sys_waitid),
	__SC(322, sys_openat),
	__SC(323, sys_mkdirat),
	__SC(324, sys_mknodat),
	__SC(325, sys_fchownat),
	__SC(327, sys_fstatat64),
	__SC(328, sys_unlinkat),
	__SC(329, sys_renameat),
	__SC(330, sys_linkat),
	__SC(331, sys_symlinkat),
	__SC(332, sys_readlinkat),
	__SC(333, sys_fchmodat),
	__SC(334, sys_faccessat),
	__SC(335, sys_pselect6),
	__SC(336, sys_ppoll),
	__SC(338, sys_set_robust_list),
	__SC(339, sys_get_robust_list),
	__SC(348, sys_utimensat),
	__SC(358, sys_dup3),
	__SC(359, sys_pipe2),
	__SC(369, sys_prlimit64),
	__SC(382, sys_renameat2),
	__SC(384, sys_getrandom),
	__SC(397, sys_statx),
	__SC(403, sys_clock_gettime64),
	__SC(406, sys_clock_getres_time64),
	__SC(407, sys_clock_nanosleep_time64),
	__SC(412, sys_utimensat_time64),
	__SC(413, sys_pselect6_time64),
	__SC(414, sys_ppoll_time64),
	__SC(421, sys_rt_sigtimedwait_time64),
	__SC(422, sys_futex_time64),
	__SC(439, sys_faccessat2),
};

/* Calls that need the register frame (they start or replace a context). */
static bool call_with_regs(unsigned int nr, struct pt_regs *regs, long *ret)
{
	switch (nr) {
	case 2:		/* fork */
		*ret = sys_clone(17 /* SIGCHLD */, 0, NULL, 0, NULL, regs);
		return true;
	case 120:	/* clone: flags, stack, parent_tid, tls, child_tid */
		*ret = sys_clone(regs->uregs[0], regs->uregs[1], (int *)regs->uregs[2],
				 regs->uregs[3], (int *)regs->uregs[4], regs);
		return true;
	case 190:	/* vfork */
		*ret = sys_vfork(regs);
		return true;
	case 11:	/* execve */
		*ret = sys_execve((const char *)regs->uregs[0],
				  (const char *const *)regs->uregs[1],
				  (const char *const *)regs->uregs[2], regs);
		return true;
	case 119:	/* sigreturn: r0 is the interrupted code's, not a result */
		*ret = sys_sigreturn(regs);
		return true;
	case 173:	/* rt_sigreturn */
		*ret = sys_rt_sigreturn(regs);
		return true;
	case __ARM_NR_set_tls:
		current_thread_info()->tp_value = regs->uregs[0];
		__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(regs->uregs[0]));
		*ret = 0;
		return true;
	}
	return false;
}

void do_swi(struct pt_regs *regs)
{
	unsigned int nr = regs->uregs[7];
	long ret;

	if (!user_mode(regs))
		die("Oops - system call from kernel mode", regs, nr);
	local_irq_enable();
	if (!call_with_regs(nr, regs, &ret)) {
		if (nr < ARRAY_SIZE(sys_call_table) && sys_call_table[nr])
			ret = sys_call_table[nr](regs->uregs[0], regs->uregs[1],
						 regs->uregs[2], regs->uregs[3],
						 regs->uregs[4], regs->uregs[5]);
		else
			ret = -ENOSYS;
	}
	regs->ARM_r0 = ret;
	local_irq_disable();
	/* a call cut short goes on, or ends, in do_work_pending: never seen as such */
	if (nr != 119 && nr != 173)
		syscall_may_restart(ret);
}

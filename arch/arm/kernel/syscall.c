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
#include <asm/unistd.h>

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
	__SC(__NR_exit, sys_exit),
	__SC(__NR_read, sys_read),
	__SC(__NR_write, sys_write),
	__SC(__NR_open, sys_open),
	__SC(__NR_close, sys_close),
	__SC(__NR_creat, sys_creat),
	__SC(__NR_link, sys_link),
	__SC(__NR_unlink, sys_unlink),
	__SC(__NR_chdir, sys_chdir),
	__SC(__NR_mknod, sys_mknod),
	__SC(__NR_chmod, sys_chmod),
	__SC(__NR_lseek, sys_lseek),
	__SC(__NR_getpid, sys_getpid),
	__SC(__NR_mount, sys_mount),
	__SC(__NR_pause, sys_pause),
	__SC(__NR_access, sys_access),
	__SC(__NR_sync, sys_sync),
	__SC(__NR_kill, sys_kill),
	__SC(__NR_rename, sys_rename),
	__SC(__NR_mkdir, sys_mkdir),
	__SC(__NR_rmdir, sys_rmdir),
	__SC(__NR_dup, sys_dup),
	__SC(__NR_pipe, sys_pipe),
	__SC(__NR_times, sys_times),
	__SC(__NR_brk, sys_brk),
	__SC(__NR_umount2, sys_umount2),
	__SC(__NR_ioctl, sys_ioctl),
	__SC(__NR_fcntl, sys_fcntl),
	__SC(__NR_setpgid, sys_setpgid),
	__SC(__NR_umask, sys_umask),
	__SC(__NR_chroot, sys_chroot),
	__SC(__NR_dup2, sys_dup2),
	__SC(__NR_getppid, sys_getppid),
	__SC(__NR_getpgrp, sys_getpgrp),
	__SC(__NR_setsid, sys_setsid),
	__SC(__NR_sethostname, sys_sethostname),
	__SC(__NR_setrlimit, sys_setrlimit),
	__SC(__NR_getrusage, sys_getrusage),
	__SC(__NR_gettimeofday, sys_gettimeofday),
	__SC(__NR_symlink, sys_symlink),
	__SC(__NR_readlink, sys_readlink),
	__SC(__NR_reboot, sys_reboot),
	__SC(__NR_munmap, sys_munmap),
	__SC(__NR_truncate, sys_truncate),
	__SC(__NR_ftruncate, sys_ftruncate),
	__SC(__NR_fchmod, sys_fchmod),
	__SC(__NR_setitimer, sys_setitimer),
	__SC(__NR_getitimer, sys_getitimer),
	__SC(__NR_wait4, sys_wait4),
	__SC(__NR_sysinfo, sys_sysinfo),
	__SC(__NR_fsync, sys_fsync),
	__SC(__NR_uname, sys_uname),
	__SC(__NR_mprotect, sys_mprotect),
	__SC(__NR_getpgid, sys_getpgid),
	__SC(__NR_fchdir, sys_fchdir),
	__SC(__NR__llseek, sys_llseek),
	__SC(__NR_getdents, sys_getdents),
	__SC(__NR__newselect, sys_select),
	__SC(__NR_msync, sys_msync),
	__SC(__NR_readv, sys_readv),
	__SC(__NR_writev, sys_writev),
	__SC(__NR_getsid, sys_getsid),
	__SC(__NR_fdatasync, sys_fdatasync),
	__SC(__NR_sched_yield, sys_sched_yield),
	__SC(__NR_nanosleep, sys_nanosleep),
	__SC(__NR_mremap, sys_mremap),
	__SC(__NR_poll, sys_poll),
	__SC(__NR_prctl, sys_prctl),
	__SC(__NR_rt_sigaction, sys_rt_sigaction),
	__SC(__NR_rt_sigprocmask, sys_rt_sigprocmask),
	__SC(__NR_rt_sigpending, sys_rt_sigpending),
	__SC(__NR_rt_sigtimedwait, sys_rt_sigtimedwait),
	__SC(__NR_rt_sigqueueinfo, sys_rt_sigqueueinfo),
	__SC(__NR_rt_sigsuspend, sys_rt_sigsuspend),
	__SC(__NR_pread64, sys_pread64),
	__SC(__NR_pwrite64, sys_pwrite64),
	__SC(__NR_getcwd, sys_getcwd),
	__SC(__NR_sigaltstack, sys_sigaltstack),
	__SC(__NR_ugetrlimit, sys_ugetrlimit),
	__SC(__NR_mmap2, sys_mmap2),
	__SC(__NR_truncate64, sys_truncate64),
	__SC(__NR_ftruncate64, sys_ftruncate64),
	__SC(__NR_stat64, sys_stat64),
	__SC(__NR_lstat64, sys_lstat64),
	__SC(__NR_fstat64, sys_fstat64),
	__SC(__NR_lchown32, sys_lchown),
	__SC(__NR_getuid32, sys_getuid),
	__SC(__NR_getgid32, sys_getgid),
	__SC(__NR_geteuid32, sys_geteuid),
	__SC(__NR_getegid32, sys_getegid),
	__SC(__NR_setreuid32, sys_setreuid),
	__SC(__NR_setregid32, sys_setregid),
	__SC(__NR_fchown32, sys_fchown),
	__SC(__NR_setresuid32, sys_setresuid),
	__SC(__NR_getresuid32, sys_getresuid),
	__SC(__NR_setresgid32, sys_setresgid),
	__SC(__NR_getresgid32, sys_getresgid),
	__SC(__NR_chown32, sys_chown),
	__SC(__NR_setuid32, sys_setuid),
	__SC(__NR_setgid32, sys_setgid),
	__SC(__NR_getdents64, sys_getdents64),
	__SC(__NR_mincore, sys_mincore),
	__SC(__NR_madvise, sys_madvise),
	__SC(__NR_fcntl64, sys_fcntl),	/* the same without record locks */
	__SC(__NR_gettid, sys_gettid),
	__SC(__NR_tkill, sys_tkill),
	__SC(__NR_sendfile64, sys_sendfile64),
	__SC(__NR_futex, sys_futex),
	__SC(__NR_sched_setaffinity, sys_sched_setaffinity),
	__SC(__NR_sched_getaffinity, sys_sched_getaffinity),
	__SC(__NR_exit_group, sys_exit_group),
	__SC(__NR_set_tid_address, sys_set_tid_address),
	__SC(__NR_clock_gettime, sys_clock_gettime),
	__SC(__NR_clock_getres, sys_clock_getres),
	__SC(__NR_clock_nanosleep, sys_clock_nanosleep),
	__SC(__NR_statfs64, sys_statfs64_wrapper),
	__SC(__NR_fstatfs64, sys_fstatfs64_wrapper),
	__SC(__NR_tgkill, sys_tgkill),
	__SC(__NR_waitid, sys_waitid),
	__SC(__NR_openat, sys_openat),
	__SC(__NR_mkdirat, sys_mkdirat),
	__SC(__NR_mknodat, sys_mknodat),
	__SC(__NR_fchownat, sys_fchownat),
	__SC(__NR_fstatat64, sys_fstatat64),
	__SC(__NR_unlinkat, sys_unlinkat),
	__SC(__NR_renameat, sys_renameat),
	__SC(__NR_linkat, sys_linkat),
	__SC(__NR_symlinkat, sys_symlinkat),
	__SC(__NR_readlinkat, sys_readlinkat),
	__SC(__NR_fchmodat, sys_fchmodat),
	__SC(__NR_faccessat, sys_faccessat),
	__SC(__NR_pselect6, sys_pselect6),
	__SC(__NR_ppoll, sys_ppoll),
	__SC(__NR_set_robust_list, sys_set_robust_list),
	__SC(__NR_get_robust_list, sys_get_robust_list),
	__SC(__NR_getcpu, sys_getcpu),
	__SC(__NR_utimensat, sys_utimensat),
	__SC(__NR_dup3, sys_dup3),
	__SC(__NR_pipe2, sys_pipe2),
	__SC(__NR_prlimit64, sys_prlimit64),
	__SC(__NR_renameat2, sys_renameat2),
	__SC(__NR_getrandom, sys_getrandom),
	__SC(__NR_statx, sys_statx),
	__SC(__NR_clock_gettime64, sys_clock_gettime64),
	__SC(__NR_clock_getres_time64, sys_clock_getres_time64),
	__SC(__NR_clock_nanosleep_time64, sys_clock_nanosleep_time64),
	__SC(__NR_utimensat_time64, sys_utimensat_time64),
	__SC(__NR_pselect6_time64, sys_pselect6_time64),
	__SC(__NR_ppoll_time64, sys_ppoll_time64),
	__SC(__NR_rt_sigtimedwait_time64, sys_rt_sigtimedwait_time64),
	__SC(__NR_futex_time64, sys_futex_time64),
	__SC(__NR_faccessat2, sys_faccessat2),
};

/* Calls that need the register frame (they start or replace a context). */
static bool call_with_regs(unsigned int nr, struct pt_regs *regs, long *ret)
{
	switch (nr) {
	case __NR_fork:
		*ret = sys_clone(SIGCHLD, 0, NULL, 0, NULL, regs);
		return true;
	case __NR_clone:	/* flags, stack, parent_tid, tls, child_tid */
		*ret = sys_clone(regs->uregs[0], regs->uregs[1], (int *)regs->uregs[2],
				 regs->uregs[3], (int *)regs->uregs[4], regs);
		return true;
	case __NR_vfork:
		*ret = sys_vfork(regs);
		return true;
	case __NR_execve:
		*ret = sys_execve((const char *)regs->uregs[0],
				  (const char *const *)regs->uregs[1],
				  (const char *const *)regs->uregs[2], regs);
		return true;
	case __NR_sigreturn:	/* r0 is the interrupted code's, not a result */
		*ret = sys_sigreturn(regs);
		return true;
	case __NR_rt_sigreturn:
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
	if (nr != __NR_sigreturn && nr != __NR_rt_sigreturn)
		syscall_may_restart(ret);
}

/* System call wrappers with libc error handling (-1 and errno). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/futex.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "syscall.h"

#define L(x)	((long)(x))

ssize_t read(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(SYS_read, fd, L(buf), count));
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(__syscall3(SYS_write, fd, L(buf), count));
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return __syscall_ret(__syscall3(SYS_readv, fd, L(iov), iovcnt));
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return __syscall_ret(__syscall3(SYS_writev, fd, L(iov), iovcnt));
}

int open(const char *path, int flags, ...)
{
	unsigned int mode = 0;
	va_list ap;

	/* as glibc: a mode for what open may make, a file or an unnamed one */
	if ((flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE) {
		va_start(ap, flags);
		mode = va_arg(ap, unsigned int);
		va_end(ap);
	}
	return __syscall_ret(__syscall3(SYS_open, L(path), flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	unsigned int mode = 0;
	va_list ap;

	/* as glibc: a mode for what open may make, a file or an unnamed one */
	if ((flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE) {
		va_start(ap, flags);
		mode = va_arg(ap, unsigned int);
		va_end(ap);
	}
	return __syscall_ret(__syscall4(SYS_openat, dirfd, L(path), flags, mode));
}

int close(int fd)
{
	return __syscall_ret(__syscall1(SYS_close, fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(SYS_lseek, fd, offset, whence));
}

off64_t lseek64(int fd, off64_t offset, int whence)
{
	loff_t result;
	long r;

	r = __syscall5(SYS__llseek, fd, L((unsigned long long)offset >> 32),
		       L((unsigned long)offset), L(&result), whence);
	if (__syscall_ret(r) < 0)
		return -1;
	return result;
}

int fstat64(int fd, struct stat64 *st)
{
	return __syscall_ret(__syscall2(SYS_fstat64, fd, L(st)));
}

int stat64(const char *path, struct stat64 *st)
{
	return __syscall_ret(__syscall2(SYS_stat64, L(path), L(st)));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_ioctl, fd, request, L(arg)));
}

pid_t getpid(void)
{
	return __syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return __syscall0(SYS_getppid);
}

pid_t gettid(void)
{
	return __syscall0(SYS_gettid);
}

uid_t getuid(void)
{
	return __syscall0(SYS_getuid32);
}

uid_t geteuid(void)
{
	return __syscall0(SYS_geteuid32);
}

gid_t getgid(void)
{
	return __syscall0(SYS_getgid32);
}

gid_t getegid(void)
{
	return __syscall0(SYS_getegid32);
}

int setuid(uid_t uid)
{
	return __syscall_ret(__syscall1(SYS_setuid32, uid));
}

int setgid(gid_t gid)
{
	return __syscall_ret(__syscall1(SYS_setgid32, gid));
}

int setreuid(uid_t ruid, uid_t euid)
{
	return __syscall_ret(__syscall2(SYS_setreuid32, ruid, euid));
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return __syscall_ret(__syscall3(SYS_setresuid32, ruid, euid, suid));
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return __syscall_ret(__syscall3(SYS_getresuid32, L(ruid), L(euid), L(suid)));
}

/* fork is clone(SIGCHLD) with no new stack: the child returns here too. */
pid_t fork(void)
{
	return __syscall_ret(__syscall5(SYS_clone, SIGCHLD, 0, 0, 0, 0));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(__syscall3(SYS_execve, L(path), L(argv), L(envp)));
}

void _exit(int status)
{
	for (;;)
		__syscall1(SYS_exit_group, status);
}

void exit_group(int status)
{
	for (;;)
		__syscall1(SYS_exit_group, status);
}

void exit_thread(int status)
{
	for (;;)
		__syscall1(SYS_exit, status);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __syscall_ret(__syscall4(SYS_wait4, pid, L(status), options,
					L(ru)));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int getrusage(int who, struct rusage *ru)
{
	return __syscall_ret(__syscall2(SYS_getrusage, who, L(ru)));
}

void *sys_brk(void *addr)
{
	return (void *)__syscall1(SYS_brk, L(addr));
}

static char *cur_brk;

int brk(void *addr)
{
	char *r = sys_brk(addr);

	cur_brk = r;
	if (r != addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	char *old;

	if (!cur_brk)
		cur_brk = sys_brk(NULL);
	old = cur_brk;
	if (increment == 0)
		return old;
	if (brk(old + increment) < 0)
		return (void *)-1;
	return old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	return mmap64(addr, len, prot, flags, fd, (unsigned long)offset);
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd,
	     off64_t offset)
{
	long r;

	if ((offset & 4095) || (unsigned long long)offset >> 44) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = __syscall6(SYS_mmap2, L(addr), len, prot, flags, fd,
		       L((unsigned long long)offset >> 12));
	if ((unsigned long)r > -4096UL) {
		errno = -r;
		return MAP_FAILED;
	}
	return (void *)r;
}

int munmap(void *addr, size_t len)
{
	return __syscall_ret(__syscall2(SYS_munmap, L(addr), len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return __syscall_ret(__syscall3(SYS_mprotect, L(addr), len, prot));
}

int madvise(void *addr, size_t len, int advice)
{
	return __syscall_ret(__syscall3(SYS_madvise, L(addr), len, advice));
}

void *mremap(void *old_addr, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;
	long r;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	r = __syscall5(SYS_mremap, L(old_addr), old_len, new_len, flags,
		       L(new_addr));
	if ((unsigned long)r > -4096UL) {
		errno = -r;
		return MAP_FAILED;
	}
	return (void *)r;
}

int msync(void *addr, size_t len, int flags)
{
	return __syscall_ret(__syscall3(SYS_msync, L(addr), len, flags));
}

int mincore(void *addr, size_t len, unsigned char *vec)
{
	return __syscall_ret(__syscall3(SYS_mincore, L(addr), len, L(vec)));
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return __syscall_ret(__syscall2(SYS_clock_gettime, clk, L(ts)));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(SYS_nanosleep, L(req), L(rem)));
}

int sched_yield(void)
{
	return __syscall_ret(__syscall0(SYS_sched_yield));
}

int __sched_cpucount(const cpu_set_t *set)
{
	int n = 0;

	for (unsigned int i = 0; i < CPU_SETSIZE / __CPU_BITS; i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}

int sched_getaffinity(int pid, unsigned int size, cpu_set_t *set)
{
	long r = __syscall3(SYS_sched_getaffinity, pid, size, L(set));

	if (r < 0)
		return __syscall_ret(r);
	memset((char *)set + r, 0, size - r);
	return 0;
}

int sched_setaffinity(int pid, unsigned int size, const cpu_set_t *set)
{
	return __syscall_ret(__syscall3(SYS_sched_setaffinity, pid, size, L(set)));
}

int sched_getcpu(void)
{
	unsigned int cpu;
	long r = __syscall3(SYS_getcpu, L(&cpu), 0, 0);

	return r < 0 ? __syscall_ret(r) : (int)cpu;
}

int uname(struct utsname *buf)
{
	return __syscall_ret(__syscall1(SYS_uname, L(buf)));
}

int sysinfo(struct sysinfo *info)
{
	return __syscall_ret(__syscall1(SYS_sysinfo, L(info)));
}

int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(SYS_kill, pid, sig));
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigaction, sig, L(act), L(old),
					sizeof(sigset_t)));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigprocmask, how, L(set), L(old),
					sizeof(sigset_t)));
}

int sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall2(SYS_rt_sigpending, L(set), sizeof(sigset_t)));
}

int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(SYS_rt_sigsuspend, L(mask), sizeof(sigset_t)));
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
	return __syscall_ret(__syscall4(SYS_rt_sigtimedwait, L(set), L(info),
					L(timeout), sizeof(sigset_t)));
}

int sigqueue(pid_t pid, int sig, union sigval value)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_QUEUE;
	info.si_pid = getpid();
	info.si_uid = getuid();
	info.si_value = value;
	return __syscall_ret(__syscall3(SYS_rt_sigqueueinfo, pid, sig, L(&info)));
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __syscall_ret(__syscall2(SYS_sigaltstack, L(ss), L(old)));
}

int tgkill(pid_t tgid, pid_t tid, int sig)
{
	return __syscall_ret(__syscall3(SYS_tgkill, tgid, tid, sig));
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
	return __syscall_ret(__syscall3(SYS_setitimer, which, L(value), L(old)));
}

int getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(SYS_getitimer, which, L(value)));
}

int pause(void)
{
	return __syscall_ret(__syscall0(SYS_pause));
}

int set_tls(void *tls)
{
	return __syscall_ret(__syscall1(__ARM_NR_set_tls, L(tls)));
}

int set_tid_address(int *tidptr)
{
	return __syscall1(SYS_set_tid_address, L(tidptr));
}

long futex(int *uaddr, int op, int val, const struct timespec *timeout,
	   int *uaddr2, int val3)
{
	return __syscall_ret(__syscall6(SYS_futex, L(uaddr), op, val,
					L(timeout), L(uaddr2), val3));
}

long syscall(long number, ...)
{
	long a, b, c, d, e, f;
	va_list ap;

	va_start(ap, number);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a, b, c, d, e, f));
}

int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(SYS_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getpgid, pid));
}

pid_t getpgrp(void)
{
	return __syscall0(SYS_getpgrp);
}

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getsid, pid));
}

/* ---- file descriptors, pipes and polling ---- */

int pipe(int fds[2])
{
	return __syscall_ret(__syscall1(SYS_pipe, L(fds)));
}

int pipe2(int fds[2], int flags)
{
	return __syscall_ret(__syscall2(SYS_pipe2, L(fds), flags));
}

int dup(int fd)
{
	return __syscall_ret(__syscall1(SYS_dup, fd));
}

int dup2(int fd, int newfd)
{
	return __syscall_ret(__syscall2(SYS_dup2, fd, newfd));
}

int dup3(int fd, int newfd, int flags)
{
	return __syscall_ret(__syscall3(SYS_dup3, fd, newfd, flags));
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));
}

int fcntl32(int fd, int cmd, long arg)
{
	return __syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}

ssize_t sendfile(int out_fd, int in_fd, off64_t *offset, size_t count)
{
	return __syscall_ret(__syscall4(SYS_sendfile64, out_fd, in_fd, L(offset), count));
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, S_IFIFO | (mode & 07777), 0);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	return __syscall_ret(__syscall3(SYS_poll, L(fds), nfds, timeout_ms));
}

int ppoll(struct pollfd *fds, nfds_t nfds, struct timespec *timeout,
	  const sigset_t *mask)
{
	return __syscall_ret(__syscall5(SYS_ppoll, L(fds), nfds, L(timeout), L(mask),
					sizeof(sigset_t)));
}

int ppoll_time64(struct pollfd *fds, nfds_t nfds, struct timespec64 *timeout,
		 const sigset_t *mask)
{
	return __syscall_ret(__syscall5(SYS_ppoll_time64, L(fds), nfds, L(timeout),
					L(mask), sizeof(sigset_t)));
}

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *timeout)
{
	return __syscall_ret(__syscall5(SYS__newselect, n, L(in), L(out), L(ex),
					L(timeout)));
}

/* pselect6's sixth argument points to the mask and its size, together. */
int pselect(int n, fd_set *in, fd_set *out, fd_set *ex, struct timespec *timeout,
	    const sigset_t *mask)
{
	struct { const sigset_t *set; size_t size; } pack = { mask, sizeof(sigset_t) };

	return __syscall_ret(__syscall6(SYS_pselect6, n, L(in), L(out), L(ex),
					L(timeout), L(mask ? &pack : NULL)));
}

int pselect_time64(int n, fd_set *in, fd_set *out, fd_set *ex,
		   struct timespec64 *timeout, const sigset_t *mask)
{
	struct { const sigset_t *set; size_t size; } pack = { mask, sizeof(sigset_t) };

	return __syscall_ret(__syscall6(SYS_pselect6_time64, n, L(in), L(out), L(ex),
					L(timeout), L(mask ? &pack : NULL)));
}

int getrlimit(int res, struct rlimit *rl)
{
	return __syscall_ret(__syscall2(SYS_ugetrlimit, res, L(rl)));
}

int setrlimit(int res, const struct rlimit *rl)
{
	return __syscall_ret(__syscall2(SYS_setrlimit, res, L(rl)));
}

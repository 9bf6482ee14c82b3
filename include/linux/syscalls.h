/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls, by their Linux names. Arguments arrive in r0-r5 as
 * longs; each returns a value or a -errno, which user space sees in r0.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/fs.h>
#include <linux/time.h>
#include <linux/types.h>

struct pt_regs;
struct user_sigaction;
struct iovec;

long sys_exit(int code);
long sys_exit_group(int code);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_readv(unsigned int fd, const struct iovec *iov, unsigned long iovcnt);
long sys_writev(unsigned int fd, const struct iovec *iov, unsigned long iovcnt);
long sys_pread64(unsigned int fd, char *buf, size_t count, u32 pad, u32 pos_lo, u32 pos_hi);
long sys_pwrite64(unsigned int fd, const char *buf, size_t count, u32 pad, u32 pos_lo,
		  u32 pos_hi);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long high, unsigned long low,
		long long *result, unsigned int whence);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_sync(void);

/* fs/open.c */
long sys_open(const char *path, int flags, umode_t mode);
long sys_openat(int dfd, const char *path, int flags, umode_t mode);
long sys_creat(const char *path, umode_t mode);
long sys_close(unsigned int fd);
long sys_truncate(const char *path, long length);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_truncate64(const char *path, u32 pad, u32 lo, u32 hi);
long sys_ftruncate64(unsigned int fd, u32 pad, u32 lo, u32 hi);
long sys_chmod(const char *path, umode_t mode);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_fchmodat(int dfd, const char *path, umode_t mode);
long sys_chown(const char *path, unsigned int uid, unsigned int gid);
long sys_lchown(const char *path, unsigned int uid, unsigned int gid);
long sys_fchown(unsigned int fd, unsigned int uid, unsigned int gid);
long sys_fchownat(int dfd, const char *path, unsigned int uid, unsigned int gid, int flag);
long sys_access(const char *path, int mode);
long sys_faccessat(int dfd, const char *path, int mode);
long sys_faccessat2(int dfd, const char *path, int mode, int flags);
long sys_utimensat(int dfd, const char *path, const struct old_timespec32 *utimes,
		   int flags);
long sys_utimensat_time64(int dfd, const char *path,
			  const struct __kernel_timespec *utimes, int flags);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_statfs64(const char *path, size_t size, void *buf);
long sys_fstatfs64(unsigned int fd, size_t size, void *buf);

/* fs/stat.c */
long sys_stat64(const char *path, void *statbuf);
long sys_lstat64(const char *path, void *statbuf);
long sys_fstat64(unsigned int fd, void *statbuf);
long sys_fstatat64(int dfd, const char *path, void *statbuf, int flags);
long sys_statx(int dfd, const char *path, unsigned int flags, unsigned int mask,
	       void *buf);

/* fs/namei.c */
long sys_mknod(const char *path, umode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char *path, umode_t mode, unsigned int dev);
long sys_mkdir(const char *path, umode_t mode);
long sys_mkdirat(int dfd, const char *path, umode_t mode);
long sys_rmdir(const char *path);
long sys_unlink(const char *path);
long sys_unlinkat(int dfd, const char *path, int flag);
long sys_symlink(const char *target, const char *path);
long sys_symlinkat(const char *target, int dfd, const char *path);
long sys_link(const char *oldpath, const char *newpath);
long sys_linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath, int flags);
long sys_rename(const char *oldpath, const char *newpath);
long sys_renameat(int olddfd, const char *oldpath, int newdfd, const char *newpath);
long sys_renameat2(int olddfd, const char *oldpath, int newdfd, const char *newpath,
		   unsigned int flags);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_readlinkat(int dfd, const char *path, char *buf, int bufsiz);

/* fs/readdir.c, fs/fs_struct.c, fs/namespace.c */
long sys_getdents(unsigned int fd, void *dirent, unsigned int count);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_chdir(const char *path);
long sys_fchdir(unsigned int fd);
long sys_chroot(const char *path);
long sys_umask(int mask);
long sys_getcwd(char *buf, unsigned long size);
long sys_mount(const char *dev, const char *dir, const char *type, unsigned long flags,
	       const void *data);
long sys_umount2(const char *path, int flags);

long sys_getpid(void);
long sys_getppid(void);
long sys_setpgid(int pid, int pgid);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(int pid);
long sys_gettid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(unsigned int uid);
long sys_setgid(unsigned int gid);
long sys_setreuid(unsigned int ruid, unsigned int euid);
long sys_setregid(unsigned int rgid, unsigned int egid);
long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid);
long sys_getresuid(unsigned int *ruid, unsigned int *euid, unsigned int *suid);
long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid);
long sys_getresgid(unsigned int *rgid, unsigned int *egid, unsigned int *sgid);
long sys_brk(unsigned long brk);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len, int behavior);
long sys_clock_gettime(int which, void *tp);
long sys_clock_gettime64(int which, void *tp);
long sys_clock_nanosleep(int which, int flags, const void *req, void *rem);
long sys_clock_nanosleep_time64(int which, int flags, const void *req, void *rem);
long sys_clock_getres(int which, void *tp);
long sys_clock_getres_time64(int which, void *tp);
long sys_gettimeofday(void *tv, void *tz);
long sys_nanosleep(const void *req, void *rem);
long sys_sched_yield(void);
long sys_uname(void *name);
long sys_sethostname(const char *name, int len);
long sys_times(void *tbuf);
long sys_sysinfo(void *info);
long sys_prctl(int option, unsigned long arg2);
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long *user_mask);
long sys_sched_setaffinity(int pid, unsigned int len, const unsigned long *user_mask);
long sys_getcpu(unsigned int *cpup, unsigned int *nodep, void *unused);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg);
struct rlimit;
struct rlimit64;
long sys_ugetrlimit(unsigned int res, struct rlimit *ulim);
long sys_setrlimit(unsigned int res, const struct rlimit *ulim);
long sys_prlimit64(int pid, unsigned int res, const struct rlimit64 *unew,
		   struct rlimit64 *uold);
long sys_kill(int pid, int sig);
long sys_rt_sigaction(int sig, const struct user_sigaction *act,
		      struct user_sigaction *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const u64 *set, u64 *oset, size_t sigsetsize);
long sys_rt_sigpending(u64 *set, size_t sigsetsize);
long sys_rt_sigsuspend(const u64 *set, size_t sigsetsize);
long sys_pause(void);
long sys_rt_sigtimedwait(const u64 *set, void *uinfo, const void *uts, size_t sigsetsize);
long sys_rt_sigtimedwait_time64(const u64 *set, void *uinfo, const void *uts,
				size_t sigsetsize);
long sys_rt_sigqueueinfo(int pid, int sig, const void *uinfo);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_sigaltstack(const void *uss, void *uoss);
struct itimerval32;
long sys_getitimer(int which, struct itimerval32 *value);
long sys_setitimer(int which, const struct itimerval32 *value, struct itimerval32 *ovalue);
long sys_set_tid_address(int *tidptr);
long sys_waitid(int which, int id, void *infop, int options, void *ru);
long sys_wait4(int pid, int *status, int options, void *rusage);
long sys_getrandom(void *buf, size_t count, unsigned int flags);
long sys_set_robust_list(unsigned long head, size_t len);
long sys_get_robust_list(int pid, unsigned long *head_ptr, size_t *len_ptr);
long sys_futex(u32 *uaddr, int op, u32 val, const void *timeout, u32 *uaddr2,
	       u32 val3);
long sys_futex_time64(u32 *uaddr, int op, u32 val, const void *timeout, u32 *uaddr2,
		      u32 val3);

struct pollfd;
struct old_timeval32;
struct sigset_argpack;
long sys_pipe(int *fildes);
long sys_pipe2(int *fildes, int flags);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_msecs);
long sys_ppoll(struct pollfd *ufds, unsigned int nfds, void *tsp,
	       const u64 *sigmask, size_t sigsetsize);
long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds, void *tsp,
		      const u64 *sigmask, size_t sigsetsize);
long sys_select(int n, void *inp, void *outp, void *exp, struct old_timeval32 *tvp);
long sys_pselect6(int n, void *inp, void *outp, void *exp, void *tsp,
		  const struct sigset_argpack *sig);
long sys_pselect6_time64(int n, void *inp, void *outp, void *exp, void *tsp,
			 const struct sigset_argpack *sig);
long sys_sendfile64(int out_fd, int in_fd, long long *offset, size_t count);

#endif

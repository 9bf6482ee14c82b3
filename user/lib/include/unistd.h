/* POSIX-ish process, file and memory calls (thin Linux system call wrappers). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <linux/fs.h>		/* SEEK_* */
#include <linux/mount.h>	/* MNT_FORCE, MNT_DETACH */

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
off64_t lseek64(int fd, off64_t offset, int whence);	/* via _llseek */

pid_t getpid(void);
pid_t getppid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t gettid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int setreuid(uid_t ruid, uid_t euid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
gid_t getegid(void);

pid_t fork(void);		/* clone(SIGCHLD) */
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
__attribute__((noreturn)) void _exit(int status);	/* exit_group */
__attribute__((noreturn)) void exit_group(int status);
__attribute__((noreturn)) void exit_thread(int status);	/* exit(1): this thread only */

int brk(void *addr);		/* 0, or -1 with ENOMEM */
void *sbrk(long increment);	/* old break, or (void *)-1 */
void *sys_brk(void *addr);	/* the raw system call: returns the new or old break */

int sched_yield(void);
int set_tid_address(int *tidptr);	/* returns the caller's tid */
int set_tls(void *tls);			/* ARM private call 0xf0005 */
unsigned int sleep(unsigned int seconds);
int usleep(unsigned long usec);

/* files and directories (user/lib/fs.c) */
#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4
int link(const char *oldpath, const char *newpath);
int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size);
int rename(const char *oldpath, const char *newpath);
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
	      unsigned int flags);
int chdir(const char *path);
int fchdir(int fd);
int chroot(const char *path);
char *getcwd(char *buf, size_t size);
int access(const char *path, int mode);
int truncate64(const char *path, off64_t length);
int ftruncate64(int fd, off64_t length);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
ssize_t pread64(int fd, void *buf, size_t count, off64_t offset);
ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset);
int fsync(int fd);
void sync(void);
int mount(const char *source, const char *target, const char *type, unsigned long flags,
	  const void *data);
int umount2(const char *target, int flags);

/* Any system call by number: returns -1 and sets errno on failure. */
long syscall(long number, ...);

int getpagesize(void);

int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int dup(int fd);
int dup2(int fd, int newfd);
int dup3(int fd, int newfd, int flags);

#endif

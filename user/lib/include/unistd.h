/* POSIX-ish process, file and memory calls (thin Linux system call wrappers). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
off64_t lseek64(int fd, off64_t offset, int whence);	/* via _llseek */

pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
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

/* Any system call by number: returns -1 and sets errno on failure. */
long syscall(long number, ...);

int getpagesize(void);

int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int dup(int fd);
int dup2(int fd, int newfd);
int dup3(int fd, int newfd, int flags);
ssize_t pread(int fd, void *buf, size_t count, off64_t offset);	/* pread64 */
ssize_t pwrite(int fd, const void *buf, size_t count, off64_t offset);
int mkfifo(const char *path, mode_t mode);	/* mknodat(AT_FDCWD, S_IFIFO) */
int unlink(const char *path);			/* unlinkat(AT_FDCWD, 0) */

#endif

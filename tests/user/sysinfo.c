/*
 * sysinfo: the simple process and file system calls. Identity (pids, tid,
 * uids, uname), clocks and sleeping, set_tid_address, set_tls, signals
 * without handlers, futex without waiting, and the error paths: ENOSYS
 * for an unknown call, EFAULT for a bad buffer, EBADF, ENOENT. Finally
 * /etc/motd through open, read, lseek, _llseek, fstat64 and stat64.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/futex.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static void identity(void)
{
	struct utsname u;
	pid_t pid = getpid(), tid = gettid();
	int tid_word;

	yes_no("getpid > 0", pid > 0);
	yes_no("getppid > 0 and not getpid", getppid() > 0 && getppid() != pid);
	yes_no("gettid == getpid", tid == pid);
	yes_no("set_tid_address returns the tid",
	       set_tid_address(&tid_word) == tid);
	printf("uid %u euid %u gid %u egid %u\n", getuid(), geteuid(), getgid(),
	       getegid());
	memset(&u, 0, sizeof(u));
	show("uname", uname(&u));
	printf("uname sysname: %s\n", u.sysname);
	printf("uname machine: %s\n", u.machine);
	yes_no("uname release not empty", u.release[0] != '\0');
}

static unsigned long read_tls(void)
{
	unsigned long v;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

static void clocks(void)
{
	struct timespec a, b, req;
	unsigned long long t0, t1;
	static int tls_block[4];

	show("clock_gettime MONOTONIC", clock_gettime(CLOCK_MONOTONIC, &a));
	show("clock_gettime MONOTONIC again", clock_gettime(CLOCK_MONOTONIC, &b));
	yes_no("monotonic does not go back", b.tv_sec > a.tv_sec ||
	       (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
	yes_no("tv_nsec below 1e9", a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	show("clock_gettime REALTIME", clock_gettime(CLOCK_REALTIME, &a));
	show("clock_gettime clock 1000", clock_gettime(1000, &a));

	req.tv_sec = 0;
	req.tv_nsec = 10 * 1000 * 1000;
	t0 = monotonic_ns();
	show("nanosleep 10 ms", nanosleep(&req, NULL));
	t1 = monotonic_ns();
	yes_no("at least 10 ms passed", t1 - t0 >= 10 * 1000 * 1000);
	req.tv_nsec = 1000000000;
	show("nanosleep tv_nsec 1e9", nanosleep(&req, NULL));
	show("sched_yield", sched_yield());

	show("set_tls", set_tls(tls_block));
	yes_no("TPIDRURO holds the set_tls value",
	       read_tls() == (unsigned long)tls_block);
}

static void signals_and_futex(void)
{
	struct sigaction old;
	sigset_t mask;
	int word = 5;
	struct timespec zero = { 0, 0 };
	struct rusage ru;

	show("kill(self, 0)", kill(getpid(), 0));
	show("kill(no such pid, 0)", kill(0x7ffffff0, 0));
	show("rt_sigaction query SIGSEGV", sigaction(SIGSEGV, NULL, &old));
	yes_no("SIGSEGV handler is SIG_DFL", old.sa_handler == SIG_DFL);
	show("rt_sigaction SIGKILL", sigaction(SIGKILL, &old, NULL));
	show("rt_sigprocmask query", sigprocmask(SIG_BLOCK, NULL, &mask));
	yes_no("nothing blocked", mask.sig[0] == 0 && mask.sig[1] == 0);
	show("futex wake, nobody waits", futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("futex wait, value differs", futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0));
	show("futex wait, zero timeout", futex(&word, FUTEX_WAIT, 5, &zero, NULL, 0));
	show("getrusage", getrusage(RUSAGE_SELF, &ru));
}

static void errors(void)
{
	char buf[16];

	show("syscall 999", syscall(999, 0, 0, 0, 0, 0, 0));
	show("write from a bad pointer", write(1, (void *)0x10, 4));
	show("read fd 99", read(99, buf, sizeof(buf)));
	show("close fd 99", close(99));
	show("ioctl fd 99", ioctl(99, TCGETS, buf));
	show("open /no/such/file", open("/no/such/file", O_RDONLY));
	show("open with a bad path pointer", open((char *)0x10, O_RDONLY));
}

static void motd(void)
{
	char buf[256];
	struct stat64 st, st2;
	int fd, n, n2, fd2;

	fd = open("/etc/motd", O_RDONLY);
	show("open /etc/motd", fd);
	if (fd < 0)
		return;
	show("write to it (opened read-only)", write(fd, "x", 1));
	n = read(fd, buf, sizeof(buf) - 1);
	show("read", n);
	if (n < 0)
		return;
	buf[n] = '\0';
	printf("motd says: %.*s", n, buf);
	if (n && buf[n - 1] != '\n')
		printf("\n");
	show("read at end of file", read(fd, buf, sizeof(buf)));
	show("lseek SEEK_END", lseek(fd, 0, SEEK_END));
	show("lseek SEEK_SET 8", lseek(fd, 8, SEEK_SET));
	show("lseek to -1", lseek(fd, -1, SEEK_SET));
	n2 = read(fd, buf, 6);
	show("read 6 at offset 8", n2);
	if (n2 > 0)
		printf("  they are: \"%.*s\"\n", n2, buf);
	show("_llseek SEEK_CUR +2", (long)lseek64(fd, 2, SEEK_CUR));
	show("fstat64", fstat64(fd, &st));
	printf("fstat64 size %lld, regular file: %s\n", st.st_size,
	       S_ISREG(st.st_mode) ? "yes" : "no");
	show("stat64 /etc/motd", stat64("/etc/motd", &st2));
	yes_no("same size and inode", st.st_size == st2.st_size &&
	       st.st_ino == st2.st_ino);
	show("stat64 /etc", stat64("/etc", &st2));
	yes_no("/etc is a directory", S_ISDIR(st2.st_mode));
	fd2 = openat(AT_FDCWD, "/etc/motd", O_RDONLY);
	show("openat AT_FDCWD /etc/motd", fd2);
	show("close", close(fd2));
	show("close", close(fd));
	show("close again", close(fd));
}

int main(void)
{
	printf("sysinfo: start\n");
	identity();
	clocks();
	signals_and_futex();
	errors();
	motd();
	printf("sysinfo: done\n");
	return 0;
}

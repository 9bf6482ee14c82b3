/*
 * hostile_limits: resource limits as Linux 6.1 keeps them. The defaults
 * a process inherits (those of NPROC and SIGPENDING scale with memory:
 * only their being finite is shown); ugetrlimit, setrlimit and prlimit64
 * with bad resources, pointers, pids and soft above hard; limits pass to
 * a child at fork. Enforced: NOFILE (EMFILE; 1024 files by default),
 * AS (mmap, mremap and brk ENOMEM), DATA (private writable mmap and
 * brk ENOMEM) and STACK (a recursion that outgrows it dies of SIGSEGV). NPROC is not: as on Linux,
 * root is exempt. Each probe that lowers a limit runs in a child.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

#define INF	(~0UL)
#define KERNEL	((void *)0xc0000000)

struct rlim32 {
	unsigned long cur, max;
};

struct rlim64 {
	unsigned long long cur, max;
};

static const char *const names[] = {
	"CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE",
	"MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME",
};

static void show_value(unsigned long v)
{
	if (v == INF)
		printf(" unlimited");
	else
		printf(" %lu", v);
}

static long set_limit(int res, unsigned long cur, unsigned long max)
{
	struct rlim32 r = { cur, max };

	return syscall(SYS_setrlimit, res, &r);
}

static void defaults(void)
{
	struct rlim32 r;
	struct rlim64 r64;
	int i;

	for (i = 0; i < 16; i++) {
		if (syscall(SYS_ugetrlimit, i, &r)) {
			printf("%s: %s\n", names[i], errno_name(errno));
			continue;
		}
		printf("RLIMIT_%s:", names[i]);
		if (i == 6 || i == 11) {
			printf(" %s %s\n", r.cur == INF ? "unlimited" : "finite",
			       r.cur == r.max ? "(soft = hard)" : "(soft != hard)");
			continue;
		}
		show_value(r.cur);
		show_value(r.max);
		printf("\n");
	}
	show("ugetrlimit(16)", syscall(SYS_ugetrlimit, 16, &r));
	show("ugetrlimit(-1)", syscall(SYS_ugetrlimit, -1, &r));
	show("ugetrlimit(NOFILE, kernel)", syscall(SYS_ugetrlimit, 7, KERNEL));
	show("ugetrlimit(NOFILE, NULL)", syscall(SYS_ugetrlimit, 7, NULL));
	show("prlimit64(0, STACK, NULL, &old)", syscall(SYS_prlimit64, 0, 3, NULL, &r64));
	printf("  64-bit: %llu %s\n", r64.cur, r64.max == ~0ULL ? "unlimited" : "finite");
	show("prlimit64(self, NOFILE, NULL, &old)",
	     syscall(SYS_prlimit64, getpid(), 7, NULL, &r64));
	printf("  64-bit: %llu %llu\n", r64.cur, r64.max);
	show("prlimit64(no such pid)", syscall(SYS_prlimit64, 99999, 7, NULL, &r64));
	show("prlimit64(16)", syscall(SYS_prlimit64, 0, 16, NULL, &r64));
	show("prlimit64(bad new)", syscall(SYS_prlimit64, 0, 7, KERNEL, NULL));
	show("prlimit64(NOFILE, NULL, NULL)", syscall(SYS_prlimit64, 0, 7, NULL, NULL));
	show("setrlimit(16)", set_limit(16, 1, 1));
	show("setrlimit(NOFILE, NULL)", syscall(SYS_setrlimit, 7, NULL));
	show("setrlimit(NOFILE, soft > hard)", set_limit(7, 100, 50));
	show("setrlimit(NOFILE, hard above nr_open)", set_limit(7, 1024, 1UL << 21));
}

/* Lowered NOFILE: opens fail with EMFILE at the limit; fds above it stay. */
static int nofile(void)
{
	int n = 0, fd;
	struct rlim64 r = { 10, 20 }, old;

	show("prlimit64(0, NOFILE, {10, 20}, &old)", syscall(SYS_prlimit64, 0, 7, &r, &old));
	printf("  old: %llu %llu\n", old.cur, old.max);
	while ((fd = open("/", O_RDONLY)) >= 0)
		n++;
	printf("opened until %s: %d more (3 were open)\n", errno_name(errno), n);
	show("raise the soft limit back to 20", set_limit(7, 20, 20));
	show("open again", open("/", O_RDONLY) >= 0 ? 0 : -1);
	show("hard limit raised by root", set_limit(7, 20, 30));
	return 0;
}

/* The default 1024: the table grows past its first slots to reach it. */
static int nofile_default(void)
{
	int n = 0, fd, last = -1;

	while ((fd = open("/", O_RDONLY)) >= 0) {
		n++;
		last = fd;
	}
	printf("opened until %s: %d more, the last fd %d\n", errno_name(errno), n, last);
	show("close 500", close(500));
	show("open takes it again", open("/", O_RDONLY));
	return 0;
}

static int child_sees(void)
{
	struct rlim32 r;

	syscall(SYS_ugetrlimit, 7, &r);
	printf("a child of it sees NOFILE %lu %lu\n", r.cur, r.max);
	return 0;
}

static int address_space(void)
{
	void *p;

	show("setrlimit(AS, 64 MiB)", set_limit(9, 64UL << 20, INF));
	show_map("mmap 128 MiB", mmap(NULL, 128UL << 20, PROT_READ, ANON, -1, 0), NULL);
	p = mmap(NULL, 1UL << 20, PROT_READ, ANON, -1, 0);
	show_map("mmap 1 MiB", p, NULL);
	show_map("mremap it to 100 MiB", mremap(p, 1UL << 20, 100UL << 20, MREMAP_MAYMOVE), NULL);
	show("brk up by 100 MiB", sbrk(100L << 20) == (void *)-1 ? -1 : 0);
	return 0;
}

static int data(void)
{
	show("setrlimit(DATA, 1 MiB)", set_limit(2, 1UL << 20, INF));
	show_map("private writable mmap 4 MiB", mmap(NULL, 4UL << 20, RW, ANON, -1, 0), NULL);
	show_map("read-only mmap 4 MiB", mmap(NULL, 4UL << 20, PROT_READ, ANON, -1, 0), NULL);
	show_map("shared writable mmap 4 MiB",
		 mmap(NULL, 4UL << 20, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0), NULL);
	show("brk up by 4 MiB", sbrk(4L << 20) == (void *)-1 ? -1 : 0);
	return 0;
}

static volatile int depth, deepest = 1 << 30;

static int recurse(int n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	depth = n;
	return (n < deepest ? recurse(n + 1) : 0) + frame[0];
}

static int unbounded(void)
{
	return recurse(0);
}

static int stack(void)
{
	show("setrlimit(STACK, 256 KiB)", set_limit(3, 256UL << 10, INF));
	recurse(0);
	return 1;
}

static void in_child(const char *what, int (*fn)(void))
{
	pid_t pid;

	printf("-- %s\n", what);
	pid = fork();
	if (pid == 0)
		_exit(fn());
	reap(what, pid);
}

static int nofile_then_fork(void)
{
	pid_t pid;

	set_limit(7, 33, 44);
	pid = fork();
	if (pid == 0)
		_exit(child_sees());
	return reap("  grandchild", pid) ? 1 : 0;
}

int main(void)
{
	defaults();
	in_child("NOFILE", nofile);
	in_child("NOFILE default", nofile_default);
	in_child("NOFILE across fork", nofile_then_fork);
	in_child("AS", address_space);
	in_child("DATA", data);
	in_child("STACK 256 KiB", stack);
	in_child("STACK default: unbounded recursion", unbounded);
	return 0;
}

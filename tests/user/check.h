/*
 * Helpers shared by the test programs. Everything they print must be the
 * same on Pagoda and on real Linux: results as numbers or errno names,
 * facts as yes/no, never an absolute address.
 */
#ifndef TESTS_USER_CHECK_H
#define TESTS_USER_CHECK_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/futex.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

/* "what: 0" for a result >= 0, "what: ENAME" for -1 with errno. */
static inline void show(const char *what, long r)
{
	if (r == -1)
		printf("%s: %s\n", what, errno_name(errno));
	else
		printf("%s: %ld\n", what, r);
}

/* For calls returning a pointer or MAP_FAILED: where it landed, or errno. */
static inline void show_map(const char *what, void *p, void *expected)
{
	if (p == MAP_FAILED)
		printf("%s: %s\n", what, errno_name(errno));
	else if (!expected)
		printf("%s: ok\n", what);
	else if (p == expected)
		printf("%s: ok, at the address asked for\n", what);
	else
		printf("%s: ok, but elsewhere\n", what);
}

static inline void yes_no(const char *what, int cond)
{
	printf("%s: %s\n", what, cond ? "yes" : "no");
}

/* Whether len bytes at p all equal c. */
static inline int all_bytes(const void *p, int c, size_t len)
{
	const volatile unsigned char *b = p;

	for (size_t i = 0; i < len; i++)
		if (b[i] != (unsigned char)c)
			return 0;
	return 1;
}

/*
 * A free window of pages: mapped then unmapped again, so that nothing is
 * there and MAP_FIXED_NOREPLACE inside it may only collide with what the
 * test itself puts there (these programs map nothing behind its back).
 */
static inline char *free_window(size_t pages)
{
	char *w = mmap(NULL, pages * PAGE, PROT_NONE, ANON, -1, 0);

	if (w == MAP_FAILED) {
		printf("free window of %zu pages: %s\n", pages,
		       errno_name(errno));
		return NULL;
	}
	munmap(w, pages * PAGE);
	return w;
}

/* The whole of @path read @chunk bytes at a time into @buf; its length or -1. */
static inline long slurp(const char *path, char *buf, size_t size, size_t chunk)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	long n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, chunk < size - 1 - len ?
					   chunk : size - 1 - len)) > 0)
		len += n;
	buf[len] = 0;
	close(fd);
	return len;
}

/*
 * @key's value in /proc/meminfo ("Shmem", "MemFree"...), in kB; -1 if it
 * cannot be read. Linux adds its per-CPU counts into these lazily: with
 * four CPUs a value may lag by a few hundred kB (each CPU keeps up to its
 * vmstat threshold of pages unfolded), so compare with meminfo_near().
 */
#define MEMINFO_SLACK_KB	512

static inline long meminfo_kb(const char *key)
{
	static char text[8192];
	char pattern[32], *p;

	snprintf(pattern, sizeof(pattern), "%s:", key);
	if (slurp("/proc/meminfo", text, sizeof(text), sizeof(text)) <= 0)
		return -1;
	for (p = strstr(text, pattern); p && p != text && p[-1] != '\n';)
		p = strstr(p + 1, pattern);	/* only at a line's start */
	return p ? strtol(p + strlen(pattern), NULL, 10) : -1;
}

/* Whether two meminfo values (kB) are the same, give or take the lag. */
static inline int meminfo_near(long a, long b)
{
	return a - b <= MEMINFO_SLACK_KB && b - a <= MEMINFO_SLACK_KB;
}

/* A signal's name, as strsignal's abbreviations: the same on both kernels. */
static inline const char *sig_name(int sig)
{
	static const char *const names[] = {
		"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
		"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
		"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
		"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
		"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
		"SIGSYS",
	};

	return sig >= 0 && sig < (int)(sizeof(names) / sizeof(names[0])) ? names[sig] : "?";
}

/*
 * Waits for @pid and prints how it ended: "WHAT: exited N" or "WHAT:
 * killed by signal N (NAME)". Returns the exit code, or -1 when it did
 * not exit normally or wait4 failed.
 */
static inline int reap(const char *what, pid_t pid)
{
	int st;
	pid_t r = wait4(pid, &st, 0, NULL);

	if (r != pid) {
		printf("%s: wait4: %s\n", what, r == -1 ? errno_name(errno) :
		       "another pid");
		return -1;
	}
	if (WIFEXITED(st)) {
		printf("%s: exited %d\n", what, WEXITSTATUS(st));
		return WEXITSTATUS(st);
	}
	if (WIFSIGNALED(st))
		printf("%s: killed by signal %d (%s)\n", what, WTERMSIG(st),
		       sig_name(WTERMSIG(st)));
	else
		printf("%s: neither exited nor signaled\n", what);
	return -1;
}

/* execve in a forked child; how it ended, or the errno it got. */
static inline void try_exec(const char *what, const char *path, char **argv, char **envp)
{
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, envp);
		printf("%s: %s\n", what, errno_name(errno));
		_exit(1);
	}
	if (pid == -1) {
		printf("%s: fork: %s\n", what, errno_name(errno));
		return;
	}
	reap(what, pid);
}

/* @fn in a forked child, which exits 0 after it; how the child ended. */
static inline void run_child(const char *what, void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	reap(what, pid);
}

/* mremap's errno, or "succeeded" (and the new mapping is unmapped again). */
static inline void try_mremap(const char *what, void *old, size_t old_len, size_t new_len,
			      int flags, void *new_addr)
{
	void *r = mremap(old, old_len, new_len, flags, new_addr);

	if (r == MAP_FAILED) {
		printf("%s: %s\n", what, errno_name(errno));
	} else {
		printf("%s: succeeded\n", what);
		munmap(r, new_len);
	}
}

/* A word another thread writes, read with a full barrier. */
static inline int load_shared(int *w)
{
	return __atomic_load_n(w, __ATOMIC_SEQ_CST);
}

/* Spins (yielding) up to 5 s until *w == v: 1, or 0 if it never came. */
static inline int await_value(int *w, int v)
{
	unsigned long long end = monotonic_ns() + 5000000000ULL;

	while (load_shared(w) != v) {
		if (monotonic_ns() > end)
			return 0;
		sched_yield();
	}
	return 1;
}

/* ---- threads: clone with their own stack, joined through CLONE_CHILD_CLEARTID ---- */

#define THREAD_CLONE_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_CHILD_CLEARTID)
#define THREAD_STACK	(16 * PAGE)

/* A thread running fn(arg) on a fresh stack (*@stack): its tid, or -1. */
static inline int start_thread(int (*fn)(void *), void *arg, char **stack, int *ctid)
{
	*stack = mmap(NULL, THREAD_STACK, RW, ANON | MAP_STACK, -1, 0);
	*ctid = -1;
	if (*stack == MAP_FAILED)
		return -1;
	return clone(fn, *stack + THREAD_STACK, THREAD_CLONE_FLAGS, arg, NULL, NULL, ctid);
}

/* Waits (up to 30 s) for the thread to end, then frees its stack. */
static inline void join_thread(int *ctid, char *stack)
{
	struct timespec second = { 1, 0 };
	int v;

	for (int i = 0; i < 30 && (v = __atomic_load_n(ctid, __ATOMIC_SEQ_CST)); i++)
		futex(ctid, FUTEX_WAIT, v, &second, NULL, 0);
	munmap(stack, THREAD_STACK);
}

#endif

/*
 * Helpers shared by the test programs. Everything they print must be the
 * same on Pagoda and on real Linux: results as numbers or errno names,
 * facts as yes/no, never an absolute address.
 */
#ifndef TESTS_USER_CHECK_H
#define TESTS_USER_CHECK_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

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

/* The names of the signals that end children in these tests. */
static inline const char *sig_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGKILL: return "SIGKILL";
	case SIGABRT: return "SIGABRT";
	case SIGILL: return "SIGILL";
	case SIGTERM: return "SIGTERM";
	default: return "?";
	}
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

#endif

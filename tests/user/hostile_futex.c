/*
 * hostile_futex: futexes between processes and on bad addresses. A
 * FUTEX_WAKE in one process wakes a FUTEX_WAIT in another on the same
 * MAP_SHARED page (anonymous memory shared across fork, even at another
 * address after mremap, and a shared file mapping); it does not when the
 * memory is private or the futex is FUTEX_PRIVATE_FLAG. Kernel, unmapped,
 * PROT_NONE, misaligned and NULL addresses, the zero page (an untouched
 * read-only page: not a futex Linux can key), bad timeouts and unknown
 * operations get Linux's errors. Children report through exit codes:
 * 0 woken, 1 timed out, 2 anything else.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/futex.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define SHARED	(MAP_SHARED | MAP_ANONYMOUS)
#define KERNEL	((int *)0xc0000000)

static int wait_code(int *w, int op, int val, long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	if (futex(w, op, val, &ts, NULL, 0) == 0)
		return 0;
	return errno == ETIMEDOUT ? 1 : 2;
}

/* FUTEX_WAKE of @nr until it wakes someone (1) or 3 s pass (0). */
static int wake_until(int *w, int op, int nr)
{
	unsigned long long end = monotonic_ns() + 3000000000ULL;
	long r;

	do {
		r = futex(w, op, nr, NULL, NULL, 0);
		if (r)
			return r;
		usleep(1000);
	} while (monotonic_ns() < end);
	return 0;
}

/* A child waits on @cw; the parent wakes @pw, which is the same futex. */
static void child_waits(const char *what, int *cw, int *pw, int op, int nr)
{
	int val = __atomic_load_n(cw, __ATOMIC_SEQ_CST);
	pid_t pid = fork();
	char line[128];

	if (pid == 0)
		_exit(wait_code(cw, op, val, 5000));
	snprintf(line, sizeof(line), "%s: parent's wake", what);
	show(line, wake_until(pw, op | FUTEX_WAKE, nr));
	snprintf(line, sizeof(line), "%s: waiting child", what);
	reap(line, pid);
}

/*
 * A child waits with a short timeout on memory the parent cannot reach
 * as the same futex (private memory, or FUTEX_PRIVATE_FLAG): the
 * parent's wakes, sent once the child is about to wait, find nobody.
 */
static void child_not_woken(const char *what, int *w, int *ready, int op)
{
	int val = *w;
	pid_t pid = fork();
	char line[128];
	long r = 0;

	if (pid == 0) {
		__atomic_store_n(ready, 1, __ATOMIC_SEQ_CST);
		_exit(wait_code(w, op, val, 300));
	}
	while (!__atomic_load_n(ready, __ATOMIC_SEQ_CST))
		usleep(1000);
	usleep(50000);
	for (int i = 0; i < 5 && !r; i++)
		r = futex(w, op | FUTEX_WAKE, 1, NULL, NULL, 0);
	snprintf(line, sizeof(line), "%s: parent's wakes", what);
	show(line, r);
	snprintf(line, sizeof(line), "%s: waiting child", what);
	reap(line, pid);
	*ready = 0;
}

static void parent_waits(const char *what, int *w)
{
	pid_t pid = fork();
	char line[128];

	if (pid == 0)
		_exit(wake_until(w, FUTEX_WAKE, 1) == 1 ? 0 : 2);
	snprintf(line, sizeof(line), "%s: parent's wait", what);
	show(line, wait_code(w, FUTEX_WAIT, *w, 5000));
	snprintf(line, sizeof(line), "%s: waking child", what);
	reap(line, pid);
}

static void shared_anon(void)
{
	char *s = mmap(NULL, 2 * PAGE, RW, SHARED, -1, 0);
	int *w = (int *)(s + PAGE + 64), *ready = (int *)s;

	show_map("2 shared anonymous pages", s, NULL);
	if (s == MAP_FAILED)
		return;
	*w = 7;
	child_waits("shared anon", w, w, FUTEX_WAIT, 1);
	child_waits("shared anon, wake count 0", w, w, FUTEX_WAIT, 0);
	parent_waits("shared anon", w);
	child_not_woken("shared anon, FUTEX_PRIVATE_FLAG", w, ready,
			FUTEX_PRIVATE_FLAG);
	munmap(s, 2 * PAGE);
}

/* The child moves its view of the shared page elsewhere, then waits. */
static void moved_view(void)
{
	char *s = mmap(NULL, 2 * PAGE, RW, SHARED, -1, 0);
	char *hole = free_window(4);
	int *w = (int *)(s + PAGE + 8);
	pid_t pid;

	show_map("shared pages for mremap", s, NULL);
	if (s == MAP_FAILED || !hole)
		return;
	*w = 3;
	pid = fork();
	if (pid == 0) {
		char *t = mremap(s, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
				 hole);

		if (t != hole)
			_exit(3);
		_exit(wait_code((int *)(t + PAGE + 8), FUTEX_WAIT, 3, 5000));
	}
	show("moved view: parent's wake at the old address",
	     wake_until(w, FUTEX_WAKE, 1));
	reap("moved view: waiting child", pid);
	munmap(s, 2 * PAGE);
}

static void private_anon(void)
{
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int *ready = mmap(NULL, PAGE, RW, SHARED, -1, 0);

	show_map("a private page", p, NULL);
	if (p == MAP_FAILED || ready == MAP_FAILED)
		return;
	*(int *)p = 5;
	child_not_woken("private anon after fork", (int *)p, ready, 0);
	munmap(p, PAGE);
	munmap(ready, PAGE);
}

static void shared_file(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	char *f;

	show("open /etc/motd", fd < 0 ? -1 : 0);
	if (fd < 0)
		return;
	f = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	show_map("/etc/motd mapped shared, read-only", f, NULL);
	if (f == MAP_FAILED)
		return;
	child_waits("shared file", (int *)(f + 4), (int *)(f + 4), FUTEX_WAIT, 1);
	munmap(f, PAGE);
}

static void bad_addresses(void)
{
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	char *none = mmap(NULL, PAGE, PROT_NONE, ANON, -1, 0);
	char *ro = mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);
	char *hole = free_window(1);
	struct timespec ts = { 0, 1000000 };
	int *w = (int *)p;

	if (p == MAP_FAILED || none == MAP_FAILED || ro == MAP_FAILED || !hole)
		return;
	show("wake, kernel address", futex(KERNEL, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wake private, kernel address",
	     futex(KERNEL, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	show("wait, kernel address", futex(KERNEL, FUTEX_WAIT, 0, &ts, NULL, 0));
	show("wait private, kernel address",
	     futex(KERNEL, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0));
	show("wake, unmapped", futex((int *)hole, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wake private, unmapped",
	     futex((int *)hole, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	show("wait, unmapped", futex((int *)hole, FUTEX_WAIT, 0, &ts, NULL, 0));
	show("wait private, unmapped",
	     futex((int *)hole, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0));
	show("wake, NULL", futex(NULL, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wait, NULL", futex(NULL, FUTEX_WAIT, 0, &ts, NULL, 0));
	show("wake, PROT_NONE", futex((int *)none, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wake private, PROT_NONE",
	     futex((int *)none, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	show("wait, PROT_NONE", futex((int *)none, FUTEX_WAIT, 0, &ts, NULL, 0));
	show("wake, read-only", futex((int *)ro, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wait, read-only", futex((int *)ro, FUTEX_WAIT, 0, &ts, NULL, 0));
	*w = 0;
	mprotect(p, PAGE, PROT_READ);
	show("wake, read-only after a write", futex(w, FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wait, read-only after a write", futex(w, FUTEX_WAIT, 0, &ts, NULL, 0));
	mprotect(p, PAGE, RW);
	show("wake, misaligned",
	     futex((int *)(p + 1), FUTEX_WAKE, 1, NULL, NULL, 0));
	show("wake private, misaligned",
	     futex((int *)(p + 2), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	show("wait, misaligned", futex((int *)(p + 1), FUTEX_WAIT, 0, &ts, NULL, 0));
	show("wait, misaligned kernel address",
	     futex((int *)0xc0000001, FUTEX_WAIT, 0, &ts, NULL, 0));
	*w = 1;
	show("wait, value differs", futex(w, FUTEX_WAIT, 0, &ts, NULL, 0));
	ts.tv_nsec = 1000000000;
	show("wait, tv_nsec 1e9", futex(w, FUTEX_WAIT, 1, &ts, NULL, 0));
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	show("wait, tv_sec -1", futex(w, FUTEX_WAIT, 1, &ts, NULL, 0));
	show("wait, timeout pointer in the kernel",
	     futex(w, FUTEX_WAIT, 1, (struct timespec *)KERNEL, NULL, 0));
	show("wait, timeout pointer unmapped",
	     futex(w, FUTEX_WAIT, 1, (struct timespec *)hole, NULL, 0));
	show("unknown operation 99", futex(w, 99, 1, NULL, NULL, 0));
	munmap(p, PAGE);
	munmap(none, PAGE);
	munmap(ro, PAGE);
}

int main(void)
{
	shared_anon();
	moved_view();
	private_anon();
	shared_file();
	bad_addresses();
	return 0;
}

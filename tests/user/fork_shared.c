/*
 * fork_shared: MAP_SHARED|MAP_ANONYMOUS memory is the same memory in the
 * parent and the child after fork, in both directions, before and after
 * the child exits, while both run, for pages first touched after fork
 * (read first by one side, written by the other), through a grandchild,
 * and after another child has unmapped or write-protected its view; a
 * MAP_PRIVATE mapping right next to it stays private. Children report
 * through their exit codes and print nothing.
 */
#include <sched.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define SHARED	(MAP_SHARED | MAP_ANONYMOUS)
#define WORDS	16
#define STRIDE	(PAGE / sizeof(uint32_t) / WORDS)

static uint32_t stamp_of(int tag, size_t page, int k)
{
	return tag ? (uint32_t)tag << 24 | (uint32_t)page << 4 | k : 0;
}

static void stamp(char *p, size_t pages, int tag)
{
	for (size_t i = 0; i < pages; i++)
		for (int k = 0; k < WORDS; k++)
			((volatile uint32_t *)(p + i * PAGE))[k * STRIDE] =
				stamp_of(tag, i, k);
}

static int all_tag(const char *p, size_t pages, int tag)
{
	for (size_t i = 0; i < pages; i++)
		for (int k = 0; k < WORDS; k++)
			if (((const volatile uint32_t *)(p + i * PAGE))[k * STRIDE] !=
			    stamp_of(tag, i, k))
				return 0;
	return 1;
}

/* Waits (up to 5 s) until *w is at least v; 0 on timeout. */
static int await_word(int *w, int v)
{
	unsigned long long end = monotonic_ns() + 5000000000ULL;

	while (__atomic_load_n(w, __ATOMIC_SEQ_CST) < v) {
		if (monotonic_ns() > end)
			return 0;
		sched_yield();
	}
	return 1;
}

static void set_word(int *w, int v)
{
	__atomic_store_n(w, v, __ATOMIC_SEQ_CST);
}

/* S: 4 shared pages; V: 4 private pages right after them. */
static char *S, *V;

static void basics(void)
{
	int code;
	pid_t pid;

	stamp(S, 4, 0x11);
	stamp(V, 4, 0x11);
	pid = fork();
	if (pid == 0) {
		int bits = 0;

		if (!all_tag(S, 4, 0x11))
			bits |= 1;
		if (!all_tag(V, 4, 0x11))
			bits |= 2;
		stamp(S, 4, 0x12);
		stamp(V, 4, 0x12);
		_exit(bits);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	code = reap("after the child wrote both", pid);
	if (code >= 0) {
		yes_no("child saw the parent's pre-fork writes, shared", !(code & 1));
		yes_no("child saw the parent's pre-fork writes, private",
		       !(code & 2));
	}
	yes_no("parent sees the child's writes to the shared mapping",
	       all_tag(S, 4, 0x12));
	yes_no("the child's writes to the private mapping leaked in",
	       !all_tag(V, 4, 0x11));
}

/*
 * Both sides running: the parent writes shared page 0 (and the private
 * mapping) and raises word A in shared page 3; the child checks page 0,
 * writes page 1 and raises word B; the parent checks page 1.
 */
static void live(void)
{
	int *flags = (int *)(S + 3 * PAGE + PAGE / 2);
	int code, got;
	pid_t pid;

	stamp(S, 4, 0x21);
	stamp(V, 4, 0x21);
	set_word(&flags[0], 0);
	set_word(&flags[1], 0);
	pid = fork();
	if (pid == 0) {
		int bits = 0;

		if (!await_word(&flags[0], 1))
			_exit(8);
		if (!all_tag(S, 1, 0x22))
			bits |= 1;
		if (!all_tag(V, 4, 0x21))
			bits |= 2;
		stamp(S + PAGE, 1, 0x23);
		set_word(&flags[1], 1);
		_exit(bits);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	stamp(S, 1, 0x22);
	stamp(V, 4, 0x24);
	set_word(&flags[0], 1);
	got = await_word(&flags[1], 1) && all_tag(S + PAGE, 1, 0x23);
	code = reap("both running", pid);
	if (code >= 0) {
		if (code & 8)
			printf("child timed out waiting for the parent\n");
		yes_no("the child sees the parent's write after fork", !(code & 1));
		yes_no("the parent's private writes after fork stayed out of it",
		       !(code & 2));
	}
	yes_no("the parent sees the child's write while it runs", got);
}

/*
 * Z: two shared pages nobody touched before fork. The child reads page 1
 * until the parent's write shows up there, then writes page 0.
 */
static void untouched(void)
{
	char *Z = mmap(NULL, 2 * PAGE, RW, SHARED, -1, 0);
	int code;
	pid_t pid;

	show_map("map 2 more shared pages, untouched", Z, NULL);
	if (Z == MAP_FAILED)
		return;
	pid = fork();
	if (pid == 0) {
		int *w = (int *)(Z + PAGE);

		if (!await_word(w, 0x31))	/* read faults in page 1 first */
			_exit(1);
		stamp(Z, 1, 0x32);
		_exit(0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	/* Give the child time to fault page 1 in by reading it. */
	for (int i = 0; i < 20; i++)
		sched_yield();
	set_word((int *)(Z + PAGE), 0x31);
	code = reap("untouched shared pages", pid);
	if (code >= 0)
		yes_no("page first written by the parent after fork seen by the "
		       "child", code == 0);
	yes_no("page first written by the child seen by the parent",
	       all_tag(Z, 1, 0x32));
	munmap(Z, 2 * PAGE);
}

/* Both sides add to one shared counter with atomic instructions. */
static void counter(void)
{
	int *c = (int *)(S + 2 * PAGE);
	pid_t pid;

	*c = 0;
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 20000; i++) {
			__atomic_fetch_add(c, 1, __ATOMIC_SEQ_CST);
			if (i % 1000 == 0)
				sched_yield();
		}
		_exit(0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	for (int i = 0; i < 20000; i++) {
		__atomic_fetch_add(c, 1, __ATOMIC_SEQ_CST);
		if (i % 1000 == 500)
			sched_yield();
	}
	reap("shared counter", pid);
	printf("shared counter after 20000 atomic adds each: %d\n", *c);
}

static void grandchild(void)
{
	pid_t pid;

	stamp(S, 4, 0x41);
	pid = fork();
	if (pid == 0) {
		int st;
		pid_t g = fork();

		if (g == 0) {
			if (!all_tag(S, 4, 0x41))
				_exit(1);
			stamp(S, 4, 0x42);
			_exit(0);
		}
		if (g == -1 || wait4(g, &st, 0, NULL) != g || !WIFEXITED(st))
			_exit(2);
		if (WEXITSTATUS(st))
			_exit(WEXITSTATUS(st));
		_exit(all_tag(S, 4, 0x42) ? 0 : 4);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("through a grandchild", pid);
	yes_no("the parent sees the grandchild's writes", all_tag(S, 4, 0x42));
}

/*
 * One child unmaps half the shared pages and write-protects the rest;
 * that is its own view only: a second child still writes all of them.
 */
static void unmap_in_child(void)
{
	pid_t pid;

	stamp(S, 4, 0x51);
	pid = fork();
	if (pid == 0) {
		if (munmap(S, 2 * PAGE) || mprotect(S + 2 * PAGE, 2 * PAGE,
						   PROT_READ))
			_exit(1);
		_exit(0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("child unmapping and write-protecting its view", pid);
	yes_no("the parent still reads the shared pages", all_tag(S, 4, 0x51));
	pid = fork();
	if (pid == 0) {
		stamp(S, 4, 0x52);
		_exit(0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("a second child writing all of them", pid);
	yes_no("the parent sees the second child's writes", all_tag(S, 4, 0x52));
	stamp(S, 4, 0x53);
	yes_no("the parent still writes them", all_tag(S, 4, 0x53));
}

int main(void)
{
	char *w;

	printf("fork_shared: start\n");
	w = free_window(8);
	if (!w)
		return 1;
	S = mmap(w, 4 * PAGE, RW, SHARED | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map 4 shared pages", S, w);
	V = mmap(w + 4 * PAGE, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map 4 private pages right after them", V, w + 4 * PAGE);
	if (S != w || V != w + 4 * PAGE)
		return 1;
	yes_no("fresh shared memory reads zero", all_bytes(S, 0, 4 * PAGE));
	basics();
	live();
	untouched();
	counter();
	grandchild();
	unmap_in_child();
	show("munmap both", munmap(w, 8 * PAGE));
	printf("fork_shared: done\n");
	return 0;
}

/*
 * fork_cow: private memory after fork is copied on write, as in the
 * "Basic COW after fork" tests of Linux's mm selftests. Each side writes
 * after the other has and checks that the other's values stayed out and
 * that its own stuck: in both orders, after an mprotect round trip, with
 * the memory read-only at fork, for never-written (zero) pages, for
 * 4 MiB, for the brk heap, across a grandchild, while a child exits, and
 * over 50 forks in a row. Children report through their exit codes; the
 * two sides take turns through one MAP_SHARED page.
 */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* Words stamped per page, and their value for a tag (tag 0: zero). */
#define WORDS	16
#define STRIDE	(PAGE / sizeof(uint32_t) / WORDS)

static uint32_t stamp_of(int tag, size_t page, int k)
{
	return tag ? (uint32_t)tag << 24 | (uint32_t)page << 4 | k : 0;
}

static void stamp(char *p, size_t pages, int tag)
{
	for (size_t i = 0; i < pages; i++) {
		volatile uint32_t *w = (uint32_t *)(p + i * PAGE);

		for (int k = 0; k < WORDS; k++)
			w[k * STRIDE] = stamp_of(tag, i, k);
	}
}

/* How many of the stamped words hold tag's value. */
static size_t count_tag(const char *p, size_t pages, int tag)
{
	size_t n = 0;

	for (size_t i = 0; i < pages; i++) {
		const volatile uint32_t *w = (const uint32_t *)(p + i * PAGE);

		for (int k = 0; k < WORDS; k++)
			n += w[k * STRIDE] == stamp_of(tag, i, k);
	}
	return n;
}

static int all_tag(const char *p, size_t pages, int tag)
{
	return count_tag(p, pages, tag) == pages * WORDS;
}

/* The turn-taking page: [0] the child's step, [1] the parent's. */
static int *turns;

static void set_step(int who, int step)
{
	__atomic_store_n(&turns[who], step, __ATOMIC_SEQ_CST);
}

/* Waits (up to 5 s) until turns[who] reaches step; 0 on timeout. */
static int await_step(int who, int step)
{
	unsigned long long end = monotonic_ns() + 5000000000ULL;

	while (__atomic_load_n(&turns[who], __ATOMIC_SEQ_CST) < step) {
		if (monotonic_ns() > end)
			return 0;
		sched_yield();
	}
	return 1;
}

/* A child's exit-code bits. */
#define C_MISSED	1	/* did not see the data from before fork */
#define C_LEAKED	2	/* the parent's later writes showed up */
#define C_LOST		4	/* its own writes did not stick */
#define C_TIMEOUT	8	/* the parent never took its turn */
#define C_EXTRA		16	/* the round's extra check failed */

static const char *yn(int cond)
{
	return cond ? "yes" : "no";
}

/* Sorts region contents into: all mine, some of other's, or neither. */
static int judge(const char *p, size_t pages, int mine, int other,
		 int leak_bit, int lost_bit)
{
	if (all_tag(p, pages, mine))
		return 0;
	return count_tag(p, pages, other) ? leak_bit : lost_bit;
}

struct round {
	const char *name;
	char *p;
	size_t pages;
	int before;		/* tag stamped before fork (0: never written) */
	int parent_first;	/* the parent writes before the child does */
	int make_rw;		/* read-only at fork: each side mprotects RW */
	int (*child_extra)(void);	/* returns 0 or C_EXTRA */
	const char *extra_what;
};

#define T_CHILD		0x41
#define T_PARENT	0x50

static void cow_round(const struct round *r)
{
	size_t len = r->pages * PAGE;
	int pbits = 0, code;
	char tag[64];
	pid_t pid;

	snprintf(tag, sizeof(tag), "[%s]", r->name);
	set_step(0, 0);
	set_step(1, 0);
	pid = fork();
	if (pid == -1) {
		printf("[%s] fork: %s\n", r->name, errno_name(errno));
		return;
	}
	if (pid == 0) {
		int bits = 0;

		if (r->make_rw && mprotect(r->p, len, RW))
			_exit(C_LOST);
		if (r->parent_first) {
			if (!await_step(1, 1))
				bits |= C_TIMEOUT;
			bits |= judge(r->p, r->pages, r->before, T_PARENT,
				      C_LEAKED, C_MISSED);
		} else if (!all_tag(r->p, r->pages, r->before)) {
			bits |= C_MISSED;
		}
		stamp(r->p, r->pages, T_CHILD);
		set_step(0, 1);
		if (!r->parent_first && !await_step(1, 1))
			bits |= C_TIMEOUT;
		bits |= judge(r->p, r->pages, T_CHILD, T_PARENT, C_LEAKED, C_LOST);
		if (r->child_extra)
			bits |= r->child_extra();
		_exit(bits);
	}
	if (r->make_rw && mprotect(r->p, len, RW))
		printf("[%s] parent: mprotect RW after fork: %s\n", r->name,
		       errno_name(errno));
	if (!r->parent_first) {
		if (!await_step(0, 1))
			printf("[%s] parent: timed out waiting for the child\n",
			       r->name);
		pbits |= judge(r->p, r->pages, r->before, T_CHILD, 1, 2);
	}
	stamp(r->p, r->pages, T_PARENT);
	set_step(1, 1);
	if (r->parent_first && !await_step(0, 1))
		printf("[%s] parent: timed out waiting for the child\n", r->name);
	pbits |= judge(r->p, r->pages, T_PARENT, T_CHILD, 1, 4);

	code = reap(tag, pid);
	if (code >= 0) {
		printf("[%s] child: pre-fork data seen: %s, own writes kept: %s, "
		       "parent's writes leaked in: %s\n", r->name,
		       yn(!(code & C_MISSED)), yn(!(code & C_LOST)),
		       yn(code & C_LEAKED));
		if (code & C_TIMEOUT)
			printf("[%s] child: timed out waiting for the parent\n",
			       r->name);
		if (r->extra_what)
			printf("[%s] child: %s: %s\n", r->name, r->extra_what,
			       yn(!(code & C_EXTRA)));
	}
	printf("[%s] parent: pre-fork data kept: %s, own writes kept: %s, "
	       "child's writes leaked in: %s\n", r->name, yn(!(pbits & 2)),
	       yn(!(pbits & 4)), yn(pbits & 1));
}

static char *map_pages(const char *what, size_t pages)
{
	char *p = mmap(NULL, pages * PAGE, RW, ANON, -1, 0);

	if (p == MAP_FAILED) {
		printf("%s: mmap: %s\n", what, errno_name(errno));
		return NULL;
	}
	return p;
}

static void basic(void)
{
	struct round r = { .pages = 16, .before = 0x11 };

	r.p = map_pages("basic", 16);
	if (!r.p)
		return;
	stamp(r.p, 16, 0x11);
	r.name = "child writes first";
	cow_round(&r);

	/* The parent's pages are its own again: stamp afresh, other order. */
	stamp(r.p, 16, 0x12);
	r.before = 0x12;
	r.parent_first = 1;
	r.name = "parent writes first";
	cow_round(&r);
	munmap(r.p, 16 * PAGE);
}

static void protections(void)
{
	struct round r = { .pages = 8, .before = 0x21 };

	r.p = map_pages("mprotect", 8);
	if (!r.p)
		return;
	stamp(r.p, 8, 0x21);
	show("mprotect PROT_READ", mprotect(r.p, 8 * PAGE, PROT_READ));
	yes_no("read-only pages keep their data", all_tag(r.p, 8, 0x21));
	show("mprotect back to RW", mprotect(r.p, 8 * PAGE, RW));
	r.name = "after an RO-RW round trip";
	cow_round(&r);

	stamp(r.p, 8, 0x22);
	r.before = 0x22;
	show("mprotect PROT_READ again", mprotect(r.p, 8 * PAGE, PROT_READ));
	r.make_rw = 1;
	r.name = "read-only at fork, RW after";
	cow_round(&r);
	munmap(r.p, 8 * PAGE);
}

static void zero_pages(void)
{
	struct round r = { .pages = 16, .before = 0 };

	r.p = map_pages("zero pages", 17);
	if (!r.p)
		return;
	yes_no("never-written pages read zero before fork",
	       all_bytes(r.p, 0, 17 * PAGE));
	r.name = "zero pages";
	cow_round(&r);
	yes_no("a page nobody wrote still reads zero",
	       all_bytes(r.p + 16 * PAGE, 0, PAGE));
	munmap(r.p, 17 * PAGE);
}

static void large(void)
{
	struct round r = { .pages = 1024, .before = 0x31, .parent_first = 1 };

	r.p = map_pages("4 MiB", 1024);
	if (!r.p)
		return;
	stamp(r.p, 1024, 0x31);
	r.name = "4 MiB";
	cow_round(&r);
	munmap(r.p, 1024 * PAGE);
}

static char *heap_start, *heap_end;

/* In the child: the same break as the parent, and it can move its own. */
static int heap_child_extra(void)
{
	char *b = sys_brk(NULL);

	if (b != heap_end)
		return C_EXTRA;
	if (sys_brk(b + 4 * PAGE) != b + 4 * PAGE)
		return C_EXTRA;
	stamp(b, 4, T_CHILD);
	return all_tag(b, 4, T_CHILD) ? 0 : C_EXTRA;
}

static void heap(void)
{
	struct round r = { .pages = 8, .before = 0x41 };

	heap_start = sys_brk(NULL);
	heap_end = sys_brk(heap_start + 8 * PAGE);
	if (heap_end != heap_start + 8 * PAGE) {
		printf("brk heap: could not grow it\n");
		return;
	}
	stamp(heap_start, 8, 0x41);
	r.p = heap_start;
	r.name = "brk heap";
	r.child_extra = heap_child_extra;
	r.extra_what = "same break as the parent, and grew its own";
	cow_round(&r);
	yes_no("[brk heap] parent's break unchanged by the child's",
	       sys_brk(NULL) == heap_end);
	sys_brk(heap_start);
}

/*
 * Three processes share the pages, then write one after the other:
 * the grandchild first, the child after reaping it, the parent last.
 */
static void grandchild(void)
{
	char *p = map_pages("grandchild", 8);
	pid_t pid;
	int code;

	if (!p)
		return;
	stamp(p, 8, 0x51);
	pid = fork();
	if (pid == -1) {
		printf("[grandchild] fork: %s\n", errno_name(errno));
		return;
	}
	if (pid == 0) {
		int bits = 0, st;
		pid_t g = fork();

		if (g == -1)
			_exit(0x80);
		if (g == 0) {
			int gbits = all_tag(p, 8, 0x51) ? 0 : C_MISSED;

			stamp(p, 8, 0x52);
			if (!all_tag(p, 8, 0x52))
				gbits |= C_LOST;
			_exit(gbits);
		}
		if (wait4(g, &st, 0, NULL) != g || !WIFEXITED(st))
			bits = 0x80;
		else
			bits = WEXITSTATUS(st) & 0xf;
		bits |= judge(p, 8, 0x51, 0x52, C_LEAKED, C_MISSED) << 4;
		stamp(p, 8, 0x53);
		if (!all_tag(p, 8, 0x53))
			bits |= C_LOST << 4;
		_exit(bits);
	}
	code = reap("[grandchild]", pid);
	if (code >= 0) {
		if (code & 0x80)
			printf("[grandchild] the grandchild failed or died\n");
		printf("[grandchild] grandchild: pre-fork data seen: %s, "
		       "own writes kept: %s\n", yn(!(code & C_MISSED)),
		       yn(!(code & C_LOST)));
		printf("[grandchild] child: pre-fork data seen: %s, own writes "
		       "kept: %s, grandchild's leaked in: %s\n",
		       yn(!(code & C_MISSED << 4)), yn(!(code & C_LOST << 4)),
		       yn(code & C_LEAKED << 4));
	}
	printf("[grandchild] parent: pre-fork data kept: %s, descendants' "
	       "writes leaked in: %s\n", yn(all_tag(p, 8, 0x51)),
	       yn(count_tag(p, 8, 0x52) || count_tag(p, 8, 0x53)));
	stamp(p, 8, 0x54);
	yes_no("[grandchild] parent: own writes kept", all_tag(p, 8, 0x54));
	munmap(p, 8 * PAGE);
}

/* The parent keeps writing while the child writes, exits and is reaped. */
static void exit_while_writing(void)
{
	const char *name = "[child exits while the parent writes]";
	char *p = map_pages("exit while writing", 64);
	unsigned long long end;
	int ok = 1, reaped = 0, st = 0, tag = 0x60, after = 3;
	pid_t pid, r;

	if (!p)
		return;
	stamp(p, 64, tag);
	pid = fork();
	if (pid == -1) {
		printf("%s fork: %s\n", name, errno_name(errno));
		return;
	}
	if (pid == 0) {
		stamp(p, 64, T_CHILD);
		_exit(all_tag(p, 64, T_CHILD) ? 0 : C_LOST);
	}
	end = monotonic_ns() + 5000000000ULL;
	while (after) {
		if (!all_tag(p, 64, tag))
			ok = 0;
		tag = tag == 0x6f ? 0x61 : tag + 1;
		stamp(p, 64, tag);
		if (reaped) {
			after--;
			continue;
		}
		r = wait4(pid, &st, WNOHANG, NULL);
		if (r == pid)
			reaped = 1;
		else if (r == -1 || monotonic_ns() > end)
			break;
	}
	if (!reaped)
		reap(name, pid);
	else if (WIFEXITED(st))
		printf("%s wait4: WIFEXITED, WEXITSTATUS %d\n", name,
		       WEXITSTATUS(st));
	else
		printf("%s wait4: not a normal exit\n", name);
	yes_no("[child exits while the parent writes] parent's data right "
	       "throughout", ok && all_tag(p, 64, tag));
	munmap(p, 64 * PAGE);
}

/* 50 forks in a row; the parent rewrites one page while each child runs. */
static void many_forks(void)
{
	char *p = map_pages("50 forks", 8);
	int children_ok = 1, parent_ok = 1, st;
	pid_t pid;

	if (!p)
		return;
	stamp(p, 8, 0x71);
	for (int i = 0; i < 50; i++) {
		pid = fork();
		if (pid == -1) {
			printf("[50 forks] fork %d: %s\n", i, errno_name(errno));
			children_ok = 0;
			break;
		}
		if (pid == 0) {
			int bits = all_tag(p, 8, 0x71) ? 0 : C_MISSED;

			stamp(p + (i % 8) * PAGE, 1, T_CHILD);
			stamp(p + ((i + 3) % 8) * PAGE, 1, T_CHILD);
			_exit(bits);
		}
		/* Page i % 8 again, with the same values: a write all the same. */
		for (int k = 0; k < WORDS; k++)
			((volatile uint32_t *)(p + (i % 8) * PAGE))[k * STRIDE] =
				stamp_of(0x71, i % 8, k);
		if (wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st) ||
		    WEXITSTATUS(st))
			children_ok = 0;
		if (!all_tag(p, 8, 0x71))
			parent_ok = 0;
	}
	yes_no("[50 forks] every child saw the data and exited 0", children_ok);
	yes_no("[50 forks] parent's data never changed", parent_ok);
	munmap(p, 8 * PAGE);
}

int main(void)
{
	printf("fork_cow: start\n");
	turns = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (turns == MAP_FAILED) {
		printf("mmap MAP_SHARED turn page: %s\n", errno_name(errno));
		return 1;
	}
	basic();
	protections();
	zero_pages();
	large();
	heap();
	grandchild();
	exit_while_writing();
	many_forks();
	printf("fork_cow: done\n");
	return 0;
}

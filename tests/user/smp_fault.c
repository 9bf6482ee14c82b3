/*
 * smp_fault: page faults from several CPUs at once. Four processes each
 * fault in 64 MiB of their own and check it (the faults take no big
 * kernel lock, so the four run in parallel); four
 * threads fault the same pages of one mapping, each writing its own
 * byte of every page, and all writes are there after; a process forks
 * while two sibling threads keep writing, and each child's copy stays
 * as it was at the fork (a write the parent's threads make after it,
 * through a stale TLB entry, would show in the child), while each
 * writer's pages end with its own last writes (one that went to the old
 * page through a stale TLB entry after the copy was made would be
 * lost). Facts only:
 * the same on one CPU.
 */
#include <sched.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define NPROC		4
#define PROC_BYTES	(64UL << 20)
#define NTHREADS	4
#define SHARED_PAGES	2048	/* 8 MiB */
#define WRITE_PAGES	64

/* ---- four processes, 16 MiB each ---- */

static int fault_own(unsigned int seed)
{
	unsigned int *p = mmap(NULL, PROC_BYTES, RW, ANON, -1, 0);
	size_t words = PAGE / sizeof(*p), i;

	if (p == MAP_FAILED)
		return 2;
	for (i = 0; i < PROC_BYTES / PAGE; i++)
		p[i * words + i % words] = seed + i;
	for (i = 0; i < PROC_BYTES / PAGE; i++)
		if (p[i * words + i % words] != seed + i)
			return 1;
	return munmap(p, PROC_BYTES) ? 3 : 0;
}

static void processes(void)
{
	pid_t pids[NPROC];
	int i;

	for (i = 0; i < NPROC; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(fault_own(i * 0x10000000u));
	}
	for (i = 0; i < NPROC; i++) {
		char what[64];

		snprintf(what, sizeof(what), "process %d faulting 64 MiB", i);
		reap(what, pids[i]);
	}
}

/* ---- four threads, the same pages ---- */

static volatile unsigned char *shared;
static int go;

static int fault_shared(void *arg)
{
	int t = (int)(long)arg;

	while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST))
		;
	for (int i = 0; i < SHARED_PAGES; i++)
		shared[i * PAGE + t] = (unsigned char)(t + i);
	return 0;
}

static void threads_same_pages(void)
{
	char *stacks[NTHREADS];
	int ctids[NTHREADS], ok = 1, i, t;

	shared = mmap(NULL, SHARED_PAGES * PAGE, RW, ANON, -1, 0);
	if (shared == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	for (t = 0; t < NTHREADS; t++)
		if (start_thread(fault_shared, (void *)(long)t, &stacks[t], &ctids[t]) < 0)
			ok = 0;
	yes_no("four threads started", ok);
	__atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
	for (t = 0; t < NTHREADS; t++)
		join_thread(&ctids[t], stacks[t]);
	for (i = 0; i < SHARED_PAGES; i++)
		for (t = 0; t < NTHREADS; t++)
			if (shared[i * PAGE + t] != (unsigned char)(t + i))
				ok = 0;
	yes_no("every thread's byte of every page is there", ok);
	munmap((void *)shared, SHARED_PAGES * PAGE);
}

/* ---- fork while sibling threads write ---- */

static volatile unsigned int *area;
static int stop, kept[2];

/* Writes its half over and over; at the end its pages must hold its last round. */
static int writer(void *arg)
{
	int t = (int)(long)arg;
	unsigned int base = t * WRITE_PAGES, n = 0, i;

	while (!__atomic_load_n(&stop, __ATOMIC_SEQ_CST)) {
		n++;
		for (i = 0; i < WRITE_PAGES / 2; i++)
			area[(base / 2 + i) * (PAGE / sizeof(*area))] = n;
	}
	for (i = 0; i < WRITE_PAGES / 2; i++)
		if (area[(base / 2 + i) * (PAGE / sizeof(*area))] != n)
			break;
	__atomic_store_n(&kept[t], i == WRITE_PAGES / 2, __ATOMIC_SEQ_CST);
	return 0;
}

/* In the child: its copy must not move while the parent's threads write on. */
static int copy_is_still(void)
{
	unsigned int before[WRITE_PAGES];
	struct timespec ms = { 0, 20000000 };
	int i;

	for (i = 0; i < WRITE_PAGES; i++)
		before[i] = area[i * (PAGE / sizeof(*area))];
	nanosleep(&ms, NULL);
	for (i = 0; i < WRITE_PAGES; i++)
		if (area[i * (PAGE / sizeof(*area))] != before[i])
			return 1;
	return 0;
}

static void fork_while_writing(void)
{
	char *stacks[2];
	int ctids[2], ok = 1, still = 1, st;

	area = mmap(NULL, WRITE_PAGES * PAGE, RW, ANON, -1, 0);
	if (area == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	for (int t = 0; t < 2; t++)
		if (start_thread(writer, (void *)(long)t, &stacks[t], &ctids[t]) < 0)
			ok = 0;
	yes_no("two writer threads started", ok);
	for (int i = 0; i < 20; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(copy_is_still());
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
			still = 0;
	}
	yes_no("20 children's copies stayed as at their fork", still);
	__atomic_store_n(&stop, 1, __ATOMIC_SEQ_CST);
	for (int t = 0; t < 2; t++)
		join_thread(&ctids[t], stacks[t]);
	yes_no("each writer's pages hold its own last writes", kept[0] && kept[1]);
	munmap((void *)area, WRITE_PAGES * PAGE);
}

int main(void)
{
	processes();
	threads_same_pages();
	fork_while_writing();
	return 0;
}

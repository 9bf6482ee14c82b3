/*
 * mmbench: costs of memory-management operations as seen from user space,
 * timed with clock_gettime(CLOCK_MONOTONIC). Under QEMU's -icount shift=0
 * one nanosecond is one guest instruction, so the figures are instruction
 * counts per operation (the user loop included). One line per figure:
 *
 *   mmbench: NAME VALUE ns/op
 *
 * Figures that need fork print "mmbench: NAME n/a" when fork is ENOSYS.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE		4096UL
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)

#define DZ_PAGES	4096
#define MTM_PAGES	16
#define MTM_ROUNDS	200
#define MPROT_ROUNDS	1000
#define NR_VMAS		4000
#define COW_PAGES	2048
#define FORK_ROUNDS	100
#define FORK4M_ROUNDS	20
#define FORK4M_BYTES	(4UL << 20)

static void report(const char *name, unsigned long long ns, unsigned long ops)
{
	unsigned long long tenths = (ns * 10 + ops / 2) / ops;

	printf("mmbench: %s %llu.%llu ns/op\n", name, tenths / 10, tenths % 10);
}

static void not_available(const char *name, int err)
{
	if (err == ENOSYS)
		printf("mmbench: %s n/a\n", name);
	else
		printf("mmbench: %s n/a (%s)\n", name, errno_name(err));
}

static void *map(size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, ANON, -1, 0);

	if (p == MAP_FAILED)
		printf("mmbench: mmap %zu: %s\n", len, errno_name(errno));
	return p;
}

static void touch(void *p, size_t len)
{
	volatile char *c = p;

	for (size_t off = 0; off < len; off += PAGE)
		c[off] = 1;
}

static void bench_demand_zero(void)
{
	unsigned long long t0, t1;
	char *p = map(DZ_PAGES * PAGE, RW);

	if (p == MAP_FAILED)
		return;
	t0 = monotonic_ns();
	touch(p, DZ_PAGES * PAGE);
	t1 = monotonic_ns();
	munmap(p, DZ_PAGES * PAGE);
	report("demand_zero_fault", t1 - t0, DZ_PAGES);
}

static void bench_mmap_touch_munmap(void)
{
	unsigned long long t0, t1;
	int i;

	t0 = monotonic_ns();
	for (i = 0; i < MTM_ROUNDS; i++) {
		char *p = mmap(NULL, MTM_PAGES * PAGE, RW, ANON, -1, 0);

		if (p == MAP_FAILED) {
			not_available("mmap_touch_munmap_16p", errno);
			return;
		}
		touch(p, MTM_PAGES * PAGE);
		munmap(p, MTM_PAGES * PAGE);
	}
	t1 = monotonic_ns();
	report("mmap_touch_munmap_16p", t1 - t0, MTM_ROUNDS);
}

/* mprotect of the middle page splits one VMA into three; back merges them. */
static void bench_mprotect(void)
{
	unsigned long long t0, t1;
	char *p = map(3 * PAGE, RW);
	int i;

	if (p == MAP_FAILED)
		return;
	touch(p, 3 * PAGE);
	t0 = monotonic_ns();
	for (i = 0; i < MPROT_ROUNDS; i++) {
		if (mprotect(p + PAGE, PAGE, PROT_READ) ||
		    mprotect(p + PAGE, PAGE, RW)) {
			not_available("mprotect_split_merge", errno);
			munmap(p, 3 * PAGE);
			return;
		}
	}
	t1 = monotonic_ns();
	munmap(p, 3 * PAGE);
	report("mprotect_split_merge", t1 - t0, 2 * MPROT_ROUNDS);
}

/* Faults on fresh pages while 4000 unmergeable one-page VMAs exist. */
static void bench_fault_many_vmas(void)
{
	static char *pages[NR_VMAS];
	unsigned long long t0, t1;
	int i, n, faults = 0;

	for (n = 0; n < NR_VMAS; n++) {
		pages[n] = mmap(NULL, PAGE, n & 1 ? PROT_READ : RW, ANON, -1, 0);
		if (pages[n] == MAP_FAILED) {
			not_available("fault_4000_vmas", errno);
			break;
		}
	}
	if (n == NR_VMAS) {
		t0 = monotonic_ns();
		for (i = 0; i < NR_VMAS; i += 2) {
			*(volatile char *)pages[i] = 1;
			faults++;
		}
		t1 = monotonic_ns();
		report("fault_4000_vmas", t1 - t0, faults);
	}
	for (i = 0; i < n; i++)
		munmap(pages[i], PAGE);
}

/* Parent and child share 2048 written pages; the child writes each. */
static void bench_cow(void)
{
	unsigned long long t0, t1;
	char *p = map(COW_PAGES * PAGE, RW);
	int status;
	pid_t pid;

	if (p == MAP_FAILED)
		return;
	touch(p, COW_PAGES * PAGE);
	pid = fork();
	if (pid < 0) {
		not_available("cow_fault", errno);
	} else if (pid == 0) {
		t0 = monotonic_ns();
		touch(p, COW_PAGES * PAGE);
		t1 = monotonic_ns();
		report("cow_fault", t1 - t0, COW_PAGES);
		_exit(0);
	} else {
		wait4(pid, &status, 0, NULL);
	}
	munmap(p, COW_PAGES * PAGE);
}

static void bench_fork(const char *name, size_t bytes, int rounds)
{
	unsigned long long t0, t1;
	char *p = map(bytes, RW);
	int i, status;
	pid_t pid;

	if (p == MAP_FAILED)
		return;
	touch(p, bytes);
	t0 = monotonic_ns();
	for (i = 0; i < rounds; i++) {
		pid = fork();
		if (pid < 0) {
			not_available(name, errno);
			munmap(p, bytes);
			return;
		}
		if (pid == 0)
			_exit(0);
		wait4(pid, &status, 0, NULL);
	}
	t1 = monotonic_ns();
	munmap(p, bytes);
	report(name, t1 - t0, rounds);
}

int main(void)
{
	bench_demand_zero();
	bench_mmap_touch_munmap();
	bench_mprotect();
	bench_fault_many_vmas();
	bench_cow();
	bench_fork("fork_exit_wait_1p", PAGE, FORK_ROUNDS);
	bench_fork("fork_exit_wait_4m", FORK4M_BYTES, FORK4M_ROUNDS);
	printf("mmbench: done\n");
	return 0;
}

/*
 * smp_sched: where tasks run. sched_getcpu names a CPU of the caller's
 * affinity; pinned with sched_setaffinity to each allowed CPU in turn, a
 * CPU-bound task stays on it (and sched_getaffinity says so), a fork's
 * child inherits the mask; threads spinning at once, as many as there
 * are CPUs, run on that many different CPUs. What it prints holds on
 * any number of CPUs (the goldens come from a one-CPU Linux).
 */
#include <sched.h>
#include <stdlib.h>
#include <sys/futex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_CHILD_CLEARTID)
#define STACK_SIZE	(16 * PAGE)
#define MAX_THREADS	8

static cpu_set_t all;

/* Spins @ms milliseconds; whether sched_getcpu said @cpu every time. */
static int stays_on(int cpu, int ms)
{
	unsigned long long end = monotonic_ns() + ms * 1000000ULL;
	int ok = 1;

	while (monotonic_ns() < end)
		if (sched_getcpu() != cpu)
			ok = 0;
	return ok;
}

static int only_cpu(int cpu)
{
	cpu_set_t s;

	if (sched_getaffinity(0, sizeof(s), &s))
		return 0;
	return CPU_COUNT(&s) == 1 && CPU_ISSET(cpu, &s);
}

static void pinning(void)
{
	int cpu, last = -1, pinned_ok = 1, stayed = 1, mask_ok = 1;
	cpu_set_t one;
	pid_t pid;
	int st;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &all))
			continue;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		if (sched_setaffinity(0, sizeof(one), &one)) {
			pinned_ok = 0;
			continue;
		}
		if (sched_getcpu() != cpu || !stays_on(cpu, 40))
			stayed = 0;
		if (!only_cpu(cpu))
			mask_ok = 0;
		last = cpu;
	}
	yes_no("sched_setaffinity to each allowed cpu in turn succeeded", pinned_ok);
	yes_no("each time it ran there at once and stayed there while spinning", stayed);
	yes_no("sched_getaffinity gave back the one cpu", mask_ok);
	pid = fork();
	if (pid == 0)
		_exit(only_cpu(last) && stays_on(last, 40) ? 0 : 1);
	waitpid(pid, &st, 0);
	yes_no("a fork's child has the mask and runs there", WIFEXITED(st) && !WEXITSTATUS(st));
	show("back to every cpu", sched_setaffinity(0, sizeof(all), &all));
	yes_no("the mask is whole again", sched_getaffinity(0, sizeof(one), &one) == 0 &&
	       CPU_COUNT(&one) == CPU_COUNT(&all));
}

/* ---- threads spinning at once ---- */

static int nthreads;
static int where[MAX_THREADS];	/* each thread's cpu + 1, as last seen */
static int spread;		/* set once every thread was seen on its own cpu */
static int ctids[MAX_THREADS];

static int all_apart(void)
{
	int seen = 0;

	for (int i = 0; i < nthreads; i++) {
		int c = __atomic_load_n(&where[i], __ATOMIC_SEQ_CST);

		if (!c || (seen & (1 << (c - 1))))
			return 0;
		seen |= 1 << (c - 1);
	}
	return 1;
}

static int spinner(void *arg)
{
	int i = (int)(long)arg;
	unsigned long long end = monotonic_ns() + 10000000000ULL;

	while (!__atomic_load_n(&spread, __ATOMIC_SEQ_CST) && monotonic_ns() < end) {
		__atomic_store_n(&where[i], sched_getcpu() + 1, __ATOMIC_SEQ_CST);
		if (all_apart())
			__atomic_store_n(&spread, 1, __ATOMIC_SEQ_CST);
	}
	return 0;
}

static void join(int *ctid)
{
	struct timespec second = { 1, 0 };
	int v;

	for (int i = 0; i < 15 && (v = __atomic_load_n(ctid, __ATOMIC_SEQ_CST)); i++)
		futex(ctid, FUTEX_WAIT, v, &second, NULL, 0);
}

static void spinning_threads(void)
{
	char *stacks[MAX_THREADS];
	int started = 1, i;

	nthreads = CPU_COUNT(&all) < MAX_THREADS ? CPU_COUNT(&all) : MAX_THREADS;
	for (i = 0; i < nthreads; i++) {
		stacks[i] = mmap(NULL, STACK_SIZE, RW, ANON | MAP_STACK, -1, 0);
		ctids[i] = -1;
		if (stacks[i] == MAP_FAILED ||
		    clone(spinner, stacks[i] + STACK_SIZE, THREAD_FLAGS, (void *)(long)i,
			  NULL, NULL, &ctids[i]) < 0)
			started = 0;
	}
	yes_no("one spinning thread per cpu started", started);
	for (i = 0; i < nthreads; i++)
		join(&ctids[i]);
	yes_no("they were all on different cpus at once", spread);
	for (i = 0; i < nthreads; i++)
		munmap(stacks[i], STACK_SIZE);
}

int main(void)
{
	int cpu;

	show("sched_getaffinity", sched_getaffinity(0, sizeof(all), &all));
	yes_no("at least one cpu in the mask", CPU_COUNT(&all) >= 1);
	cpu = sched_getcpu();
	yes_no("sched_getcpu names a cpu of the mask", cpu >= 0 && CPU_ISSET(cpu, &all));
	pinning();
	spinning_threads();
	return 0;
}

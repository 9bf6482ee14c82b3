/*
 * pfbench: page faults on fresh anonymous memory from several tasks at
 * once, as will-it-scale's page_fault1 (processes, each in its own mm)
 * and page_fault1_threads (threads of one mm): each task maps 64 MiB,
 * writes one byte in each page and unmaps it. Booted as init with four
 * CPUs under QEMU's -icount shift=0, where the monotonic clock counts
 * the instructions of all CPUs together (one nanosecond each), the time
 * from the tasks' release to the last one's end divided by all their
 * faults is the instructions per fault, those spent spinning for a lock
 * included: with perfect scaling it does not change with the number of
 * tasks. The tasks wait for each other between touching and unmapping,
 * so the two phases are timed apart too. One line per case:
 *
 *   pfbench: page_fault1_processes_N VALUE ns/op (fault F, unmap U)
 *   pfbench: page_fault1_threads_N VALUE ns/op (fault F, unmap U)
 *
 * Run it where every task's pages are of one kind: in lowmem (a 512 MiB
 * machine: 4 x 64 MiB fits), not partly in highmem, whose pages cost a
 * kmap to clear, so that four tasks spilling out of highmem into lowmem
 * would look cheaper per fault than one.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/futex.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE		4096UL
#define MAP_BYTES	(64UL << 20)
#define MAX_TASKS	4
#define STACK_SIZE	(16 * PAGE)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_CHILD_CLEARTID)

static int ready_pipe[2], go_pipe[2], touched_pipe[2], unmap_pipe[2];
static int ctids[MAX_TASKS];
static int failed;

/*
 * One task's work: map, touch every page, unmap when told. A task that
 * cannot map still answers both steps, so that the others are not held.
 */
static int worker(void *arg)
{
	volatile char *p;
	char c;

	(void)arg;
	if (write(ready_pipe[1], "r", 1) != 1 || read(go_pipe[0], &c, 1) != 1)
		return 1;
	p = mmap(NULL, MAP_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		__atomic_store_n(&failed, errno, __ATOMIC_SEQ_CST);
	else
		for (unsigned long off = 0; off < MAP_BYTES; off += PAGE)
			p[off] = 1;
	if (write(touched_pipe[1], "t", 1) != 1 || read(unmap_pipe[0], &c, 1) != 1)
		return 1;
	if (p == MAP_FAILED)
		return 1;
	munmap((void *)p, MAP_BYTES);
	return 0;
}

static void join(int *ctid)
{
	int v;

	while ((v = __atomic_load_n(ctid, __ATOMIC_SEQ_CST)))
		futex(ctid, FUTEX_WAIT, v, NULL, NULL, 0);
}

/* Hands @pipe_fd one byte per task. */
static void release(int pipe_fd, int n)
{
	for (int i = 0; i < n; i++)
		if (write(pipe_fd, "g", 1) != 1)
			exit(1);
}

/* Takes one byte per task from @pipe_fd: each has got that far. */
static void gather(int pipe_fd, int n)
{
	char c;

	for (int i = 0; i < n; i++)
		if (read(pipe_fd, &c, 1) != 1)
			exit(1);
}

/*
 * Starts @n tasks, waits until each is ready, then times them from the
 * release: their faults until all have touched every page, then their
 * unmapping until the last has ended.
 */
static void run_case(const char *kind, int n, int threads)
{
	static char *stacks[MAX_TASKS];
	unsigned long long t0, tm, t1, faults = (unsigned long long)n * (MAP_BYTES / PAGE);
	pid_t pids[MAX_TASKS];
	int i;

	failed = 0;
	for (i = 0; i < n; i++) {
		if (threads) {
			if (!stacks[i])
				stacks[i] = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
						 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
			ctids[i] = -1;
			if (stacks[i] == MAP_FAILED ||
			    clone(worker, stacks[i] + STACK_SIZE, THREAD_FLAGS, NULL, NULL,
				  NULL, &ctids[i]) < 0) {
				printf("pfbench: %s_%d: clone: %s\n", kind, n, errno_name(errno));
				exit(1);
			}
		} else {
			pids[i] = fork();
			if (pids[i] < 0) {
				printf("pfbench: %s_%d: fork: %s\n", kind, n, errno_name(errno));
				exit(1);
			}
			if (pids[i] == 0)
				_exit(worker(NULL));
		}
	}
	gather(ready_pipe[0], n);
	t0 = monotonic_ns();
	release(go_pipe[1], n);
	gather(touched_pipe[0], n);
	tm = monotonic_ns();
	release(unmap_pipe[1], n);
	for (i = 0; i < n; i++) {
		if (threads) {
			join(&ctids[i]);
		} else {
			int st;

			wait4(pids[i], &st, 0, NULL);
			if (!WIFEXITED(st) || WEXITSTATUS(st))
				failed = failed ? failed : EIO;
		}
	}
	t1 = monotonic_ns();
	if (failed) {
		printf("pfbench: %s_%d failed: %s\n", kind, n, errno_name(failed));
		return;
	}
	printf("pfbench: page_fault1_%s_%d %llu.%llu ns/op (fault %llu, unmap %llu)\n",
	       kind, n, (t1 - t0) / faults, (t1 - t0) * 10 / faults % 10,
	       (tm - t0) / faults, (t1 - tm) / faults);
}

int main(void)
{
	static const int counts[] = { 1, 2, 4 };

	if (pipe(ready_pipe) || pipe(go_pipe) || pipe(touched_pipe) || pipe(unmap_pipe)) {
		printf("pfbench: pipe: %s\n", errno_name(errno));
		return 1;
	}
	for (unsigned int i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		run_case("processes", counts[i], 0);
	for (unsigned int i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		run_case("threads", counts[i], 1);
	printf("pfbench: done\n");
	return 0;
}

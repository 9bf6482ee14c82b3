/*
 * hostile_mm_race: one address space under threads on several CPUs at
 * once, each pinned to a CPU of its own where there are several.
 *
 * Threads fault their own pages and the same pages (a read first, which
 * maps the zero page, then a write, which replaces it), racing on every
 * pte: every byte written must be there after, and the RSS must have
 * grown by exactly the pages written. Then threads write a range over and
 * over while the main thread unmaps it, or makes it read-only: each
 * writer must get the SIGSEGV (SEGV_MAPERR, SEGV_ACCERR) at an address in
 * the range, and once munmap or mprotect has returned no write may get
 * through (one would, through a TLB entry left on the writer's CPU). A
 * writer's handler ends the thread (its saved pc is pointed at a thread
 * exit): the output is the same whatever the interleaving, and on one CPU.
 */
#include <stdlib.h>
#include <sys/syscall.h>

#include "check.h"

#define NTHREADS	3
#define OWN_PAGES	256
#define SHARED_PAGES	256
#define RACE_PAGES	64
#define NWRITERS	2

static int ncpus = 1;

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu % ncpus, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* RssAnon of /proc/self/status, in kB, or -1. */
static long rss_anon_kb(void)
{
	char buf[4096], *p;

	if (slurp("/proc/self/status", buf, sizeof(buf), sizeof(buf)) < 0)
		return -1;
	p = strstr(buf, "RssAnon:");
	return p ? strtol(p + 8, NULL, 10) : -1;
}

/* ---- faulting own and shared pages ---- */

static volatile unsigned char *own, *shared;
static int go, ready[NTHREADS];

/* Spins (yielding) up to 5 s until *w >= v: 1, or 0 if it never came. */
static int await_at_least(int *w, int v)
{
	unsigned long long end = monotonic_ns() + 5000000000ULL;

	while (load_shared(w) < v) {
		if (monotonic_ns() > end)
			return 0;
		sched_yield();
	}
	return 1;
}

static int fault_pages(void *arg)
{
	int t = (int)(long)arg;
	unsigned char zero = 0;

	pin(t + 1);
	__atomic_store_n(&ready[t], 1, __ATOMIC_SEQ_CST);	/* its stack is in */
	while (!load_shared(&go))
		;
	for (int i = 0; i < OWN_PAGES; i++)
		own[(t * OWN_PAGES + i) * PAGE] = (unsigned char)(t + i);
	for (int i = 0; i < SHARED_PAGES; i++) {
		zero |= shared[i * PAGE + 100];		/* the zero page, or a copy */
		shared[i * PAGE + t] = (unsigned char)(t + i);
	}
	return zero;	/* nobody writes byte 100: always 0 */
}

static void threads_fault(void)
{
	char *stacks[NTHREADS];
	int ctids[NTHREADS], ok = 1, t, i;
	long before, after;

	own = mmap(NULL, NTHREADS * OWN_PAGES * PAGE, RW, ANON, -1, 0);
	shared = mmap(NULL, SHARED_PAGES * PAGE, RW, ANON, -1, 0);
	if (own == MAP_FAILED || shared == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	for (t = 0; t < NTHREADS; t++)
		if (start_thread(fault_pages, (void *)(long)t, &stacks[t], &ctids[t]) < 0)
			ok = 0;
	for (t = 0; t < NTHREADS; t++)
		if (!await_at_least(&ready[t], 1))
			ok = 0;
	yes_no("three pinned threads started", ok);
	before = rss_anon_kb();
	__atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
	for (t = 0; t < NTHREADS; t++) {
		int v;

		/* the stacks stay mapped until RssAnon is read again */
		while ((v = load_shared(&ctids[t])))
			futex(&ctids[t], FUTEX_WAIT, v, NULL, NULL, 0);
	}
	after = rss_anon_kb();
	for (t = 0; t < NTHREADS; t++)
		for (i = 0; i < OWN_PAGES; i++)
			if (own[(t * OWN_PAGES + i) * PAGE] != (unsigned char)(t + i))
				ok = 0;
	yes_no("each thread's own pages hold what it wrote", ok);
	for (i = 0; i < SHARED_PAGES; i++) {
		for (t = 0; t < NTHREADS; t++)
			if (shared[i * PAGE + t] != (unsigned char)(t + i))
				ok = 0;
		if (shared[i * PAGE + 100])
			ok = 0;
	}
	yes_no("every thread's byte of every shared page is there", ok);
	yes_no("RssAnon grew by the pages written",
	       after - before == (long)(NTHREADS * OWN_PAGES + SHARED_PAGES) * (long)(PAGE / 1024));
	for (t = 0; t < NTHREADS; t++)
		munmap(stacks[t], THREAD_STACK);
	munmap((void *)own, NTHREADS * OWN_PAGES * PAGE);
	munmap((void *)shared, SHARED_PAGES * PAGE);
}

/* ---- writers while the range is unmapped or write-protected ---- */

static volatile unsigned int *range;
static int changed;			/* munmap or mprotect has returned */
static int tids[NWRITERS], passes[NWRITERS], late_write[NWRITERS];
static int fault_code[NWRITERS], fault_in_range[NWRITERS];

static void __attribute__((noreturn)) writer_exit(void)
{
	syscall(SYS_exit, 0);
	for (;;)
		;
}

static int writer_index(void)
{
	int tid = gettid();

	for (int t = 0; t < NWRITERS; t++)
		if (load_shared(&tids[t]) == tid)
			return t;
	return -1;
}

/* The writer's fault: noted, and the thread ends instead of retrying it. */
static void writer_segv(int sig, siginfo_t *si, void *ucp)
{
	unsigned long *uc = ucp, pc = (unsigned long)writer_exit;
	unsigned long addr = (unsigned long)si->si_addr, start = (unsigned long)range;
	int t = writer_index();

	(void)sig;
	if (t < 0)
		abort();
	fault_code[t] = si->si_code;
	fault_in_range[t] = addr >= start && addr < start + RACE_PAGES * PAGE;
	/* uc_mcontext at word 5: trap_no, error_code, oldmask, r0..r15 (pc: 23), cpsr */
	uc[23] = pc & ~1UL;
	uc[24] &= ~0x0600fc20UL;		/* ARM state, no IT block */
	if (pc & 1)
		uc[24] |= 0x20;			/* Thumb */
}

static int write_on(void *arg)
{
	int t = (int)(long)arg;

	pin(t + 1);
	for (unsigned int n = 1;; n++) {
		for (int i = 0; i < RACE_PAGES; i++) {
			int seen = load_shared(&changed);

			range[i * (PAGE / sizeof(*range))] = n;
			if (seen)	/* after munmap/mprotect returned: must have faulted */
				__atomic_store_n(&late_write[t], 1, __ATOMIC_SEQ_CST);
		}
		__atomic_store_n(&passes[t], n, __ATOMIC_SEQ_CST);
	}
	return 0;
}

static void race(const char *what, int (*change)(void *, size_t), int want_code)
{
	struct sigaction sa = { .sa_sigaction = writer_segv, .sa_flags = SA_SIGINFO };
	char *stacks[NWRITERS], line[96];
	int ctids[NWRITERS], ok = 1, t;

	range = mmap(NULL, RACE_PAGES * PAGE, RW, ANON, -1, 0);
	if (range == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	__atomic_store_n(&changed, 0, __ATOMIC_SEQ_CST);
	memset(passes, 0, sizeof(passes));
	memset(late_write, 0, sizeof(late_write));
	memset(fault_code, 0, sizeof(fault_code));
	memset(fault_in_range, 0, sizeof(fault_in_range));
	sigaction(SIGSEGV, &sa, NULL);
	for (t = 0; t < NWRITERS; t++) {
		tids[t] = start_thread(write_on, (void *)(long)t, &stacks[t], &ctids[t]);
		if (tids[t] < 0)
			ok = 0;
	}
	/* both write on, their CPUs' TLBs full of the range, when it changes */
	for (t = 0; t < NWRITERS; t++)
		if (!await_at_least(&passes[t], 2))
			ok = 0;
	snprintf(line, sizeof(line), "%s: two writers running", what);
	yes_no(line, ok);
	show(what, change((void *)range, RACE_PAGES * PAGE));
	__atomic_store_n(&changed, 1, __ATOMIC_SEQ_CST);
	for (t = 0; t < NWRITERS; t++)
		join_thread(&ctids[t], stacks[t]);
	snprintf(line, sizeof(line), "%s: each writer got SIGSEGV %s", what,
		 want_code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
	yes_no(line, fault_code[0] == want_code && fault_code[1] == want_code);
	snprintf(line, sizeof(line), "%s: at an address in the range", what);
	yes_no(line, fault_in_range[0] && fault_in_range[1]);
	snprintf(line, sizeof(line), "%s: a write got through after it returned", what);
	yes_no(line, late_write[0] || late_write[1]);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigaction(SIGSEGV, &sa, NULL);
	munmap((void *)range, RACE_PAGES * PAGE);
}

static int do_munmap(void *p, size_t len)
{
	return munmap(p, len);
}

static int do_mprotect(void *p, size_t len)
{
	return mprotect(p, len, PROT_READ);
}

int main(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		ncpus = CPU_COUNT(&set);
	pin(0);
	threads_fault();
	race("munmap", do_munmap, SEGV_MAPERR);
	race("mprotect", do_mprotect, SEGV_ACCERR);
	return 0;
}

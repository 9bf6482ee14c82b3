/*
 * smp_alarm_syscalls: ITIMER_REAL's SIGALRM comes on time while three
 * threads make long system calls one after another. On Pagoda each
 * call holds the big kernel lock, which CPU 0's tick needs to run the
 * timers: the tick only tries for it (waiting, it would sit with
 * interrupts masked for the length of another CPU's call), and after
 * a few misses in a row it waits, so that threads taking turns with the
 * lock cannot put the timer off until they stop (here after 10 s).
 * Facts only: the same on one CPU.
 */
#include <sys/time.h>
#include <unistd.h>

#include "check.h"

#define NTHREADS	3
#define TIMER_US	20000
#define WORK_NS		10000000000ULL	/* how long the threads call at most */
#define ON_TIME_NS	2000000000ULL
#define CHUNK		(32 * 1024)

static int alarmed, started;
static unsigned long long alarm_at;

static void on_alarm(int sig)
{
	(void)sig;
	alarm_at = monotonic_ns();
	__atomic_store_n(&alarmed, 1, __ATOMIC_SEQ_CST);
}

/*
 * Long system calls, one after another, until the alarm came (or 10 s
 * passed): 32 KiB through a pipe of its own and back, so that the three
 * between them keep the big lock nearly all the time.
 */
static int caller(void *arg)
{
	unsigned long long end = *(unsigned long long *)arg;
	static char bufs[NTHREADS][CHUNK];
	char *buf = bufs[__atomic_fetch_add(&started, 1, __ATOMIC_SEQ_CST)];
	int p[2];

	if (pipe(p))
		return 1;
	while (!load_shared(&alarmed) && monotonic_ns() < end)
		if (write(p[1], buf, CHUNK) != CHUNK || read(p[0], buf, CHUNK) != CHUNK)
			break;
	close(p[0]);
	close(p[1]);
	return 0;
}

int main(void)
{
	struct timespec ms = { 0, 1000000 };
	struct itimerval v = { .it_value.tv_usec = TIMER_US };
	unsigned long long end = monotonic_ns() + WORK_NS, armed;
	char *stacks[NTHREADS];
	int ctids[NTHREADS], i, ok = 1;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	for (i = 0; i < NTHREADS; i++)
		ok &= start_thread(caller, &end, &stacks[i], &ctids[i]) > 0;
	yes_no("three threads started", ok);
	yes_no("all three running", await_value(&started, NTHREADS));
	armed = monotonic_ns();
	setitimer(ITIMER_REAL, &v, NULL);
	while (!load_shared(&alarmed) && monotonic_ns() < end + ON_TIME_NS)
		nanosleep(&ms, NULL);
	yes_no("SIGALRM came", load_shared(&alarmed));
	yes_no("within 2 s of its 20 ms timer",
	       load_shared(&alarmed) && alarm_at - armed < ON_TIME_NS);
	for (i = 0; i < NTHREADS; i++)
		join_thread(&ctids[i], stacks[i]);
	yes_no("threads joined", !load_shared(&ctids[0]) && !load_shared(&ctids[1]) &&
	       !load_shared(&ctids[2]));
	return 0;
}

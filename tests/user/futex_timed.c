/*
 * futex_timed: a FUTEX_WAIT with a timeout ends as soon as a FUTEX_WAKE
 * reaches it, not at its timeout; unwoken, it ends at the timeout with
 * ETIMEDOUT. The waker is a child on shared memory and a thread-like
 * sibling on private memory alike (it once slept the whole timeout).
 */
#include <stdlib.h>
#include <sys/futex.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define TIMEOUT_S	5

/* A child wakes @w after 20 ms (retrying until someone was woken). */
static pid_t waker(int *w, int op)
{
	pid_t pid = fork();

	if (pid == 0) {
		usleep(20000);
		for (int i = 0; i < 3000 && futex(w, op, 1, NULL, NULL, 0) != 1; i++)
			usleep(1000);
		_exit(0);
	}
	return pid;
}

int main(void)
{
	struct timespec ts = { TIMEOUT_S, 0 }, short_ts = { 0, 50000000 };
	int *w = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long long t0, ms;
	pid_t pid;
	long r;

	if (w == MAP_FAILED)
		return 1;
	*w = 0;
	pid = waker(w, FUTEX_WAKE);
	t0 = monotonic_ns();
	r = futex(w, FUTEX_WAIT, 0, &ts, NULL, 0);
	ms = (monotonic_ns() - t0) / 1000000;
	show("timed wait, woken", r);
	yes_no("it ended well before its timeout", ms < TIMEOUT_S * 1000 / 2);
	reap("waker", pid);

	t0 = monotonic_ns();
	r = futex(w, FUTEX_WAIT, 0, &short_ts, NULL, 0);
	ms = (monotonic_ns() - t0) / 1000000;
	show("timed wait, nobody wakes", r);
	yes_no("it lasted its 50 ms timeout", ms >= 45 && ms < 2000);
	munmap(w, PAGE);
	return 0;
}

/*
 * futex_ops: the commands glibc's threads use besides WAIT and WAKE.
 * Children sleep on shared words; FUTEX_WAKE_BITSET wakes only the
 * waiters whose bitset meets its own, FUTEX_CMP_REQUEUE wakes one and
 * moves the rest to a second word (checked against the expected value
 * first), FUTEX_WAKE_OP changes a word and wakes on both; then the
 * errors: a zero bitset, FUTEX_CLOCK_REALTIME with plain WAIT, an
 * unknown command, an absolute deadline already past.
 */
#include <stdlib.h>
#include <sys/futex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* *uaddr2 += 1; wake uaddr2's waiters if the old value was 0 */
#define WAKE_OP_ADD1_IF_ZERO	((1 << 28) | (1 << 12) | (0 << 24) | 0)

/* A child sleeping on @w with @bitset; it exits 0 when woken. */
static pid_t sleeper(int *w, int bitset)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(futex(w, FUTEX_WAIT_BITSET, 0, NULL, NULL, bitset) == 0 ? 0 : 1);
	return pid;
}

/* Retries @op until it reports @want woken (the sleepers may not be asleep yet). */
static long until(int *w, int op, int val, void *val2, int *w2, int val3, long want)
{
	long r = 0;

	for (int i = 0; i < 2000; i++) {
		r = futex(w, op, val, val2, w2, val3);
		if (r == want)
			break;
		usleep(1000);
	}
	return r;
}

int main(void)
{
	int *w = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct timespec past = { 0, 1 };
	pid_t a, b, c;
	int st;

	if (w == MAP_FAILED)
		return 1;
	w[0] = w[1] = 0;

	a = sleeper(&w[0], 1);
	b = sleeper(&w[0], 2);
	show("wake bitset 2", until(&w[0], FUTEX_WAKE_BITSET, 10, NULL, NULL, 2, 1));
	waitpid(b, &st, 0);
	printf("the bitset-2 sleeper woke: %d\n", WIFEXITED(st) && !WEXITSTATUS(st));
	show("wake bitset 4 (nobody)", futex(&w[0], FUTEX_WAKE_BITSET, 10, NULL, NULL, 4));
	show("wake bitset 1", until(&w[0], FUTEX_WAKE_BITSET, 10, NULL, NULL, 1, 1));
	waitpid(a, &st, 0);

	a = sleeper(&w[0], -1);
	b = sleeper(&w[0], -1);
	c = sleeper(&w[0], -1);
	usleep(50000);
	show("cmp requeue, wrong value", futex(&w[0], FUTEX_CMP_REQUEUE, 1, (void *)2, &w[1], 5));
	show("cmp requeue 1 woken, 2 moved", until(&w[0], FUTEX_CMP_REQUEUE, 1, (void *)2, &w[1], 0, 3));
	show("wake the first word (moved away)", futex(&w[0], FUTEX_WAKE, 10, NULL, NULL, 0));
	show("wake op: w1 += 1, wake both", until(&w[0], FUTEX_WAKE_OP, 1, (void *)10, &w[1],
						  WAKE_OP_ADD1_IF_ZERO, 2));
	printf("w[1] after the op: %d\n", w[1]);
	for (int i = 0; i < 3; i++)
		wait(NULL);
	(void)a; (void)b; (void)c;

	show("wait bitset 0", futex(&w[0], FUTEX_WAIT_BITSET, 0, NULL, NULL, 0));
	show("wake bitset 0", futex(&w[0], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0));
	show("clock realtime with WAIT", futex(&w[0], FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, &past, NULL, 0));
	show("unknown command", futex(&w[0], 99, 0, NULL, NULL, 0));
	show("absolute deadline passed", futex(&w[0], FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &past, NULL, -1));
	show("wait bitset, value differs", futex(&w[0], FUTEX_WAIT_BITSET, 7, NULL, NULL, -1));
	show("requeue negative count", futex(&w[0], FUTEX_REQUEUE, -1, (void *)1, &w[1], 0));
	return 0;
}

/*
 * hostile_clone_parent: clone(CLONE_PARENT | SIG) makes a sibling, not a
 * child; when it exits, its parent (ours) is told with the exit signal
 * of the task that cloned it, not with SIG from the flags, which that
 * task could otherwise aim at a parent it has no right to signal.
 * Found by sysfuzz: a random clone's CLONE_PARENT | SIGABRT killed the
 * fuzzer. Also an exit signal that is not a signal (200) and 0.
 */
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static char stack[4 * 4096] __attribute__((aligned(8)));

static int sibling(void *arg)
{
	(void)arg;
	return 7;
}

/* A middle process clones a sibling with @sig and leaves; we reap both. */
static void case_of(const char *what, int sig)
{
	pid_t middle = fork(), sib;
	int st;

	if (middle == 0) {
		pid_t p = clone(sibling, stack + sizeof(stack), CLONE_PARENT | sig, NULL);

		_exit(p > 0 ? 0 : 3);
	}
	printf("%s\n", what);
	reap("  middle", middle);
	sib = wait4(-1, &st, 0, NULL);
	yes_no("  the sibling is ours to wait for", sib > 0);
	if (sib > 0)
		printf("  sibling: exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(void)
{
	case_of("CLONE_PARENT | SIGABRT", SIGABRT);
	case_of("CLONE_PARENT | SIGKILL", SIGKILL);
	case_of("CLONE_PARENT | 200", 200);
	case_of("CLONE_PARENT | 0", 0);
	yes_no("the parent is still here", 1);
	return 0;
}

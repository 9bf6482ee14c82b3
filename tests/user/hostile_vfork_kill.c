/*
 * hostile_vfork_kill: SIGKILL ends a vfork parent whose child never
 * execs or exits; the wait for the child is killable on Linux. Found by
 * sysfuzz: a batch that vforked a child executing zeros (its text mapped
 * over) outlived SIGKILL, and the fuzzer waited for it for ever. The
 * child, still running, is killed too, by the pid it leaves on a shared
 * page.
 */
#include <time.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
	volatile pid_t *shared = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct timespec ts = { 0, 200 * 1000000 };
	pid_t middle;

	if (shared == MAP_FAILED)
		return 1;
	*shared = 0;
	middle = fork();
	if (middle == 0) {
		if (vfork() == 0) {
			*shared = getpid();
			for (;;)
				;
		}
		_exit(0);
	}
	nanosleep(&ts, NULL);
	yes_no("the vfork child is running", *shared > 0);
	show("kill the vfork parent", kill(middle, SIGKILL));
	reap("the vfork parent", middle);
	if (*shared > 0)
		show("kill the child", kill(*shared, SIGKILL));
	nanosleep(&ts, NULL);
	munmap((void *)shared, PAGE);
	return 0;
}

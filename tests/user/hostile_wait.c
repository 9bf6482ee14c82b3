/*
 * hostile_wait: wait4 given a status or rusage pointer it cannot write,
 * for a child that has exited, and whether that child is still there
 * to be waited for afterwards; the same pointers when there is nothing
 * to report yet (WNOHANG), which Linux never writes.
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static pid_t exited_child(int code)
{
	struct timespec ms50 = { 0, 50000000 };
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	nanosleep(&ms50, NULL);	/* a zombie by now */
	return pid;
}

static void after(const char *what, pid_t pid)
{
	int st = -1;
	pid_t r = wait4(pid, &st, WNOHANG, NULL);

	if (r == pid)
		printf("%s: still there, status %#x\n", what, st);
	else
		show(what, r);
}

static void bad(int *status, struct rusage *ru, const char *what)
{
	pid_t pid = exited_child(3);

	if (pid < 0)
		return;
	show(what, wait4(pid, status, 0, ru) == pid ? 0 : -1);
	after("  then wait4(WNOHANG) for the child", pid);
}

int main(void)
{
	int *unmapped = (int *)0x10;
	int *ro = mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);
	struct timespec s5 = { 5, 0 };
	pid_t pid;

	printf("hostile_wait: start\n");
	bad(unmapped, NULL, "wait4 with status at 0x10");
	bad(NULL, (struct rusage *)unmapped, "wait4 with rusage at 0x10");
	if (ro != MAP_FAILED) {
		bad(ro, NULL, "wait4 with a read-only status");
		bad(NULL, (struct rusage *)ro, "wait4 with a read-only rusage");
		yes_no("  the read-only page unchanged", all_bytes(ro, 0, PAGE));
	}
	pid = fork();
	if (pid == 0) {
		nanosleep(&s5, NULL);
		_exit(0);
	}
	if (pid > 0) {
		show("wait4(WNOHANG), bad pointers, child running",
		     wait4(pid, unmapped, WNOHANG, (struct rusage *)unmapped));
		kill(pid, SIGKILL);
		reap("  the child", pid);
	}
	if (ro != MAP_FAILED)
		munmap(ro, PAGE);
	printf("hostile_wait: done\n");
	return 0;
}

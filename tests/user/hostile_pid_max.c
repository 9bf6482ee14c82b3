/*
 * hostile_pid_max: running out of pids. kernel.pid_max is lowered to
 * its least (301): with the pids below 300 kept for early daemons once
 * they have wrapped, fork fails with EAGAIN almost at once, and works
 * again as soon as pid_max is back. Values out of range are refused.
 * Every child is reaped and pid_max restored before the program ends.
 */
#include <stdlib.h>

#include "check.h"

#define PID_MAX_FILE	"/proc/sys/kernel/pid_max"
#define MAX_KIDS	400

static long write_pid_max(const char *text)
{
	int fd = open(PID_MAX_FILE, O_WRONLY);
	long n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n < 0 ? -1 : 0;
}

int main(void)
{
	static pid_t kids[MAX_KIDS];
	char saved[32];
	int n = 0, failed = 0, i, st;
	pid_t pid;

	printf("hostile_pid_max: start\n");
	if (slurp(PID_MAX_FILE, saved, sizeof(saved), sizeof(saved)) < 0) {
		printf("read %s: %s\n", PID_MAX_FILE, errno_name(errno));
		return 1;
	}
	printf("pid_max: %s", saved);
	show("pid_max 300 (below the least)", write_pid_max("300\n"));
	show("pid_max 32769 (above the most)", write_pid_max("32769\n"));
	show("pid_max garbage", write_pid_max("many\n"));

	show("pid_max 301", write_pid_max("301\n"));
	while (n < MAX_KIDS) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0) {
			failed = errno;
			break;
		}
		kids[n++] = pid;
	}
	printf("fork with pids exhausted: %s\n", failed ? errno_name(failed) : "never failed");
	show("pid_max back", write_pid_max(saved));
	pid = fork();
	if (pid == 0)
		_exit(3);
	yes_no("fork once pid_max is back", pid > 0);
	if (pid > 0)
		reap("that child", pid);
	for (i = 0; i < n; i++)
		if (waitpid(kids[i], &st, 0) != kids[i])
			break;
	yes_no("every child reaped", i == n);
	printf("hostile_pid_max: done\n");
	return 0;
}

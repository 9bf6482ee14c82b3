/*
 * pipe_stress: rounds of everything a pipe goes through, for the fault
 * injection run (each allocation may fail there: a failed call is
 * skipped, never an fd taken for granted): pipe2, writes that fill it,
 * reads, dup and dup2, fcntl, poll and select with many entries (more
 * than fit on the stack, and more wait-queue entries than fit inline),
 * sendfile into it, a child blocked on it and woken, and every fd
 * closed again. Fds 0-2 are never read. Without faults, it says how
 * many rounds went through whole.
 */
#include <poll.h>
#include <sys/select.h>
#include <sys/sendfile.h>

#include "check.h"

#define ROUNDS	20
#define PIPES	40

static char buf[70000];

/* One round: 1 if every call succeeded. */
static int one_round(void)
{
	struct pollfd pfd[2 * PIPES];
	int p[PIPES][2], n = 0, ok = 1, i, fd, src;
	fd_set in, out;
	struct timeval tv = { 0, 0 };
	pid_t pid;

	for (i = 0; i < PIPES; i++) {
		if (pipe2(p[n], O_NONBLOCK) == 0)
			n++;
		else
			ok = 0;
	}
	for (i = 0; i < n; i++) {
		ok &= write(p[i][1], buf, 1 + (i * 997) % sizeof(buf)) > 0;
		pfd[2 * i] = (struct pollfd){ p[i][0], POLLIN, 0 };
		pfd[2 * i + 1] = (struct pollfd){ p[i][1], POLLOUT, 0 };
	}
	ok &= poll(pfd, 2 * n, 0) >= 0;
	FD_ZERO(&in);
	FD_ZERO(&out);
	for (i = 0; i < n; i++) {
		FD_SET(p[i][0], &in);
		FD_SET(p[i][1], &out);
	}
	ok &= select(FD_SETSIZE, &in, &out, NULL, &tv) >= 0;
	if (n) {
		fd = dup(p[0][1]);
		ok &= fd >= 0;
		if (fd >= 0) {
			ok &= dup2(p[0][0], fd) == fd;
			ok &= fcntl(fd, F_SETFL, O_NONBLOCK) == 0 && fcntl(fd, F_SETPIPE_SZ, 8192) >= 0;
			close(fd);
		}
		src = open("/tests/pipe_stress", O_RDONLY);
		ok &= src >= 0;
		if (src >= 0) {
			ok &= sendfile(p[n - 1][1], src, NULL, 20000) >= 0;
			close(src);
		}
		/* a child blocked in poll on an empty pipe, woken by a write */
		while (read(p[0][0], buf, sizeof(buf)) > 0)
			;
		pid = fork();
		if (pid == 0) {
			struct pollfd one = { p[0][0], POLLIN, 0 };

			_exit(poll(&one, 1, 200) == 1 ? 0 : 1);	/* short: it may be orphaned */
		}
		ok &= pid > 0;
		if (pid > 0) {
			int st;

			usleep(10000);
			write(p[0][1], "w", 1);
			ok &= waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st);
		}
	}
	for (i = 0; i < n; i++) {
		close(p[i][0]);
		close(p[i][1]);
	}
	return ok;
}

int main(void)
{
	int whole = 0, i;

	for (i = 0; i < ROUNDS; i++)
		whole += one_round();
	printf("rounds gone through whole: %d of %d\n", whole, ROUNDS);
	return 0;
}

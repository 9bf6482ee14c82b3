/*
 * pipes: pipes, descriptors and polling through glibc, as Debian's
 * programs use them (glibc 2.36 on 32-bit ARM calls ppoll_time64 and
 * pselect6_time64 for poll and select): stdio over a pipe to a child,
 * poll and select with timeouts and a wake-up, dup2 onto stdout,
 * fcntl's flags, close-on-exec, SIGPIPE, and a child killed by it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* A child writes lines through stdio; the parent reads them with fgets. */
static void stdio_over_a_pipe(void)
{
	char line[64];
	int fds[2], n = 0, status;
	FILE *in;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		FILE *out;

		close(fds[0]);
		out = fdopen(fds[1], "w");
		for (int i = 0; i < 1000; i++)
			fprintf(out, "line %d of the child\n", i);
		fclose(out);
		_exit(0);
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	while (fgets(line, sizeof(line), in))
		n++;
	fclose(in);
	waitpid(pid, &status, 0);
	printf("lines read: %d, the last was complete: %s\n", n,
	       strchr(line, '\n') ? "yes" : "no");
}

static void polling(void)
{
	struct pollfd pfd;
	struct timespec t0;
	struct timeval tv;
	fd_set set;
	int fds[2], r;
	pid_t pid;
	char c;

	pipe2(fds, O_CLOEXEC);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = poll(&pfd, 1, 100);
	printf("poll 100 ms on an empty pipe: %d, waited >= 100 ms: %s\n", r,
	       ms_since(&t0) >= 100 ? "yes" : "no");

	FD_ZERO(&set);
	FD_SET(fds[0], &set);
	tv.tv_sec = 0;
	tv.tv_usec = 100000;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = select(fds[0] + 1, &set, NULL, NULL, &tv);
	printf("select 100 ms: %d, waited >= 100 ms: %s\n", r,
	       ms_since(&t0) >= 100 ? "yes" : "no");

	pid = fork();
	if (pid == 0) {
		usleep(50000);
		write(fds[1], "w", 1);
		_exit(0);
	}
	r = poll(&pfd, 1, 5000);
	printf("poll woken by a write: %d, revents POLLIN: %s\n", r,
	       pfd.revents == POLLIN ? "yes" : "no");
	read(fds[0], &c, 1);
	waitpid(pid, NULL, 0);

	pid = fork();
	if (pid == 0) {
		usleep(50000);
		write(fds[1], "s", 1);
		_exit(0);
	}
	FD_ZERO(&set);
	FD_SET(fds[0], &set);
	r = select(fds[0] + 1, &set, NULL, NULL, NULL);
	printf("select woken by a write: %d, readable: %s\n", r,
	       FD_ISSET(fds[0], &set) ? "yes" : "no");
	waitpid(pid, NULL, 0);
	printf("pipe2(O_CLOEXEC): FD_CLOEXEC %s\n",
	       fcntl(fds[0], F_GETFD) == FD_CLOEXEC ? "set" : "clear");
	close(fds[0]);
	close(fds[1]);
}

/* stdout of a child redirected into a pipe with dup2, as a shell does. */
static void redirect(void)
{
	char buf[64] = "";
	int fds[2], status;
	pid_t pid;
	ssize_t n;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		printf("through stdout\n");
		fflush(stdout);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	waitpid(pid, &status, 0);
	printf("the child's stdout: %zd bytes: %s", n, buf);
	close(fds[0]);
}

static void sigpipe(void)
{
	int fds[2], status, flags;
	pid_t pid;

	pipe(fds);
	close(fds[0]);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("a writer with no reader: %s\n",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE ? "killed by SIGPIPE" : "not killed");
	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	printf("write with SIGPIPE ignored: %zd, %s\n", write(fds[1], "x", 1),
	       errno == EPIPE ? "EPIPE" : strerror(errno));
	flags = fcntl(fds[1], F_GETFL);
	fcntl(fds[1], F_SETFL, flags | O_NONBLOCK);
	printf("F_GETFL after F_SETFL O_NONBLOCK: %s\n",
	       fcntl(fds[1], F_GETFL) & O_NONBLOCK ? "non-blocking" : "blocking");
	close(fds[1]);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	stdio_over_a_pipe();
	polling();
	redirect();
	sigpipe();
	return 0;
}

/*
 * hostile_pipe: writing to a pipe nobody reads (SIGPIPE kills by
 * default; ignored or handled, EPIPE; a write of nothing is 0 with no
 * signal); a writer blocked on a full pipe whose reader goes away; bad
 * buffers (EFAULT, with nothing lost from the pipe); a write running
 * into an unmapped page (what was copied counts); bad fds and bad
 * pointers to pipe(); blocked reads and writes cut short by signals
 * (EINTR, or restarted under SA_RESTART); pipes until EMFILE, then all
 * closed again. Everything is cleaned up: no fd or child is left.
 */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "check.h"

static volatile int handled;

static void handler(int sig)
{
	(void)sig;
	handled++;
}

static void on(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

static void alarm_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static int fds[2];

static void write_no_reader(void)
{
	pipe(fds);
	close(fds[0]);
	write(fds[1], "x", 1);
	printf("still alive after the write\n");
}

static void no_reader(void)
{
	run_child("write with no reader, SIGPIPE default", write_no_reader);

	pipe(fds);
	close(fds[0]);
	on(SIGPIPE, SIG_IGN, 0);
	show("write with SIGPIPE ignored", write(fds[1], "x", 1));
	on(SIGPIPE, handler, 0);
	handled = 0;
	show("write with a handler", write(fds[1], "x", 1));
	printf("handler ran %d\n", handled);
	handled = 0;
	show("write of 0 bytes", write(fds[1], "x", 0));
	printf("handler ran %d\n", handled);
	close(fds[1]);
	on(SIGPIPE, SIG_DFL, 0);
}

/* A writer blocked on a full pipe: the reader closes; it returns what it wrote. */
static void reader_goes_away(void)
{
	static char big[100000];
	int status[2];
	long n;
	pid_t pid;

	pipe(fds);
	pipe(status);
	pid = fork();
	if (pid == 0) {
		on(SIGPIPE, handler, 0);
		close(fds[0]);
		n = write(fds[1], big, sizeof(big));
		if (n < 0)
			n = -errno;
		write(status[1], &n, sizeof(n));
		write(status[1], (const void *)&handled, sizeof(int));
		_exit(0);
	}
	close(fds[1]);
	sleep_ms(50);
	close(fds[0]);
	read(status[0], &n, sizeof(n));
	printf("the blocked writer's write returned %ld\n", n);
	read(status[0], &n, sizeof(int));
	printf("its SIGPIPE handler ran %d\n", (int)n);
	reap("writer", pid);
	close(status[0]);
	close(status[1]);
}

static void bad_buffers(void)
{
	char *page = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
	int n = -1;

	munmap(page + 2 * PAGE, PAGE);	/* the third page: a hole */
	pipe2(fds, O_NONBLOCK);
	show("write from NULL", write(fds[1], NULL, 10));
	show("write from an unmapped address", write(fds[1], page + 2 * PAGE, 10));
	show("write from kernel space", write(fds[1], (void *)0xc0000000, 10));
	show("write hello", write(fds[1], "hello", 5));
	show("read into NULL", read(fds[0], NULL, 5));
	show("read into kernel space", read(fds[0], (void *)0xc0001000, 5));
	ioctl(fds[0], FIONREAD, &n);
	printf("still waiting: %d\n", n);
	show("FIONREAD into NULL", ioctl(fds[0], FIONREAD, NULL));
	show("an unknown ioctl", ioctl(fds[0], 0x5401, &n));
	show("read 5", read(fds[0], page, 5));

	/* three pages asked for, the third unmapped: two go in */
	show("write across into an unmapped page", write(fds[1], page, 3 * PAGE));
	ioctl(fds[0], FIONREAD, &n);
	printf("waiting after it: %d\n", n);
	show("read across into an unmapped page", read(fds[0], page + PAGE, 2 * PAGE));
	ioctl(fds[0], FIONREAD, &n);
	printf("waiting after it: %d\n", n);
	close(fds[0]);
	close(fds[1]);
	munmap(page, 2 * PAGE);

	show("pipe(NULL)", pipe(NULL));
	show("pipe(kernel space)", pipe((int *)0xc0000000));
	show("pipe2(NULL, O_CLOEXEC)", pipe2(NULL, O_CLOEXEC));
	show("pipe", pipe(fds));
	printf("fds %d %d: none leaked by the failures\n", fds[0], fds[1]);
	close(fds[0]);
	close(fds[1]);
	show("read fd 77", read(77, &n, 1));
	show("write fd -1", write(-1, &n, 1));
	show("FIONREAD on fd 77", ioctl(77, FIONREAD, &n));
}

static void interrupted(void)
{
	char c;
	long r;
	pid_t pid;

	pipe(fds);
	on(SIGALRM, handler, 0);
	alarm_ms(50);
	show("blocking read, SIGALRM without SA_RESTART", read(fds[0], &c, 1));

	on(SIGALRM, handler, SA_RESTART);
	handled = 0;
	pid = fork();
	if (pid == 0) {
		sleep_ms(150);
		write(fds[1], "r", 1);
		_exit(0);
	}
	alarm_ms(50);
	r = read(fds[0], &c, 1);
	show("blocking read, SIGALRM with SA_RESTART", r);
	printf("handler ran %d, got '%c'\n", handled, r == 1 ? c : '?');
	reap("late writer", pid);

	/* a full pipe: the blocked write returns what went in before the signal */
	on(SIGALRM, handler, 0);
	alarm_ms(50);
	{
		static char big[100000];

		show("blocking write of 100000, SIGALRM", write(fds[1], big, sizeof(big)));
	}
	alarm_ms(50);
	show("blocking write into a full pipe, SIGALRM", write(fds[1], "x", 1));
	close(fds[0]);
	close(fds[1]);
	on(SIGALRM, SIG_DFL, 0);
}

static void exhaustion(void)
{
	struct rlimit old, rl;
	int all[64][2], n = 0, i;

	getrlimit(RLIMIT_NOFILE, &old);
	rl = old;
	rl.rlim_cur = 40;
	setrlimit(RLIMIT_NOFILE, &rl);
	while (n < 64 && pipe(all[n]) == 0)
		n++;
	printf("pipes made under RLIMIT_NOFILE 40: %d, then %s\n", n, errno_name(errno));
	for (i = 0; i < n; i++) {
		close(all[i][0]);
		close(all[i][1]);
	}
	setrlimit(RLIMIT_NOFILE, &old);
	show("pipe", pipe(fds));
	printf("fds %d %d\n", fds[0], fds[1]);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	no_reader();
	reader_goes_away();
	bad_buffers();
	interrupted();
	exhaustion();
	return 0;
}

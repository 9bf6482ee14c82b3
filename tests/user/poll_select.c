/*
 * poll_select: poll, ppoll (and its time64 twin), select and pselect6
 * (and its time64 twin) on pipes and a regular file: readiness as Linux
 * reports it (POLLIN with data, POLLOUT while not full, POLLHUP without
 * writers, POLLERR without readers, POLLNVAL for a closed fd, nothing for
 * a negative one); timeouts (zero, elapsed, the time left written back by
 * select, pselect6 and ppoll); a sleeper woken by a write from another
 * process; signals (EINTR even under SA_RESTART; ppoll's and pselect6's
 * mask in force while waiting and put back after); bad arguments
 * (EFAULT, EINVAL, EBADF).
 */
#include <poll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>

#include "check.h"

static volatile int handled;

static void handler(int sig)
{
	(void)sig;
	handled++;
}

static void on(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

static unsigned long long since_ms(unsigned long long start)
{
	return (monotonic_ns() - start) / 1000000;
}

/* A child that sends @sig to its parent after @ms, or writes @fd when sig is 0. */
static pid_t later(long ms, int sig, int fd)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		sleep_ms(ms);
		if (sig)
			kill(parent, sig);
		else
			write(fd, "w", 1);
		_exit(0);
	}
	return pid;
}

static void show_poll(const char *what, struct pollfd *pfd, int n, int r)
{
	int i;

	if (r < 0) {
		printf("%s: %s\n", what, errno_name(errno));
		return;
	}
	printf("%s: %d:", what, r);
	for (i = 0; i < n; i++)
		printf(" %#x", (unsigned short)pfd[i].revents);
	printf("\n");
}

static void poll_pipes(void)
{
	struct pollfd pfd[4];
	int p[2], i, big = 0;
	char buf[4096];

	pipe2(p, O_NONBLOCK);
	pfd[0] = (struct pollfd){ p[0], POLLIN | POLLOUT, 0 };
	pfd[1] = (struct pollfd){ p[1], POLLIN | POLLOUT, 0 };
	pfd[2] = (struct pollfd){ -1, POLLIN, 0x55 };
	pfd[3] = (struct pollfd){ 60, POLLIN, 0 };
	show_poll("empty pipe, fd -1, closed fd 60", pfd, 4, poll(pfd, 4, 0));
	write(p[1], "x", 1);
	show_poll("one byte in it", pfd, 2, poll(pfd, 2, 0));
	pfd[0].events = POLLOUT;
	pfd[1].events = 0;
	show_poll("asking for nothing it has", pfd, 2, poll(pfd, 2, 0));
	pfd[0].events = pfd[1].events = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM | POLLPRI;
	while (write(p[1], buf, sizeof(buf)) > 0)
		big++;
	show_poll("full", pfd, 2, poll(pfd, 2, 0));
	for (i = 0; i < 16; i++)
		read(p[0], buf, sizeof(buf));
	close(p[1]);
	show_poll("read end, no writer, empty", pfd, 1, poll(pfd, 1, 0));
	close(p[0]);

	pipe(p);
	write(p[1], "y", 1);
	close(p[1]);
	show_poll("read end, no writer, data", pfd, 1, poll(pfd, 1, 0));
	close(p[0]);

	pipe(p);
	close(p[0]);
	pfd[0] = (struct pollfd){ p[1], POLLOUT, 0 };
	show_poll("write end, no reader", pfd, 1, poll(pfd, 1, 0));
	pfd[0].events = 0;
	show_poll("write end, no reader, no events asked", pfd, 1, poll(pfd, 1, 0));
	close(p[1]);

	i = open("/tests/poll_select", O_RDONLY);
	pfd[0] = (struct pollfd){ i, POLLIN | POLLOUT | POLLPRI, 0 };
	show_poll("a regular file", pfd, 1, poll(pfd, 1, 0));
	close(i);
}

static void poll_waits(void)
{
	unsigned long long t0;
	struct pollfd pfd;
	int p[2], r;
	pid_t pid;

	pipe(p);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	t0 = monotonic_ns();
	r = poll(&pfd, 1, 100);
	printf("poll 100 ms: %d, waited >= 100 ms: %s\n", r, since_ms(t0) >= 100 ? "yes" : "no");
	t0 = monotonic_ns();
	show("poll(NULL, 0, 50)", poll(NULL, 0, 50));
	yes_no("waited >= 50 ms", since_ms(t0) >= 50);

	pid = later(50, 0, p[1]);
	show_poll("poll for ever, woken by a write", &pfd, 1, poll(&pfd, 1, -1));
	reap("writer", pid);
	close(p[0]);
	close(p[1]);

	pipe(p);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	on(SIGUSR1, SA_RESTART);
	handled = 0;
	pid = later(50, SIGUSR1, 0);
	show("poll, SIGUSR1 with SA_RESTART", poll(&pfd, 1, 5000));
	printf("handler ran %d\n", handled);
	reap("signaller", pid);

	/* stopped and continued, no handler runs: poll goes on to its first deadline */
	pid = fork();
	if (pid == 0) {
		t0 = monotonic_ns();
		r = poll(&pfd, 1, 300);
		printf("poll 300 ms, stopped and continued: %d, waited 300 to 450 ms: %s\n", r,
		       since_ms(t0) >= 300 && since_ms(t0) < 450 ? "yes" : "no");
		_exit(0);
	}
	sleep_ms(50);
	kill(pid, SIGSTOP);
	sleep_ms(200);		/* a fresh 300 ms after this would end at 550 ms */
	kill(pid, SIGCONT);
	reap("poller", pid);
	close(p[0]);
	close(p[1]);
}

static void ppolls(void)
{
	struct timespec ts;
	struct timespec64 ts64;
	struct pollfd pfd;
	sigset_t block, empty, now;
	int p[2];
	pid_t pid;

	pipe(p);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	on(SIGUSR1, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);

	/* SIGUSR1 blocked: ppoll with an empty mask lets it in */
	handled = 0;
	pid = later(50, SIGUSR1, 0);
	ts = (struct timespec){ 5, 0 };
	show("ppoll, empty mask, SIGUSR1", ppoll(&pfd, 1, &ts, &empty));
	printf("handler ran %d\n", handled);
	yes_no("time left written back, below 5 s and above 4 s",
	       ts.tv_sec == 4 && ts.tv_nsec > 0);
	sigprocmask(SIG_BLOCK, NULL, &now);
	yes_no("SIGUSR1 blocked again after", sigismember(&now, SIGUSR1));
	reap("signaller", pid);

	/* with SIGUSR1 in ppoll's mask it stays pending until the timeout */
	handled = 0;
	pid = later(20, SIGUSR1, 0);
	ts = (struct timespec){ 0, 100000000 };
	show("ppoll, SIGUSR1 masked, 100 ms", ppoll(&pfd, 1, &ts, &block));
	printf("handler ran %d, time left %ld.%09ld\n", handled, (long)ts.tv_sec, ts.tv_nsec);
	reap("signaller", pid);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	printf("handler ran %d once unblocked\n", handled);

	ts64 = (struct timespec64){ 0, 1000000 };
	show("ppoll_time64 1 ms", ppoll_time64(&pfd, 1, &ts64, NULL));
	printf("time left %lld.%09lld\n", ts64.tv_sec, ts64.tv_nsec);
	ts64 = (struct timespec64){ 0, 0 };
	show("ppoll_time64 0", ppoll_time64(&pfd, 1, &ts64, NULL));
	write(p[1], "z", 1);
	ts64 = (struct timespec64){ 7, 0 };
	show("ppoll_time64 with data waiting", ppoll_time64(&pfd, 1, &ts64, NULL));
	yes_no("time left written back, above 6 s", ts64.tv_sec == 6);

	ts = (struct timespec){ 0, 1000000000 };
	show("ppoll tv_nsec 1e9", ppoll(&pfd, 1, &ts, NULL));
	ts = (struct timespec){ -1, 0 };
	show("ppoll tv_sec -1", ppoll(&pfd, 1, &ts, NULL));
	show("ppoll bad timespec pointer", ppoll(&pfd, 1, (void *)1, NULL));
	show("ppoll bad mask pointer", ppoll(&pfd, 1, NULL, (void *)1));
	show("ppoll sigsetsize 4", syscall(SYS_ppoll, &pfd, 1, NULL, &empty, 4));
	show("ppoll NULL mask, sigsetsize 4", syscall(SYS_ppoll, &pfd, 1, NULL, NULL, 4));
	show("poll bad pollfd pointer", poll((void *)1, 1, 0));
	show("poll pollfds in kernel space", poll((void *)0xc0000000, 1, 0));
	show("poll NULL, nfds 1", poll(NULL, 1, 0));
	{
		struct rlimit rl;

		getrlimit(RLIMIT_NOFILE, &rl);
		show("poll nfds RLIMIT_NOFILE + 1", poll(&pfd, rl.rlim_cur + 1, 0));
	}
	close(p[0]);
	close(p[1]);
}

static void show_sets(const char *what, int r, fd_set *in, fd_set *out, int lo, int hi)
{
	int fd;

	if (r < 0) {
		printf("%s: %s\n", what, errno_name(errno));
		return;
	}
	printf("%s: %d:", what, r);
	for (fd = lo; fd <= hi; fd++)
		printf(" %d%s%s", fd, in && FD_ISSET(fd, in) ? "r" : "",
		       out && FD_ISSET(fd, out) ? "w" : "");
	printf("\n");
}

static void selects(void)
{
	fd_set in, out, ex;
	struct timeval tv;
	struct timespec ts;
	struct timespec64 ts64;
	unsigned long long t0;
	int p[2], r;
	pid_t pid;

	pipe(p);
	FD_ZERO(&in);
	FD_ZERO(&out);
	FD_SET(p[0], &in);
	FD_SET(p[1], &in);
	FD_SET(p[0], &out);
	FD_SET(p[1], &out);
	tv = (struct timeval){ 0, 0 };
	show_sets("select, empty pipe", select(p[1] + 1, &in, &out, NULL, &tv), &in, &out,
		  p[0], p[1]);
	write(p[1], "x", 1);
	FD_SET(p[0], &in);
	FD_SET(p[1], &out);
	show_sets("select, data", select(p[1] + 1, &in, &out, NULL, NULL), &in, &out,
		  p[0], p[1]);

	FD_ZERO(&in);
	FD_SET(p[0], &in);
	FD_SET(p[1], &in);
	show_sets("select n below the fds", select(p[0], &in, NULL, NULL, &tv), &in, NULL,
		  p[0], p[1]);
	FD_SET(40, &in);
	show_sets("select with closed fd 40", select(41, &in, NULL, NULL, &tv), &in, NULL,
		  p[0], p[1]);
	show("select n -1", select(-1, NULL, NULL, NULL, &tv));
	show("select bad set pointer", select(5, (void *)1, NULL, NULL, &tv));
	FD_ZERO(&ex);
	FD_SET(p[0], &ex);
	show_sets("select exceptfds only", select(p[1] + 1, NULL, NULL, &ex, &tv), &ex, NULL,
		  p[0], p[1]);

	tv = (struct timeval){ 0, 100000 };
	t0 = monotonic_ns();
	show("select 100 ms, nothing", select(0, NULL, NULL, NULL, &tv));
	printf("waited >= 100 ms: %s, time left %ld.%06ld\n", since_ms(t0) >= 100 ? "yes" : "no",
	       (long)tv.tv_sec, (long)tv.tv_usec);
	tv = (struct timeval){ 0, 1500000 };
	FD_ZERO(&in);
	FD_SET(p[0], &in);
	show("select tv_usec 1500000, data waiting", select(p[0] + 1, &in, NULL, NULL, &tv));
	yes_no("time left 1.4 s to 1.5 s", tv.tv_sec == 1 && tv.tv_usec > 400000);
	tv = (struct timeval){ 0, -1 };
	show("select tv_usec -1", select(0, NULL, NULL, NULL, &tv));
	tv = (struct timeval){ -1, 0 };
	show("select tv_sec -1", select(0, NULL, NULL, NULL, &tv));
	show("select bad timeval pointer", select(0, NULL, NULL, NULL, (void *)1));

	/* a read empties it; a sleeper woken by a write from a child */
	{
		char c;

		read(p[0], &c, 1);
	}
	FD_ZERO(&in);
	FD_SET(p[0], &in);
	pid = later(50, 0, p[1]);
	tv = (struct timeval){ 5, 0 };
	r = select(p[0] + 1, &in, NULL, NULL, &tv);
	show_sets("select woken by a write", r, &in, NULL, p[0], p[0]);
	yes_no("time left between 4 and 5 s", tv.tv_sec == 4);
	reap("writer", pid);

	on(SIGUSR1, SA_RESTART);
	handled = 0;
	FD_ZERO(&in);
	FD_SET(p[0], &in);
	{
		char c;

		read(p[0], &c, 1);
	}
	pid = later(50, SIGUSR1, 0);
	tv = (struct timeval){ 5, 0 };
	show("select, SIGUSR1 with SA_RESTART", select(p[0] + 1, &in, NULL, NULL, &tv));
	printf("handler ran %d, time left between 4 and 5 s: %s\n", handled,
	       tv.tv_sec == 4 ? "yes" : "no");
	reap("signaller", pid);

	/* pselect6: the mask lets the blocked signal in, then it is blocked again */
	{
		sigset_t block, empty, now;

		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigemptyset(&empty);
		sigprocmask(SIG_BLOCK, &block, NULL);
		handled = 0;
		pid = later(50, SIGUSR1, 0);
		ts = (struct timespec){ 5, 0 };
		FD_ZERO(&in);
		FD_SET(p[0], &in);
		show("pselect, empty mask, SIGUSR1", pselect(p[0] + 1, &in, NULL, NULL, &ts, &empty));
		printf("handler ran %d, time left between 4 and 5 s: %s\n", handled,
		       ts.tv_sec == 4 ? "yes" : "no");
		sigprocmask(SIG_BLOCK, NULL, &now);
		yes_no("SIGUSR1 blocked again after", sigismember(&now, SIGUSR1));
		reap("signaller", pid);
		sigprocmask(SIG_UNBLOCK, &block, NULL);

		ts64 = (struct timespec64){ 0, 20000000 };
		show("pselect_time64 20 ms", pselect_time64(0, NULL, NULL, NULL, &ts64, NULL));
		printf("time left %lld.%09lld\n", ts64.tv_sec, ts64.tv_nsec);
		ts = (struct timespec){ 0, 1000000000 };
		show("pselect tv_nsec 1e9", pselect(0, NULL, NULL, NULL, &ts, NULL));
		show("pselect bad argpack", syscall(SYS_pselect6, 0, NULL, NULL, NULL, NULL, 1));
		{
			struct { void *set; size_t size; } pack = { &empty, 4 };

			show("pselect sigsetsize 4",
			     syscall(SYS_pselect6, 0, NULL, NULL, NULL, NULL, &pack));
			pack.set = NULL;
			ts = (struct timespec){ 0, 0 };
			show("pselect NULL mask, sigsetsize 4",
			     syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &pack));
		}
	}

	r = open("/tests/poll_select", O_RDONLY);
	FD_ZERO(&in);
	FD_ZERO(&out);
	FD_SET(r, &in);
	FD_SET(r, &out);
	show_sets("select on a regular file", select(r + 1, &in, &out, NULL, NULL), &in, &out,
		  r, r);
	close(r);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	poll_pipes();
	poll_waits();
	ppolls();
	selects();
	return 0;
}

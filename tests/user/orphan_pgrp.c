/*
 * orphan_pgrp: a process group whose last tie to another group of its
 * session goes (its members' parent there exits) is orphaned. If a
 * member is stopped then, each member gets SIGHUP and SIGCONT (POSIX),
 * or it would stay stopped for ever; a group with none stopped gets
 * nothing. In an orphaned group SIGTSTP, SIGTTIN and SIGTTOU do not
 * stop (SIGSTOP still does), and a background read or TCSETS on the
 * controlling tty returns EIO instead of stopping the reader. The
 * grandchildren report through a pipe and exit by themselves.
 */
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>

#include "check.h"

#define AMA	"/orphan_pgrp_ama0"

static int pfd[2];

static void note(char c)
{
	write(pfd[1], &c, 1);
}

static void on_sig(int sig)
{
	note(sig == SIGHUP ? 'H' : sig == SIGCONT ? 'C' : '?');
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static pid_t middle;	/* the grandchild's parent, in the grandchild */

/* Waits until its parent has gone (the caller was reparented). */
static void wait_orphaned(void)
{
	while (getppid() == middle)
		sleep_ms(10);
}

/* What the grandchild wrote to the pipe, until it closed its end or 3 s went by. */
static void collect(const char *what)
{
	struct pollfd p = { .fd = pfd[0], .events = POLLIN };
	char buf[64];
	int n = 0;

	close(pfd[1]);
	while (n < (int)sizeof(buf) - 1 && poll(&p, 1, 3000) == 1 && read(pfd[0], buf + n, 1) == 1)
		n++;
	buf[n] = '\0';
	printf("%s: %s\n", what, buf);
	close(pfd[0]);
}

static void stopped_member(void)
{
	struct sigaction sa = { .sa_handler = on_sig };

	sigfillset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
	raise(SIGSTOP);
	note('E');
}

static void running_member(void)
{
	struct sigaction sa = { .sa_handler = on_sig };

	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
	wait_orphaned();
	sleep_ms(100);
	raise(SIGTSTP);
	note('t');
	raise(SIGTTIN);
	note('i');
	raise(SIGTTOU);
	note('o');
	note('E');
}

/*
 * A child in a group of its own whose child, @fn, runs in the same
 * group; the child exits once @fn's process stopped (@stop) or at once,
 * which orphans the group.
 */
static void orphan(const char *what, void (*fn)(void), int stop)
{
	pid_t c, g;

	pipe(pfd);
	c = fork();
	if (c == 0) {
		setpgid(0, 0);
		middle = getpid();
		g = fork();
		if (g == 0) {
			close(pfd[0]);
			fn();
			_exit(0);
		}
		if (stop)
			wait4(g, NULL, WUNTRACED, NULL);
		_exit(0);
	}
	reap("the group's parent", c);
	collect(what);
}

static int fd;

static void bg_tty(void)
{
	struct termios t;
	char c;

	wait_orphaned();
	show("orphaned background read", read(fd, &c, 1));
	tcgetattr(fd, &t);
	show("orphaned background TCSETS", tcsetattr(fd, TCSANOW, &t));
	show("orphaned background tcsetpgrp", tcsetpgrp(fd, getpgrp()));
	note('E');
}

static void session(void)
{
	pid_t b, g;

	yes_no("setsid", setsid() == getpid());
	fd = open(AMA, O_RDWR);
	if (fd < 0) {
		printf("open: %s\n", errno_name(errno));
		_exit(1);
	}
	pipe(pfd);
	b = fork();
	if (b == 0) {
		setpgid(0, 0);
		middle = getpid();
		g = fork();
		if (g == 0) {
			close(pfd[0]);
			bg_tty();
			_exit(0);
		}
		_exit(0);
	}
	wait4(b, NULL, 0, NULL);
	collect("tty reader");
	show("TIOCNOTTY", ioctl(fd, TIOCNOTTY));
	close(fd);
}

int main(void)
{
	pid_t pid;

	orphan("orphaned with a stopped member", stopped_member, 1);
	orphan("orphaned with none stopped, then stop signals", running_member, 0);

	syscall(SYS_mknod, AMA, 020600, (204 << 8) | 64);
	pid = fork();
	if (pid == 0) {
		session();
		_exit(0);
	}
	reap("session leader", pid);
	unlink(AMA);
	return 0;
}

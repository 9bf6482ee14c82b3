/*
 * tty_hangup: when a session leader with a controlling tty exits, the
 * tty's foreground process group gets SIGHUP (a background group in the
 * session nothing), and every process of the session loses the tty: it
 * has no session or foreground group any more (TIOCGSID, tcgetpgrp:
 * ENOTTY) and open("/dev/tty") is ENXIO. The session's members report
 * through a pipe, one record each, and exit by themselves. TIOCNOTTY
 * by a process that is not the leader only drops its own tie.
 */
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>

#include "check.h"

#define AMA	"/tty_hangup_ama0"
#define TTY	"/tty_hangup_tty"

static int pfd[2], fd;
static volatile int got_hup, got_cont;
static pid_t leader_pid;

static void on_sig(int sig)
{
	if (sig == SIGHUP)
		got_hup++;
	else
		got_cont++;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static const char *res(long r)
{
	return r == -1 ? errno_name(errno) : "ok";
}

/* A member of the session: waits for the leader to go, then looks at the tty. */
static void member(char tag)
{
	struct sigaction sa = { .sa_handler = on_sig };
	char rec[128], opened[16], gsid[16];
	int sid, t;

	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
	write(pfd[1], "r", 1);	/* ready */
	while (getppid() == leader_pid)
		sleep_ms(10);
	sleep_ms(100);
	t = open(TTY, O_RDWR);
	snprintf(opened, sizeof(opened), "%s", res(t));
	if (t >= 0)
		close(t);
	snprintf(gsid, sizeof(gsid), "%s", res(ioctl(fd, TIOCGSID, &sid)));
	snprintf(rec, sizeof(rec), "%c SIGHUP %d, SIGCONT %d; TIOCGSID %s, tcgetpgrp %s, "
		 "open /dev/tty %s\n", tag, got_hup, got_cont, gsid, res(tcgetpgrp(fd)), opened);
	write(pfd[1], rec, strlen(rec));
}

static void leader(void)
{
	pid_t bg;
	char c;

	setsid();
	fd = open(AMA, O_RDWR);
	if (fd < 0) {
		printf("open: %s\n", errno_name(errno));
		_exit(1);
	}
	leader_pid = getpid();
	if (fork() == 0) {
		member('F');	/* in the leader's group: the foreground */
		_exit(0);
	}
	bg = fork();
	if (bg == 0) {
		setpgid(0, 0);
		member('B');
		_exit(0);
	}
	setpgid(bg, bg);
	read(pfd[0], &c, 1);
	read(pfd[0], &c, 1);
	_exit(0);	/* with the tty still its controlling terminal */
}

/* Reads the two records, in any order; prints F's then B's. */
static void collect(void)
{
	struct pollfd p = { .fd = pfd[0], .events = POLLIN };
	char buf[512], *b, *f;
	int n = 0, r;

	close(pfd[1]);
	while (n < (int)sizeof(buf) - 1 && poll(&p, 1, 3000) == 1 &&
	       (r = read(pfd[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	f = strstr(buf, "F ");
	b = strstr(buf, "B ");
	if (f)
		*strchr(f, '\n') = '\0';
	if (b)
		*strchr(b, '\n') = '\0';
	printf("foreground member: %s\n", f ? f + 2 : "nothing");
	printf("background member: %s\n", b ? b + 2 : "nothing");
	close(pfd[0]);
}

static void notty_member(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	int sid;

	setsid();
	fd = open(AMA, O_RDWR);
	if (fork() == 0) {
		show("member's TIOCNOTTY", ioctl(fd, TIOCNOTTY));
		show("member's TIOCGSID after it", ioctl(fd, TIOCGSID, &sid));
		show("member's open /dev/tty after it", open(TTY, O_RDWR) < 0 ? -1 : 0);
		_exit(0);
	}
	wait4(-1, NULL, 0, NULL);
	yes_no("leader's TIOCGSID still its own", ioctl(fd, TIOCGSID, &sid) == 0 &&
	       sid == getpid());
	sigaction(SIGHUP, &ign, NULL);
	show("leader's TIOCNOTTY", ioctl(fd, TIOCNOTTY));
	show("leader's TIOCGSID after it", ioctl(fd, TIOCGSID, &sid));
}

int main(void)
{
	pid_t pid;

	syscall(SYS_mknod, AMA, 020600, (204 << 8) | 64);
	syscall(SYS_mknod, TTY, 020666, (5 << 8) | 0);
	pipe(pfd);
	pid = fork();
	if (pid == 0)
		leader();
	reap("session leader", pid);
	collect();

	pid = fork();
	if (pid == 0) {
		notty_member();
		_exit(0);
	}
	reap("TIOCNOTTY", pid);
	unlink(AMA);
	unlink(TTY);
	return 0;
}

/*
 * tty_jobctl: the controlling terminal and its foreground process group.
 * A session leader that opens ttyAMA0 (a node made here: 204,64) without
 * O_NOCTTY gets it as its controlling tty, and /dev/tty (5,0) then
 * reaches it (ENXIO without one); tcgetpgrp/tcsetpgrp/TIOCGSID with
 * Linux's errnos; a background group is stopped by SIGTTOU for
 * tcsetpgrp, TCSETS and (with TOSTOP) write, by SIGTTIN for read, which
 * returns EIO when SIGTTIN is ignored; SIGTTOU ignored lets it through;
 * TIOCSWINSZ sends SIGWINCH to the foreground group when the size
 * changes; TIOCNOTTY gives the terminal up. Nothing is written to the
 * terminal, and the leader gives it up before it exits (a leader's exit
 * would hang the tty up).
 */
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define AMA	"/tty_jobctl_ama0"
#define TTY	"/tty_jobctl_tty"

static int fd;

static int mknod_chr(const char *path, int major, int minor)
{
	return syscall(SYS_mknod, path, 020600, (major << 8) | minor);
}

static void unlink_node(const char *path)
{
	syscall(SYS_unlink, path);
}

static void set_sig(int sig, sighandler_t h)
{
	struct sigaction sa = { .sa_handler = h };

	sigaction(sig, &sa, NULL);
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* @fn in a child in a group of its own (the background): how it ended or stopped. */
static void background(const char *what, void (*fn)(void))
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		setpgid(0, 0);
		fn();
		_exit(0);
	}
	setpgid(pid, pid);
	if (wait4(pid, &st, WUNTRACED, NULL) != pid) {
		printf("%s: wait4: %s\n", what, errno_name(errno));
		return;
	}
	if (WIFSTOPPED(st)) {
		printf("%s: stopped by %s\n", what, sig_name(WSTOPSIG(st)));
		kill(pid, SIGKILL);
		wait4(pid, &st, 0, NULL);
	} else if (WIFSIGNALED(st)) {
		printf("%s: killed by %s\n", what, sig_name(WTERMSIG(st)));
	} else {
		printf("%s: exited %d\n", what, WEXITSTATUS(st));
	}
}

static void bg_tcsetpgrp(void)
{
	show("tcsetpgrp", tcsetpgrp(fd, getpgrp()));
}

static void bg_read(void)
{
	char c;

	show("read", read(fd, &c, 1));
}

static void bg_tcsets(void)
{
	struct termios t;

	tcgetattr(fd, &t);
	show("TCSETS", tcsetattr(fd, TCSANOW, &t));
}

/* (only with TOSTOP: the byte is never written) */
static void bg_write(void)
{
	show("write", write(fd, "x", 1));
}

static void bg_read_ignoring(void)
{
	char c;

	set_sig(SIGTTIN, SIG_IGN);
	show("read, SIGTTIN ignored", read(fd, &c, 1));
}

static void bg_read_blocking(void)
{
	sigset_t set;
	char c;

	sigemptyset(&set);
	sigaddset(&set, SIGTTIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	show("read, SIGTTIN blocked", read(fd, &c, 1));
}

static void bg_ignoring_ttou(void)
{
	pid_t fg = tcgetpgrp(fd);
	struct termios t;

	set_sig(SIGTTOU, SIG_IGN);
	tcgetattr(fd, &t);
	show("TCSETS, SIGTTOU ignored", tcsetattr(fd, TCSANOW, &t));
	show("tcsetpgrp, SIGTTOU ignored", tcsetpgrp(fd, getpgrp()));
	yes_no("in the foreground", tcgetpgrp(fd) == getpgrp());
	show("tcsetpgrp back", tcsetpgrp(fd, fg));
}

static void fg_read(void)
{
	struct termios t;
	char c;

	tcgetattr(fd, &t);
	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &t);
	show("foreground read, nothing there", read(fd, &c, 1));
}

static int winched;

static void on_winch(int sig)
{
	(void)sig;
	winched++;
}

static void leader(void)
{
	struct termios saved, t;
	struct winsize ws, big = { 50, 132, 0, 0 };
	pid_t pid;
	int tty, go[2];

	yes_no("setsid", setsid() == getpid());
	show("open /dev/tty without a controlling tty", open(TTY, O_RDWR));
	fd = open(AMA, O_RDWR | O_NOCTTY);
	show("open with O_NOCTTY", fd < 0 ? -1 : 0);
	show("tcgetpgrp then", tcgetpgrp(fd));
	close(fd);
	fd = open(AMA, O_RDWR);
	show("open", fd < 0 ? -1 : 0);
	if (fd < 0)
		_exit(1);
	yes_no("tcgetpgrp == getpid()", tcgetpgrp(fd) == getpid());
	yes_no("tcgetsid == getpid()", tcgetsid(fd) == getpid());
	show("TIOCSCTTY again", ioctl(fd, TIOCSCTTY, 0));
	tty = open(TTY, O_RDWR);
	show("open /dev/tty", tty < 0 ? -1 : 0);
	yes_no("/dev/tty: tcgetpgrp == getpid()", tcgetpgrp(tty) == getpid());
	close(tty);

	show("tcsetpgrp(999999)", tcsetpgrp(fd, 999999));
	show("tcsetpgrp(-1)", tcsetpgrp(fd, -1));
	show("tcsetpgrp(0)", tcsetpgrp(fd, 0));
	show("tcsetpgrp(init's)", tcsetpgrp(fd, 1));
	pid = fork();
	if (pid == 0) {
		show("child: TIOCSCTTY, not a leader", ioctl(fd, TIOCSCTTY, 0));
		yes_no("child: tcgetpgrp == parent's", tcgetpgrp(fd) == getppid());
		_exit(0);
	}
	wait4(pid, NULL, 0, NULL);

	background("background tcsetpgrp", bg_tcsetpgrp);
	background("background read", bg_read);
	background("background TCSETS", bg_tcsets);
	background("background read, SIGTTIN ignored", bg_read_ignoring);
	background("background read, SIGTTIN blocked", bg_read_blocking);
	background("background, SIGTTOU ignored", bg_ignoring_ttou);
	yes_no("the leader in the foreground still", tcgetpgrp(fd) == getpid());

	tcgetattr(fd, &saved);
	t = saved;
	t.c_lflag |= TOSTOP;
	tcsetattr(fd, TCSANOW, &t);
	background("background write with TOSTOP", bg_write);
	tcsetattr(fd, TCSANOW, &saved);

	/*
	 * a foreground child reads (VMIN 0: nothing, at once), once the
	 * parent has said so: its line comes after the parent's
	 */
	if (pipe(go))
		_exit(1);
	pid = fork();
	if (pid == 0) {
		char c;

		setpgid(0, 0);
		while (tcgetpgrp(fd) != getpid())
			sleep_ms(10);
		if (read(go[0], &c, 1) == 1)
			fg_read();
		_exit(0);
	}
	setpgid(pid, pid);
	show("tcsetpgrp(child)", tcsetpgrp(fd, pid));
	if (write(go[1], "g", 1) != 1)
		_exit(1);
	reap("foreground child", pid);
	close(go[0]);
	close(go[1]);
	set_sig(SIGTTOU, SIG_IGN);
	show("tcsetpgrp(own) from the background", tcsetpgrp(fd, getpid()));
	set_sig(SIGTTOU, SIG_DFL);
	tcsetattr(fd, TCSANOW, &saved);

	set_sig(SIGWINCH, on_winch);
	ioctl(fd, TIOCGWINSZ, &ws);
	show("TIOCSWINSZ same", ioctl(fd, TIOCSWINSZ, &ws));
	printf("SIGWINCH: %d\n", winched);
	show("TIOCSWINSZ 50x132", ioctl(fd, TIOCSWINSZ, &big));
	printf("SIGWINCH: %d\n", winched);
	ioctl(fd, TIOCGWINSZ, &big);
	printf("rows %d cols %d\n", big.ws_row, big.ws_col);
	show("TIOCSWINSZ back", ioctl(fd, TIOCSWINSZ, &ws));
	printf("SIGWINCH: %d\n", winched);

	set_sig(SIGHUP, SIG_IGN);
	show("TIOCNOTTY", ioctl(fd, TIOCNOTTY));
	show("tcgetpgrp after", tcgetpgrp(fd));
	show("TIOCNOTTY again", ioctl(fd, TIOCNOTTY));
	show("open /dev/tty after", open(TTY, O_RDWR));
	close(fd);
	_exit(0);
}

static void not_leader(void)
{
	fd = open(AMA, O_RDWR);
	show("not a leader: tcgetpgrp", tcgetpgrp(fd));
	show("not a leader: TIOCSCTTY", ioctl(fd, TIOCSCTTY, 0));
	show("not a leader: TIOCNOTTY", ioctl(fd, TIOCNOTTY));
	show("not a leader: TIOCGSID", tcgetsid(fd));
	show("not a leader: TIOCSPGRP", tcsetpgrp(fd, getpgrp()));
	close(fd);
	_exit(0);
}

int main(void)
{
	if (mknod_chr(AMA, 204, 64) || mknod_chr(TTY, 5, 0)) {
		printf("mknod: %s\n", errno_name(errno));
		unlink_node(AMA);
		return 1;
	}
	run_child("not a leader", not_leader);
	run_child("leader", leader);
	unlink_node(AMA);
	unlink_node(TTY);
	return 0;
}

/*
 * pgrp_session: process groups and sessions as Linux has them. setpgid,
 * getpgid, getpgrp, setsid and getsid with their errnos (EPERM for a
 * session leader or a group in another session, EACCES once the child
 * has exec'd, ESRCH for a process that is neither the caller nor its
 * child); fork inherits both ids; kill(-pgrp), kill(0) and wait4(0),
 * wait4(-pgrp) act on a group; SIGTSTP is dropped in an orphaned group
 * (the test's own, whose parent is init) and stops a child in a group
 * of its own; a group with a stopped member that becomes orphaned gets
 * SIGHUP then SIGCONT.
 *
 * Ids are printed only as facts (equal to the pid, to init's), never as
 * numbers, except init's, which is the same on both kernels.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child that waits to be killed. */
static pid_t idle_child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static void kill_reap(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	wait4(pid, &st, 0, NULL);
}

static void ids(void)
{
	printf("init's pgrp: %d, session: %d\n", getpgid(1), getsid(1));
	yes_no("getpgrp() == getpgid(0)", getpgrp() == getpgid(0));
	yes_no("getpgid(getpid()) == getpgrp()", getpgid(getpid()) == getpgrp());
	yes_no("in init's group", getpgrp() == getpgid(1));
	yes_no("in init's session", getsid(0) == getsid(1));
	yes_no("a group leader", getpgrp() == getpid());
	show("getpgid(-1)", getpgid(-1));
	show("getpgid(999999)", getpgid(999999));
	show("getsid(-1)", getsid(-1));
	show("getsid(999999)", getsid(999999));
	show("setpgid(-1, 0)", setpgid(-1, 0));
	show("setpgid(0, -1)", setpgid(0, -1));
	show("setpgid(999999, 0)", setpgid(999999, 0));
	show("setpgid(1, 1)", setpgid(1, 1));
	show("setpgid(getppid(), 0)", setpgid(getppid(), 0));
}

static void child_group(void)
{
	pid_t a = idle_child(), b = idle_child();
	pid_t self = getpgrp();

	yes_no("a child inherits the group", getpgid(a) == self);
	yes_no("and the session", getsid(a) == getsid(0));
	show("setpgid(a, a)", setpgid(a, a) ? -1 : 0);
	yes_no("a leads its group", getpgid(a) == a);
	show("setpgid(b, a)", setpgid(b, a) ? -1 : 0);
	yes_no("b in a's group", getpgid(b) == a);
	show("setpgid(b, 999999)", setpgid(b, 999999));
	show("setpgid(b, 0)", setpgid(b, 0) ? -1 : 0);
	yes_no("b leads its own", getpgid(b) == b);
	show("setpgid(b, getpgrp())", setpgid(b, self) ? -1 : 0);
	yes_no("b back in ours", getpgid(b) == self);
	kill_reap(a);
	kill_reap(b);
	show("getpgid of a reaped child", getpgid(a));
}

static void after_exec(char *self)
{
	char *argv[] = { self, "idle", NULL }, *envp[] = { NULL };
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		execve(self, argv, envp);
		_exit(99);
	}
	sleep_ms(200);
	show("setpgid(exec'd child, 0)", setpgid(pid, 0));
	kill(pid, SIGKILL);
	wait4(pid, &st, 0, NULL);
}

static void new_session(void)
{
	pid_t sid = setsid();

	yes_no("setsid() == getpid()", sid == getpid());
	yes_no("getsid(0) == getpid()", getsid(0) == getpid());
	yes_no("getpgrp() == getpid()", getpgrp() == getpid());
	show("setsid() again", setsid());
	show("setpgid(0, 0) as session leader", setpgid(0, 0));
	show("setpgid(0, getppid's group)", setpgid(0, getpgid(getppid())));
	_exit(0);
}

static void leader_setsid(void)
{
	setpgid(0, 0);
	show("setsid() as a group leader", setsid());
	_exit(0);
}

static void sessions(void)
{
	pid_t pid;
	int st;

	run_child("new session", new_session);
	run_child("group leader", leader_setsid);
	pid = fork();
	if (pid == 0) {
		setsid();
		for (;;)
			pause();
	}
	sleep_ms(100);
	yes_no("the child's session is its own", getsid(pid) == pid);
	show("setpgid(child in another session, 0)", setpgid(pid, 0));
	show("setpgid(0, child in another session)", setpgid(0, pid));
	kill(pid, SIGKILL);
	wait4(pid, &st, 0, NULL);
}

static void group_kill(void)
{
	pid_t a = idle_child(), b = idle_child();

	setpgid(a, a);
	setpgid(b, a);
	show("kill(-a, 0)", kill(-a, 0));
	show("kill(-a, SIGUSR1)", kill(-a, SIGUSR1));
	reap("a", a);
	reap("b", b);
	show("kill(-a, 0) once reaped", kill(-a, 0));
	show("kill(-999999, 0)", kill(-999999, 0));
}

static void kill_zero_child(void)
{
	sigset_t set;
	pid_t d;

	setpgid(0, 0);
	d = idle_child();
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	show("kill(0, SIGUSR2)", kill(0, SIGUSR2));
	reap("its child, in its group", d);
	_exit(0);
}

static void group_wait(void)
{
	pid_t e = fork(), f;
	int st;

	if (e == 0)
		_exit(3);
	f = fork();
	if (f == 0) {
		setpgid(0, 0);
		_exit(4);
	}
	setpgid(f, f);
	sleep_ms(100);
	yes_no("wait4(-f) gives f", wait4(-f, &st, 0, NULL) == f);
	printf("f's status: %d\n", WEXITSTATUS(st));
	yes_no("wait4(0) gives e", wait4(0, &st, 0, NULL) == e);
	printf("e's status: %d\n", WEXITSTATUS(st));
	show("wait4(0) again", wait4(0, &st, 0, NULL));
	show("wait4(-999999)", wait4(-999999, &st, 0, NULL));
}

/* SIGTSTP: dropped in the test's (orphaned) group, a stop in a group of its own. */
static void tstp_in_orphaned(void)
{
	raise(SIGTSTP);
	printf("SIGTSTP in an orphaned group: ignored\n");
	_exit(0);
}

static void tstp_stops(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		raise(SIGTSTP);
		_exit(0);
	}
	setpgid(pid, pid);
	if (wait4(pid, &st, WUNTRACED, NULL) == pid && WIFSTOPPED(st))
		printf("SIGTSTP in its own group: stopped by %s\n", sig_name(WSTOPSIG(st)));
	else
		printf("SIGTSTP in its own group: not stopped (%#x)\n", st);
	kill_reap(pid);
}

static pid_t watcher;

static void tell_watcher(int sig)
{
	kill(watcher, sig == SIGHUP ? SIGUSR1 : SIGUSR2);
}

/*
 * x leads a group with its child y, which stops; when x exits, y's group
 * has no parent outside it in the session any more: SIGHUP and SIGCONT.
 * (Both handlers run before y goes on: SIGCONT's frame on top of SIGHUP's.)
 */
static void orphaning(void)
{
	struct sigaction sa = { .sa_handler = tell_watcher };
	struct timespec ts = { 3, 0 };
	sigset_t set;
	pid_t x;
	int got = 0, n;

	watcher = getpid();
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	x = fork();
	if (x == 0) {
		pid_t y;
		int st;

		setpgid(0, 0);
		y = fork();
		if (y == 0) {
			sigaction(SIGHUP, &sa, NULL);
			sigaction(SIGCONT, &sa, NULL);
			raise(SIGSTOP);
			_exit(0);
		}
		wait4(y, &st, WUNTRACED, NULL);
		_exit(WIFSTOPPED(st) ? 0 : 1);
	}
	setpgid(x, x);
	reap("x", x);
	for (n = 0; n < 2; n++) {
		int sig = sigtimedwait(&set, NULL, &ts);

		if (sig > 0)
			got |= sig == SIGUSR1 ? 1 : 2;
	}
	yes_no("orphaned group: SIGHUP", got & 1);
	yes_no("orphaned group: SIGCONT", got & 2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1) {		/* the exec'd child of after_exec */
		for (;;)
			pause();
	}
	ids();
	child_group();
	after_exec(argv[0]);
	sessions();
	group_kill();
	run_child("kill(0)", kill_zero_child);
	group_wait();
	run_child("orphaned tstp", tstp_in_orphaned);
	tstp_stops();
	orphaning();
	return 0;
}

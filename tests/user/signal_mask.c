/*
 * signal_mask: blocked signals wait in the pending set (sigpending) and
 * are delivered as they are unblocked; sigsuspend waits under a mask
 * and puts the old one back; sigtimedwait takes a blocked signal with
 * its siginfo, or times out; pause returns EINTR after a handler. A
 * call cut short by a handler: nanosleep returns EINTR with the time
 * left, wait4 is restarted under SA_RESTART and returns EINTR without.
 */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static volatile int count;

static void handler(int sig)
{
	(void)sig;
	count++;
}

static void set(int sig, unsigned long flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

/* A child that sends the parent SIGUSR1 after @ms, then exits after @ms2 more. */
static pid_t signaller(int ms, int ms2)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		struct timespec t = { 0, ms * 1000000L }, t2 = { 0, ms2 * 1000000L };

		nanosleep(&t, NULL);
		kill(parent, SIGUSR1);
		nanosleep(&t2, NULL);
		_exit(3);
	}
	return pid;
}

int main(void)
{
	sigset_t m, old, p;
	siginfo_t si;
	struct timespec ts = { 0, 0 }, rem;
	pid_t pid;
	int st;

	set(SIGUSR1, 0);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	sigprocmask(SIG_BLOCK, &m, &old);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigpending(&p);
	printf("blocked: ran %d, pending %d\n", count, sigismember(&p, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigpending(&p);
	printf("unblocked: ran %d (once: not queued twice), pending %d\n", count,
	       sigismember(&p, SIGUSR1));

	/* sigsuspend: waits with SIGUSR1 unblocked, then it is blocked again */
	count = 0;
	sigprocmask(SIG_BLOCK, &m, NULL);
	pid = signaller(20, 0);
	sigemptyset(&p);
	show("sigsuspend", sigsuspend(&p));
	printf("handler ran %d\n", count);
	sigprocmask(SIG_BLOCK, NULL, &p);
	yes_no("SIGUSR1 blocked again after", sigismember(&p, SIGUSR1));
	reap("signaller", pid);

	/* sigtimedwait: a pending blocked signal, with its siginfo */
	count = 0;
	kill(getpid(), SIGUSR1);
	ts.tv_sec = 1;
	printf("sigtimedwait: %d\n", sigtimedwait(&m, &si, &ts));
	printf("siginfo: signo %d code %d, pid is ours %s; handler ran %d\n",
	       si.si_signo, si.si_code, si.si_pid == getpid() ? "yes" : "no", count);
	ts.tv_sec = 0;
	ts.tv_nsec = 10000000;
	show("sigtimedwait with nothing pending, 10 ms", sigtimedwait(&m, &si, &ts));
	pid = signaller(20, 0);
	ts.tv_sec = 5;
	printf("sigtimedwait for a signal yet to come: %d\n", sigtimedwait(&m, &si, &ts));
	printf("siginfo: signo %d code %d, pid is the child %s\n",
	       si.si_signo, si.si_code, si.si_pid == pid ? "yes" : "no");
	reap("signaller", pid);
	sigprocmask(SIG_SETMASK, &old, NULL);

	/* pause */
	count = 0;
	pid = signaller(20, 0);
	show("pause", pause());
	printf("handler ran %d\n", count);
	reap("signaller", pid);

	/* nanosleep cut short by a handler: EINTR and the time left */
	pid = signaller(20, 0);
	ts.tv_sec = 3;
	ts.tv_nsec = 0;
	show("nanosleep 3 s", nanosleep(&ts, &rem));
	yes_no("time left between 2 and 3 s", rem.tv_sec == 2);
	reap("signaller", pid);

	/* wait4 under SA_RESTART: restarted, it returns the child */
	count = 0;
	set(SIGUSR1, SA_RESTART);
	pid = signaller(20, 50);
	yes_no("wait4 with SA_RESTART returns the child", wait4(pid, &st, 0, NULL) == pid);
	printf("status %d, handler ran %d\n", WEXITSTATUS(st), count);

	/* without it: EINTR */
	set(SIGUSR1, 0);
	pid = signaller(20, 50);
	show("wait4 without SA_RESTART", wait4(pid, &st, 0, NULL));
	reap("signaller", pid);

	/* an ignored signal does not interrupt anything */
	{
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_IGN;
		sigaction(SIGUSR1, &sa, NULL);
		pid = signaller(20, 50);
		yes_no("wait4 with SIGUSR1 ignored returns the child",
		       wait4(pid, &st, 0, NULL) == pid);
	}
	return 0;
}

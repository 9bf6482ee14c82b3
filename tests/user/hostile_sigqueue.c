/*
 * hostile_sigqueue: RLIMIT_SIGPENDING caps the signals queued with a
 * siginfo, counted for the user across processes (here: root's, on
 * both kernels). Past it sigqueue of a real-time signal is EAGAIN,
 * while kill still succeeds: the signal is pending without its
 * siginfo (si_code SI_USER, no pid), or merged with what is queued.
 * A process that exits with signals queued gives their room back once
 * reaped. Bad arguments get Linux's errnos. Nothing is left queued.
 */
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>

#include "check.h"

#define LIMIT	16

static int queue(int sig, int value)
{
	union sigval v = { .sival_int = value };

	return sigqueue(getpid(), sig, v);
}

/* sigqueue until it fails: how many went, and the errno. */
static void fill(const char *what, int sig)
{
	int n = 0;

	while (n < 4 * LIMIT && !queue(sig, n))
		n++;
	printf("%s: %d queued, then %s\n", what, n, n < 4 * LIMIT ? errno_name(errno) : "none");
}

/* Takes every pending instance of @sig: how many, and the last one's si_code and pid. */
static void drain(const char *what, int sig)
{
	struct timespec zero = { 0, 0 };
	siginfo_t si = { 0 };
	sigset_t set;
	int n = 0;

	sigemptyset(&set);
	sigaddset(&set, sig);
	while (sigtimedwait(&set, &si, &zero) == sig)
		n++;
	printf("%s: %d taken, the last %s, pid %s\n", what, n,
	       si.si_code == SI_USER ? "SI_USER" : si.si_code == SI_QUEUE ? "SI_QUEUE" : "other",
	       si.si_pid == getpid() ? "mine" : si.si_pid ? "another" : "none");
}

int main(void)
{
	struct rlimit rl = { LIMIT, LIMIT };
	siginfo_t si;
	sigset_t set;
	pid_t pid;
	int i;

	show("setrlimit RLIMIT_SIGPENDING", setrlimit(RLIMIT_SIGPENDING, &rl));
	sigemptyset(&set);
	for (i = SIGRTMIN; i <= 64; i++)
		sigaddset(&set, i);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);

	fill("SIGRTMIN up to the limit", SIGRTMIN);
	show("kill SIGRTMIN past it", kill(getpid(), SIGRTMIN));
	show("kill SIGRTMIN+1 past it", kill(getpid(), SIGRTMIN + 1));
	show("sigqueue SIGUSR1 past it", queue(SIGUSR1, 1));
	drain("SIGRTMIN", SIGRTMIN);
	drain("SIGRTMIN+1", SIGRTMIN + 1);
	drain("SIGUSR1", SIGUSR1);

	pid = fork();
	if (pid == 0) {
		fill("child", SIGRTMIN + 2);
		_exit(0);	/* with all of them still queued */
	}
	reap("child that exits with its queue full", pid);
	fill("after the child was reaped", SIGRTMIN + 3);
	drain("SIGRTMIN+3", SIGRTMIN + 3);

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	show("rt_sigqueueinfo signal 0", syscall(SYS_rt_sigqueueinfo, getpid(), 0, &si));
	show("rt_sigqueueinfo signal 65", syscall(SYS_rt_sigqueueinfo, getpid(), 65, &si));
	show("rt_sigqueueinfo bad siginfo", syscall(SYS_rt_sigqueueinfo, getpid(), SIGRTMIN,
						   (void *)16));
	show("rt_sigqueueinfo pid 0", syscall(SYS_rt_sigqueueinfo, 0, SIGRTMIN, &si));
	show("rt_sigqueueinfo pid -1", syscall(SYS_rt_sigqueueinfo, -1, SIGRTMIN, &si));
	si.si_code = SI_USER;
	show("rt_sigqueueinfo SI_USER to init", syscall(SYS_rt_sigqueueinfo, 1, SIGRTMIN, &si));
	si.si_code = SI_TKILL;
	show("rt_sigqueueinfo SI_TKILL to itself", syscall(SYS_rt_sigqueueinfo, getpid(),
							  SIGRTMIN, &si));
	drain("SIGRTMIN", SIGRTMIN);
	sigpending(&set);
	for (i = 1, pid = 0; i <= 64; i++)
		pid += sigismember(&set, i);
	printf("left pending: %d\n", pid);
	return 0;
}

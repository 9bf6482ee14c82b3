/*
 * rt_signals: real-time signals (SIGRTMIN..64) queue one instance per
 * send, each with its own siginfo (sigqueue's SI_QUEUE and value,
 * kill's SI_USER and pid), taken oldest first; a standard signal sent
 * twice is pending once, with the first sender's siginfo. The lowest
 * signal number goes first, to sigtimedwait as to handlers. SIG_IGN
 * drops every queued instance; the queue survives exec (the mask too)
 * and is not inherited by fork.
 */
#include <stdlib.h>
#include <time.h>

#include "check.h"

#define SELF	"/tests/rt_signals"

static const char *code_name(int code)
{
	switch (code) {
	case SI_USER:
		return "SI_USER";
	case SI_QUEUE:
		return "SI_QUEUE";
	case SI_TKILL:
		return "SI_TKILL";
	case SI_KERNEL:
		return "SI_KERNEL";
	}
	return "other";
}

static void block(const int *sigs, int n, int how)
{
	sigset_t set;

	sigemptyset(&set);
	while (n--)
		sigaddset(&set, sigs[n]);
	sigprocmask(how, &set, NULL);
}

static void show_pending(const char *what, const int *sigs, int n)
{
	sigset_t set;
	int i;

	sigpending(&set);
	printf("%s pending:", what);
	for (i = 0; i < n; i++)
		printf(" %d=%s", sigs[i], sigismember(&set, sigs[i]) ? "yes" : "no");
	printf("\n");
}

/* Takes what is pending of @sigs with sigtimedwait, one line per instance. */
static void take_all(const int *sigs, int n)
{
	struct timespec zero = { 0, 0 };
	sigset_t set;
	siginfo_t si;
	int sig;

	sigemptyset(&set);
	for (int i = 0; i < n; i++)
		sigaddset(&set, sigs[i]);
	while ((sig = sigtimedwait(&set, &si, &zero)) > 0)
		printf("  took %d: si_signo %d, %s, value %d, from me %s\n", sig, si.si_signo,
		       code_name(si.si_code), si.si_code == SI_QUEUE ? si.si_value.sival_int : -1,
		       si.si_pid == getpid() ? "yes" : "no");
	printf("  then: %s\n", errno_name(errno));
}

static void queue(int sig, int value)
{
	union sigval v = { .sival_int = value };

	if (sigqueue(getpid(), sig, v))
		printf("sigqueue %d: %s\n", sig, errno_name(errno));
}

static int order[32], norder;

static void record(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (norder < 32)
		order[norder++] = sig * 100 + (si->si_code == SI_QUEUE ? si->si_value.sival_int : 99);
}

static void handlers(const char *what, int mask_all)
{
	static const int sigs[] = { SIGUSR2, SIGRTMIN, SIGRTMIN + 1, SIGRTMIN + 2, 64 };
	struct sigaction sa = { .sa_sigaction = record, .sa_flags = SA_SIGINFO };
	int i;

	if (mask_all)
		sigfillset(&sa.sa_mask);
	for (i = 0; i < 5; i++)
		sigaction(sigs[i], &sa, NULL);
	block(sigs, 5, SIG_BLOCK);
	queue(64, 1);
	queue(SIGRTMIN + 2, 2);
	queue(SIGRTMIN, 3);
	queue(SIGRTMIN + 2, 4);
	kill(getpid(), SIGUSR2);
	queue(SIGRTMIN + 1, 5);
	queue(SIGRTMIN, 6);
	norder = 0;
	block(sigs, 5, SIG_UNBLOCK);
	printf("%s: %d handlers ran:", what, norder);
	for (i = 0; i < norder; i++)
		printf(" %d/%d", order[i] / 100, order[i] % 100);
	printf("\n");
	sa.sa_handler = SIG_DFL;
	for (i = 0; i < 5; i++)
		sigaction(sigs[i], &sa, NULL);
}

static void after_exec(void)
{
	static const int sigs[] = { SIGRTMIN + 4, SIGUSR1 };
	sigset_t set;

	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("after exec: SIGRTMIN+4 still blocked %s\n",
	       sigismember(&set, SIGRTMIN + 4) ? "yes" : "no");
	show_pending("after exec", sigs, 2);
	take_all(sigs, 2);
}

int main(int argc, char **argv)
{
	static const int sigs[] = { SIGUSR1, SIGRTMIN, SIGRTMIN + 1, 64 };
	static const int rt4[] = { SIGRTMIN + 4, SIGUSR1 };
	struct sigaction ign = { .sa_handler = SIG_IGN }, dfl = { .sa_handler = SIG_DFL };
	char *args[] = { SELF, "after-exec", NULL }, *env[] = { NULL };
	pid_t pid;

	if (argc > 1 && argv[1][0] == 'a') {
		after_exec();
		return 0;
	}

	block(sigs, 4, SIG_BLOCK);
	queue(SIGRTMIN, 1);
	queue(64, 2);
	queue(SIGRTMIN, 3);
	queue(SIGUSR1, 4);
	queue(SIGUSR1, 5);
	kill(getpid(), SIGRTMIN + 1);
	kill(getpid(), SIGRTMIN + 1);
	queue(SIGRTMIN, 6);
	kill(getpid(), SIGUSR1);
	show_pending("queued", sigs, 4);
	take_all(sigs, 4);
	show_pending("taken", sigs, 4);

	printf("only SIGRTMIN+1, then the rest:\n");
	queue(SIGRTMIN, 7);
	queue(SIGRTMIN + 1, 8);
	queue(SIGRTMIN + 1, 9);
	take_all(sigs + 2, 1);
	take_all(sigs, 4);

	queue(SIGRTMIN, 10);
	queue(SIGRTMIN, 11);
	sigaction(SIGRTMIN, &ign, NULL);
	show_pending("SIG_IGN'd", sigs, 4);
	sigaction(SIGRTMIN, &dfl, NULL);
	take_all(sigs, 4);

	queue(SIGRTMIN, 12);
	pid = fork();
	if (pid == 0) {
		show_pending("in a forked child", sigs, 4);
		_exit(0);
	}
	reap("forked child", pid);
	take_all(sigs, 4);
	block(sigs, 4, SIG_UNBLOCK);

	handlers("one at a time (sa_mask full)", 1);
	handlers("nested (sa_mask empty)", 0);

	block(rt4, 2, SIG_BLOCK);
	queue(SIGRTMIN + 4, 41);
	queue(SIGRTMIN + 4, 42);
	kill(getpid(), SIGRTMIN + 4);
	queue(SIGUSR1, 43);
	execve(SELF, args, env);
	printf("execve: %s\n", errno_name(errno));
	return 1;
}

/* The signal system-call wrappers; numbers, siginfo and stack_t from <linux/signal.h>. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <time.h>

#include <linux/signal.h>

/* The number of signals and one, as C libraries count them. */
#define NSIG		65

/*
 * The kernel's 64-bit signal set (rt_sigprocmask takes sigsetsize 8);
 * glibc's is 1024 bits, of which the kernel reads the first 64.
 */
typedef struct {
	unsigned long sig[2];
} sigset_t;

typedef __sighandler_t sighandler_t;

/*
 * Laid out as the kernel's struct sigaction for rt_sigaction on ARM
 * (glibc's puts sa_mask second and converts; the uapi's is the old
 * sigaction call's, with a one-word mask).
 */
struct sigaction {
	union {
		sighandler_t	sa_handler;
		void		(*sa_sigaction)(int, siginfo_t *, void *);
	};
	unsigned long	sa_flags;
	void		(*sa_restorer)(void);
	sigset_t	sa_mask;
};

int kill(pid_t pid, int sig);
int raise(int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigqueue(pid_t pid, int sig, union sigval value);
int sigaltstack(const stack_t *ss, stack_t *old);
int tgkill(pid_t tgid, pid_t tid, int sig);
int pause(void);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif

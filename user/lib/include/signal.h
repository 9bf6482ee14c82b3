/* Signal numbers, siginfo, and the signal system-call wrappers. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <time.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGRTMIN	32
#define NSIG		65

/* The kernel's 64-bit signal set (rt_sigprocmask takes sigsetsize 8). */
typedef struct {
	unsigned long sig[2];
} sigset_t;

typedef void (*sighandler_t)(int);

#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)
#define SI_TKILL	(-6)
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define ILL_ILLOPC	1
#define CLD_EXITED	1
#define CLD_KILLED	2

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* Linux's 128-byte siginfo, with the members these programs use. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct {
			pid_t si_pid;
			uid_t si_uid;
			union {
				union sigval si_value;
				int si_status;
			};
		};
		void *si_addr;
		int __pad[29];
	};
} siginfo_t;

typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

/* Laid out as the kernel's struct sigaction for rt_sigaction on ARM. */
struct sigaction {
	union {
		sighandler_t	sa_handler;
		void		(*sa_sigaction)(int, siginfo_t *, void *);
	};
	unsigned long	sa_flags;
	void		(*sa_restorer)(void);
	sigset_t	sa_mask;
};

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

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

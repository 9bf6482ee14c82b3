/*
 * signal_handlers: user handlers as Linux runs them. A plain handler and
 * an SA_SIGINFO one (siginfo from kill, tgkill, sigqueue and faults;
 * the ucontext's saved registers and mask), returning through the
 * kernel's return code or through SA_RESTORER, in ARM and in Thumb;
 * the mask while a handler runs (sa_mask, SA_NODEFER), SA_RESETHAND,
 * a SIGSEGV handler that mends the fault and returns to retry the
 * access, SA_ONSTACK on a sigaltstack (inherited by a fork's child),
 * nested handlers, and SIGCHLD's siginfo.
 */
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static volatile int count, nested_order;
static volatile int saw_signo, saw_code, saw_pid_self, saw_pid, saw_value;
static volatile int usr1_blocked, usr2_blocked;
static volatile unsigned long saw_cpsr_mode, saw_oldmask, saw_uc_mask;
volatile int restorer_used;
static volatile char *volatile fault_page, *volatile fault_at;
static volatile int fault_code, fault_addr_ok;
static char altstack[16384];
static volatile int on_alt, alt_flags, alt_change_err;

static void plain(int sig)
{
	(void)sig;
	count++;
}

static void blocked_now(void)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr1_blocked = sigismember(&cur, SIGUSR1);
	usr2_blocked = sigismember(&cur, SIGUSR2);
}

static void masks(int sig)
{
	(void)sig;
	blocked_now();
	count++;
}

static void info_handler(int sig, siginfo_t *si, void *ucp)
{
	unsigned long *uc = ucp;

	saw_signo = si->si_signo;
	saw_code = si->si_code;
	saw_pid_self = si->si_pid == getpid();
	saw_pid = si->si_pid;
	saw_value = si->si_value.sival_int;
	/* uc_mcontext at word 5: trap_no, error_code, oldmask, r0.. r15, cpsr */
	saw_oldmask = uc[5 + 2];
	saw_cpsr_mode = uc[5 + 19] & 0x1f;
	saw_uc_mask = uc[26];
	(void)sig;
	count++;
}

static void restorer_handler(int sig)
{
	(void)sig;
	count++;
}

/* rt_sigreturn, as a C library's restorer; it records that it ran */
void my_restorer(void);
__asm__(
	"	.arm\n"
	"	.globl	my_restorer\n"
	"my_restorer:\n"
	"	ldr	r0, =restorer_used\n"
	"	mov	r1, #1\n"
	"	str	r1, [r0]\n"
	"	mov	r7, #119\n"		/* sigreturn: the frame had no siginfo */
	"	svc	#0\n"
	"	.ltorg\n");

__attribute__((target("thumb"), noinline)) static void thumb_handler(int sig)
{
	(void)sig;
	count += 10;
}

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	static int calls;

	fault_code = si->si_code;
	fault_addr_ok = si->si_addr == (void *)fault_at;
	if (++calls > 4) {
		printf("fault not mended: code %d, si_addr right %s\n", fault_code,
		       fault_addr_ok ? "yes" : "no");
		_exit(9);
	}
	if (si->si_code == SEGV_ACCERR)
		mprotect((void *)fault_page, PAGE, RW);
	else
		mmap((void *)fault_page, PAGE, RW, ANON | MAP_FIXED, -1, 0);
}

static void alt_handler(int sig)
{
	char here;
	stack_t cur;

	(void)sig;
	on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
	sigaltstack(NULL, &cur);
	alt_flags = cur.ss_flags;
	cur.ss_flags = SS_DISABLE;
	alt_change_err = sigaltstack(&cur, NULL) == -1 ? errno : 0;
}

static void inner(int sig)
{
	(void)sig;
	nested_order = nested_order * 10 + 2;
}

static void outer(int sig)
{
	(void)sig;
	nested_order = nested_order * 10 + 1;
	kill(getpid(), SIGUSR2);	/* runs now, on top of this frame */
	nested_order = nested_order * 10 + 3;
}

static void set(int sig, void *fn, unsigned long flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (sighandler_t)fn;
	sa.sa_flags = flags;
	if (sigaction(sig, &sa, NULL))
		printf("sigaction %d: %s\n", sig, errno_name(errno));
}

int main(void)
{
	struct sigaction sa, old;
	sigset_t m, cur;
	volatile int x = 5;
	union sigval v = { .sival_int = 42 };

	set(SIGUSR1, plain, 0);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	printf("plain handler ran %d times\n", count);
	yes_no("locals intact after it", x == 5);

	count = 0;
	set(SIGUSR1, info_handler, SA_SIGINFO);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR2);
	sigprocmask(SIG_SETMASK, &m, NULL);
	kill(getpid(), SIGUSR1);
	printf("kill: signo %d code %d pid is ours %s\n", saw_signo, saw_code,
	       saw_pid_self ? "yes" : "no");
	yes_no("sigcontext cpsr is user mode", saw_cpsr_mode == 0x10);
	yes_no("sigcontext oldmask is the mask before", saw_oldmask == 1UL << (SIGUSR2 - 1));
	yes_no("uc_sigmask is the mask before", saw_uc_mask == 1UL << (SIGUSR2 - 1));
	sigprocmask(SIG_SETMASK, NULL, &cur);
	yes_no("mask restored after the handler", sigismember(&cur, SIGUSR2) &&
	       !sigismember(&cur, SIGUSR1));
	sigemptyset(&m);
	sigprocmask(SIG_SETMASK, &m, NULL);
	tgkill(getpid(), getpid(), SIGUSR1);
	printf("tgkill: signo %d code %d pid is ours %s\n", saw_signo, saw_code,
	       saw_pid_self ? "yes" : "no");
	sigqueue(getpid(), SIGUSR1, v);
	printf("sigqueue: signo %d code %d value %d\n", saw_signo, saw_code, saw_value);

	/* the signal itself and sa_mask are blocked in the handler, then not */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = masks;
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("in handler: SIGUSR1 blocked %d, SIGUSR2 (sa_mask) blocked %d\n",
	       usr1_blocked, usr2_blocked);
	sa.sa_flags = SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("SA_NODEFER: SIGUSR1 blocked %d\n", usr1_blocked);
	sigprocmask(SIG_SETMASK, NULL, &cur);
	yes_no("nothing blocked after", !sigismember(&cur, SIGUSR1) &&
	       !sigismember(&cur, SIGUSR2));

	/* SA_RESETHAND: one delivery, then SIG_DFL */
	count = 0;
	set(SIGUSR1, plain, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	printf("SA_RESETHAND: ran %d, then handler is SIG_DFL %s\n", count,
	       old.sa_handler == SIG_DFL ? "yes" : "no");

	/* SA_RESTORER: the handler returns to it */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = restorer_handler;
	sa.sa_flags = SA_RESTORER;
	sa.sa_restorer = my_restorer;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	yes_no("SA_RESTORER: the restorer ran", restorer_used);

	/* a Thumb handler: the low bit of its address */
	count = 0;
	set(SIGUSR1, (void *)thumb_handler, 0);
	kill(getpid(), SIGUSR1);
	set(SIGUSR1, (void *)thumb_handler, SA_SIGINFO);
	kill(getpid(), SIGUSR1);
	printf("Thumb handler: count %d\n", count);

	/* nested: a handler's signal runs on top of it */
	set(SIGUSR1, outer, 0);
	set(SIGUSR2, inner, 0);
	kill(getpid(), SIGUSR1);
	printf("nested order: %d\n", nested_order);

	/* faults: the handler mends the page, the access is retried */
	set(SIGSEGV, segv_handler, SA_SIGINFO);
	fault_page = mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);
	fault_at = fault_page + 10;
	fault_page[10] = 7;
	printf("write to read-only page: code %d, si_addr right %s, value %d\n",
	       fault_code, fault_addr_ok ? "yes" : "no", fault_page[10]);
	munmap((void *)fault_page, PAGE);
	fault_addr_ok = 0;
	fault_at = fault_page;
	fault_page[0] = 9;
	printf("write to unmapped page: code %d, si_addr right %s, value %d\n",
	       fault_code, fault_addr_ok ? "yes" : "no", fault_page[0]);
	munmap((void *)fault_page, PAGE);

	/* SA_ONSTACK on the alternate stack */
	{
		stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, o;

		show("sigaltstack", sigaltstack(&ss, &o));
		printf("old flags: %d\n", o.ss_flags);
		set(SIGUSR1, alt_handler, SA_ONSTACK);
		kill(getpid(), SIGUSR1);
		yes_no("handler ran on the alternate stack", on_alt);
		printf("flags seen in the handler: %d\n", alt_flags);
		printf("changing it while on it: %s\n", errno_name(alt_change_err));
		set(SIGUSR1, alt_handler, 0);
		kill(getpid(), SIGUSR1);
		yes_no("without SA_ONSTACK: on the alternate stack", on_alt);
		printf("flags seen there: %d\n", alt_flags);
		ss.ss_size = MINSIGSTKSZ - 1;
		show("sigaltstack below MINSIGSTKSZ", sigaltstack(&ss, NULL));
		ss.ss_flags = 5;
		show("sigaltstack bad flags", sigaltstack(&ss, NULL));
		ss.ss_flags = SS_DISABLE;
		show("sigaltstack disable", sigaltstack(&ss, NULL));
		sigaltstack(NULL, &o);
		printf("flags after disable: %d\n", o.ss_flags);

		/* a fork's child has its parent's alternate stack */
		ss.ss_flags = 0;
		ss.ss_size = sizeof(altstack);
		sigaltstack(&ss, NULL);
		pid_t pid = fork();

		if (pid == 0) {
			sigaltstack(NULL, &o);
			_exit(o.ss_flags == 0 && o.ss_sp == altstack &&
			      o.ss_size == sizeof(altstack) ? 0 : 1);
		}
		reap("fork's child has the alternate stack (0: yes)", pid);
	}

	/* SIGCHLD's siginfo: how the child ended */
	{
		pid_t pid;

		set(SIGCHLD, info_handler, SA_SIGINFO);
		pid = fork();
		if (pid == 0)
			_exit(5);
		while (saw_signo != SIGCHLD)
			sched_yield();
		printf("SIGCHLD of an exit: code %d status %d, pid is the child %s\n",
		       saw_code, saw_value, saw_pid == pid ? "yes" : "no");
		reap("child", pid);
		saw_signo = 0;
		pid = fork();
		if (pid == 0)
			for (;;)
				pause();
		kill(pid, SIGKILL);
		while (saw_signo != SIGCHLD)
			sched_yield();
		printf("SIGCHLD of a kill: code %d status %d, pid is the child %s\n",
		       saw_code, saw_value, saw_pid == pid ? "yes" : "no");
		reap("child", pid);
	}
	return 0;
}

/*
 * hostile_signals: what a program can throw at the signal code. Forged
 * sigreturn frames (misaligned, unmapped, asking for kernel mode or
 * masked interrupts, without the VFP block's magic) end the caller with
 * SIGSEGV, while a well-formed forged frame is obeyed; handlers at
 * kernel or unmapped addresses, a stack that cannot hold the frame, an
 * alternate stack that is not there: SIGSEGV, and the kernel lives on.
 * Out-of-range signal numbers and bad arguments give Linux's errno.
 * Each case runs in a child that is reaped.
 */
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "check.h"

/* Jumps to sigreturn (@nr) with sp = @sp; does not return. */
static void __attribute__((noreturn)) sigreturn_at(unsigned long sp, int nr)
{
	__asm__ __volatile__(
		"mov	sp, %0\n"
		"mov	r7, %1\n"
		"svc	#0\n"
		"1:	b	1b\n" :: "r"(sp), "r"(nr) : "r7", "memory");
	__builtin_unreachable();
}

static void exit_seven(void)
{
	_exit(7);
}

/* an rt_sigframe: siginfo (128), ucontext: 5 words, sigcontext, mask... */
#define FRAME_WORDS	((128 + 744 + 16) / 4)
#define UC		(128 / 4)
#define SC		(UC + 5)
#define REGSPACE	(UC + 232 / 4)
static unsigned long frame[FRAME_WORDS] __attribute__((aligned(8)));
static unsigned long fstack[1024] __attribute__((aligned(8)));

static void forge(unsigned long cpsr, int vfp_ok)
{
	memset(frame, 0, sizeof(frame));
	frame[SC + 3 + 13] = (unsigned long)&fstack[1000];	/* sp */
	frame[SC + 3 + 15] = (unsigned long)exit_seven;		/* pc */
	frame[SC + 3 + 16] = cpsr;
	if (vfp_ok) {
		frame[REGSPACE] = 0x56465001;
		frame[REGSPACE + 1] = 288;
	}
}

static void child_sigreturn(const char *what, unsigned long sp, int nr)
{
	pid_t pid = fork();

	if (pid == 0)
		sigreturn_at(sp, nr);
	reap(what, pid);
}

static void child_handler_at(const char *what, unsigned long handler)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = (sighandler_t)handler;
		sigaction(SIGUSR1, &sa, NULL);
		kill(getpid(), SIGUSR1);
		_exit(0);
	}
	reap(what, pid);
}

static void plain(int sig)
{
	(void)sig;
}

/* A signal arrives while sp points at @sp: its frame cannot be written. */
static void child_bad_sp(const char *what, unsigned long sp, int onstack, void *alt)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = plain;
		sa.sa_flags = onstack ? SA_ONSTACK : 0;
		sigaction(SIGUSR1, &sa, NULL);
		if (alt) {
			stack_t ss = { .ss_sp = alt, .ss_size = 65536 };

			sigaltstack(&ss, NULL);
		}
		__asm__ __volatile__(
			"mov	r4, sp\n"
			"mov	sp, %0\n"
			"mov	r0, %1\n"
			"mov	r1, #10\n"
			"mov	r7, #37\n"
			"svc	#0\n"
			"mov	sp, r4\n" :: "r"(sp), "r"(getpid()) : "r0", "r1", "r4", "r7", "memory");
		_exit(0);
	}
	reap(what, pid);
}

int main(void)
{
	unsigned long f = (unsigned long)frame;
	char info[128];

	forge(0x10, 1);
	child_sigreturn("forged frame, valid", f, 173);
	child_sigreturn("forged frame, misaligned sp", f + 4, 173);
	child_sigreturn("sigreturn at an unmapped sp", 0x1000, 173);
	child_sigreturn("sigreturn at a kernel sp", 0xc0000000, 173);
	forge(0x13, 1);
	child_sigreturn("forged frame asking for SVC mode", f, 173);
	forge(0x1f, 1);
	child_sigreturn("forged frame asking for System mode", f, 173);
	forge(0x10 | 0x80, 1);
	child_sigreturn("forged frame with IRQs masked", f, 173);
	forge(0x10, 0);
	child_sigreturn("forged frame without the VFP magic", f, 173);
	forge(0x10, 1);
	child_sigreturn("old-style sigreturn, valid", f + 128, 119);
	child_sigreturn("rt_sigreturn with no frame on the stack", (unsigned long)&fstack[8], 173);

	child_handler_at("handler at a kernel address", 0xc0008000);
	child_handler_at("handler at an unmapped address", 0x10);
	child_handler_at("handler at the top of user space", 0xbefffffc);
	child_bad_sp("signal with sp unmapped", 0x2000, 0, NULL);
	child_bad_sp("signal with sp in the kernel", 0xc0100000, 0, NULL);
	child_bad_sp("SA_ONSTACK onto an unmapped alternate stack", 0, 1, (void *)0x3000);

	show("kill signal 65", kill(getpid(), 65));
	show("kill signal -1", kill(getpid(), -1));
	show("kill signal 1000000", kill(getpid(), 1000000));
	show("tkill tid 0", syscall(SYS_tkill, 0, SIGUSR1));
	show("tkill tid -5", syscall(SYS_tkill, -5, SIGUSR1));
	show("tkill signal 65", syscall(SYS_tkill, getpid(), 65));
	show("tgkill tgid 0", tgkill(0, getpid(), 0));
	show("tgkill wrong tgid", tgkill(getpid() + 100000, getpid(), 0));
	show("tgkill no such tid", tgkill(getpid(), 99999, 0));
	show("tgkill signal 0", tgkill(getpid(), getpid(), 0));
	memset(info, 0, sizeof(info));
	show("sigqueueinfo to init with SI_USER", syscall(SYS_rt_sigqueueinfo, 1, SIGUSR1, info));
	show("sigqueueinfo bad pointer", syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, 16));
	show("sigaction signal 0", sigaction(0, NULL, NULL));
	show("sigaction signal 65", sigaction(65, NULL, NULL));
	{
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = plain;
		show("sigaction SIGKILL handler", sigaction(SIGKILL, &sa, NULL));
		show("sigaction SIGSTOP handler", sigaction(SIGSTOP, &sa, NULL));
	}
	show("rt_sigpending size 4", syscall(SYS_rt_sigpending, info, 4));
	show("rt_sigpending size 16", syscall(SYS_rt_sigpending, info, 16));
	show("rt_sigpending bad pointer", syscall(SYS_rt_sigpending, 16, 8));
	show("rt_sigsuspend size 16", syscall(SYS_rt_sigsuspend, info, 16));
	show("rt_sigsuspend bad pointer", syscall(SYS_rt_sigsuspend, 16, 8));
	show("sigaltstack bad pointer", syscall(SYS_sigaltstack, 16, 0));
	show("sigaltstack bad old pointer", syscall(SYS_sigaltstack, 0, 16));
	{
		struct { long s, ns; } ts = { 0, 2000000000 };
		sigset_t set;

		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		show("sigtimedwait nsec too big", syscall(SYS_rt_sigtimedwait, &set, 0, &ts, 8));
		ts.ns = 0;
		show("sigtimedwait zero timeout", syscall(SYS_rt_sigtimedwait, &set, 0, &ts, 8));
		show("sigtimedwait size 4", syscall(SYS_rt_sigtimedwait, &set, 0, &ts, 4));
		show("sigtimedwait bad set", syscall(SYS_rt_sigtimedwait, 16, 0, &ts, 8));
	}
	return 0;
}

/*
 * jumps: glibc's setjmp/longjmp and sigsetjmp/siglongjmp out of signal
 * handlers (SIGALRM from setitimer, SIGSEGV from a bad pointer), the
 * signal mask restored or not as sigsetjmp's argument says, and printf of
 * doubles and long formats.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int *volatile bad_pointer = (int *)16;	/* the compiler cannot see it is bad */
static volatile int hits;

static void on_signal(int sig)
{
	hits++;
	siglongjmp(env, sig);
}

static int blocked(int sig)
{
	sigset_t set;

	sigprocmask(SIG_BLOCK, NULL, &set);
	return sigismember(&set, sig);
}

int main(void)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	jmp_buf plain;
	volatile int round = 0;
	int r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	if ((r = setjmp(plain)) == 0)
		longjmp(plain, 7);
	printf("setjmp came back with %d\n", r);

	r = sigsetjmp(env, 1);
	if (r == 0) {
		setitimer(ITIMER_REAL, &it, NULL);
		for (;;)
			pause();
	}
	printf("out of the SIGALRM handler by siglongjmp: %d, SIGALRM blocked after: %d\n",
	       r, blocked(SIGALRM));

	r = sigsetjmp(env, 1);
	if (r == 0)
		*bad_pointer = 1;
	printf("out of the SIGSEGV handler: %d, SIGSEGV blocked after: %d\n", r,
	       blocked(SIGSEGV));

	r = sigsetjmp(env, 0);
	if (r == 0 && round++ == 0)
		raise(SIGALRM);
	printf("without the mask saved: %d, SIGALRM blocked after: %d\n", r, blocked(SIGALRM));
	printf("handler ran %d times\n", hits);
	printf("%.10f %g %e %a\n", 3.14159265358979, 1e-300 * 1e-10, 6.02214076e23, 0.5);
	printf("%lld %llx %-8s|%5.2f|\n", -1234567890123LL, 0xfedcba9876543210ULL, "left", 2.345);
	return 0;
}

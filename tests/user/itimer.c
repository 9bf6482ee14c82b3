/*
 * itimer: ITIMER_REAL sends SIGALRM when it runs out, every interval if
 * it has one; getitimer shows the time left, setitimer the old value;
 * a zero value disarms it; bad arguments get Linux's errno. A process
 * that dies with its timer armed leaves nothing ticking behind.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "check.h"

static volatile int alarms;

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (si->si_code != SI_KERNEL)
		printf("SIGALRM si_code %d\n", si->si_code);
	alarms++;
}

int main(void)
{
	struct sigaction sa;
	struct itimerval v, old;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_alarm;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGALRM, &sa, NULL);

	memset(&v, 0, sizeof(v));
	/* long enough that a loaded host does not let it run out before the pause */
	v.it_value.tv_usec = 300000;
	show("setitimer 300 ms one-shot", setitimer(ITIMER_REAL, &v, &old));
	yes_no("old value was disarmed", !old.it_value.tv_sec && !old.it_value.tv_usec);
	getitimer(ITIMER_REAL, &old);
	yes_no("getitimer: some time left, at most 300 ms",
	       !old.it_value.tv_sec && old.it_value.tv_usec > 0 && old.it_value.tv_usec <= 300000);
	show("pause", pause());
	printf("alarms: %d\n", alarms);
	getitimer(ITIMER_REAL, &old);
	yes_no("disarmed after it ran out", !old.it_value.tv_sec && !old.it_value.tv_usec);

	alarms = 0;
	v.it_interval.tv_usec = 20000;
	v.it_value.tv_usec = 20000;
	setitimer(ITIMER_REAL, &v, NULL);
	while (alarms < 3)
		pause();
	memset(&v, 0, sizeof(v));
	show("disarm", setitimer(ITIMER_REAL, &v, &old));
	printf("interval seen while armed: %ld us\n", (long)old.it_interval.tv_usec);
	printf("periodic alarms: %d\n", alarms);

	v.it_value.tv_usec = 1000000;
	show("setitimer tv_usec 1000000", setitimer(ITIMER_REAL, &v, NULL));
	v.it_value.tv_usec = -1;
	show("setitimer tv_usec -1", setitimer(ITIMER_REAL, &v, NULL));
	v.it_value.tv_usec = 0;
	show("setitimer which 5", setitimer(5, &v, NULL));
	show("getitimer which -1", getitimer(-1, &old));
	show("setitimer bad pointer", syscall(SYS_setitimer, ITIMER_REAL, 16, 0));
	show("getitimer bad pointer", syscall(SYS_getitimer, ITIMER_REAL, 16));

	/* a child that dies with a 10 ms periodic timer armed */
	pid = fork();
	if (pid == 0) {
		v.it_interval.tv_usec = 10000;
		v.it_value.tv_usec = 10000;
		setitimer(ITIMER_REAL, &v, NULL);
		_exit(4);
	}
	reap("child with a timer armed", pid);
	pid = fork();
	if (pid == 0) {
		sa.sa_handler = SIG_DFL;
		sa.sa_flags = 0;
		sigaction(SIGALRM, &sa, NULL);
		v.it_interval.tv_usec = 0;
		v.it_value.tv_usec = 10000;
		setitimer(ITIMER_REAL, &v, NULL);
		for (;;)
			pause();
	}
	reap("child killed by its SIGALRM", pid);
	return 0;
}

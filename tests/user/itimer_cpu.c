/*
 * itimer_cpu: ITIMER_VIRTUAL counts the process's user time and sends
 * SIGVTALRM, ITIMER_PROF its user and system time and sends SIGPROF;
 * neither runs while the process sleeps. setitimer returns the old
 * value, getitimer what is left (never more than was set, plus a tick
 * at most) and the interval as set; a zero value disarms; a bad
 * timeval or timer is EINVAL. A forked child starts with none armed;
 * exec keeps them. Times are printed as facts, never as numbers.
 */
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

#include "check.h"

#define SELF	"/tests/itimer_cpu"

static volatile int vtalrm, prof;

static void on_vtalrm(int sig)
{
	(void)sig;
	vtalrm++;
}

static void on_prof(int sig)
{
	(void)sig;
	prof++;
}

/* a struct timeval, or getrusage's __kernel_old_timeval, in ms */
#define ms(tv)	((long)(tv)->tv_sec * 1000 + (long)(tv)->tv_usec / 1000)

static long cpu_ms(int user_only)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ms(&ru.ru_utime) + (user_only ? 0 : ms(&ru.ru_stime));
}

/*
 * Burns CPU time, in user mode or in system calls, until *@count
 * reaches @want or @limit ms went by; the CPU time it took, in ms.
 */
static long burn_until(volatile int *count, int want, long limit, int in_kernel)
{
	long start = cpu_ms(0), now = start;
	volatile unsigned long x = 0;

	while (*count < want && now - start < limit) {
		if (in_kernel) {
			for (int i = 0; i < 20; i++)
				syscall(SYS_getppid);
		} else {
			for (int i = 0; i < 20000; i++)
				x += i;
		}
		now = cpu_ms(0);
	}
	return now - start;
}

static void arm(int which, long value_ms, long interval_ms)
{
	struct itimerval v = {
		.it_interval = { interval_ms / 1000, interval_ms % 1000 * 1000 },
		.it_value = { value_ms / 1000, value_ms % 1000 * 1000 },
	};

	if (setitimer(which, &v, NULL))
		printf("setitimer %d: %s\n", which, errno_name(errno));
}

static void show_timer(const char *what, int which, long max_ms)
{
	struct itimerval v;

	if (getitimer(which, &v)) {
		printf("%s: getitimer %s\n", what, errno_name(errno));
		return;
	}
	printf("%s: armed %s, within what was set %s, interval %ld ms\n", what,
	       v.it_value.tv_sec || v.it_value.tv_usec ? "yes" : "no",
	       ms(&v.it_value) <= max_ms + 20 ? "yes" : "no", ms(&v.it_interval));
}

static void bad_args(void)
{
	struct itimerval v = { .it_value = { 0, 1000000 } };

	show("setitimer ITIMER_VIRTUAL, usec 1000000", setitimer(ITIMER_VIRTUAL, &v, NULL));
	v.it_value.tv_usec = -1;
	show("setitimer ITIMER_PROF, usec -1", setitimer(ITIMER_PROF, &v, NULL));
	v.it_value.tv_usec = 0;
	v.it_interval.tv_sec = -1;
	show("setitimer ITIMER_PROF, interval -1 s", setitimer(ITIMER_PROF, &v, NULL));
	show("setitimer timer 3", setitimer(3, &v, NULL));
	show("getitimer timer 3", getitimer(3, &v));
	show("getitimer ITIMER_VIRTUAL, bad pointer", getitimer(ITIMER_VIRTUAL, (void *)16));
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_vtalrm, .sa_flags = SA_RESTART };
	struct timespec nap = { 0, 300 * 1000 * 1000 };
	struct itimerval old;
	long took;
	char *args[] = { SELF, "exec", NULL }, *env[] = { NULL };
	pid_t pid;

	if (argc > 1 && argv[1][0] == 'e') {
		show_timer("ITIMER_PROF after exec", ITIMER_PROF, 5000);
		arm(ITIMER_PROF, 0, 0);
		return 0;
	}
	sigaction(SIGVTALRM, &sa, NULL);
	sa.sa_handler = on_prof;
	sigaction(SIGPROF, &sa, NULL);
	show_timer("ITIMER_VIRTUAL at first", ITIMER_VIRTUAL, 0);
	show_timer("ITIMER_PROF at first", ITIMER_PROF, 0);
	bad_args();

	arm(ITIMER_VIRTUAL, 500, 40);
	show_timer("ITIMER_VIRTUAL set to 500 ms", ITIMER_VIRTUAL, 500);
	show("setitimer again, old value", setitimer(ITIMER_VIRTUAL, NULL, &old));
	printf("old value within 500 ms: %s, interval %ld ms\n",
	       ms(&old.it_value) <= 520 && ms(&old.it_value) > 300 ? "yes" : "no",
	       ms(&old.it_interval));
	show_timer("ITIMER_VIRTUAL after a NULL value", ITIMER_VIRTUAL, 0);

	arm(ITIMER_VIRTUAL, 100, 100);
	nanosleep(&nap, NULL);
	printf("SIGVTALRM while sleeping 300 ms: %s\n", vtalrm ? "yes" : "no");
	took = burn_until(&vtalrm, 3, 5000, 0);
	printf("SIGVTALRM 3 times within 5 s of user time: %s, not before 250 ms: %s\n",
	       vtalrm >= 3 ? "yes" : "no", took >= 250 ? "yes" : "no");
	arm(ITIMER_VIRTUAL, 0, 0);

	arm(ITIMER_PROF, 100, 100);
	nanosleep(&nap, NULL);
	printf("SIGPROF while sleeping 300 ms: %s\n", prof ? "yes" : "no");
	took = burn_until(&prof, 3, 5000, 1);
	printf("SIGPROF 3 times within 5 s of CPU time in system calls: %s, not before 250 ms: %s\n",
	       prof >= 3 ? "yes" : "no", took >= 250 ? "yes" : "no");
	arm(ITIMER_PROF, 0, 0);

	arm(ITIMER_VIRTUAL, 100, 0);
	vtalrm = 0;
	burn_until(&vtalrm, 1, 5000, 0);
	burn_until(&vtalrm, 2, 300, 0);
	printf("one-shot ITIMER_VIRTUAL: fired once %s\n", vtalrm == 1 ? "yes" : "no");
	show_timer("then", ITIMER_VIRTUAL, 0);

	arm(ITIMER_PROF, 3000, 0);
	pid = fork();
	if (pid == 0) {
		show_timer("ITIMER_PROF in a forked child", ITIMER_PROF, 0);
		_exit(0);
	}
	reap("forked child", pid);
	execve(SELF, args, env);
	printf("execve: %s\n", errno_name(errno));
	return 1;
}

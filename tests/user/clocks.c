/*
 * clocks: clock_getres of each clock, clock_nanosleep relative and
 * absolute (and its time64 form, which glibc 2.36 calls first), and the
 * errors: unknown clocks, CPU-time clocks, bad timespecs, bad pointers;
 * gettimeofday moves forward with clock_gettime.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

struct ts64 {
	long long tv_sec;
	long long tv_nsec;
};

/* clock_nanosleep returns the error itself, not -1 and errno */
static void show_sleep(const char *what, long r)
{
	printf("%s: %s\n", what, r == -1 ? errno_name(errno) : "0");
}

int main(void)
{
	static const char *const names[] = { "REALTIME", "MONOTONIC", "PROCESS_CPUTIME",
		"THREAD_CPUTIME", "MONOTONIC_RAW", "REALTIME_COARSE", "MONOTONIC_COARSE",
		"BOOTTIME" };
	struct timespec res, ts, now, later;
	struct ts64 r64, t64;
	long tv[2], tv2[2];

	for (int c = 0; c < 8; c++) {
		long r = syscall(SYS_clock_getres, c, &res);

		if (r)
			printf("getres %s: %s\n", names[c], errno_name(errno));
		else if (c == 5 || c == 6)	/* a tick: 1/HZ, which differs between kernels */
			printf("getres %s: a tick of %s\n", names[c],
			       !res.tv_sec && res.tv_nsec >= 1000000 && res.tv_nsec <= 10000000 ?
			       "1 to 10 ms" : "another length");
		else
			printf("getres %s: %ld.%09ld\n", names[c], (long)res.tv_sec, res.tv_nsec);
	}
	show("getres unknown clock", syscall(SYS_clock_getres, 42, &res));
	show("getres NULL", syscall(SYS_clock_getres, 1, NULL));
	show("getres time64", syscall(SYS_clock_getres_time64, 1, &r64));
	printf("  res64: %lld.%09lld\n", r64.tv_sec, r64.tv_nsec);

	ts.tv_sec = 0;
	ts.tv_nsec = 20 * 1000 * 1000;
	clock_gettime(CLOCK_MONOTONIC, &now);
	show_sleep("sleep 20 ms", syscall(SYS_clock_nanosleep, 1, 0, &ts, NULL));
	clock_gettime(CLOCK_MONOTONIC, &later);
	yes_no("  20 ms passed", (later.tv_sec - now.tv_sec) * 1000000000LL +
				(later.tv_nsec - now.tv_nsec) >= 20000000LL);
	ts = later;
	ts.tv_nsec += 10 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	show_sleep("sleep until +10 ms (absolute)", syscall(SYS_clock_nanosleep, 1, TIMER_ABSTIME, &ts, NULL));
	clock_gettime(CLOCK_MONOTONIC, &now);
	yes_no("  the deadline passed", now.tv_sec > ts.tv_sec ||
				       (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec));
	show_sleep("absolute, in the past", syscall(SYS_clock_nanosleep, 1, TIMER_ABSTIME, &ts, NULL));
	t64.tv_sec = 0;
	t64.tv_nsec = 5 * 1000 * 1000;
	show_sleep("time64 sleep 5 ms", syscall(SYS_clock_nanosleep_time64, 0, 0, &t64, NULL));
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000;
	show_sleep("nsec of a second", syscall(SYS_clock_nanosleep, 1, 0, &ts, NULL));
	ts.tv_nsec = -1;
	show_sleep("negative nsec", syscall(SYS_clock_nanosleep, 1, 0, &ts, NULL));
	ts.tv_nsec = 0;
	show_sleep("thread CPU clock", syscall(SYS_clock_nanosleep, 3, 0, &ts, NULL));
	show_sleep("unknown clock", syscall(SYS_clock_nanosleep, 42, 0, &ts, NULL));
	show_sleep("NULL request", syscall(SYS_clock_nanosleep, 1, 0, NULL, NULL));
	show_sleep("kernel request", syscall(SYS_clock_nanosleep, 1, 0, (void *)0xc0001000, NULL));

	show("gettimeofday", syscall(SYS_gettimeofday, tv, NULL));
	usleep(20000);
	syscall(SYS_gettimeofday, tv2, NULL);
	yes_no("  it moved forward", tv2[0] > tv[0] || (tv2[0] == tv[0] && tv2[1] > tv[1]));
	yes_no("  usec below a million", tv2[1] >= 0 && tv2[1] < 1000000);
	show("gettimeofday into the kernel", syscall(SYS_gettimeofday, (void *)0xc0001000, NULL));
	return 0;
}

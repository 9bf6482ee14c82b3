/* Interval timers: setitimer/getitimer (ITIMER_REAL sends SIGALRM). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <time.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

int setitimer(int which, const struct itimerval *value, struct itimerval *old);
int getitimer(int which, struct itimerval *value);

#endif

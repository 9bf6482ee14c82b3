/* Interval timers: setitimer/getitimer (ITIMER_REAL sends SIGALRM). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <time.h>

/* ITIMER_* and struct itimerval: <linux/time.h>, through <time.h> */

int setitimer(int which, const struct itimerval *value, struct itimerval *old);
int getitimer(int which, struct itimerval *value);

#endif

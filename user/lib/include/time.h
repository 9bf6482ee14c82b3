/* Clocks and sleeping with the 32-bit time ABI (clock_gettime 263, nanosleep 162). */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#include <linux/time.h>		/* struct timespec, struct timeval, CLOCK_* */

int clock_gettime(clockid_t clk, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

/* CLOCK_MONOTONIC in nanoseconds (0 if the clock fails). */
unsigned long long monotonic_ns(void);

#endif

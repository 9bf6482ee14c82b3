/* The futex(240) wrapper; the operations are the kernel's (<linux/futex.h>). */
#ifndef _SYS_FUTEX_H
#define _SYS_FUTEX_H

#include <time.h>

#include <linux/futex.h>

long futex(int *uaddr, int op, int val, const struct timespec *timeout,
	   int *uaddr2, int val3);

#endif

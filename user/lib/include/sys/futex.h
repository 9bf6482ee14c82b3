/* futex(240) wrapper and operations. */
#ifndef _SYS_FUTEX_H
#define _SYS_FUTEX_H

#include <time.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

long futex(int *uaddr, int op, int val, const struct timespec *timeout,
	   int *uaddr2, int val3);

#endif

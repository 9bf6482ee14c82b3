/* sched_yield and clone (its flags: <linux/sched.h>). */
#ifndef _SCHED_H
#define _SCHED_H

#include <linux/sched.h>	/* CLONE_* */

int sched_yield(void);
/*
 * A task that runs fn(arg) on @stack (its top) and exits with the result;
 * ptid, tls and ctid as the flags ask. Its tid, or -1 with errno.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif

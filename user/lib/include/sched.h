/* sched_yield, clone (its flags: <linux/sched.h>), CPU affinity. */
#ifndef _SCHED_H
#define _SCHED_H

#include <linux/sched.h>	/* CLONE_* */

int sched_yield(void);
/*
 * A task that runs fn(arg) on @stack (its top) and exits with the result;
 * ptid, tls and ctid as the flags ask. Its tid, or -1 with errno.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

/* A set of CPUs, glibc's size (1024 bits). */
#define CPU_SETSIZE	1024
#define __CPU_BITS	(8 * sizeof(unsigned long))
typedef struct {
	unsigned long __bits[CPU_SETSIZE / __CPU_BITS];
} cpu_set_t;

#define CPU_ZERO(set)	__builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)	((set)->__bits[(cpu) / __CPU_BITS] |= 1UL << ((cpu) % __CPU_BITS))
#define CPU_ISSET(cpu, set)	(((set)->__bits[(cpu) / __CPU_BITS] >> ((cpu) % __CPU_BITS)) & 1)
int __sched_cpucount(const cpu_set_t *set);
#define CPU_COUNT(set)	__sched_cpucount(set)

/* As glibc: 0 or -1 with errno; what the kernel does not fill reads as zeroes. */
int sched_getaffinity(int pid, unsigned int size, cpu_set_t *set);
int sched_setaffinity(int pid, unsigned int size, const cpu_set_t *set);
/* The CPU the caller runs on (getcpu), or -1 with errno. */
int sched_getcpu(void);

#endif

/* getrusage(77) with the 32-bit struct rusage. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <time.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)

struct rusage {
	struct timeval	ru_utime;
	struct timeval	ru_stime;
	long		ru_maxrss;
	long		ru_ixrss;
	long		ru_idrss;
	long		ru_isrss;
	long		ru_minflt;
	long		ru_majflt;
	long		ru_nswap;
	long		ru_inblock;
	long		ru_oublock;
	long		ru_msgsnd;
	long		ru_msgrcv;
	long		ru_nsignals;
	long		ru_nvcsw;
	long		ru_nivcsw;
};

int getrusage(int who, struct rusage *ru);

#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

int getrlimit(int res, struct rlimit *rl);	/* ugetrlimit (191) */
int setrlimit(int res, const struct rlimit *rl);

#endif

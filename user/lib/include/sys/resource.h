/* getrusage(77) and the rlimit calls; the structures are the kernel's (<linux/resource.h>). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <time.h>

#include <linux/resource.h>

int getrusage(int who, struct rusage *ru);

int getrlimit(int res, struct rlimit *rl);	/* ugetrlimit (191) */
int setrlimit(int res, const struct rlimit *rl);

#endif

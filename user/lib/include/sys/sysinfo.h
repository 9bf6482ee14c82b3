/* sysinfo(2): uptime, loads, memory and task counts (struct sysinfo: <linux/sysinfo.h>). */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <linux/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif

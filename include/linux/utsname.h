/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host name: one string that uname's nodename, sethostname and
 * /proc/sys/kernel/hostname all read and write (Linux's utsname()->nodename).
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <uapi/linux/utsname.h>

/*
 * The release uname and /proc/sys/kernel/osrelease give: C libraries
 * check for a 6.1-era ABI; the rest names Pagoda.
 */
#define UTS_RELEASE	"6.1.0-pagoda-" PAGODA_VERSION

extern char uts_nodename[__NEW_UTS_LEN + 1];

#endif

/* struct utsname as newuname(122) fills it. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

/* POSIX's name for the kernel's struct new_utsname, laid out the same. */
struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

int uname(struct utsname *buf);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File types and permission bits of st_mode (the user ABI's, uapi: the
 * POSIX values every Unix and the cpio "newc" format use, so modes read
 * from an archive and modes handed to user space need no translation).
 */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <uapi/linux/stat.h>

#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)

#endif

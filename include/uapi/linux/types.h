/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The types of the user ABI: __u8 .. __s64 and the __kernel_ ones. What
 * this directory (include/uapi) holds is shared by the kernel and user
 * programs, so it uses only these, never the kernel's u32 or a C
 * library's own types.
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#include <asm/types.h>

#ifndef __ASSEMBLY__
#include <linux/posix_types.h>

typedef unsigned int __poll_t;	/* a mask of poll events (linux/eventpoll.h) */
#endif

#endif

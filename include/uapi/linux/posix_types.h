/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The __kernel_ types of this architecture. */
#ifndef _UAPI_LINUX_POSIX_TYPES_H
#define _UAPI_LINUX_POSIX_TYPES_H

#include <asm/posix_types.h>

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The error numbers system calls return negated (and C libraries put in errno). */
#ifndef _UAPI_LINUX_ERRNO_H
#define _UAPI_LINUX_ERRNO_H

#include <asm/errno.h>

#endif

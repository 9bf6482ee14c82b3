/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM uses the generic error numbers. */
#ifndef _UAPI_ASM_ERRNO_H
#define _UAPI_ASM_ERRNO_H

#include <asm-generic/errno.h>

#endif

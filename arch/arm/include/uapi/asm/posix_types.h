/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's __kernel_ types: the generic ones (only the 16-bit ids differ, unused here). */
#ifndef _UAPI_ASM_POSIX_TYPES_H
#define _UAPI_ASM_POSIX_TYPES_H

#include <asm-generic/posix_types.h>

#endif

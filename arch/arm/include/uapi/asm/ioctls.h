/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's ioctl numbers are the generic ones. */
#ifndef _UAPI_ASM_IOCTLS_H
#define _UAPI_ASM_IOCTLS_H

#include <asm-generic/ioctls.h>

#endif

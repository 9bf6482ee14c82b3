/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's ABI types: the generic long-long ones. */
#ifndef _UAPI_ASM_TYPES_H
#define _UAPI_ASM_TYPES_H

#include <asm-generic/int-ll64.h>

#endif

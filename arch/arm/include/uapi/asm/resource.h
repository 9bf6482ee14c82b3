/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's resource limits are the generic ones. */
#ifndef _UAPI_ASM_RESOURCE_H
#define _UAPI_ASM_RESOURCE_H

#include <asm-generic/resource.h>

#endif

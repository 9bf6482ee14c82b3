/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's mmap values are the generic ones. */
#ifndef _UAPI_ASM_MMAN_H
#define _UAPI_ASM_MMAN_H

#include <asm-generic/mman.h>

#endif

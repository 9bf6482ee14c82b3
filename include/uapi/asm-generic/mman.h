/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The mmap flags most architectures (ARM among them) share beyond the common ones. */
#ifndef _UAPI_ASM_GENERIC_MMAN_H
#define _UAPI_ASM_GENERIC_MMAN_H

#include <asm-generic/mman-common.h>

#define MAP_GROWSDOWN	0x0100		/* a stack that grows down */
#define MAP_DENYWRITE	0x0800		/* ignored */
#define MAP_EXECUTABLE	0x1000		/* ignored */
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000

#endif

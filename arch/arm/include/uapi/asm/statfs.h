/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The EABI's statfs64 is packed to 4-byte alignment: 84 bytes, the size
 * the OABI had, rather than the 88 the EABI's 8-byte alignment would give.
 */
#ifndef _UAPI_ASM_STATFS_H
#define _UAPI_ASM_STATFS_H

#define ARCH_PACK_STATFS64 __attribute__((packed, aligned(4)))

#include <asm-generic/statfs.h>

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM moves four open() flags away from the generic values. */
#ifndef _UAPI_ASM_FCNTL_H
#define _UAPI_ASM_FCNTL_H

#define O_DIRECTORY	00040000
#define O_NOFOLLOW	00100000
#define O_DIRECT	00200000
#define O_LARGEFILE	00400000

#include <asm-generic/fcntl.h>

#endif

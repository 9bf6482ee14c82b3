/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types shared by the kernel and by the host builds of its
 * pure code (tests/host): both sides get them from the compiler's own
 * freestanding headers, so sizes agree with the ABI being compiled for.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uapi/linux/types.h>

/* As Linux spells them, so that %u/%x and %llu/%llx fit everywhere. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef __PTRDIFF_TYPE__ ssize_t;
typedef unsigned long phys_addr_t;	/* 32 bits on ARM (no LPAE), wide on a host */
typedef u32 dma_addr_t;
typedef u32 be32;
typedef u64 be64;

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's termios is the generic one. */
#ifndef _UAPI_ASM_TERMBITS_H
#define _UAPI_ASM_TERMBITS_H

#include <asm-generic/termbits.h>

#endif

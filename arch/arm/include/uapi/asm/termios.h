/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's terminal definitions are the generic ones. */
#ifndef _UAPI_ASM_TERMIOS_H
#define _UAPI_ASM_TERMIOS_H

#include <asm-generic/termios.h>

#endif

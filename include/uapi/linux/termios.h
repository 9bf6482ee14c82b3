/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Terminals: struct termios and its bits, the tty ioctls, struct winsize. */
#ifndef _UAPI_LINUX_TERMIOS_H
#define _UAPI_LINUX_TERMIOS_H

#include <asm/termios.h>

#endif

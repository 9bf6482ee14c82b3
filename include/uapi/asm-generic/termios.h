/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* A terminal's termios bits, its ioctls, and its window size (TIOCGWINSZ). */
#ifndef _UAPI_ASM_GENERIC_TERMIOS_H
#define _UAPI_ASM_GENERIC_TERMIOS_H

#include <asm/termbits.h>
#include <asm/ioctls.h>

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif

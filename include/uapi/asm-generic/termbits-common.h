/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The termios bits and values every architecture shares. */
#ifndef _UAPI_ASM_GENERIC_TERMBITS_COMMON_H
#define _UAPI_ASM_GENERIC_TERMBITS_COMMON_H

typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

/* c_iflag */
#define IGNBRK		0000001
#define BRKINT		0000002
#define IGNPAR		0000004
#define PARMRK		0000010
#define INPCK		0000020
#define ISTRIP		0000040
#define INLCR		0000100
#define IGNCR		0000200
#define ICRNL		0000400
#define IXANY		0004000

/* c_oflag */
#define OPOST		0000001

/* c_cflag speeds */
#define B0		0000000		/* hang up */
#define B9600		0000015
#define B38400		0000017

/* tcflow() and TCXONC */
#define TCOOFF		0
#define TCOON		1
#define TCIOFF		2
#define TCION		3

/* tcflush() and TCFLSH */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * struct termios as TCGETS and TCSETS pass it (no speed fields after
 * c_cc: glibc's struct termios has NCCS 32 and speeds and converts; this
 * project's libc uses this one as it is), with its c_cc indices and the
 * flag bits most architectures (ARM among them) give it.
 */
#ifndef _UAPI_ASM_GENERIC_TERMBITS_H
#define _UAPI_ASM_GENERIC_TERMBITS_H

#include <asm-generic/termbits-common.h>

typedef unsigned int	tcflag_t;

#define NCCS	19
struct termios {
	tcflag_t c_iflag;	/* input modes */
	tcflag_t c_oflag;	/* output modes */
	tcflag_t c_cflag;	/* control modes */
	tcflag_t c_lflag;	/* local modes */
	cc_t c_line;		/* line discipline */
	cc_t c_cc[NCCS];	/* control characters */
};

/* TCGETS2/TCSETS2's: struct termios, then the speeds in baud (BOTHER) */
struct termios2 {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

/* c_cc indices */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14
#define VLNEXT		15
#define VEOL2		16

/* c_iflag */
#define IUCLC		0001000
#define IXON		0002000
#define IXOFF		0010000
#define IMAXBEL		0020000
#define IUTF8		0040000

/* c_oflag */
#define OLCUC		0000002
#define ONLCR		0000004
#define OCRNL		0000010
#define ONOCR		0000020
#define ONLRET		0000040
#define TABDLY		0014000
#define XTABS		0014000		/* tabs expanded to spaces */

/* c_cflag */
#define CBAUD		0010017		/* the output speed: B0..B38400, or CBAUDEX and more */
#define CBAUDEX		0010000
#define BOTHER		0010000		/* (CBAUDEX alone) the speed is c_ospeed, in baud */
#define IBSHIFT		16		/* the input speed's bits are CBAUD's shifted; B0: the output's */
#define CSIZE		0000060
#define CS8		0000060
#define CSTOPB		0000100
#define CREAD		0000200
#define PARENB		0000400
#define HUPCL		0002000
#define CLOCAL		0004000
#define B115200		0010002

/* c_lflag */
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010
#define ECHOE		0000020
#define ECHOK		0000040
#define ECHONL		0000100
#define NOFLSH		0000200
#define TOSTOP		0000400
#define ECHOCTL		0001000
#define ECHOPRT		0002000
#define ECHOKE		0004000
#define IEXTEN		0100000

/* tcsetattr()'s actions */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The terminal and file ioctl numbers most architectures (ARM among them) share. */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403	/* after the output drains */
#define TCSETSF		0x5404	/* ... and the input is flushed */
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCEXCL	0x540C
#define TIOCNXCL	0x540D
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCSTI		0x5412
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define TIOCNOTTY	0x5422
#define TIOCSETD	0x5423
#define TIOCGETD	0x5424
#define TCSBRKP		0x5425
#define TIOCSBRK	0x5427
#define TIOCCBRK	0x5428
#define TIOCGSID	0x5429
/* _IOR/_IOW('T', 0x2A..0x2D, struct termios2): the size (44) is in the number */
#define TCGETS2		0x802c542a
#define TCSETS2		0x402c542b
#define TCSETSW2	0x402c542c
#define TCSETSF2	0x402c542d

#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

#endif

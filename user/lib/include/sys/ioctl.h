/* ioctl(54); the request numbers and struct winsize are the kernel's. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/termios.h>	/* the ioctl numbers, struct winsize */

int ioctl(int fd, unsigned long request, ...);

#endif

/* ioctl(54) and the few request numbers the programs use. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define FIONREAD	0x541B

int ioctl(int fd, unsigned long request, ...);

#endif

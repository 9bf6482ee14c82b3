/* Terminal attributes: tcgetattr and friends over TCGETS/TCSETS. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>

/*
 * The kernel's struct termios, its bits and tcsetattr's actions: glibc's
 * struct termios is bigger (NCCS 32, speeds) and converted in tcsetattr;
 * this libc passes the kernel's as it is.
 */
#include <asm/termbits.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
int tcflush(int fd, int queue);
int tcflow(int fd, int action);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetsid(int fd);
int isatty(int fd);

#endif

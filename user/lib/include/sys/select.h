/* select (_newselect, 142), pselect6 (335) and pselect6_time64 (413). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#define FD_SETSIZE	1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define __FD_WORD(fd)	((fd) / (8 * sizeof(unsigned long)))
#define __FD_BIT(fd)	(1UL << ((fd) % (8 * sizeof(unsigned long))))
#define FD_ZERO(s)	memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)	((s)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd))
#define FD_CLR(fd, s)	((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd))
#define FD_ISSET(fd, s)	(((s)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)) != 0)

/* Both write the time left back into *timeout, as Linux's calls do. */
int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *timeout);
int pselect(int n, fd_set *in, fd_set *out, fd_set *ex, struct timespec *timeout,
	    const sigset_t *mask);
int pselect_time64(int n, fd_set *in, fd_set *out, fd_set *ex,
		   struct timespec64 *timeout, const sigset_t *mask);

#endif

/* poll(168), ppoll(336) and ppoll_time64(414). */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>

struct pollfd {
	int fd;
	short events;
	short revents;
};

typedef unsigned int nfds_t;

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLRDHUP	0x2000

/* The time64 layout user space passes to ppoll_time64 and pselect6_time64. */
struct timespec64 {
	long long tv_sec;
	long long tv_nsec;
};

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
/* The kernel writes the time left back into *timeout (no copy is made). */
int ppoll(struct pollfd *fds, nfds_t nfds, struct timespec *timeout,
	  const sigset_t *mask);
int ppoll_time64(struct pollfd *fds, nfds_t nfds, struct timespec64 *timeout,
		 const sigset_t *mask);

#endif

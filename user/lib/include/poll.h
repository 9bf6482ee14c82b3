/* poll(168), ppoll(336) and ppoll_time64(414). */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>

#include <linux/poll.h>

typedef unsigned int nfds_t;

/*
 * The time64 layout user space passes to ppoll_time64 and pselect6_time64:
 * the kernel's struct __kernel_timespec under this libc's name for it.
 */
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

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The poll events with their epoll names, the same values on every
 * architecture: what a file's poll method returns (as __poll_t).
 */
#ifndef _UAPI_LINUX_EVENTPOLL_H
#define _UAPI_LINUX_EVENTPOLL_H

#define EPOLLIN		0x0001
#define EPOLLPRI	0x0002
#define EPOLLOUT	0x0004
#define EPOLLERR	0x0008
#define EPOLLHUP	0x0010
#define EPOLLNVAL	0x0020
#define EPOLLRDNORM	0x0040
#define EPOLLRDBAND	0x0080
#define EPOLLWRNORM	0x0100
#define EPOLLWRBAND	0x0200
#define EPOLLRDHUP	0x2000

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* poll, ppoll: the architecture's events and struct pollfd. */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

#include <asm/poll.h>

#endif

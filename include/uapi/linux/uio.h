/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* struct iovec, a buffer of readv/writev, and how many one call takes. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include <linux/types.h>

struct iovec {
	void *iov_base;
	__kernel_size_t iov_len;
};

#define UIO_MAXIOV	1024

#endif

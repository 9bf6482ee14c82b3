/* Scatter-gather I/O: readv(145) and writev(146). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

#include <linux/uio.h>

#define IOV_MAX		UIO_MAXIOV	/* POSIX's name */

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif

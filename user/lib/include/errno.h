/* errno, and the kernel's error numbers (<linux/errno.h>). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <linux/errno.h>

extern int errno;

/* POSIX's name for EOPNOTSUPP (Linux does not tell the two apart). */
#define ENOTSUP		EOPNOTSUPP

/* The symbolic name of an error number ("ENOMEM"), or "E?<n>" if unknown. */
const char *errno_name(int err);

#endif

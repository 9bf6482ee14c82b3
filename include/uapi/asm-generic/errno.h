/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The error numbers after the first 34, as most architectures (ARM
 * among them) number them; only those the kernel or its programs use.
 */
#ifndef _UAPI_ASM_GENERIC_ERRNO_H
#define _UAPI_ASM_GENERIC_ERRNO_H

#include <asm-generic/errno-base.h>

#define EDEADLK		35
#define ENAMETOOLONG	36
#define ENOLCK		37
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define EWOULDBLOCK	EAGAIN
#define ENOMSG		42
#define ENOPKG		65
#define EOVERFLOW	75
#define EILSEQ		84
#define EOPNOTSUPP	95
#define ETIMEDOUT	110

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The __kernel_ types the structures of the user ABI are made of, as
 * every architecture without its own (ARM among them) has them: long
 * and int where C libraries put their time_t, pid_t, size_t...
 */
#ifndef _UAPI_ASM_GENERIC_POSIX_TYPES_H
#define _UAPI_ASM_GENERIC_POSIX_TYPES_H

typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef int			__kernel_pid_t;
typedef unsigned int		__kernel_uid32_t;
typedef unsigned int		__kernel_gid32_t;
typedef __kernel_long_t		__kernel_suseconds_t;
typedef int			__kernel_clockid_t;

/* size_t is unsigned int on every 32-bit ABI, unsigned long on 64-bit ones */
#if __SIZEOF_LONG__ == 4
typedef unsigned int		__kernel_size_t;
typedef int			__kernel_ssize_t;
#else
typedef __kernel_ulong_t	__kernel_size_t;
typedef __kernel_long_t		__kernel_ssize_t;
#endif

typedef __kernel_long_t		__kernel_off_t;
typedef long long		__kernel_loff_t;
typedef __kernel_long_t		__kernel_old_time_t;
typedef long long		__kernel_time64_t;
typedef __kernel_long_t		__kernel_clock_t;

#endif

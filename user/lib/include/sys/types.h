/* Basic POSIX types with their Linux ARM EABI (32-bit) sizes. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int			ssize_t;
typedef long			off_t;		/* 32 bits, as lseek(19) takes */
typedef long long		off64_t;	/* _llseek(140), stat64 sizes */
typedef long long		loff_t;
typedef int			pid_t;
typedef unsigned int		uid_t;
typedef unsigned int		gid_t;
typedef unsigned int		mode_t;
typedef unsigned long long	dev_t;
typedef long			time_t;
typedef long			suseconds_t;
typedef int			clockid_t;

#endif

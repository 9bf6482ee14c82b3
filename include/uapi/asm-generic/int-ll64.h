/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The fixed-width types of the user ABI, __u8 to __s64, with long long
 * for the 64-bit ones (every 32-bit Linux ABI, ARM's among them).
 */
#ifndef _UAPI_ASM_GENERIC_INT_LL64_H
#define _UAPI_ASM_GENERIC_INT_LL64_H

#ifndef __ASSEMBLY__
typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
__extension__ typedef signed long long		__s64;
__extension__ typedef unsigned long long	__u64;
#endif

#endif

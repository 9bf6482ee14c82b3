/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * struct stat64 as the ARM EABI lays it out (104 bytes; the EABI's 8-byte
 * alignment of the 64-bit fields puts the padding where Linux has it).
 * Linux spells the 32-bit fields unsigned long; they are __u32 here so
 * that host builds of the kernel's code see ARM's layout too.
 */
#ifndef _UAPI_ASM_STAT_H
#define _UAPI_ASM_STAT_H

#include <linux/types.h>

struct stat64 {
	__u64		st_dev;
	__u8		__pad0[4];
	__u32		__st_ino;	/* the low 32 bits of st_ino */
	__u32		st_mode;
	__u32		st_nlink;
	__u32		st_uid;
	__u32		st_gid;
	__u64		st_rdev;
	__u8		__pad3[4];
	__s64		st_size;
	__u32		st_blksize;
	__u64		st_blocks;	/* 512-byte blocks */
	__u32		st_atime;
	__u32		st_atime_nsec;
	__u32		st_mtime;
	__u32		st_mtime_nsec;
	__u32		st_ctime;
	__u32		st_ctime_nsec;
	__u64		st_ino;
};

#endif

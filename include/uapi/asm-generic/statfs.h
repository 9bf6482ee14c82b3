/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * What statfs64 and fstatfs64 fill in. An architecture may pack it
 * (ARCH_PACK_STATFS64) to keep an older layout. Its 32-bit fields are
 * __u32 (Linux: a long, 32 bits on the ABIs that use this struct) so that
 * host builds of the kernel's code see the same layout.
 */
#ifndef _UAPI_ASM_GENERIC_STATFS_H
#define _UAPI_ASM_GENERIC_STATFS_H

#include <linux/types.h>

#ifndef ARCH_PACK_STATFS64
#define ARCH_PACK_STATFS64
#endif

typedef struct {
	int val[2];
} __kernel_fsid_t;

struct statfs64 {
	__u32 f_type;		/* the filesystem's magic number */
	__u32 f_bsize;
	__u64 f_blocks;
	__u64 f_bfree;
	__u64 f_bavail;
	__u64 f_files;
	__u64 f_ffree;
	__kernel_fsid_t f_fsid;
	__u32 f_namelen;
	__u32 f_frsize;
	__u32 f_flags;		/* ST_* */
	__u32 f_spare[4];
} ARCH_PACK_STATFS64;

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* mmap's protections and flags, msync's and madvise's values, as most architectures have them. */
#ifndef _UAPI_ASM_GENERIC_MMAN_COMMON_H
#define _UAPI_ASM_GENERIC_MMAN_COMMON_H

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8		/* accepted and ignored, as by Linux */
#define PROT_GROWSDOWN	0x01000000	/* mprotect: down to the start of a growsdown VMA */
#define PROT_GROWSUP	0x02000000

/* 0x01 - 0x03 (the mapping's type) are in linux/mman.h */
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_POPULATE		0x008000	/* fault the pages in now */
#define MAP_NONBLOCK		0x010000
#define MAP_STACK		0x020000
#define MAP_HUGETLB		0x040000
#define MAP_FIXED_NOREPLACE	0x100000	/* MAP_FIXED that fails rather than unmaps */

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11

#endif

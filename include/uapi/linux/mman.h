/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* mmap, mprotect, msync, madvise and mremap: the architecture's values and the mapping types. */
#ifndef _UAPI_LINUX_MMAN_H
#define _UAPI_LINUX_MMAN_H

#include <asm/mman.h>

#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4	/* move the pages, leave the old range mapped and empty */

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03	/* MAP_SHARED that refuses unknown flags */

#endif

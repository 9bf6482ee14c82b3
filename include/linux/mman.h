/* SPDX-License-Identifier: GPL-2.0 */
/* mmap/mprotect/madvise/mremap constants: the user ABI's (uapi). */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <uapi/linux/mman.h>

#endif

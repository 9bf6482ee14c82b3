/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's poll values are the generic ones. */
#ifndef _UAPI_ASM_POLL_H
#define _UAPI_ASM_POLL_H

#include <asm-generic/poll.h>

#endif

/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's siginfo is the generic one. */
#ifndef _UAPI_ASM_SIGINFO_H
#define _UAPI_ASM_SIGINFO_H

#include <asm-generic/siginfo.h>

#endif

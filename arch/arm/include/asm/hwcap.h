/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the CPU offers user space: the AT_HWCAP and AT_HWCAP2 bits of the
 * ELF auxiliary vector (Linux's ARM numbering, which C libraries test)
 * and the names /proc/cpuinfo lists them under.
 */
#ifndef _ASM_HWCAP_H
#define _ASM_HWCAP_H

#include <uapi/asm/hwcap.h>

/* the CPU features (setup.c), the VFP unit (vfp/) and the timer add theirs */
extern unsigned int elf_hwcap, elf_hwcap2;

#define ELF_PLATFORM	"v7l"

#endif

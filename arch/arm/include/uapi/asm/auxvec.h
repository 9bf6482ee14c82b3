/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ARM's own auxiliary vector tag. */
#ifndef _UAPI_ASM_AUXVEC_H
#define _UAPI_ASM_AUXVEC_H

#define AT_SYSINFO_EHDR	33	/* the vDSO, if any */

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in: the ARM header is plain C (a struct in every
 * thread_info and prototypes), so the host sees the same one.
 */
#include "../../../../arch/arm/include/asm/vfp.h"

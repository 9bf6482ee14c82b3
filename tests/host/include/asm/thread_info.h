/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: the ARM header is plain C (thread_info), so the host sees the same one. */
#include "../../../../arch/arm/include/asm/thread_info.h"

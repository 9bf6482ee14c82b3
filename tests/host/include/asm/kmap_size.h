/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in: the ARM header is one constant (struct task_struct's
 * kmap_ctrl is sized by it), so the host sees the same one.
 */
#include "../../../../arch/arm/include/asm/kmap_size.h"

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How deep kmap_local_page() mappings nest: the fixmap slots per CPU,
 * and the size of each task's record of its own (struct kmap_ctrl).
 */
#ifndef _ASM_KMAP_SIZE_H
#define _ASM_KMAP_SIZE_H

#define KM_MAX_IDX	16

#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_HOST_MM_ARENA_H
#define _TESTS_HOST_MM_ARENA_H

#define ARENA_MB	64	/* RAM of the fake machine */
#define ARENA_HIGH_MB	16	/* of which highmem */

/*
 * Builds a fresh world on a 4 MiB-aligned arena: memblock, mem_map and
 * the zones (Normal, then HighMem), all of it free in the buddy lists.
 */
void arena_init(void);

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs unpacker (fs/initramfs.c) and the ramfs under it on
 * arbitrary bytes, over SLUB and the buddy allocator on the host arena.
 * A bad archive must be refused with a reason and leave nothing behind:
 * after each input the tree is freed, and the arena's free pages plus
 * slab pages must be what they were before it.
 */
#include <linux/kernel.h>
#include <linux/leak_check.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include "../host/mm_arena.h"
#include "fuzz.h"

static unsigned long baseline;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	arena_init();
	kmem_cache_init();
	claim(!ramfs_init());
	ramfs_exit();
	baseline = free_and_slab_pages();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[160] = "";

	claim(!ramfs_init());
	if (unpack_initramfs(data, size, why, sizeof(why)) < 0)
		claim(why[0]);
	ramfs_exit();
	claim(free_and_slab_pages() == baseline);
	return 0;
}

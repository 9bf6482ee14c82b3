/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_HOST_HOST_VFS_H
#define _TESTS_HOST_HOST_VFS_H

/*
 * Boots the VFS on the host once: the arena, SLUB, then what the
 * kernel's vfs_caches_init does but proc and devtmpfs (the dcache,
 * tmpfs, the root mount). Later calls do nothing: the VFS keeps its
 * state in statics, so the arena under it is never made again.
 */
void host_vfs_boot(void);

/* rm -r @path, any size and depth; 0 or the first error met. */
int host_remove_tree(const char *path);

#endif

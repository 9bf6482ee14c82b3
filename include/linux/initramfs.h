/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

/*
 * Unpacks the cpio "newc" archive(s) of @len bytes at @buf, each ending
 * with "TRAILER!!!" and separated by NUL padding, under the directory
 * @dir ("/" for the root). Returns the number of entries made (files,
 * directories, links, device nodes, FIFOs; "." is not counted), or
 * -EINVAL (a malformed or truncated archive, a name escaping @dir with
 * "..", an entry that cannot be made) or -ENOMEM, with a one-line reason
 * in @why. Entries made before an error stay.
 */
int unpack_initramfs_at(const char *dir, const void *buf, size_t len,
			char *why, size_t whylen);
int unpack_initramfs(const void *buf, size_t len, char *why, size_t whylen);

#endif

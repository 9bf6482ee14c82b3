/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ramfs: the in-memory tree the initramfs is unpacked into and that the
 * file syscalls read. There is no dentry/inode split: each inode is one
 * name in one directory (so a hard link in an archive becomes a copy),
 * files keep their bytes in one kmalloc'd block, and directories keep
 * their entries in a list sorted by name, which is what getdents will
 * return.
 *
 * Paths: a leading '/' starts at the root, anything else at the
 * directory given to the _at variants (the root for the others, there
 * being no working directory yet). "//", "." and ".." work as in POSIX,
 * ".." of the root being the root. Symbolic links are followed in every
 * component a lookup passes through, and in the last one unless
 * LOOKUP_NOFOLLOW; creation follows none (see ramfs_create_at).
 *
 * Locking: none. The tree is written at boot, before other threads run,
 * and by the tests; once files are open nothing may remove inodes.
 */
#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

#include <linux/list.h>
#include <linux/stat.h>
#include <linux/types.h>

#define NAME_MAX	255	/* bytes in a path component */
#define PATH_MAX	4096	/* bytes in a path, counting its NUL */
#define MAXSYMLINKS	40	/* links one lookup may follow in all */
#define MAX_NESTED_LINKS 8	/* links within link targets (kernel stack) */

struct inode {
	unsigned long ino;
	unsigned int mode;		/* S_IFDIR/S_IFREG/S_IFLNK | permissions */
	unsigned int nlink, uid, gid;
	unsigned long mtime;		/* seconds since the epoch */
	size_t size;			/* file bytes; a link's target length */
	u8 *data;			/* contents or link target, NULL if empty */
	struct inode *parent;		/* the root is its own parent */
	struct list_head children;	/* directories: entries, sorted by name */
	struct list_head sibling;	/* in the parent's children */
	char name[];			/* this entry's name, NUL-terminated */
};

#define LOOKUP_NOFOLLOW	0x1	/* return a symlink in the last component itself */

/* Frees any previous tree and creates an empty root "/". */
int ramfs_init(void);
/* Frees the whole tree; ramfs_root() is NULL until the next ramfs_init(). */
void ramfs_exit(void);
/* The root, NULL before ramfs_init(). */
struct inode *ramfs_root(void);

/*
 * Finds @path (from @dir if relative). Returns 0 and the inode in *@out,
 * or -ENOENT (a component is missing, or @path is ""), -ENOTDIR (a
 * component other than the last, or a last one followed by '/', is not a
 * directory), -ENAMETOOLONG (a component over NAME_MAX bytes, or a path
 * of PATH_MAX bytes or more) or -ELOOP (too many symbolic links).
 */
int ramfs_lookup_at(struct inode *dir, const char *path, unsigned int flags,
		    struct inode **out);
int ramfs_lookup(const char *path, struct inode **out);

/*
 * Creates @path (from @dir if relative) as @mode, a directory, regular
 * file or symbolic link with its permission bits, holding a copy of the
 * @size bytes at @data (a link's target). Missing parent directories are
 * created (mode 0755), like mkdir -p. Symbolic links are never followed
 * here, so whatever an archive unpacks stays under the directory it is
 * unpacked into. Returns 0 and the inode in *@out (if @out), -EEXIST if
 * the name exists, except that a directory asked for where a directory
 * is returns 0 and that one; else -ENOTDIR, -ENAMETOOLONG, -ENOENT (""),
 * -EISDIR (a non-directory named with a trailing '/'), -EINVAL (another
 * file type, data for a directory, a NUL in a link's target) or -ENOMEM.
 */
int ramfs_create_at(struct inode *dir, const char *path, unsigned int mode,
		    const void *data, size_t size, struct inode **out);
int ramfs_create(const char *path, unsigned int mode, const void *data,
		 size_t size, struct inode **out);

/* Replaces the contents of a file or link with a copy of @data. */
int ramfs_set_data(struct inode *inode, const void *data, size_t size);
/* Unlinks @inode and frees it and everything under it (not the root). */
void ramfs_remove(struct inode *inode);

unsigned long ramfs_bytes(void);	/* file and link bytes held */
unsigned long ramfs_inodes(void);	/* inodes, the root included */

/*
 * Unpacks the cpio "newc" archive(s) of @len bytes at @buf, each ending
 * with "TRAILER!!!" and separated by NUL padding, into the root (or @dir).
 * Returns the number of entries unpacked (files, directories and links;
 * "." and device nodes, fifos and sockets are skipped), or -EINVAL (a
 * malformed or truncated archive, a name escaping the root with "..", a
 * conflict with what is there) or -ENOMEM, with a one-line reason in
 * @why. Entries unpacked before an error stay.
 */
int unpack_initramfs_at(struct inode *dir, const void *buf, size_t len,
			char *why, size_t whylen);
int unpack_initramfs(const void *buf, size_t len, char *why, size_t whylen);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path names to dentries (fs/namei.c). A walk starts at the task's root
 * ('/') or working directory (or a directory fd), goes component by
 * component through the dcache (asking the filesystem's lookup on a
 * miss), crosses mounts, follows symbolic links (at most MAXSYMLINKS in
 * one walk: -ELOOP), and needs search (x) permission on each directory.
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>

#define LOOKUP_FOLLOW		0x0001	/* follow a link in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names the starting directory */

void path_get(const struct path *path);
void path_put(const struct path *path);
static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

/* A user path in a kmalloc'd PATH_MAX buffer; ERR_PTR(-EFAULT/-ENAMETOOLONG/-ENOENT). */
char *getname(const char *upath);
/* The same, "" allowed (AT_EMPTY_PATH). */
char *getname_flags(const char *upath, unsigned int lookup_flags);
void putname(char *name);

/* Resolves @name from @dfd (AT_FDCWD or a directory fd) to *@path. */
int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char *uname, unsigned int flags, struct path *path);

/*
 * For making a name: resolves all but the last component of @name into
 * *@path and returns a negative dentry for the last, with a reference
 * (put both with done_path_create), or an ERR_PTR: -EEXIST if the name
 * is there, -ENOENT/-ENOTDIR for the parent, -EISDIR-like errors as
 * Linux for "." and "..".
 */
struct dentry *kern_path_create(int dfd, const char *name, struct path *path,
				unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);

/*
 * For removing or renaming: the parent of @name in *@parent and its last
 * component in *@last (pointing into @name); *@type says whether it is
 * "." or ".." (LAST_DOT/LAST_DOTDOT) or a name (LAST_NORM).
 */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };
int filename_parentat(int dfd, const char *name, unsigned int flags,
		      struct path *parent, struct qstr *last, int *type);
/*
 * For a get_link that follows a link by jumping to @path (a reference
 * the walk takes over) rather than giving a text: it then returns NULL.
 */
void nd_jump_link(struct path *path);

/* The child @name of @parent, from the dcache or the filesystem. */
struct dentry *lookup_one_qstr(struct dentry *parent, const struct qstr *name);

/* The operations on names, with Linux's permission and type checks. */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
	       struct dentry *new, unsigned int flags);

/* Opens @name as open(2)/openat(2) would (O_CREAT with @mode and the umask). */
struct file *do_filp_open(int dfd, const char *name, unsigned int flags,
			  umode_t mode, int *err);

/* The kernel's own mkdir -p / mknod / symlink, as the initramfs needs. */
int init_mkdir(const char *name, umode_t mode);
int init_mknod(const char *name, umode_t mode, dev_t dev);
int init_symlink(const char *target, const char *name);
int init_link(const char *old, const char *name);
int init_chown(const char *name, unsigned int uid, unsigned int gid);
int init_chmod(const char *name, umode_t mode);
int init_unlink(const char *name);
int init_rmdir(const char *name);
/* The type and mode of @name, its last link not followed; -errno if none. */
int init_lstat_mode(const char *name);
int init_utimes(const char *name, s64 mtime);

#endif

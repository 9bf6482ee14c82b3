/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Directory entries and the dcache. A dentry is a name in a directory
 * and the inode it stands for (none: a negative dentry). Children hang
 * on their parent's d_subdirs; hashed dentries are also found by
 * (parent, name) through the dcache hash table, which is how a path walk
 * gets from a name to an inode without asking the filesystem again.
 *
 * d_count counts users (path walks in progress, open files, children,
 * mounts on it). At zero a hashed dentry stays cached; an unhashed one
 * (its name was removed, or the filesystem said not to keep it) is freed
 * with its hold on the inode and on its parent.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/list.h>
#include <linux/types.h>

#define NAME_MAX	255	/* bytes in a path component */

struct inode;
struct path;
struct super_block;

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

#define QSTR_INIT(n, l)	{ .name = (n), .len = (l) }

#define DNAME_INLINE_LEN	36

struct dentry;

struct dentry_operations {
	/* 0: a cached dentry is stale (proc: the task has gone); 1: good. */
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	/* Nonzero: free it at its last dput rather than keep it cached. */
	int (*d_delete)(const struct dentry *dentry);
};

struct dentry {
	unsigned int d_flags;		/* DCACHE_* */
	struct list_head d_hash;	/* in the hash table, if hashed */
	struct dentry *d_parent;	/* a root is its own parent */
	struct qstr d_name;		/* points to d_iname or a kmalloc'd copy */
	struct inode *d_inode;		/* NULL: negative */
	char d_iname[DNAME_INLINE_LEN];
	int d_count;
	struct super_block *d_sb;
	const struct dentry_operations *d_op;
	struct list_head d_child;	/* in the parent's d_subdirs */
	struct list_head d_subdirs;	/* children, newest first */
	void *d_fsdata;
};

#define DCACHE_MOUNTED		0x1	/* something is mounted here */
#define DCACHE_HASHED		0x2	/* in the hash table */
#define DCACHE_DISCONNECTED	0x4	/* a pseudo file's (pipe's), no parent name */
#define DCACHE_CURSOR		0x8	/* an open directory's place in a listing */

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return !dentry->d_inode;
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_HASHED);
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

#define IS_ROOT(d)	((d) == (d)->d_parent)

void dcache_init(void);
u32 full_name_hash(const struct dentry *parent, const char *name, unsigned int len);

/* A new unhashed negative child of @parent named @name; NULL without memory. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
/* A name-less dentry for a pseudo file (pipes) on @sb. */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
/* The root dentry of a new super_block, holding @inode; NULL (and iput). */
struct dentry *d_make_root(struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
/* Gives the unhashed @dentry the nameless new file @inode (O_TMPFILE): named "#ino", no link. */
void d_tmpfile(struct dentry *dentry, struct inode *inode);
/* d_instantiate and hash: the name now resolves through the dcache. */
void d_add(struct dentry *dentry, struct inode *inode);
void d_rehash(struct dentry *dentry);
/* A hashed child of @parent with @name, with a reference; NULL if none. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
/* The name is gone: unhash it, and if unused make it negative. */
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
/* Moves @dentry to @target's name and parent (rename); @target is dropped. */
void d_move(struct dentry *dentry, struct dentry *target);
/* Swaps the names and parents of @a and @b (RENAME_EXCHANGE). */
void d_exchange(struct dentry *a, struct dentry *b);
/* Frees every unused dentry of @sb, children first (unmount). */
void shrink_dcache_sb(struct super_block *sb);
/* Drops the cached children of @parent that no one uses (proc's pids). */
void shrink_dcache_parent(struct dentry *parent);

struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);

/*
 * The path of @path from the caller's root, written at the end of @buf;
 * returns where it starts, or an ERR_PTR (-ENAMETOOLONG). A removed
 * name gets " (deleted)" after it, as Linux shows.
 */
char *d_path(const struct path *path, char *buf, int buflen);
char *dentry_path_raw(struct dentry *dentry, char *buf, int buflen);

unsigned long nr_dentries(void);

#endif

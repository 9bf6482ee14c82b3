// SPDX-License-Identifier: GPL-2.0
/*
 * The dcache (see <linux/dcache.h>): dentries hashed by (parent, name)
 * in one table of list heads. A dentry holds a reference on its parent
 * and on its inode; the last dput of an unhashed dentry frees it and
 * drops those, which may free the parent in turn (a loop, not recursion,
 * so a deep tree cannot overflow the kernel stack).
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#define D_HASH_BITS	10
#define D_HASH_SIZE	(1U << D_HASH_BITS)

static struct list_head dentry_hashtable[D_HASH_SIZE];
static struct kmem_cache *dentry_cache;
static unsigned long dentry_count;

unsigned long nr_dentries(void)
{
	return dentry_count;
}

void dcache_init(void)
{
	unsigned int i;

	for (i = 0; i < D_HASH_SIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 8, 0, NULL);
}

/* FNV-1a over the name, mixed with the parent's address. */
u32 full_name_hash(const struct dentry *parent, const char *name, unsigned int len)
{
	u32 h = 2166136261U ^ (u32)(unsigned long)parent;
	unsigned int i;

	for (i = 0; i < len; i++)
		h = (h ^ (u8)name[i]) * 16777619U;
	return h;
}

static struct list_head *d_hash(u32 hash)
{
	return &dentry_hashtable[(hash ^ (hash >> D_HASH_BITS)) & (D_HASH_SIZE - 1)];
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *dname = dentry ? dentry->d_iname : NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	dentry->d_count = 1;
	dentry->d_sb = sb;
	dentry->d_parent = dentry;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	dentry_count++;
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	dentry->d_parent = dget(parent);
	dentry->d_op = parent->d_op;
	list_add(&dentry->d_child, &parent->d_subdirs);
	return dentry;
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = QSTR_INIT(name, strlen(name));

	q.hash = full_name_hash(parent, name, q.len);
	return d_alloc(parent, &q);
}

struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(sb, name);

	if (dentry)
		dentry->d_flags |= DCACHE_DISCONNECTED;
	return dentry;
}

struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr root_name = QSTR_INIT("/", 1);
	struct dentry *dentry;

	if (!inode)
		return NULL;
	dentry = __d_alloc(inode->i_sb, &root_name);
	if (!dentry) {
		iput(inode);
		return NULL;
	}
	d_instantiate(dentry, inode);
	return dentry;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

void d_tmpfile(struct dentry *dentry, struct inode *inode)
{
	drop_nlink(inode);
	/* what /proc/PID/fd/N shows, as Linux: no entry can have that name */
	dentry->d_name.len = snprintf(dentry->d_iname, DNAME_INLINE_LEN, "#%lu",
				      inode->i_ino);
	dentry->d_name.name = dentry->d_iname;
	d_instantiate(dentry, inode);
}

void d_rehash(struct dentry *dentry)
{
	if (!d_unhashed(dentry))
		return;
	list_add(&dentry->d_hash, d_hash(dentry->d_name.hash));
	dentry->d_flags |= DCACHE_HASHED;
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	d_rehash(dentry);
}

void d_drop(struct dentry *dentry)
{
	if (d_unhashed(dentry))
		return;
	list_del_init(&dentry->d_hash);
	dentry->d_flags &= ~DCACHE_HASHED;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry;

	list_for_each_entry(dentry, d_hash(name->hash), d_hash) {
		if (dentry->d_parent != parent || dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		return dget(dentry);
	}
	return NULL;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		dentry->d_count++;
	return dentry;
}

/* Frees an unused, unhashed dentry; returns its parent to put next (or NULL). */
static struct dentry *dentry_kill(struct dentry *dentry)
{
	struct dentry *parent = IS_ROOT(dentry) ? NULL : dentry->d_parent;
	struct inode *inode = dentry->d_inode;

	d_drop(dentry);
	list_del(&dentry->d_child);
	if (dentry->d_name.name != dentry->d_iname)
		kfree((char *)dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	dentry_count--;
	if (inode)
		iput(inode);
	return parent;
}

void dput(struct dentry *dentry)
{
	while (dentry) {
		BUG_ON(dentry->d_count <= 0);
		if (--dentry->d_count)
			return;
		/* cached: keep it while its name stands and the fs allows */
		if (!d_unhashed(dentry) &&
		    !(dentry->d_op && dentry->d_op->d_delete &&
		      dentry->d_op->d_delete(dentry)))
			return;
		if (!list_empty(&dentry->d_subdirs))
			return;		/* unused children still hold it */
		dentry = dentry_kill(dentry);
	}
}

void d_delete(struct dentry *dentry)
{
	d_drop(dentry);
}

/*
 * Gives @dentry the name @name (a copy), in @parent's children, and
 * hashes it. A renamed entry comes first in its directory's listing
 * (@to_front), as Linux's __d_move puts it; an exchange within one
 * directory leaves both where they were.
 */
static void d_set_name(struct dentry *dentry, struct dentry *parent,
		       const char *name, u32 len, u32 hash, bool to_front)
{
	const char *old_name = dentry->d_name.name;
	char *buf = dentry->d_iname;

	if (len >= DNAME_INLINE_LEN) {
		buf = kmalloc(len + 1, GFP_KERNEL);
		if (WARN_ON(!buf))
			return;		/* keeps its old name: still a valid tree */
	}
	if (buf == old_name)
		memmove(buf, name, len);
	else
		memcpy(buf, name, len);
	buf[len] = '\0';
	if (old_name != dentry->d_iname && old_name != buf)
		kfree((char *)old_name);
	dentry->d_name.name = buf;
	dentry->d_name.len = len;
	dentry->d_name.hash = hash;
	if (parent != dentry->d_parent) {
		struct dentry *old_parent = dentry->d_parent;

		dentry->d_parent = dget(parent);
		list_move(&dentry->d_child, &parent->d_subdirs);
		dput(old_parent);
	} else if (to_front) {
		list_move(&dentry->d_child, &parent->d_subdirs);
	}
	d_rehash(dentry);
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	d_drop(dentry);
	d_drop(target);
	d_set_name(dentry, target->d_parent, target->d_name.name, target->d_name.len,
		   target->d_name.hash, true);
}

void d_exchange(struct dentry *a, struct dentry *b)
{
	struct dentry *pa = dget(a->d_parent), *pb = dget(b->d_parent);
	char name_a[NAME_MAX + 1];
	u32 len_a = a->d_name.len, hash_a = a->d_name.hash;

	memcpy(name_a, a->d_name.name, len_a);
	d_drop(a);
	d_drop(b);
	d_set_name(a, pb, b->d_name.name, b->d_name.len, b->d_name.hash, false);
	d_set_name(b, pa, name_a, len_a, hash_a, false);
	dput(pa);
	dput(pb);
}

/*
 * Frees the unused dentries under @parent, leaves first, in passes until
 * one frees nothing (a directory becomes a leaf once its children go).
 * The walk holds the directory it is in, so freeing a child never frees
 * the list being walked.
 */
void shrink_dcache_parent(struct dentry *parent)
{
	bool progress;

	do {
		struct dentry *this = dget(parent);
		struct list_head *next = this->d_subdirs.next;

		progress = false;
		for (;;) {
			while (next != &this->d_subdirs) {
				struct dentry *child = list_entry(next, struct dentry, d_child);

				if (!list_empty(&child->d_subdirs)) {
					this = dget(child);
					next = child->d_subdirs.next;
					continue;
				}
				next = next->next;
				if (!child->d_count) {
					child->d_count = 1;
					d_drop(child);
					dput(child);
					progress = true;
				}
			}
			if (this == parent)
				break;
			{
				struct dentry *done = this;

				next = done->d_child.next;
				this = done->d_parent;
				dput(done);
			}
		}
		dput(parent);
	} while (progress);
}

void shrink_dcache_sb(struct super_block *sb)
{
	shrink_dcache_parent(sb->s_root);
}

/* Prepends @len bytes at @s to the path being built backwards in [buf, *end). */
static bool prepend(char *buf, char **end, const char *s, size_t len)
{
	if ((size_t)(*end - buf) < len)
		return false;
	*end -= len;
	memcpy(*end, s, len);
	return true;
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	struct path root, p = *path;
	char *end = buf + buflen;
	bool deleted = d_unhashed(p.dentry) && !IS_ROOT(p.dentry) &&
		       !(p.dentry->d_flags & DCACHE_DISCONNECTED);

	if (!prepend(buf, &end, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	if (p.dentry->d_flags & DCACHE_DISCONNECTED) {
		/* pipe:[ino] and the like: the name says it all */
		if (!prepend(buf, &end, p.dentry->d_name.name, p.dentry->d_name.len))
			return ERR_PTR(-ENAMETOOLONG);
		return end;
	}
	if (deleted && !prepend(buf, &end, " (deleted)", 10))
		return ERR_PTR(-ENAMETOOLONG);
	root = current_root();
	while (!path_equal(&p, &root)) {
		if (path_is_mnt_root(&p)) {
			if (!follow_up(&p))
				break;		/* outside the caller's root */
			continue;
		}
		if (!prepend(buf, &end, p.dentry->d_name.name, p.dentry->d_name.len) ||
		    !prepend(buf, &end, "/", 1))
			return ERR_PTR(-ENAMETOOLONG);
		p.dentry = p.dentry->d_parent;
	}
	if (*end == '\0' || *end == ' ') {
		if (!prepend(buf, &end, "/", 1))
			return ERR_PTR(-ENAMETOOLONG);
	}
	return end;
}

char *dentry_path_raw(struct dentry *dentry, char *buf, int buflen)
{
	char *end = buf + buflen;

	if (!prepend(buf, &end, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	while (!IS_ROOT(dentry)) {
		if (!prepend(buf, &end, dentry->d_name.name, dentry->d_name.len) ||
		    !prepend(buf, &end, "/", 1))
			return ERR_PTR(-ENAMETOOLONG);
		dentry = dentry->d_parent;
	}
	if (*end == '\0' && !prepend(buf, &end, "/", 1))
		return ERR_PTR(-ENAMETOOLONG);
	return end;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a tree of inodes in kmalloc'd memory (see <linux/ramfs.h>).
 *
 * Path walks go component by component over the caller's string, never
 * copying it, so a walk needs no buffer however long the path. Deep
 * trees are fine: the walk and the freeing of a subtree are loops, and
 * only symbolic links recurse (a link's target is walked as a path of
 * its own), which MAX_NESTED_LINKS bounds to keep within a kernel stack,
 * while MAXSYMLINKS bounds the total work as Linux's 40 does.
 *
 * Directory entries stay sorted by name so that listings are stable and
 * a lookup can stop at the first name past the one it wants.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct inode *root;
static unsigned long next_ino;
static unsigned long data_bytes;
static unsigned long nr_inodes;

/* Walk options */
#define WALK_FOLLOW_LAST	0x1	/* follow a link in the last component */
#define WALK_FOLLOW_INNER	0x2	/* follow links in the other ones */
#define WALK_MKDIR		0x4	/* create missing directories */

struct walk {
	unsigned int flags;
	int links;		/* followed so far */
	int depth;		/* link targets being walked now */
};

static struct inode *new_inode(const char *name, size_t len, unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode) + len + 1, GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->ino = ++next_ino;
	inode->mode = mode;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	INIT_LIST_HEAD(&inode->children);
	INIT_LIST_HEAD(&inode->sibling);
	memcpy(inode->name, name, len);
	nr_inodes++;
	return inode;
}

static void free_inode(struct inode *inode)
{
	data_bytes -= inode->size;
	nr_inodes--;
	kfree(inode->data);
	kfree(inode);
}

/*
 * Compares an entry's name with [name, name + len), as strcmp would with
 * a NUL-terminated copy, never reading past the entry's NUL.
 */
static int name_cmp(const char *entry, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (!entry[i])
			return -1;	/* shorter, or @name holds a NUL */
		if (entry[i] != name[i])
			return (u8)entry[i] - (u8)name[i];
	}
	return entry[len] ? 1 : 0;
}

static struct inode *find_child(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;
	int r;

	list_for_each_entry(child, &dir->children, sibling) {
		r = name_cmp(child->name, name, len);
		if (r == 0)
			return child;
		if (r > 0)
			break;
	}
	return NULL;
}

static void add_child(struct inode *dir, struct inode *inode)
{
	struct inode *child;

	inode->parent = dir;
	list_for_each_entry(child, &dir->children, sibling)
		if (strcmp(child->name, inode->name) > 0)
			break;
	/* before the first greater name, or at the end */
	list_add_tail(&inode->sibling, &child->sibling);
	if (S_ISDIR(inode->mode))
		dir->nlink++;
}

/* Frees @top and its subtree, deepest first, without recursion. */
static void free_tree(struct inode *top)
{
	struct inode *inode = top, *parent;

	for (;;) {
		if (!list_empty(&inode->children)) {
			inode = list_first_entry(&inode->children, struct inode, sibling);
			continue;
		}
		parent = inode->parent;
		list_del(&inode->sibling);
		free_inode(inode);
		if (inode == top)
			return;
		inode = parent;
	}
}

void ramfs_exit(void)
{
	if (root)
		free_tree(root);
	root = NULL;
}

int ramfs_init(void)
{
	ramfs_exit();
	next_ino = 0;
	root = new_inode("/", 1, S_IFDIR | 0755);
	if (!root)
		return -ENOMEM;
	root->parent = root;
	return 0;
}

struct inode *ramfs_root(void)
{
	return root;
}

void ramfs_remove(struct inode *inode)
{
	if (!inode || inode == root)
		return;
	if (S_ISDIR(inode->mode))
		inode->parent->nlink--;
	free_tree(inode);
}

unsigned long ramfs_bytes(void)
{
	return data_bytes;
}

unsigned long ramfs_inodes(void)
{
	return nr_inodes;
}

int ramfs_set_data(struct inode *inode, const void *data, size_t size)
{
	u8 *copy = NULL;

	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (size) {
		copy = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, data, size);
	}
	kfree(inode->data);
	data_bytes += size - inode->size;
	inode->data = copy;
	inode->size = size;
	return 0;
}

/*
 * Splits off the next component of [*p, end), skipping slashes; false
 * when none is left. *last says whether only slashes follow it.
 */
static bool next_component(const char **p, const char *end, const char **name,
			   size_t *len, bool *last)
{
	const char *s = *p;

	while (s < end && *s == '/')
		s++;
	if (s == end)
		return false;
	*name = s;
	while (s < end && *s != '/')
		s++;
	*len = s - *name;
	*p = s;
	while (s < end && *s == '/')
		s++;
	*last = s == end;
	return true;
}

static bool is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static bool is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

static int walk(struct walk *w, struct inode *dir, const char *path,
		size_t plen, struct inode **out);

/* Replaces *@inode, a link found in @dir, by what its target names. */
static int follow_link(struct walk *w, struct inode *dir, struct inode **inode)
{
	unsigned int flags = w->flags;
	int ret;

	if (++w->links > MAXSYMLINKS || w->depth >= MAX_NESTED_LINKS)
		return -ELOOP;
	w->depth++;
	/* a target is a path to read, not to create */
	w->flags = (flags & ~WALK_MKDIR) | WALK_FOLLOW_LAST | WALK_FOLLOW_INNER;
	ret = walk(w, dir, (const char *)(*inode)->data, (*inode)->size, inode);
	w->flags = flags;
	w->depth--;
	return ret;
}

/* One step from directory @cur to its entry @name; *@next gets it. */
static int step(struct walk *w, struct inode *cur, const char *name, size_t len,
		bool last, bool slash, struct inode **next)
{
	struct inode *child;

	if (!S_ISDIR(cur->mode))
		return -ENOTDIR;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (is_dot(name, len) || is_dotdot(name, len)) {
		*next = is_dot(name, len) ? cur : cur->parent;
		return 0;
	}
	child = find_child(cur, name, len);
	if (!child && !(w->flags & WALK_MKDIR))
		return -ENOENT;
	if (!child) {
		child = new_inode(name, len, S_IFDIR | 0755);
		if (!child)
			return -ENOMEM;
		add_child(cur, child);
	}
	*next = child;
	if (!S_ISLNK(child->mode))
		return 0;
	/* a trailing slash asks for what the link points to */
	if ((last && !slash) ? (w->flags & WALK_FOLLOW_LAST) :
			       (w->flags & WALK_FOLLOW_INNER))
		return follow_link(w, cur, next);
	return 0;
}

static int walk(struct walk *w, struct inode *dir, const char *path,
		size_t plen, struct inode **out)
{
	const char *p = path, *end = path + plen, *name;
	struct inode *cur = dir;
	bool last = false;
	size_t len;
	int ret;

	if (!plen)
		return -ENOENT;
	if (path[0] == '/')
		cur = root;
	while (next_component(&p, end, &name, &len, &last)) {
		ret = step(w, cur, name, len, last, p != end, &cur);
		if (ret)
			return ret;
	}
	if (path[plen - 1] == '/' && !S_ISDIR(cur->mode))
		return -ENOTDIR;
	*out = cur;
	return 0;
}

static int check_path(struct inode *dir, const char *path, size_t *plen)
{
	if (!dir)
		return -ENOENT;
	*plen = strnlen(path, PATH_MAX);
	if (*plen >= PATH_MAX)
		return -ENAMETOOLONG;
	return *plen ? 0 : -ENOENT;
}

int ramfs_lookup_at(struct inode *dir, const char *path, unsigned int flags,
		    struct inode **out)
{
	struct walk w = { .flags = WALK_FOLLOW_INNER };
	size_t plen;
	int ret;

	ret = check_path(dir, path, &plen);
	if (ret)
		return ret;
	if (!(flags & LOOKUP_NOFOLLOW))
		w.flags |= WALK_FOLLOW_LAST;
	return walk(&w, dir, path, plen, out);
}

int ramfs_lookup(const char *path, struct inode **out)
{
	return ramfs_lookup_at(root, path, 0, out);
}

static int check_new(unsigned int mode, const void *data, size_t size)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return size ? -EINVAL : 0;
	case S_IFREG:
		return 0;
	case S_IFLNK:
		if (!size)
			return -ENOENT;
		if (size >= PATH_MAX)
			return -ENAMETOOLONG;
		return memchr(data, '\0', size) ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/* The directory to create the last component in (made if missing). */
static int create_parent(struct inode *dir, const char *path, size_t start,
			 struct inode **parent)
{
	struct walk w = { .flags = WALK_MKDIR };

	if (!start) {
		*parent = dir;
		return 0;
	}
	return walk(&w, dir, path, start, parent);
}

/* What the last component [name, name + len) of a create names, if anything. */
static struct inode *existing(struct inode *parent, const char *name, size_t len)
{
	if (!len)
		return parent;	/* the path was all slashes: the root */
	if (is_dot(name, len))
		return parent;
	if (is_dotdot(name, len))
		return parent->parent;
	return find_child(parent, name, len);
}

static int add_new(struct inode *parent, const char *name, size_t len,
		   unsigned int mode, const void *data, size_t size,
		   struct inode **out)
{
	struct inode *inode = new_inode(name, len, mode);
	int ret;

	if (!inode)
		return -ENOMEM;
	if (size) {
		ret = ramfs_set_data(inode, data, size);
		if (ret) {
			free_inode(inode);
			return ret;
		}
	}
	add_child(parent, inode);
	if (out)
		*out = inode;
	return 0;
}

int ramfs_create_at(struct inode *dir, const char *path, unsigned int mode,
		    const void *data, size_t size, struct inode **out)
{
	struct inode *parent, *old;
	size_t plen, end, start;
	int ret;

	ret = check_path(dir, path, &plen);
	if (!ret)
		ret = check_new(mode, data, size);
	if (ret)
		return ret;
	if (path[0] == '/')
		dir = root;
	end = plen;
	while (end && path[end - 1] == '/')
		end--;
	if (end < plen && !S_ISDIR(mode))
		return -EISDIR;
	start = end;
	while (start && path[start - 1] != '/')
		start--;
	if (end - start > NAME_MAX)
		return -ENAMETOOLONG;
	ret = create_parent(dir, path, start, &parent);
	if (ret)
		return ret;
	if (!S_ISDIR(parent->mode))
		return -ENOTDIR;
	old = existing(parent, path + start, end - start);
	if (!old)
		return add_new(parent, path + start, end - start, mode, data, size, out);
	if (!S_ISDIR(old->mode) || !S_ISDIR(mode))
		return -EEXIST;
	if (out)
		*out = old;
	return 0;
}

int ramfs_create(const char *path, unsigned int mode, const void *data,
		 size_t size, struct inode **out)
{
	return ramfs_create_at(root, path, mode, data, size, out);
}

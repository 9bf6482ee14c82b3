// SPDX-License-Identifier: GPL-2.0
/*
 * Path names (see <linux/namei.h>).
 *
 * A walk keeps its place in a nameidata: the path it stands on (held),
 * and the last component of what it was given, left for the caller,
 * which decides what the last name means: look it up (stat, open),
 * create it (mkdir, O_CREAT) or act on it in its parent (unlink,
 * rename). link_path_walk() goes through every component but the last.
 *
 * Symbolic links are followed by walking their target as a path of its
 * own from the link's directory (or from the root for an absolute one).
 * A link met in the middle of a path (or of another link's target) is
 * pushed on the walk's stack of links, with what follows it, and its
 * body walked in the same loop: nesting costs no kernel stack. A link
 * in last place is follow_link()'s. MAXSYMLINKS (40) bounds the links
 * of a whole walk, nested or one after another, as Linux: a loop
 * always ends in -ELOOP.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* A link whose body is being walked, and what follows it where it was met. */
struct saved_link {
	struct path link;		/* held: the body may be its inode's */
	struct delayed_call done;	/* frees the body */
	const char *name;
};

struct nameidata {
	struct path path;		/* where the walk stands (held) */
	struct path root;		/* the task's root (held) */
	struct qstr last;		/* the last component, into the name */
	int last_type;			/* LAST_* */
	bool last_slash;		/* the last component had a '/' after it */
	int total_links;
	int depth;			/* entries of stack in use */
	struct saved_link *stack;	/* MAXSYMLINKS of them, allocated at the first link */
	bool create_last;		/* open(O_CREAT): a dangling last link names what to make */
	bool jumped;			/* the last link's get_link moved the walk (nd_jump_link) */
	struct nameidata *saved;	/* current->nameidata before this walk */
	char create_name[NAME_MAX + 1];	/* ... and its name, kept past the link's text */
};

/* follow_link: the last link points to a missing name, which O_CREAT will make. */
#define FOLLOW_CREATE	1

char *getname_flags(const char *upath, unsigned int lookup_flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, upath, PATH_MAX);
	if (len < 0 || len >= PATH_MAX || (!len && !(lookup_flags & LOOKUP_EMPTY))) {
		kfree(name);
		return ERR_PTR(len < 0 ? -EFAULT : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

char *getname(const char *upath)
{
	return getname_flags(upath, 0);
}

void putname(char *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* Where a walk of @name starts: the root, the cwd or the directory @dfd. */
static int path_init(struct nameidata *nd, int dfd, const char *name)
{
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;

	memset(nd, 0, sizeof(*nd));
	nd->root = fs->root;
	path_get(&nd->root);
	if (*name == '/') {
		nd->path = nd->root;
	} else if (dfd == AT_FDCWD) {
		nd->path = fs->pwd;
	} else {
		struct file *f = fget_raw_noref(dfd);

		if (!f) {
			path_put(&nd->root);
			return -EBADF;
		}
		if (*name && !S_ISDIR(file_inode(f)->i_mode)) {
			path_put(&nd->root);
			return -ENOTDIR;
		}
		nd->path = f->f_path;
	}
	path_get(&nd->path);
	nd->saved = current->nameidata;
	current->nameidata = nd;
	return 0;
}

void nd_jump_link(struct path *path)
{
	struct nameidata *nd = current->nameidata;

	path_put(&nd->path);
	nd->path = *path;
	nd->jumped = true;
}

static const char *pop_link(struct nameidata *nd);

static void terminate_walk(struct nameidata *nd)
{
	while (nd->depth)
		pop_link(nd);
	kfree(nd->stack);
	current->nameidata = nd->saved;
	path_put(&nd->path);
	path_put(&nd->root);
}

/* Validates a cached dentry with its filesystem (proc's pids may be gone). */
static struct dentry *revalidate(struct dentry *dentry)
{
	if (dentry->d_op && dentry->d_op->d_revalidate &&
	    !dentry->d_op->d_revalidate(dentry, 0)) {
		d_drop(dentry);
		dput(dentry);
		return NULL;
	}
	return dentry;
}

struct dentry *lookup_one_qstr(struct dentry *parent, const struct qstr *name)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry, *old;
	struct qstr q = *name;

	q.hash = full_name_hash(parent, q.name, q.len);
	dentry = d_lookup(parent, &q);
	if (dentry && (dentry = revalidate(dentry)))
		return dentry;
	if (!dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	dentry = d_alloc(parent, &q);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	if (dir->i_flags & S_DEAD) {
		/* a removed directory: nothing is there, nothing is cached */
		return dentry;
	}
	old = dir->i_op->lookup(dir, dentry, 0);
	if (old) {
		dput(dentry);
		return old;	/* an error, or the dentry the filesystem had */
	}
	return dentry;
}

static int handle_dotdot(struct nameidata *nd)
{
	struct dentry *parent;

	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			return 0;	/* ".." of the root is the root */
		if (!path_is_mnt_root(&nd->path))
			break;
		{
			struct path up = nd->path;

			if (!follow_up(&up))
				return 0;
			path_get(&up);
			path_put(&nd->path);
			nd->path = up;
		}
	}
	parent = dget(nd->path.dentry->d_parent);
	dput(nd->path.dentry);
	nd->path.dentry = parent;
	follow_down(&nd->path);
	return 0;
}

static int link_path_walk(struct nameidata *nd, const char *name);

/*
 * The text of the link @inode (at @dentry): its i_link, or what its
 * get_link makes (freed by @done); -ENOENT for an empty one. A link
 * followed by a jump has been followed already: its text is "", the
 * walk standing where it leads (nd->jumped).
 */
static const char *link_body(struct nameidata *nd, struct dentry *dentry,
			     struct inode *inode, struct delayed_call *done)
{
	const char *body = inode->i_link;

	nd->jumped = false;
	if (!body && inode->i_op && inode->i_op->get_link)
		body = inode->i_op->get_link(dentry, inode, done);
	if (IS_ERR(body))
		return body;
	if (!body && nd->jumped)
		return "";
	if (!body || !*body) {
		do_delayed_call(done);
		return ERR_PTR(-ENOENT);
	}
	return body;
}

/*
 * Follows the trailing link at @link (the walk stands in its directory):
 * its body is walked as a path of its own, then the body's last
 * component taken. A body whose last component is a link again is
 * followed in this loop; links in the middle of a body are
 * link_path_walk's, which follows them without recursion.
 */
static int follow_link(struct nameidata *nd, struct path *link)
{
	struct path cur = *link;
	int err;

	path_get(&cur);
	for (;;) {
		struct delayed_call done = { NULL, NULL };
		const char *body;
		bool slash;

		err = -ELOOP;
		if (++nd->total_links > MAXSYMLINKS)
			break;
		body = link_body(nd, cur.dentry, d_inode(cur.dentry), &done);
		if (IS_ERR(body)) {
			err = PTR_ERR(body);
			break;
		}
		if (nd->jumped) {
			do_delayed_call(&done);
			err = 0;
			if (nd->last_slash && !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
				err = -ENOTDIR;
			break;
		}
		err = link_path_walk(nd, body);
		slash = nd->last_slash;
		if (!err && nd->last_type == LAST_NORM) {
			struct dentry *d = lookup_one_qstr(nd->path.dentry, &nd->last);

			if (!IS_ERR(d) && d_really_is_negative(d) && nd->last.len <= NAME_MAX) {
				/* kept for O_CREAT: the text goes with the delayed call */
				memcpy(nd->create_name, nd->last.name, nd->last.len);
				nd->create_name[nd->last.len] = '\0';
				nd->last.name = nd->create_name;
			}
			do_delayed_call(&done);		/* nd->last is used up */
			if (IS_ERR(d)) {
				err = PTR_ERR(d);
				break;
			}
			if (d_really_is_negative(d)) {
				dput(d);
				err = -ENOENT;
				if (nd->create_last && nd->last.name == nd->create_name)
					err = FOLLOW_CREATE;
				break;
			}
			path_put(&cur);
			cur.mnt = mntget(nd->path.mnt);
			cur.dentry = d;
			follow_down(&cur);
			if (S_ISLNK(d_inode(cur.dentry)->i_mode))
				continue;	/* a link to a link: on to the next */
			path_put(&nd->path);
			nd->path = cur;
			path_get(&nd->path);
		} else {
			if (!err && nd->last_type == LAST_DOTDOT)
				err = handle_dotdot(nd);
			do_delayed_call(&done);
		}
		if (!err && slash && !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
			err = -ENOTDIR;
		break;
	}
	path_put(&cur);
	return err;
}

/*
 * The step from the walk's directory to its child @name: "." and ".."
 * are taken (0); any other name is looked up into @next, held, with
 * mounts crossed (1). A missing name is -ENOENT.
 */
static int lookup_step(struct nameidata *nd, const struct qstr *name, int type,
		       struct path *next)
{
	struct dentry *d;

	if (type == LAST_DOT || type == LAST_ROOT)
		return 0;
	if (type == LAST_DOTDOT)
		return handle_dotdot(nd);
	d = lookup_one_qstr(nd->path.dentry, name);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (d_really_is_negative(d)) {
		dput(d);
		return -ENOENT;
	}
	next->mnt = mntget(nd->path.mnt);
	next->dentry = d;
	follow_down(next);
	return 1;
}

/* Steps to the last component @name; a link there is followed when @follow. */
static int walk_component(struct nameidata *nd, const struct qstr *name, int type,
			  bool follow)
{
	struct path next;
	int err = lookup_step(nd, name, type, &next);

	if (err <= 0)
		return err;
	if (follow && S_ISLNK(d_inode(next.dentry)->i_mode)) {
		err = follow_link(nd, &next);
		path_put(&next);
		return err;
	}
	path_put(&nd->path);
	nd->path = next;
	return 0;
}

/*
 * Starts on the body of the link @link met in the middle of a path,
 * @after being what follows it there (held on nd->stack until the body
 * is walked): the body, or an error (and @link put). Every link of a
 * walk counts towards MAXSYMLINKS, so the stack never holds more.
 */
static const char *push_link(struct nameidata *nd, struct path *link, const char *after)
{
	struct saved_link *last;
	const char *body;

	if (++nd->total_links > MAXSYMLINKS) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	if (!nd->stack) {
		nd->stack = kmalloc(MAXSYMLINKS * sizeof(*nd->stack), GFP_KERNEL);
		if (!nd->stack) {
			path_put(link);
			return ERR_PTR(-ENOMEM);
		}
	}
	last = &nd->stack[nd->depth];
	last->done.fn = NULL;
	body = link_body(nd, link->dentry, d_inode(link->dentry), &last->done);
	if (IS_ERR(body)) {
		path_put(link);
		return body;
	}
	last->link = *link;
	last->name = after;
	nd->depth++;
	return body;
}

/* Done with the body on top of nd->stack: what followed its link. */
static const char *pop_link(struct nameidata *nd)
{
	struct saved_link *last = &nd->stack[--nd->depth];

	do_delayed_call(&last->done);
	path_put(&last->link);
	return last->name;
}

/* Splits off the component at @s: its length, and its LAST_* type. */
static int component(const char *s, u32 *len)
{
	u32 n = 0;

	while (s[n] && s[n] != '/')
		n++;
	*len = n;
	if (s[0] == '.' && n == 1)
		return LAST_DOT;
	if (s[0] == '.' && s[1] == '.' && n == 2)
		return LAST_DOTDOT;
	return LAST_NORM;
}

/*
 * Walks every component of @name but the last, which is left in
 * nd->last (LAST_ROOT if @name is "/" or ends at a directory it named
 * by slashes only). A link on the way is followed by walking its body
 * in the same loop, what came after it kept on nd->stack: a body's
 * last component is walked like any other, then the walk goes on after
 * the link. So links nest as deep as MAXSYMLINKS allows without using
 * the kernel stack.
 */
static int link_path_walk(struct nameidata *nd, const char *name)
{
	int base = nd->depth;

	nd->last_type = LAST_ROOT;
	nd->last_slash = false;
	for (;;) {
		struct inode *dir;
		struct path next;
		const char *rest;
		int type, err;
		u32 len;

		if (*name == '/') {
			path_put(&nd->path);
			nd->path = nd->root;
			path_get(&nd->path);
			while (*name == '/')
				name++;
		}
		if (!*name) {
			if (nd->depth == base)
				return 0;	/* "/" */
			name = pop_link(nd);	/* a body that named the root */
			continue;
		}
		dir = d_inode(nd->path.dentry);
		if (!S_ISDIR(dir->i_mode))
			return -ENOTDIR;
		err = inode_permission(dir, MAY_EXEC);
		if (err)
			return err;
		type = component(name, &len);
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		rest = name + len;
		while (*rest == '/')
			rest++;
		nd->last.name = name;
		nd->last.len = len;
		if (!*rest && nd->depth == base) {
			nd->last_type = type;
			nd->last_slash = name[len] == '/';
			return 0;
		}
		err = lookup_step(nd, &nd->last, type, &next);
		if (err < 0)
			return err;
		if (err && S_ISLNK(d_inode(next.dentry)->i_mode)) {
			name = push_link(nd, &next, rest);
			if (IS_ERR(name))
				return PTR_ERR(name);
			continue;
		}
		if (err) {
			path_put(&nd->path);
			nd->path = next;
		}
		/* the last component of a body: on after its link */
		while (!*rest && nd->depth > base)
			rest = pop_link(nd);
		name = rest;
	}
}

/* Resolves the last component too: for lookups (stat, chdir, open without O_CREAT). */
static int lookup_last(struct nameidata *nd, unsigned int flags)
{
	bool slash = nd->last_slash;
	int err;

	if (nd->last_type == LAST_NORM && !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
		return -ENOTDIR;
	err = walk_component(nd, &nd->last, nd->last_type,
			     (flags & LOOKUP_FOLLOW) || slash);
	if (err)
		return err;
	if ((slash || (flags & LOOKUP_DIRECTORY)) &&
	    !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
		return -ENOTDIR;
	return 0;
}

int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err;

	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	err = path_init(&nd, dfd, name);
	if (err)
		return err;
	err = link_path_walk(&nd, name);
	if (!err)
		err = lookup_last(&nd, flags);
	if (!err) {
		*path = nd.path;
		path_get(path);
	}
	terminate_walk(&nd);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, name, flags, path);
}

int user_path_at(int dfd, const char *uname, unsigned int flags, struct path *path)
{
	char *name = getname_flags(uname, flags);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(dfd, name, flags, path);
	putname(name);
	return err;
}

int filename_parentat(int dfd, const char *name, unsigned int flags,
		      struct path *parent, struct qstr *last, int *type)
{
	struct nameidata nd;
	int err;

	(void)flags;
	if (!*name)
		return -ENOENT;
	err = path_init(&nd, dfd, name);
	if (err)
		return err;
	err = link_path_walk(&nd, name);
	if (!err && !S_ISDIR(d_inode(nd.path.dentry)->i_mode))
		err = -ENOTDIR;
	if (!err) {
		*parent = nd.path;
		path_get(parent);
		*last = nd.last;
		*type = nd.last_type;
	}
	terminate_walk(&nd);
	return err;
}

struct dentry *kern_path_create(int dfd, const char *name, struct path *path,
				unsigned int lookup_flags)
{
	struct dentry *dentry;
	struct qstr last;
	int type, err;

	err = filename_parentat(dfd, name, 0, path, &last, &type);
	if (err)
		return ERR_PTR(err);
	if (type != LAST_NORM) {
		path_put(path);
		return ERR_PTR(-EEXIST);
	}
	dentry = lookup_one_qstr(path->dentry, &last);
	if (IS_ERR(dentry)) {
		path_put(path);
		return dentry;
	}
	if (!d_really_is_negative(dentry)) {
		dput(dentry);
		path_put(path);
		return ERR_PTR(-EEXIST);
	}
	/* "name/" may only make a directory */
	if (last.name[last.len] == '/' && !(lookup_flags & LOOKUP_DIRECTORY)) {
		dput(dentry);
		path_put(path);
		return ERR_PTR(-ENOENT);
	}
	return dentry;
}

void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	path_put(path);
}

/* Whether names may be made in @dir. */
static int may_create(struct inode *dir)
{
	if (dir->i_flags & S_DEAD)
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG, excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = d_inode(old);
	int err = may_create(dir);

	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	/* unlinked meanwhile, or an O_TMPFILE made with O_EXCL */
	if (!inode->i_nlink && !(inode->i_state & I_LINKABLE))
		return -ENOENT;
	err = dir->i_op->link(old, dir, new);
	if (!err)
		inode->i_state &= ~I_LINKABLE;	/* named once: now a file as others */
	return err;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (S_ISDIR(d_inode(dentry)->i_mode))
		return -EISDIR;
	if (d_mountpoint(dentry))
		return -EBUSY;
	if (!dir->i_op->unlink)
		return -EPERM;
	err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_delete(dentry);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	struct inode *inode = d_inode(dentry);

	if (err)
		return err;
	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (d_mountpoint(dentry) || IS_ROOT(dentry))
		return -EBUSY;
	if (!dir->i_op->rmdir)
		return -EPERM;
	shrink_dcache_parent(dentry);
	err = dir->i_op->rmdir(dir, dentry);
	if (!err) {
		inode->i_flags |= S_DEAD;
		d_delete(dentry);
	}
	return err;
}

/* Whether @d is @ancestor or below it. */
static bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (IS_ROOT(d))
			return false;
		d = d->d_parent;
	}
}


int vfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
	       struct dentry *new, unsigned int flags)
{
	struct inode *source = d_inode(old), *target = d_inode(new);
	bool is_dir = S_ISDIR(source->i_mode);
	int err;

	if (source == target)
		return 0;
	err = inode_permission(old_dir, MAY_WRITE | MAY_EXEC);
	if (!err)
		err = may_create(new_dir);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE) {
		if (!target)
			return -ENOENT;
	} else if (target) {
		if (flags & RENAME_NOREPLACE)
			return -EEXIST;
		if (is_dir && !S_ISDIR(target->i_mode))
			return -ENOTDIR;
		if (!is_dir && S_ISDIR(target->i_mode))
			return -EISDIR;
	}
	/* a directory cannot move into itself */
	if (is_dir && is_subdir(new->d_parent, old))
		return -EINVAL;
	if (target && (flags & RENAME_EXCHANGE) && S_ISDIR(target->i_mode) &&
	    is_subdir(old->d_parent, new))
		return -EINVAL;
	if (d_mountpoint(old) || d_mountpoint(new))
		return -EBUSY;
	if (!old_dir->i_op->rename)
		return -EPERM;
	if (target && S_ISDIR(target->i_mode) && !(flags & RENAME_EXCHANGE))
		shrink_dcache_parent(new);
	err = old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE) {
		d_exchange(old, new);
	} else {
		if (target && S_ISDIR(target->i_mode))
			target->i_flags |= S_DEAD;
		d_move(old, new);
	}
	return 0;
}

/* What open() asks of the inode it found (Linux's may_open). */
static int may_open(const struct path *path, unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);
	unsigned int acc = flags & O_ACCMODE;
	int mask = 0;

	if (flags & O_PATH)
		return 0;
	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		mask |= MAY_WRITE;
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if ((mask & MAY_WRITE) || (flags & O_CREAT))
			return -EISDIR;
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (path->mnt->mnt_flags & MNT_NODEV)
			return -EACCES;
		flags &= ~O_TRUNC;
		break;
	case S_IFIFO:
	case S_IFSOCK:
		flags &= ~O_TRUNC;
		break;
	}
	if ((mask & MAY_WRITE) && mnt_is_readonly(path->mnt) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)))
		return -EROFS;
	return inode_permission(inode, mask);
}

/*
 * O_TMPFILE: a new regular file in the directory @parent with no name
 * (an unhashed dentry "#ino", link count 0), freed at its last close
 * unless linkat names it first, which O_EXCL forbids.
 */
static struct dentry *vfs_tmpfile(struct path *parent, umode_t mode, unsigned int flags)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct inode *dir = d_inode(parent->dentry);
	struct dentry *child;
	int err = may_create(dir);

	if (err)
		return ERR_PTR(err);
	if (!dir->i_op || !dir->i_op->tmpfile)
		return ERR_PTR(-EOPNOTSUPP);
	if (mnt_is_readonly(parent->mnt))
		return ERR_PTR(-EROFS);
	child = d_alloc(parent->dentry, &slash);
	if (!child)
		return ERR_PTR(-ENOMEM);
	err = dir->i_op->tmpfile(dir, child, (mode & S_IALLUGO) | S_IFREG);
	if (err) {
		dput(child);
		return ERR_PTR(err);
	}
	if (!(flags & O_EXCL))
		d_inode(child)->i_state |= I_LINKABLE;
	return child;
}

/*
 * open(2) of @name: the walk to the last component, then the last
 * component created (O_CREAT), or looked up and followed (unless
 * O_NOFOLLOW), checked (may_open), truncated (O_TRUNC) and opened.
 */
struct file *do_filp_open(int dfd, const char *name, unsigned int flags,
			  umode_t mode, int *err)
{
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;
	struct nameidata nd;
	struct file *f = NULL;
	bool created = false;
	int ret;

	if (!*name) {
		*err = -ENOENT;
		return NULL;
	}
	ret = path_init(&nd, dfd, name);
	if (ret) {
		*err = ret;
		return NULL;
	}
	ret = link_path_walk(&nd, name);
	if (ret)
		goto out;
	if (flags & __O_TMPFILE) {
		/* @name is the directory: the file is made in it */
		struct dentry *d;

		ret = lookup_last(&nd, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
		if (ret)
			goto out;
		d = vfs_tmpfile(&nd.path, mode & ~fs->umask, flags);
		if (IS_ERR(d)) {
			ret = PTR_ERR(d);
			goto out;
		}
		dput(nd.path.dentry);
		nd.path.dentry = d;
		created = true;
	} else if (!(flags & O_CREAT) || nd.last_type != LAST_NORM) {
		if ((flags & O_CREAT) && nd.last_type != LAST_NORM) {
			ret = -EISDIR;
			goto out;
		}
		ret = lookup_last(&nd, flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW);
		if (!ret && (flags & O_DIRECTORY) &&
		    !S_ISDIR(d_inode(nd.path.dentry)->i_mode))
			ret = -ENOTDIR;
		if (ret)
			goto out;
	} else {
		/* the last name, made if missing; a link to a missing name makes that */
		for (;;) {
			struct inode *dir = d_inode(nd.path.dentry);
			struct dentry *d;

			if (nd.last_slash) {
				ret = -EISDIR;
				goto out;
			}
			d = lookup_one_qstr(nd.path.dentry, &nd.last);
			if (IS_ERR(d)) {
				ret = PTR_ERR(d);
				goto out;
			}
			if (d_really_is_negative(d)) {
				if (mnt_is_readonly(nd.path.mnt)) {
					ret = -EROFS;
				} else {
					ret = vfs_create(dir, d, mode & ~fs->umask, flags & O_EXCL);
					created = !ret;
				}
				if (ret) {
					dput(d);
					goto out;
				}
				dput(nd.path.dentry);
				nd.path.dentry = d;
			} else if (flags & O_EXCL) {
				dput(d);
				ret = -EEXIST;
				goto out;
			} else {
				struct path next = { mntget(nd.path.mnt), d };

				follow_down(&next);
				if (S_ISLNK(d_inode(next.dentry)->i_mode) && !(flags & O_NOFOLLOW)) {
					nd.create_last = true;
					ret = follow_link(&nd, &next);
					path_put(&next);
					if (ret == FOLLOW_CREATE)
						continue;	/* nd.last: the missing target */
					if (ret)
						goto out;
				} else {
					path_put(&nd.path);
					nd.path = next;
				}
			}
			break;
		}
		if (S_ISDIR(d_inode(nd.path.dentry)->i_mode)) {
			ret = -EISDIR;
			goto out;
		}
	}
	ret = may_open(&nd.path, flags);
	if (ret)
		goto out;
	/* O_TRUNC truncates even with O_RDONLY, as Linux (write permission is what counts) */
	if ((flags & O_TRUNC) && !created && S_ISREG(d_inode(nd.path.dentry)->i_mode) &&
	    !(flags & O_PATH)) {
		ret = inode_permission(d_inode(nd.path.dentry), MAY_WRITE);
		if (!ret)
			ret = do_truncate(nd.path.dentry, 0);
	}
	if (!ret)
		f = dentry_open(&nd.path, flags, &ret);
out:
	terminate_walk(&nd);
	*err = ret;
	return f;
}

/* The *at calls: names from user space, relative to @dfd. */

long sys_mknodat(int dfd, const char *uname, umode_t mode, unsigned int dev)
{
	struct fs_struct *fs = current->fs;
	struct dentry *dentry;
	struct path path;
	char *name;
	long err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	name = getname(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = kern_path_create(dfd, name, &path, 0);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode = (mode & S_IFMT) | (mode & ~fs->umask & S_IALLUGO);
	if (mnt_is_readonly(path.mnt))
		err = -EROFS;
	else if (S_ISREG(mode))
		err = vfs_create(d_inode(path.dentry), dentry, mode, true);
	else if ((S_ISCHR(mode) || S_ISBLK(mode)) && (path.mnt->mnt_flags & MNT_NODEV))
		err = -EPERM;
	else
		err = vfs_mknod(d_inode(path.dentry), dentry, mode, new_decode_dev(dev));
	done_path_create(&path, dentry);
	return err;
}

long sys_mknod(const char *uname, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, uname, mode, dev);
}

long sys_mkdirat(int dfd, const char *uname, umode_t mode)
{
	struct dentry *dentry;
	struct path path;
	char *name;
	long err;

	name = getname(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = kern_path_create(dfd, name, &path, LOOKUP_DIRECTORY);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	if (mnt_is_readonly(path.mnt))
		err = -EROFS;
	else
		err = vfs_mkdir(d_inode(path.dentry), dentry, mode & ~current->fs->umask);
	done_path_create(&path, dentry);
	return err;
}

long sys_mkdir(const char *uname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, uname, mode);
}

/*
 * The parent of @uname and a held dentry for its last component, for
 * unlink and rmdir: the errors Linux gives for ".", ".." and "/" first.
 */
static long lookup_for_removal(int dfd, const char *uname, bool dir, struct path *parent,
			       struct dentry **dentry)
{
	struct qstr last;
	char *name;
	long err;
	int type;

	name = getname(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_parentat(dfd, name, 0, parent, &last, &type);
	if (err)
		goto out;
	if (type != LAST_NORM) {
		err = !dir ? -EISDIR : type == LAST_DOT ? -EINVAL :
		      type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		path_put(parent);
		goto out;
	}
	*dentry = lookup_one_qstr(parent->dentry, &last);
	if (IS_ERR(*dentry)) {
		err = PTR_ERR(*dentry);
	} else if (d_really_is_negative(*dentry)) {
		dput(*dentry);
		err = -ENOENT;
	} else if (!dir && last.name[last.len] == '/') {
		/* "file/": the name must be a directory, and unlink refuses those */
		err = S_ISDIR(d_inode(*dentry)->i_mode) ? -EISDIR : -ENOTDIR;
		dput(*dentry);
	} else if (mnt_is_readonly(parent->mnt)) {
		dput(*dentry);
		err = -EROFS;
	}
	if (err)
		path_put(parent);
out:
	putname(name);
	return err;
}

/* unlink (or with @dir, rmdir) of @uname from @dfd. */
static long do_remove(int dfd, const char *uname, bool dir)
{
	struct dentry *dentry;
	struct path parent;
	long err = lookup_for_removal(dfd, uname, dir, &parent, &dentry);

	if (err)
		return err;
	err = dir ? vfs_rmdir(d_inode(parent.dentry), dentry) :
		    vfs_unlink(d_inode(parent.dentry), dentry);
	dput(dentry);
	path_put(&parent);
	return err;
}

long sys_unlinkat(int dfd, const char *uname, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, uname, flag & AT_REMOVEDIR);
}

long sys_unlink(const char *uname)
{
	return do_remove(AT_FDCWD, uname, false);
}

long sys_rmdir(const char *uname)
{
	return do_remove(AT_FDCWD, uname, true);
}

long sys_symlinkat(const char *utarget, int dfd, const char *uname)
{
	struct dentry *dentry;
	struct path path;
	char *target, *name;
	long err;

	target = getname(utarget);
	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname(uname);
	if (IS_ERR(name)) {
		putname(target);
		return PTR_ERR(name);
	}
	dentry = kern_path_create(dfd, name, &path, 0);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
	} else {
		err = mnt_is_readonly(path.mnt) ? -EROFS :
		      vfs_symlink(d_inode(path.dentry), dentry, target);
		done_path_create(&path, dentry);
	}
	putname(name);
	putname(target);
	return err;
}

long sys_symlink(const char *utarget, const char *uname)
{
	return sys_symlinkat(utarget, AT_FDCWD, uname);
}

long sys_linkat(int olddfd, const char *uold, int newdfd, const char *unew, int flags)
{
	unsigned int how = 0;
	struct dentry *dentry;
	struct path old, path;
	char *name;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		how |= LOOKUP_EMPTY;
	err = user_path_at(olddfd, uold, how, &old);
	if (err)
		return err;
	name = getname(unew);
	if (IS_ERR(name)) {
		path_put(&old);
		return PTR_ERR(name);
	}
	dentry = kern_path_create(newdfd, name, &path, 0);
	putname(name);
	if (IS_ERR(dentry)) {
		path_put(&old);
		return PTR_ERR(dentry);
	}
	if (old.mnt != path.mnt)
		err = -EXDEV;
	else if (mnt_is_readonly(path.mnt))
		err = -EROFS;
	else
		err = vfs_link(old.dentry, d_inode(path.dentry), dentry);
	done_path_create(&path, dentry);
	path_put(&old);
	return err;
}

long sys_link(const char *uold, const char *unew)
{
	return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

long sys_renameat2(int olddfd, const char *uold, int newdfd, const char *unew,
		   unsigned int flags)
{
	struct path old_parent, new_parent;
	struct dentry *old = NULL, *new = NULL;
	struct qstr old_last, new_last;
	int old_type, new_type;
	char *oldname, *newname = NULL;
	long err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL;		/* no overlay filesystems here */
	oldname = getname(uold);
	if (IS_ERR(oldname))
		return PTR_ERR(oldname);
	newname = getname(unew);
	if (IS_ERR(newname)) {
		putname(oldname);
		return PTR_ERR(newname);
	}
	err = filename_parentat(olddfd, oldname, 0, &old_parent, &old_last, &old_type);
	if (err)
		goto out_names;
	err = filename_parentat(newdfd, newname, 0, &new_parent, &new_last, &new_type);
	if (err)
		goto out_old_parent;
	err = -EXDEV;
	if (old_parent.mnt != new_parent.mnt)
		goto out_parents;
	err = -EBUSY;
	if (old_type != LAST_NORM)
		goto out_parents;
	if (new_type != LAST_NORM) {
		err = (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
		goto out_parents;
	}
	err = -EROFS;
	if (mnt_is_readonly(old_parent.mnt))
		goto out_parents;
	old = lookup_one_qstr(old_parent.dentry, &old_last);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		old = NULL;
		goto out_parents;
	}
	err = -ENOENT;
	if (d_really_is_negative(old))
		goto out_dentries;
	new = lookup_one_qstr(new_parent.dentry, &new_last);
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		new = NULL;
		goto out_dentries;
	}
	err = -ENOTDIR;
	if (!S_ISDIR(d_inode(old)->i_mode) &&
	    (old_last.name[old_last.len] == '/' ||
	     (!(flags & RENAME_EXCHANGE) && new_last.name[new_last.len] == '/')))
		goto out_dentries;
	/* the target must not be an ancestor of the source */
	err = -ENOTEMPTY;
	if (!(flags & RENAME_EXCHANGE) && d_inode(new) && is_subdir(old, new) && old != new)
		goto out_dentries;
	err = vfs_rename(d_inode(old_parent.dentry), old, d_inode(new_parent.dentry), new,
			 flags);
out_dentries:
	dput(new);
	dput(old);
out_parents:
	path_put(&new_parent);
out_old_parent:
	path_put(&old_parent);
out_names:
	putname(newname);
	putname(oldname);
	return err;
}

long sys_renameat(int olddfd, const char *uold, int newdfd, const char *unew)
{
	return sys_renameat2(olddfd, uold, newdfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

long sys_readlinkat(int dfd, const char *uname, char *ubuf, int bufsiz)
{
	struct delayed_call done = { NULL, NULL };
	struct inode *inode;
	struct path path;
	const char *body;
	long err;
	size_t len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, uname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = d_inode(path.dentry);
	if (inode->i_op && inode->i_op->readlink) {
		err = inode->i_op->readlink(path.dentry, ubuf, bufsiz);
		path_put(&path);
		return err;
	}
	body = inode->i_link;
	if (!body && inode->i_op && inode->i_op->get_link && S_ISLNK(inode->i_mode))
		body = inode->i_op->get_link(path.dentry, inode, &done);
	if (!S_ISLNK(inode->i_mode) && !(inode->i_op && inode->i_op->get_link)) {
		err = -EINVAL;
	} else if (IS_ERR(body)) {
		err = PTR_ERR(body);
	} else if (!body) {
		err = -EINVAL;
	} else {
		len = min(strlen(body), (size_t)bufsiz);
		err = copy_to_user(ubuf, body, len) ? -EFAULT : (long)len;
	}
	if (!IS_ERR(body))
		do_delayed_call(&done);
	path_put(&path);
	return err;
}

long sys_readlink(const char *uname, char *ubuf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, uname, ubuf, bufsiz);
}

/* The kernel's own name operations, from the root: the initramfs unpacks with them. */

int init_mkdir(const char *name, umode_t mode)
{
	struct dentry *dentry;
	struct path path;
	int err;

	dentry = kern_path_create(AT_FDCWD, name, &path, LOOKUP_DIRECTORY);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(d_inode(path.dentry), dentry, mode);
	done_path_create(&path, dentry);
	return err;
}

int init_mknod(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *dentry;
	struct path path;
	int err;

	dentry = kern_path_create(AT_FDCWD, name, &path, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	if (S_ISREG(mode))
		err = vfs_create(d_inode(path.dentry), dentry, mode, true);
	else
		err = vfs_mknod(d_inode(path.dentry), dentry, mode, dev);
	done_path_create(&path, dentry);
	return err;
}

int init_symlink(const char *target, const char *name)
{
	struct dentry *dentry;
	struct path path;
	int err;

	dentry = kern_path_create(AT_FDCWD, name, &path, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_symlink(d_inode(path.dentry), dentry, target);
	done_path_create(&path, dentry);
	return err;
}

int init_link(const char *oldname, const char *name)
{
	struct dentry *dentry;
	struct path old, path;
	int err;

	err = kern_path(oldname, 0, &old);
	if (err)
		return err;
	dentry = kern_path_create(AT_FDCWD, name, &path, 0);
	if (IS_ERR(dentry)) {
		path_put(&old);
		return PTR_ERR(dentry);
	}
	err = old.mnt != path.mnt ? -EXDEV :
	      vfs_link(old.dentry, d_inode(path.dentry), dentry);
	done_path_create(&path, dentry);
	path_put(&old);
	return err;
}

static int init_setattr(const char *name, struct iattr *attr)
{
	struct path path;
	int err = kern_path(name, 0, &path);

	if (err)
		return err;
	err = notify_change(path.dentry, attr);
	path_put(&path);
	return err;
}

int init_chown(const char *name, unsigned int uid, unsigned int gid)
{
	struct iattr attr = { .ia_valid = ATTR_UID | ATTR_GID, .ia_uid = uid, .ia_gid = gid };

	return init_setattr(name, &attr);
}

int init_utimes(const char *name, s64 mtime)
{
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME };

	attr.ia_atime.tv_sec = attr.ia_mtime.tv_sec = mtime;
	return init_setattr(name, &attr);
}

int init_chmod(const char *name, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode };

	return init_setattr(name, &attr);
}

/* Removes @name from its parent as unlink (or rmdir) does, from the kernel. */
static int init_remove(const char *name, bool dir)
{
	struct path parent;
	struct dentry *d;
	struct qstr last;
	int type, err;

	err = filename_parentat(AT_FDCWD, name, 0, &parent, &last, &type);
	if (err)
		return err;
	if (type != LAST_NORM) {
		path_put(&parent);
		return -EINVAL;
	}
	d = lookup_one_qstr(parent.dentry, &last);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
	} else {
		if (d_really_is_negative(d))
			err = -ENOENT;
		else if (dir)
			err = vfs_rmdir(d_inode(parent.dentry), d);
		else
			err = vfs_unlink(d_inode(parent.dentry), d);
		dput(d);
	}
	path_put(&parent);
	return err;
}

int init_unlink(const char *name)
{
	return init_remove(name, false);
}

int init_rmdir(const char *name)
{
	return init_remove(name, true);
}

int init_lstat_mode(const char *name)
{
	struct path path;
	int err = kern_path(name, 0, &path), mode;

	if (err)
		return err;
	mode = d_inode(path.dentry)->i_mode;
	path_put(&path);
	return mode;
}

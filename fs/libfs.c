// SPDX-License-Identifier: GPL-2.0
/*
 * What in-memory filesystems share (tmpfs, proc's directories, devtmpfs):
 * the dcache is their directory. A name exists while its dentry is
 * hashed; a positive dentry is pinned by an extra reference from the
 * moment its inode is made until its name is removed, so it is never
 * dropped from the cache; a negative one (a lookup of a missing name) is
 * freed at its last use (simple_dentry_operations), so failed lookups
 * cost nothing once done.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/uio.h>

static int always_delete_dentry(const struct dentry *dentry)
{
	(void)dentry;
	return 1;
}

const struct dentry_operations simple_dentry_operations = {
	.d_delete = always_delete_dentry,
};

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	(void)dir;
	(void)flags;
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!dentry->d_op)
		dentry->d_op = &simple_dentry_operations;
	d_add(dentry, NULL);
	return NULL;
}

static bool simple_positive(const struct dentry *dentry)
{
	return dentry->d_inode && !d_unhashed(dentry);
}

/*
 * Reading a directory of the dcache: positions 0 and 1 are "." and "..",
 * then the names in d_subdirs order (newest first, as Linux lists a
 * tmpfs directory). An open directory keeps a cursor, a name-less dentry
 * placed in the list just after the last entry given, so a listing goes
 * on from the right place however many entries are created or removed
 * meanwhile (rm -r removes what it reads, as it reads).
 */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	static const struct qstr cursor_name = QSTR_INIT("", 0);
	struct dentry *cursor = d_alloc(file->f_path.dentry, &cursor_name);

	(void)inode;
	if (!cursor)
		return -ENOMEM;
	cursor->d_flags |= DCACHE_CURSOR;
	list_del_init(&cursor->d_child);	/* placed at the first read */
	file->private_data = cursor;
	return 0;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	(void)inode;
	dput(file->private_data);
	return 0;
}

/* The first positive entry after @p in @dentry's children (or NULL). */
static struct dentry *next_positive(struct dentry *dentry, struct list_head *p)
{
	for (p = p->next; p != &dentry->d_subdirs; p = p->next) {
		struct dentry *child = list_entry(p, struct dentry, d_child);

		if (simple_positive(child))
			return child;
	}
	return NULL;
}

/* Puts the cursor after the @n-th entry (0: before the first). */
static void move_cursor(struct dentry *dentry, struct dentry *cursor, loff_t n)
{
	struct list_head *p = &dentry->d_subdirs;
	struct dentry *child;

	while (n-- > 0 && (child = next_positive(dentry, p)))
		p = &child->d_child;
	list_del(&cursor->d_child);
	list_add(&cursor->d_child, p);
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry, *cursor = file->private_data, *child;
	struct list_head *p;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, d_inode(dentry->d_parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	/* the cursor is out of the list until a read past the dots places it */
	p = list_empty(&cursor->d_child) ? &dentry->d_subdirs : &cursor->d_child;
	while ((child = next_positive(dentry, p))) {
		struct inode *inode = d_inode(child);

		if (!dir_emit(ctx, child->d_name.name, child->d_name.len, inode->i_ino,
			      fs_umode_to_dtype(inode->i_mode)))
			break;
		ctx->pos++;
		list_del(&cursor->d_child);
		list_add(&cursor->d_child, &child->d_child);
		p = &cursor->d_child;
	}
	return 0;
}

static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dentry = file->f_path.dentry;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	if (offset != file->f_pos) {
		file->f_pos = offset;
		if (offset >= 2)
			move_cursor(dentry, file->private_data, offset - 2);
		else
			list_del_init(&((struct dentry *)file->private_data)->d_child);
	}
	return offset;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

const struct inode_operations simple_symlink_inode_operations = {
	.getattr = simple_getattr,
};

int simple_empty(struct dentry *dentry)
{
	struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (simple_positive(child))
			return 0;
	return 1;
}

int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(old);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);		/* the pin */
	d_instantiate(dentry, inode);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	dput(dentry);		/* the pin */
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));
	simple_unlink(dir, dentry);
	drop_nlink(dir);
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		  struct dentry *new, unsigned int flags)
{
	struct inode *inode = d_inode(old), *target = d_inode(new);
	bool they_are_dirs = S_ISDIR(inode->i_mode);

	if (flags & RENAME_EXCHANGE) {
		bool new_is_dir = S_ISDIR(target->i_mode);

		if (old_dir != new_dir && they_are_dirs != new_is_dir) {
			if (they_are_dirs) {
				drop_nlink(old_dir);
				inc_nlink(new_dir);
			} else {
				drop_nlink(new_dir);
				inc_nlink(old_dir);
			}
		}
		old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime =
			new_dir->i_mtime = inode->i_ctime = target->i_ctime =
			current_time(old_dir);
		return 0;
	}
	if (target && !simple_empty(new))
		return -ENOTEMPTY;
	if (target) {
		simple_unlink(new_dir, new);
		if (they_are_dirs) {
			drop_nlink(target);
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		inode->i_ctime = current_time(old_dir);
	return 0;
}

int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	int err = setattr_prepare(dentry, attr);

	if (err)
		return err;
	if (attr->ia_valid & ATTR_SIZE)
		i_size_write(d_inode(dentry), attr->ia_size);
	setattr_copy(d_inode(dentry), attr);
	return 0;
}

int simple_getattr(const struct path *path, struct kstat *st)
{
	generic_fillattr(d_inode(path->dentry), st);
	return 0;
}

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	memset(buf, 0, sizeof(*buf));
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_frsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *pos, const void *from,
				size_t available)
{
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= available)
		return 0;
	n = copy_to_iter((const char *)from + *pos, available - *pos, to);
	if (!n && iov_iter_count(to))
		return -EFAULT;
	*pos += n;
	return n;
}

int noop_fsync(struct file *f, int datasync)
{
	(void)f;
	(void)datasync;
	return 0;
}

/* Drops the pin of every positive dentry below @root, leaves first. */
void d_genocide(struct dentry *root)
{
	struct dentry *this = root;
	struct list_head *next = root->d_subdirs.next;

	for (;;) {
		while (next != &this->d_subdirs) {
			struct dentry *child = list_entry(next, struct dentry, d_child);

			if (!list_empty(&child->d_subdirs)) {
				this = child;
				next = child->d_subdirs.next;
				continue;
			}
			next = next->next;
			if (simple_positive(child)) {
				d_drop(child);
				child->d_count--;	/* the pin; freed by the shrink that follows */
			}
		}
		if (this == root)
			return;
		next = this->d_child.next;
		if (simple_positive(this)) {
			d_drop(this);
			this->d_count--;
		}
		this = this->d_parent;
	}
}

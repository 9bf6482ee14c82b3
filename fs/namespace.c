// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts: the tree of vfsmounts that joins filesystems into one name
 * space, mount(2) and umount2(2), and /proc/mounts.
 *
 * Each mount remembers its parent mount and the dentry it covers there;
 * that dentry is marked DCACHE_MOUNTED so the path walk, finding the
 * mark, looks the mount up (lookup_mnt) and steps onto its root. All
 * mounts are on one list in the order they were made, which is the
 * order /proc/mounts shows. A mount holds its root dentry, its
 * mountpoint and its parent; the tree holds one reference on each
 * attached mount, and open files and working directories hold more,
 * which is what makes umount of a busy filesystem EBUSY.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct mount {
	struct vfsmount mnt;
	struct mount *mnt_parent;	/* itself for the root and internal mounts */
	struct dentry *mnt_mountpoint;	/* in the parent; the root's own root */
	struct list_head mnt_list;	/* on mount_list, if attached */
	struct list_head mnt_mounts;	/* mounts on top of this one */
	struct list_head mnt_child;	/* in the parent's mnt_mounts */
	char *mnt_devname;
	int mnt_count;
	int mnt_id;
};

static LIST_HEAD(mount_list);
static struct mount *root_mount;
static int last_mnt_id = 20;	/* Linux's first ids are taken by internal mounts too */

static struct mount *real_mount(const struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

int mnt_id(const struct vfsmount *mnt)
{
	return real_mount(mnt)->mnt_id;
}

bool mnt_is_readonly(const struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY) || (mnt->mnt_sb->s_flags & SB_RDONLY);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		real_mount(mnt)->mnt_count++;
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	while (mnt) {
		struct mount *m = real_mount(mnt);
		struct mount *parent = m->mnt_parent;

		BUG_ON(m->mnt_count <= 0);
		if (--m->mnt_count)
			return;
		dput(mnt->mnt_root);
		deactivate_super(mnt->mnt_sb);
		kfree(m->mnt_devname);
		mnt = NULL;
		if (parent != m) {
			dput(m->mnt_mountpoint);
			mnt = &parent->mnt;
		}
		kfree(m);
	}
}

static struct mount *alloc_vfsmnt(const char *devname)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	m->mnt_devname = kstrdup(devname, GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	m->mnt_count = 1;
	m->mnt_id = ++last_mnt_id;
	m->mnt_parent = m;
	INIT_LIST_HEAD(&m->mnt_list);
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	return m;
}

/* A new mount of a new (or the single) instance of @type: not attached yet. */
static struct mount *vfs_create_mount(struct file_system_type *type,
				      struct fs_context *fc, int *err)
{
	struct super_block *sb;
	struct mount *m = alloc_vfsmnt(fc->source ? fc->source : "none");

	if (!m) {
		*err = -ENOMEM;
		return NULL;
	}
	sb = sget_fc(type, fc, err);
	if (!sb) {
		kfree(m->mnt_devname);
		kfree(m);
		return NULL;
	}
	m->mnt.mnt_sb = sb;
	m->mnt.mnt_root = dget(sb->s_root);
	m->mnt_mountpoint = m->mnt.mnt_root;
	return m;
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct fs_context fc = { .source = type->name, .sb_flags = SB_NOUSER };
	struct mount *m;
	int err;

	m = vfs_create_mount(type, &fc, &err);
	if (!m)
		return ERR_PTR(err);
	m->mnt.mnt_flags = MNT_INTERNAL;
	return &m->mnt;
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *m, *found = NULL;

	/* the last mounted on a place hides the ones before */
	list_for_each_entry(m, &mount_list, mnt_list)
		if (&m->mnt_parent->mnt == path->mnt && m->mnt_mountpoint == path->dentry &&
		    m->mnt_parent != m)
			found = m;
	return found ? mntget(&found->mnt) : NULL;
}

void follow_down(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mnt = lookup_mnt(path);

		if (!mnt)
			return;
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = mnt;
		path->dentry = dget(mnt->mnt_root);
	}
}

bool path_is_mnt_root(const struct path *path)
{
	return path->dentry == path->mnt->mnt_root;
}

/* Without references: d_path and ".." hold what they walk by other means. */
bool follow_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt);

	if (m->mnt_parent == m)
		return false;
	path->dentry = m->mnt_mountpoint;
	path->mnt = &m->mnt_parent->mnt;
	return true;
}

/* Puts @m on @mp (taking references on the place), or makes it the root. */
static void attach_mnt(struct mount *m, const struct path *mp)
{
	if (mp) {
		m->mnt_parent = real_mount(mntget(mp->mnt));
		m->mnt_mountpoint = dget(mp->dentry);
		mp->dentry->d_flags |= DCACHE_MOUNTED;
		list_add_tail(&m->mnt_child, &m->mnt_parent->mnt_mounts);
	}
	list_add_tail(&m->mnt_list, &mount_list);
}

/* Clears the mountpoint mark once nothing is mounted on the dentry. */
static void detach_mnt(struct mount *m)
{
	struct mount *other;
	struct dentry *mp = m->mnt_mountpoint;

	list_del_init(&m->mnt_list);
	list_del_init(&m->mnt_child);
	list_for_each_entry(other, &mount_list, mnt_list)
		if (other->mnt_mountpoint == mp && other->mnt_parent != other)
			return;
	mp->d_flags &= ~DCACHE_MOUNTED;
}

static int graft_new_mount(const struct path *mp, const char *type_name,
			   const char *source, unsigned long flags, const char *data)
{
	struct file_system_type *type = get_fs_type(type_name);
	struct fs_context fc = { .source = source, .options = data };
	struct mount *m;
	int err;

	if (!type)
		return -ENODEV;
	if (type->fs_flags & FS_REQUIRES_DEV)
		return -ENOTBLK;	/* no block devices yet */
	if (flags & MS_RDONLY)
		fc.sb_flags |= SB_RDONLY;
	m = vfs_create_mount(type, &fc, &err);
	if (!m)
		return err;
	if (flags & MS_NOSUID)
		m->mnt.mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		m->mnt.mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		m->mnt.mnt_flags |= MNT_NOEXEC;
	attach_mnt(m, mp);
	return 0;
}

/* The kernel's own mount, as mount(2) would do it: init and tests. */
int do_mount(const char *source, const char *dir, const char *type,
	     unsigned long flags, const char *data)
{
	struct path path;
	int err = kern_path(dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = graft_new_mount(&path, type, source, flags, data);
	path_put(&path);
	return err;
}

/* Copies a string argument of mount(2) (NULL allowed): kmalloc'd or ERR_PTR. */
static char *copy_mount_string(const char *ustr)
{
	char *s;
	long n;

	if (!ustr)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(s, ustr, PAGE_SIZE);
	if (n < 0 || n >= (long)PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(n < 0 ? -EFAULT : -EINVAL);
	}
	return s;
}

long sys_mount(const char *udev, const char *udir, const char *utype,
	       unsigned long flags, const void *udata)
{
	char *dev = NULL, *type = NULL, *data = NULL;
	struct path path;
	long err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	type = copy_mount_string(utype);
	if (IS_ERR(type))
		return PTR_ERR(type);
	dev = copy_mount_string(udev);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		dev = NULL;
		goto out;
	}
	data = copy_mount_string(udata);
	if (IS_ERR(data)) {
		err = PTR_ERR(data);
		data = NULL;
		goto out;
	}
	err = user_path_at(AT_FDCWD, udir, LOOKUP_FOLLOW, &path);
	if (err)
		goto out;
	if (flags & MS_REMOUNT) {
		/* remounting changes only the read-only flag here */
		if (!path_is_mnt_root(&path)) {
			err = -EINVAL;
		} else if (flags & MS_RDONLY) {
			path.mnt->mnt_flags |= MNT_READONLY;
		} else {
			path.mnt->mnt_flags &= ~MNT_READONLY;
		}
	} else if (flags & (MS_BIND | MS_MOVE)) {
		err = -EINVAL;		/* bind and move mounts: not yet */
	} else if (!type) {
		err = -EINVAL;
	} else if (!S_ISDIR(d_inode(path.dentry)->i_mode)) {
		err = -ENOTDIR;
	} else {
		err = graft_new_mount(&path, type, dev ? dev : "none", flags, data);
	}
	path_put(&path);
out:
	kfree(type);
	kfree(dev);
	kfree(data);
	return err;
}

/* Unmounts the mount whose root @path is: 0, -EINVAL, -EBUSY. */
static int do_umount(struct path *path, int flags)
{
	struct mount *m = real_mount(path->mnt);

	if (!path_is_mnt_root(path) || list_empty(&m->mnt_list))
		return -EINVAL;
	if (m == root_mount)
		return -EBUSY;
	/* busy: the caller's walk and the tree hold it; anything more is a user */
	if (!(flags & MNT_DETACH) && (m->mnt_count > 2 || !list_empty(&m->mnt_mounts)))
		return -EBUSY;
	detach_mnt(m);
	mntput(&m->mnt);	/* the tree's reference */
	return 0;
}

int kern_umount(const char *dir, int flags)
{
	struct path path;
	int err = kern_path(dir, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = do_umount(&path, flags);
	path_put(&path);
	return err;
}

long sys_umount2(const char *uname, int flags)
{
	unsigned int lookup = flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = user_path_at(AT_FDCWD, uname, lookup, &path);
	if (err)
		return err;
	err = do_umount(&path, flags);
	path_put(&path);
	return err;
}

static void show_mnt_path(struct seq_file *m, struct mount *mnt)
{
	struct path p = { &mnt->mnt, mnt->mnt.mnt_root };
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	char *s;

	if (!buf)
		return;
	s = d_path(&p, buf, PATH_MAX);
	if (!IS_ERR(s))
		seq_puts(m, s);
	kfree(buf);
}

void mounts_show(struct seq_file *m)
{
	struct mount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list) {
		struct super_block *sb = mnt->mnt.mnt_sb;

		seq_printf(m, "%s ", mnt->mnt_devname);
		show_mnt_path(m, mnt);
		seq_printf(m, " %s %s", sb->s_type->name,
			   mnt_is_readonly(&mnt->mnt) ? "ro" : "rw");
		if (mnt->mnt.mnt_flags & MNT_NOSUID)
			seq_puts(m, ",nosuid");
		if (mnt->mnt.mnt_flags & MNT_NODEV)
			seq_puts(m, ",nodev");
		if (mnt->mnt.mnt_flags & MNT_NOEXEC)
			seq_puts(m, ",noexec");
		if (mnt != root_mount)
			seq_puts(m, ",relatime");
		if (sb->s_op && sb->s_op->show_options)
			sb->s_op->show_options(m, mnt->mnt.mnt_root);
		seq_puts(m, " 0 0\n");
	}
}

/*
 * The root of the name space: an instance of "rootfs" (tmpfs) that the
 * initramfs is unpacked into, every task's root and first working
 * directory.
 */
void mnt_init(void)
{
	struct file_system_type *type = get_fs_type("rootfs");
	struct fs_context fc = { .source = "rootfs" };
	struct path root;
	int err;

	BUG_ON(!type);
	root_mount = vfs_create_mount(type, &fc, &err);
	BUG_ON(!root_mount);
	attach_mnt(root_mount, NULL);
	root.mnt = &root_mount->mnt;
	root.dentry = root_mount->mnt.mnt_root;
	init_fs_root(&root);
}

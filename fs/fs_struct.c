// SPDX-License-Identifier: GPL-2.0
/*
 * Root and working directory (see <linux/fs_struct.h>), and the calls
 * that change them: chdir, fchdir, chroot, umask, and getcwd, which
 * writes the working directory's path as d_path gives it.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct fs_struct init_fs = { .users = 1, .umask = 0022 };

void init_fs_root(const struct path *root)
{
	init_fs.root = *root;
	path_get(root);
	init_fs.pwd = *root;
	path_get(root);
}

struct path current_root(void)
{
	return (current->fs ? current->fs : &init_fs)->root;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get(&fs->root);
	if (fs->pwd.dentry)
		path_get(&fs->pwd);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (--fs->users == 0 && fs != &init_fs)
		free_fs_struct(fs);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	*root = fs->root;
	path_get(root);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	*pwd = fs->pwd;
	path_get(pwd);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->root;

	path_get(path);
	fs->root = *path;
	path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->pwd;

	path_get(path);
	fs->pwd = *path;
	path_put(&old);
}

static long set_dir(const struct path *path, bool root)
{
	struct inode *inode = d_inode(path->dentry);
	long err;

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		return err;
	if (root)
		set_fs_root(current->fs, path);
	else
		set_fs_pwd(current->fs, path);
	return 0;
}

long sys_chdir(const char *uname)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, uname, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = set_dir(&path, false);
	path_put(&path);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget_raw_noref(fd);

	if (!f)
		return -EBADF;
	return set_dir(&f->f_path, false);
}

long sys_chroot(const char *uname)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, uname, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = set_dir(&path, true);
	path_put(&path);
	return err;
}

long sys_umask(int mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}

long sys_getcwd(char *ubuf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd = current->fs->pwd;
	long err;
	char *cwd;
	size_t len;

	if (!page)
		return -ENOMEM;
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry)) {
		kfree(page);
		return -ENOENT;		/* the working directory was removed */
	}
	cwd = d_path(&pwd, page, PATH_MAX);
	if (IS_ERR(cwd)) {
		err = PTR_ERR(cwd);
	} else {
		len = strlen(cwd) + 1;
		if (len > size)
			err = -ERANGE;
		else
			err = copy_to_user(ubuf, cwd, len) ? -EFAULT : (long)len;
	}
	kfree(page);
	return err;
}

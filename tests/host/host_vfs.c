// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS on the host (fs/, mm/shmem.c, lib/xarray.c, lib/iov_iter.c)
 * for the initramfs tests and the cpio fuzzer: "user" memory is the
 * host's own, so the uaccess primitives are plain copies. The clock is
 * a counter, a microsecond a reading, so that runs repeat exactly. The
 * task running is the host task, with init_fs as its root and working
 * directory.
 *
 * host_remove_tree() empties what a test or an input made, through the
 * VFS's own unlink and rmdir, so that a leak check after it sees every
 * dentry, inode and page freed.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "host_vfs.h"
#include "mm_arena.h"

unsigned long __copy_from_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long __copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long __clear_user(void *to, unsigned long n)
{
	memset(to, 0, n);
	return 0;
}

long __strncpy_from_user(char *dst, const char *src, long n)
{
	long len = strnlen(src, n);

	memcpy(dst, src, len < n ? len + 1 : n);
	return len;
}

u64 ktime_get_ns(void)
{
	static u64 now;

	return now += 1000;
}

/*
 * mm/memory.c is not built here: the VMAs the VMA tests put on a file's
 * i_mmap have no page tables, so a truncation has no pages to unmap.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, int even_cows)
{
	(void)mapping;
	(void)holebegin;
	(void)holelen;
	(void)even_cows;
}

void host_vfs_boot(void)
{
	static bool booted;

	if (booted)
		return;
	booted = true;
	arena_init();
	kmem_cache_init();
	dcache_init();
	shmem_init();
	mnt_init();
	current->fs = &init_fs;
}

/* The first name in a directory (not "." or ".."), copied out. */
struct first_name {
	struct dir_context ctx;
	char name[NAME_MAX + 1];
	bool found;
};

static bool take_first(struct dir_context *ctx, const char *name, int len, loff_t pos,
		       u64 ino, unsigned int type)
{
	struct first_name *f = container_of(ctx, struct first_name, ctx);

	(void)pos;
	(void)ino;
	(void)type;
	if ((len == 1 && name[0] == '.') || (len == 2 && !memcmp(name, "..", 2)))
		return true;
	memcpy(f->name, name, len);
	f->name[len] = '\0';
	f->found = true;
	return false;
}

/* Moves the working directory to @name (relative to it); 0 or -errno. */
static int change_dir(const char *name)
{
	struct path p;
	int err = kern_path(name, LOOKUP_DIRECTORY, &p);

	if (err)
		return err;
	set_fs_pwd(&init_fs, &p);
	path_put(&p);
	return 0;
}

/*
 * Depth first without recursion on the C stack (trees here may be
 * thousands of directories deep): the walk goes down by moving the
 * working directory, so each step looks up one name, and each step
 * removes the first entry of the directory it is in, or, once that is
 * empty, goes up and removes it.
 */
int host_remove_tree(const char *top)
{
	struct first_name *first = kmalloc(sizeof(*first), GFP_KERNEL);
	int mode = init_lstat_mode(top), depth = 0, err;
	struct path old_pwd;

	if (!first)
		return -ENOMEM;
	if (mode < 0 || !S_ISDIR(mode)) {
		kfree(first);
		return mode == -ENOENT ? 0 : mode < 0 ? mode : init_unlink(top);
	}
	get_fs_pwd(&init_fs, &old_pwd);
	err = change_dir(top);
	while (!err) {
		struct file *dir = filp_open(".", O_RDONLY | O_DIRECTORY, 0, &err);

		if (!dir)
			break;
		memset(first, 0, sizeof(*first));
		first->ctx.actor = take_first;
		err = iterate_dir(dir, &first->ctx);
		fput(dir);
		if (err)
			break;
		if (first->found) {
			mode = init_lstat_mode(first->name);
			if (mode < 0) {
				err = mode;
			} else if (S_ISDIR(mode)) {
				err = change_dir(first->name);
				depth++;
			} else {
				err = init_unlink(first->name);
			}
			continue;
		}
		if (!depth)
			break;
		/* this directory is empty: up, and remove it by its name */
		memcpy(first->name, init_fs.pwd.dentry->d_name.name,
		       init_fs.pwd.dentry->d_name.len + 1);
		err = change_dir("..");
		if (!err)
			err = init_rmdir(first->name);
		depth--;
	}
	set_fs_pwd(&init_fs, &old_pwd);
	path_put(&old_pwd);
	if (!err && strcmp(top, "/"))
		err = init_rmdir(top);
	kfree(first);
	return err;
}

/*
 * FIFOs the host tests make are never opened here (the pipe code sleeps
 * and signals: it is tested in the kernel, KTAP suite pipe): an inode
 * needs its file operations to exist, nothing more.
 */
const struct file_operations pipefifo_fops;

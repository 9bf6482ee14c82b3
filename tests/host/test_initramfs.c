// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the VFS (the path walk, the dcache, tmpfs, open files)
 * and of the initramfs unpacker on it, over SLUB on an arena, under
 * AddressSanitizer and UBSan. The VFS is booted once (host_vfs.c); each
 * case starts from an empty root, and after it the tree is removed
 * through unlink and rmdir and every slab object and page must be back
 * (mm/leak_check.c), so each case is also a leak test of what it did.
 *
 * Archives are made here by a small cpio "newc" writer, so every field
 * can be set and spoilt at will: trees with nested directories, empty
 * files, 255-byte names, symbolic and hard links (in both of the ways
 * newc writers place a hard link's data), device nodes, FIFOs, the
 * checksummed "070702" variant, 512-byte padding and concatenated
 * archives.
 *
 * vfs_paths: lookups with "//", ".", "..", missing and non-directory
 * components, relative to the working directory (even a removed one);
 * symbolic links (loops, nesting, dangling, trailing '/', in the middle
 * of a path); the NAME_MAX/PATH_MAX limits; the rules for making names;
 * getdents order and positions; tmpfs space accounting with sparse
 * files, truncation, the file size limit and a full instance; renames
 * (d_move, d_exchange) with inline and long names; d_path; a tree 2000
 * directories deep; and a tmpfs instance dropped with everything in it.
 * initramfs: archives unpacked and read back through filp_open,
 * kernel_read, vfs_llseek and vfs_getattr; into the root and into a
 * subtree; and unpack/remove cycles that must not leak a page.
 * initramfs_corrupt: each corruption refused with -EINVAL and a reason
 * naming it, the archive cut at every length, and every byte changed.
 * file: open flags, reads, writes, positions, stat, reference counts,
 * and a file unlinked while open.
 */

/* The C library's loff_t and dev_t are not the kernel's: renamed here. */
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf
#define loff_t libc_loff_t
#define dev_t libc_dev_t
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#undef loff_t
#undef dev_t

#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/leak_check.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "host_vfs.h"

#define WHY_LEN		160
#define HDR_LEN		110

/* Every case: an empty root before, and nothing held after. */
static int fs_init(struct ktest *t)
{
	(void)t;
	host_vfs_boot();
	if (host_remove_tree("/"))
		return -1;
	leak_check_start();
	return 0;
}

static void fs_exit(struct ktest *t)
{
	static char report[4096];
	struct seq_file m;
	int err = host_remove_tree("/");

	if (err)
		KT_FAIL(t, "removing the tree: %d", err);
	leak_check_measure();
	seq_init(&m, report, sizeof(report));
	leak_check_show(&m);
	if (!strstr(report, "leakcheck: no difference"))
		KT_FAIL(t, "left behind:\n%s", report);
}

static u32 seed;

static u32 rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

/* ---------------------------------------------------------------- */
/* A cpio "newc" writer */

#define MAX_ENTRIES	64

struct cpio {
	u8 *buf;
	size_t len, cap;
	size_t off[MAX_ENTRIES];	/* of each entry's header */
	int n;
	u32 next_ino;
};

struct centry {
	const char *name;
	u32 mode;
	const void *data;
	size_t size;
	u32 ino, nlink, uid, gid, mtime;
	bool crc;
};

static void put_bytes(struct cpio *c, const void *p, size_t n)
{
	if (!n)
		return;
	if (c->len + n > c->cap) {
		c->cap = (c->len + n) * 2 + 256;
		c->buf = realloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void put_pad(struct cpio *c, size_t start)
{
	static const u8 zero[4];

	put_bytes(c, zero, (4 - (c->len - start) % 4) % 4);
}

static void cpio_add(struct cpio *c, const struct centry *e)
{
	const u8 *d = e->data;
	char hdr[HDR_LEN + 20];
	u32 sum = 0;
	size_t i;

	for (i = 0; i < e->size; i++)
		sum += d[i];
	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 e->crc ? "070702" : "070701", e->ino ? e->ino : ++c->next_ino,
		 e->mode, e->uid, e->gid, e->nlink ? e->nlink : 1, e->mtime,
		 (u32)e->size, 0, 0, 0, 0, (u32)strlen(e->name) + 1, e->crc ? sum : 0);
	if (c->n < MAX_ENTRIES)
		c->off[c->n++] = c->len;
	put_bytes(c, hdr, HDR_LEN);
	put_bytes(c, e->name, strlen(e->name) + 1);
	put_pad(c, 0);
	put_bytes(c, e->data, e->size);
	put_pad(c, 0);
}

static void cpio_file(struct cpio *c, const char *name, u32 perm, const char *text)
{
	cpio_add(c, &(struct centry) { .name = name, .mode = S_IFREG | perm,
				       .data = text, .size = strlen(text) });
}

static void cpio_dir(struct cpio *c, const char *name, u32 perm)
{
	cpio_add(c, &(struct centry) { .name = name, .mode = S_IFDIR | perm });
}

static void cpio_link(struct cpio *c, const char *name, const char *target)
{
	cpio_add(c, &(struct centry) { .name = name, .mode = S_IFLNK | 0777,
				       .data = target, .size = strlen(target) });
}

static void cpio_trailer(struct cpio *c)
{
	cpio_add(c, &(struct centry) { .name = "TRAILER!!!" });
}

static void cpio_free(struct cpio *c)
{
	free(c->buf);
	memset(c, 0, sizeof(*c));
}

/* Writes field @i (0..12) of entry @e's header. */
static void set_field(struct cpio *c, int e, int i, u32 v)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08X", v);
	memcpy(c->buf + c->off[e] + 6 + 8 * i, hex, 8);
}

/* Unpacks @len bytes at @buf from a heap block of exactly that size. */
static int unpack_copy(const u8 *buf, size_t len, char *why)
{
	u8 *copy = malloc(len ? len : 1);
	int ret;

	memcpy(copy, buf, len);
	ret = unpack_initramfs(copy, len, why, WHY_LEN);
	free(copy);
	return ret;
}

/* ---------------------------------------------------------------- */
/* Reading back */

static int lookup_err(const char *path)
{
	struct path p;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);

	if (!err)
		path_put(&p);
	return err;
}

/* The dentry at @path (links followed if @follow); NULL if none. The tree holds it. */
static struct dentry *dentry_at(const char *path, bool follow)
{
	struct dentry *d;
	struct path p;

	if (kern_path(path, follow ? LOOKUP_FOLLOW : 0, &p))
		return NULL;
	d = p.dentry;
	path_put(&p);
	return d;
}

static struct inode *inode_at(const char *path, bool follow)
{
	struct dentry *d = dentry_at(path, follow);

	return d ? d_inode(d) : NULL;
}

static struct inode *must_find(struct ktest *t, const char *path)
{
	struct inode *inode = inode_at(path, true);

	if (!inode)
		KT_FAIL(t, "lookup \"%s\": %d", path, lookup_err(path));
	return inode;
}

static int stat_at(const char *path, bool follow, struct kstat *st)
{
	struct path p;
	int err = kern_path(path, follow ? LOOKUP_FOLLOW : 0, &p);

	if (err)
		return err;
	err = vfs_getattr(&p, st);
	path_put(&p);
	return err;
}

static int open_err(const char *path, unsigned int flags)
{
	int err = 1;
	struct file *f = filp_open(path, flags, 0644, &err);

	if (f) {
		if (err)
			return 1000;	/* a file and an error: wrong */
		fput(f);
	}
	return err;
}

/* A new file at @path holding @size bytes of @data: 0 or -errno. */
static int make_file(const char *path, umode_t perm, const void *data, size_t size)
{
	struct file *f;
	loff_t pos = 0;
	int err;

	f = filp_open(path, O_WRONLY | O_CREAT | O_EXCL, perm, &err);
	if (!f)
		return err;
	if (size && kernel_write(f, data, size, &pos) != (ssize_t)size)
		err = -EIO;
	fput(f);
	return err;
}

/* The file's contents through filp_open/kernel_read, in odd-sized pieces. */
static void expect_contents(struct ktest *t, const char *path, const void *want,
			    size_t size)
{
	size_t done = 0;
	int err = 1;
	struct file *f = filp_open(path, O_RDONLY, 0, &err);
	u8 *buf = malloc(size + 100);
	long n;

	KT_EXPECT_EQ(t, err, 0);
	if (!f) {
		KT_FAIL(t, "open \"%s\": %d", path, err);
		free(buf);
		return;
	}
	while ((n = kernel_read(f, buf + done, 37 + done % 1000, &f->f_pos)) > 0)
		done += n;
	KT_EXPECT_EQ(t, n, 0);
	KT_EXPECT_EQ(t, done, size);
	if (done == size && memcmp(buf, want, size))
		KT_FAIL(t, "\"%s\": contents differ", path);
	KT_EXPECT_EQ(t, f->f_pos, size);
	fput(f);
	free(buf);
}

/* The names getdents gives for directory @path, in its order, ' '-separated. */
struct listing {
	struct dir_context ctx;
	char names[2048];
	int count, stop_after;
};

static bool list_one(struct dir_context *ctx, const char *name, int len, loff_t pos,
		     u64 ino, unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	size_t used = strlen(l->names);

	(void)pos;
	(void)ino;
	(void)type;
	if (l->stop_after && l->count == l->stop_after)
		return false;
	snprintf(l->names + used, sizeof(l->names) - used, "%s%.*s", used ? " " : "",
		 len, name);
	l->count++;
	return true;
}

static void list_dir(struct ktest *t, const char *path, struct listing *l)
{
	struct file *f;
	int err;

	memset(l, 0, sizeof(*l));
	l->ctx.actor = list_one;
	f = filp_open(path, O_RDONLY | O_DIRECTORY, 0, &err);
	if (!f) {
		KT_FAIL(t, "open \"%s\": %d", path, err);
		return;
	}
	KT_EXPECT_EQ(t, iterate_dir(f, &l->ctx), 0);
	fput(f);
}

static char *repeat(const char *prefix, char ch, size_t n, const char *suffix)
{
	size_t p = strlen(prefix), s = strlen(suffix);
	char *str = malloc(p + n + s + 1);

	memcpy(str, prefix, p);
	memset(str + p, ch, n);
	memcpy(str + p + n, suffix, s + 1);
	return str;
}

/* ---------------------------------------------------------------- */
/* vfs_paths */

static void root_and_empty(struct ktest *t)
{
	static const char *const roots[] = { "/", "///", "/..", "/./.././/..", ".", "..", "./" };
	struct path root, p;
	unsigned long dentries = nr_dentries();
	unsigned int i;

	KT_ASSERT_EQ(t, kern_path("/", 0, &root), 0);
	KT_EXPECT_TRUE(t, S_ISDIR(d_inode(root.dentry)->i_mode));
	KT_EXPECT_EQ(t, d_inode(root.dentry)->i_mode, S_IFDIR | 0755);
	KT_EXPECT_EQ(t, d_inode(root.dentry)->i_nlink, 2);
	KT_EXPECT_TRUE(t, IS_ROOT(root.dentry));
	KT_EXPECT_TRUE(t, path_is_mnt_root(&root));
	for (i = 0; i < ARRAY_SIZE(roots); i++) {
		KT_EXPECT_EQ(t, kern_path(roots[i], LOOKUP_FOLLOW, &p), 0);
		if (!path_equal(&p, &root))
			KT_FAIL(t, "\"%s\" is not the root", roots[i]);
		path_put(&p);
	}
	KT_EXPECT_EQ(t, lookup_err(""), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/x"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/x/y"), -ENOENT);
	KT_EXPECT_EQ(t, init_lstat_mode("/x"), -ENOENT);
	/* failed lookups leave no negative dentries behind on tmpfs */
	KT_EXPECT_EQ(t, nr_dentries(), dentries);
	path_put(&root);
}

static void create_and_lookup(struct ktest *t)
{
	static const char *const same[] = {
		"/a/b/c", "//a///b//c", "/a/./b/../b/c", "/../a/b/c", "a/b/c",
		"/a/b/./c", "/./a/b/c", "/a/../a/b/../../a/b/c", "./a/b/c",
	};
	struct dentry *c, *b, *a;
	struct path pb;
	unsigned int i;

	KT_ASSERT_EQ(t, init_mkdir("/a", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/a/b", 0700), 0);
	KT_ASSERT_EQ(t, make_file("/a/b/c", 0644, "hello", 5), 0);
	c = dentry_at("/a/b/c", true);
	KT_ASSERT_NOT_NULL(t, c);
	KT_EXPECT_STREQ(t, c->d_name.name, "c");
	KT_EXPECT_EQ(t, d_inode(c)->i_size, 5);
	KT_EXPECT_EQ(t, d_inode(c)->i_mode, S_IFREG | 0644);
	KT_EXPECT_EQ(t, d_inode(c)->i_nlink, 1);
	b = c->d_parent;
	a = b->d_parent;
	KT_EXPECT_STREQ(t, b->d_name.name, "b");
	KT_EXPECT_STREQ(t, a->d_name.name, "a");
	KT_EXPECT_PTR_EQ(t, a->d_parent, dentry_at("/", false));
	KT_EXPECT_EQ(t, d_inode(a)->i_mode, S_IFDIR | 0755);
	KT_EXPECT_EQ(t, d_inode(b)->i_mode, S_IFDIR | 0700);
	KT_EXPECT_EQ(t, d_inode(a)->i_nlink, 3);
	KT_EXPECT_EQ(t, must_find(t, "/")->i_nlink, 3);
	for (i = 0; i < ARRAY_SIZE(same); i++)
		if (dentry_at(same[i], true) != c)
			KT_FAIL(t, "\"%s\" is not /a/b/c", same[i]);
	KT_EXPECT_PTR_EQ(t, dentry_at("/a/b/", true), b);
	KT_EXPECT_PTR_EQ(t, dentry_at("/a/b/../../a/b/..", true), a);
	/* relative names start at the working directory */
	KT_ASSERT_EQ(t, kern_path("/a/b", 0, &pb), 0);
	set_fs_pwd(&init_fs, &pb);
	KT_EXPECT_PTR_EQ(t, dentry_at("c", true), c);
	KT_EXPECT_PTR_EQ(t, dentry_at("../b/c", true), c);
	KT_EXPECT_PTR_EQ(t, dentry_at("/a", true), a);
	KT_EXPECT_PTR_EQ(t, dentry_at(".", true), b);
	KT_EXPECT_PTR_EQ(t, dentry_at("../../../..", true), dentry_at("/", true));
	KT_EXPECT_EQ(t, init_mkdir("d", 0755), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/a/b/d"), S_IFDIR | 0755);
	set_fs_pwd(&init_fs, &init_fs.root);
	path_put(&pb);
	KT_EXPECT_EQ(t, lookup_err("d"), -ENOENT);
}

/* The working directory removed under the walk: nothing is found or made in it. */
static void removed_working_directory(struct ktest *t)
{
	struct path p;
	struct file *f;
	int err;

	KT_ASSERT_EQ(t, init_mkdir("/d", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/d/sub", 0755), 0);
	KT_ASSERT_EQ(t, kern_path("/d/sub", 0, &p), 0);
	set_fs_pwd(&init_fs, &p);
	path_put(&p);
	f = filp_open(".", O_RDONLY | O_DIRECTORY, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, init_rmdir("/d/sub"), 0);
	KT_EXPECT_EQ(t, lookup_err("."), 0);
	KT_EXPECT_EQ(t, lookup_err("x"), -ENOENT);
	KT_EXPECT_EQ(t, init_mkdir("x", 0755), -ENOENT);
	KT_EXPECT_EQ(t, make_file("x", 0644, NULL, 0), -ENOENT);
	KT_EXPECT_EQ(t, init_symlink("y", "x"), -ENOENT);
	KT_EXPECT_PTR_EQ(t, dentry_at("..", true), dentry_at("/d", true));
	KT_EXPECT_EQ(t, iterate_dir(f, &(struct dir_context){ .actor = list_one }), -ENOENT);
	/* the parent may go too, once empty */
	KT_EXPECT_EQ(t, init_rmdir("/d"), 0);
	KT_EXPECT_EQ(t, lookup_err("../x"), -ENOENT);
	KT_EXPECT_EQ(t, init_mkdir("../x", 0755), -ENOENT);
	set_fs_pwd(&init_fs, &init_fs.root);
	fput(f);
}

static void lookup_errors(struct ktest *t)
{
	KT_ASSERT_EQ(t, init_mkdir("/a", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/a/b", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/a/b/c", 0644, "x", 1), 0);
	KT_EXPECT_EQ(t, lookup_err("/a/x"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/x/b/c"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c/d"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c/"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c//"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c/."), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c/.."), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/a/b/cc"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/a/b/C"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/a/b/..."), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/a/b/c/../c"), -ENOTDIR);
	KT_EXPECT_EQ(t, init_mkdir("/a/b/c/d", 0755), -ENOTDIR);
	KT_EXPECT_EQ(t, init_unlink("/a/x"), -ENOENT);
	KT_EXPECT_EQ(t, init_rmdir("/a/b/c"), -ENOTDIR);
	KT_EXPECT_EQ(t, init_unlink("/a/b"), -EISDIR);
	KT_EXPECT_EQ(t, init_rmdir("/a"), -ENOTEMPTY);
	KT_EXPECT_EQ(t, init_rmdir("/a/b/.."), -EINVAL);
	KT_EXPECT_EQ(t, init_rmdir("/"), -EINVAL);
}

static void name_limits(struct ktest *t)
{
	char *n255 = repeat("/", 'n', NAME_MAX, ""), *n256 = repeat("/", 'n', NAME_MAX + 1, "");
	char *deep256 = repeat("/d/", 'x', NAME_MAX + 1, "/f");
	char *p4095, *l4095;
	struct dentry *d;
	size_t k;

	KT_EXPECT_EQ(t, make_file(n255, 0600, "", 0), 0);
	d = dentry_at(n255, true);
	KT_ASSERT_NOT_NULL(t, d);
	KT_EXPECT_EQ(t, d->d_name.len, NAME_MAX);
	KT_EXPECT_EQ(t, strlen(d->d_name.name), NAME_MAX);
	KT_EXPECT_EQ(t, make_file(n256, 0600, "", 0), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, lookup_err(n256), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, init_mkdir(n256, 0755), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, init_symlink("x", n256), -ENAMETOOLONG);
	KT_ASSERT_EQ(t, init_mkdir("/d", 0755), 0);
	KT_EXPECT_EQ(t, make_file(deep256, 0600, "", 0), -ENAMETOOLONG);
	/* a path of PATH_MAX - 1 bytes: "/", 2046 "./", "/d" */
	p4095 = malloc(PATH_MAX + 1);
	strcpy(p4095, "/");
	for (k = 0; k < (PATH_MAX - 4) / 2; k++)
		strcat(p4095 + 2 * k, "./");
	strcat(p4095, "/d");
	KT_EXPECT_EQ(t, strlen(p4095), PATH_MAX - 1);
	KT_EXPECT_EQ(t, lookup_err(p4095), 0);
	/* a link's target may be PATH_MAX - 1 bytes, and is walked */
	l4095 = repeat("", '/', 0, p4095);
	KT_EXPECT_EQ(t, init_symlink(l4095, "/long-link"), 0);
	KT_EXPECT_PTR_EQ(t, inode_at("/long-link", true), inode_at("/d", true));
	KT_EXPECT_EQ(t, inode_at("/long-link", false)->i_size, PATH_MAX - 1);
	free(n255);
	free(n256);
	free(deep256);
	free(p4095);
	free(l4095);
}

static void create_rules(struct ktest *t)
{
	unsigned long dentries;
	struct inode *d;

	KT_ASSERT_EQ(t, init_mkdir("/d", 0700), 0);
	d = must_find(t, "/d");
	KT_EXPECT_EQ(t, init_mkdir("/d", 0755), -EEXIST);
	KT_EXPECT_EQ(t, d->i_mode, S_IFDIR | 0700);	/* left as it was */
	KT_EXPECT_EQ(t, init_mkdir("/d/", 0755), -EEXIST);
	KT_EXPECT_EQ(t, init_mkdir("/d/.", 0755), -EEXIST);
	KT_EXPECT_EQ(t, init_mkdir("/d/..", 0755), -EEXIST);
	KT_EXPECT_EQ(t, init_mkdir("/", 0755), -EEXIST);
	KT_EXPECT_EQ(t, open_err("/", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/d/.", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, make_file("/d", 0644, NULL, 0), -EEXIST);
	KT_EXPECT_EQ(t, open_err("/d", O_WRONLY | O_CREAT), -EISDIR);
	KT_ASSERT_EQ(t, make_file("/d/f", 0644, "abc", 3), 0);
	KT_EXPECT_EQ(t, make_file("/d/f", 0644, "abc", 3), -EEXIST);
	KT_EXPECT_EQ(t, init_mkdir("/d/f", 0755), -EEXIST);
	KT_EXPECT_EQ(t, init_symlink("x", "/d/f"), -EEXIST);
	KT_EXPECT_EQ(t, make_file("/d/f/g", 0644, NULL, 0), -ENOTDIR);
	dentries = nr_dentries();
	KT_EXPECT_EQ(t, make_file("/d/g/", 0644, NULL, 0), -EISDIR);
	KT_EXPECT_EQ(t, init_mknod("/d/g/", S_IFREG | 0644, 0), -ENOENT);
	KT_EXPECT_EQ(t, init_symlink("x", "/d/g/"), -ENOENT);
	KT_EXPECT_EQ(t, make_file("/nodir/new", 0644, NULL, 0), -ENOENT);
	KT_EXPECT_EQ(t, make_file("", 0644, NULL, 0), -ENOENT);
	KT_EXPECT_EQ(t, init_mkdir("", 0755), -ENOENT);
	/* failures leave nothing half made, not even a dentry */
	KT_EXPECT_EQ(t, lookup_err("/d/g"), -ENOENT);
	KT_EXPECT_EQ(t, nr_dentries(), dentries);
	/* a trailing '/' may make a directory */
	KT_EXPECT_EQ(t, init_mkdir("/d/g/", 0755), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/g"), S_IFDIR | 0755);
	/* device nodes and FIFOs are made now, with their type and number */
	KT_EXPECT_EQ(t, init_mknod("/d/c", S_IFCHR | 0600, MKDEV(1, 3)), 0);
	KT_EXPECT_EQ(t, init_mknod("/d/b", S_IFBLK | 0600, MKDEV(8, 1)), 0);
	KT_EXPECT_EQ(t, init_mknod("/d/p", S_IFIFO | 0600, 0), 0);
	KT_EXPECT_EQ(t, init_mknod("/d/r", S_IFREG | 0600, 0), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/c"), S_IFCHR | 0600);
	KT_EXPECT_EQ(t, must_find(t, "/d/c")->i_rdev, MKDEV(1, 3));
	KT_EXPECT_EQ(t, init_lstat_mode("/d/b"), S_IFBLK | 0600);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/p"), S_IFIFO | 0600);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/r"), S_IFREG | 0600);
	/* no driver has these numbers on the host, no block devices anywhere */
	KT_EXPECT_EQ(t, open_err("/d/c", O_RDONLY), -ENXIO);
	KT_EXPECT_EQ(t, open_err("/d/b", O_RDONLY), -ENXIO);
	KT_EXPECT_EQ(t, make_file("rel", 0644, "r", 1), 0);
	expect_contents(t, "/rel", "r", 1);
	/* "." and ".." count the directories */
	KT_EXPECT_EQ(t, d->i_nlink, 3);
	KT_EXPECT_EQ(t, init_rmdir("/d/g"), 0);
	KT_EXPECT_EQ(t, d->i_nlink, 2);
	KT_EXPECT_EQ(t, init_unlink("/d/c"), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/c"), -ENOENT);
}

/* getdents: ".", "..", then the names newest first, as Linux lists a tmpfs directory. */
static void directory_order(struct ktest *t)
{
	static const char *const names[] = {
		"m", "a", "zz", "b", "aa", "z", "A", "a.b", "0", "~",
	};
	char path[32];
	struct listing l;
	struct file *f;
	unsigned int i, dirs = 0;
	int err;

	KT_ASSERT_EQ(t, init_mkdir("/s", 0755), 0);
	list_dir(t, "/s", &l);
	KT_EXPECT_STREQ(t, l.names, ". ..");
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(path, sizeof(path), "/s/%s", names[i]);
		if (i % 3 == 0) {
			KT_EXPECT_EQ(t, init_mkdir(path, 0755), 0);
			dirs++;
		} else {
			KT_EXPECT_EQ(t, make_file(path, 0644, NULL, 0), 0);
		}
	}
	list_dir(t, "/s", &l);
	KT_EXPECT_STREQ(t, l.names, ". .. ~ 0 a.b A z aa b zz a m");
	KT_EXPECT_EQ(t, must_find(t, "/s")->i_nlink, 2 + dirs);
	/* a removed name goes, a new one comes first */
	KT_EXPECT_EQ(t, init_unlink("/s/aa"), 0);
	KT_EXPECT_EQ(t, init_rmdir("/s/m"), 0);
	KT_EXPECT_EQ(t, make_file("/s/m", 0644, NULL, 0), 0);
	list_dir(t, "/s", &l);
	KT_EXPECT_STREQ(t, l.names, ". .. m ~ 0 a.b A z b zz a");
	/* a listing cut short goes on where it stopped */
	memset(&l, 0, sizeof(l));
	l.ctx.actor = list_one;
	l.stop_after = 4;
	f = filp_open("/s", O_RDONLY | O_DIRECTORY, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, iterate_dir(f, &l.ctx), 0);
	KT_EXPECT_STREQ(t, l.names, ". .. m ~");
	KT_EXPECT_EQ(t, f->f_pos, 4);
	l.stop_after = 0;
	strcat(l.names, " |");
	KT_EXPECT_EQ(t, iterate_dir(f, &l.ctx), 0);
	KT_EXPECT_STREQ(t, l.names, ". .. m ~ | 0 a.b A z b zz a");
	KT_EXPECT_EQ(t, iterate_dir(f, &l.ctx), 0);	/* at the end: nothing more */
	KT_EXPECT_STREQ(t, l.names, ". .. m ~ | 0 a.b A z b zz a");
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), 0);
	memset(l.names, 0, sizeof(l.names));
	KT_EXPECT_EQ(t, iterate_dir(f, &l.ctx), 0);
	KT_EXPECT_STREQ(t, l.names, ". .. m ~ 0 a.b A z b zz a");
	fput(f);
}

/* tmpfs holds a file's data in pages: i_blocks, Shmem and the limits follow them. */
static void space_accounting(struct ktest *t)
{
	static u8 big[20000];
	unsigned long pages = shmem_pages();
	struct kstat st;
	struct file *f;
	loff_t pos;
	char buf[8];
	int err;

	memset(big, 0x3c, sizeof(big));
	KT_ASSERT_EQ(t, init_mkdir("/x", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/x/y", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/x/f", 0644, big, sizeof(big)), 0);
	KT_ASSERT_EQ(t, make_file("/x/y/g", 0644, "0123456789", 10), 0);
	KT_EXPECT_EQ(t, init_symlink("y/g", "/x/l"), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 5 + 1);
	KT_EXPECT_EQ(t, stat_at("/x/f", true, &st), 0);
	KT_EXPECT_EQ(t, st.size, sizeof(big));
	KT_EXPECT_EQ(t, st.blocks, 5 * 8);
	KT_EXPECT_EQ(t, st.blksize, PAGE_SIZE);
	expect_contents(t, "/x/l", "0123456789", 10);
	/* O_TRUNC and truncate give pages back, and keep what is below */
	f = filp_open("/x/f", O_RDWR, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, 4100), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 2 + 1);
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, 4), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 1 + 1);
	/* growing again reads zeroes where the data was cut */
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, 8), 0);
	pos = 0;
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 8);
	KT_EXPECT_EQ(t, memcmp(buf, "<<<<\0\0\0\0", 8), 0);
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, -1), -EINVAL);
	fput(f);
	KT_EXPECT_EQ(t, open_err("/x/f", O_WRONLY | O_TRUNC), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 0 + 1);
	KT_EXPECT_EQ(t, stat_at("/x/f", true, &st), 0);
	KT_EXPECT_EQ(t, st.size, 0);
	KT_EXPECT_EQ(t, st.blocks, 0);
	/* removing a tree frees its pages; a link into it dangles */
	KT_EXPECT_EQ(t, init_unlink("/x/y/g"), 0);
	KT_EXPECT_EQ(t, init_rmdir("/x/y"), 0);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
	KT_EXPECT_EQ(t, lookup_err("/x/l"), -ENOENT);
	KT_EXPECT_EQ(t, must_find(t, "/x")->i_nlink, 2);
}

/*
 * A sparse file: pages far apart, in different nodes of the page cache's
 * tree, and a truncation that keeps the first and must find the last.
 */
static void sparse_files(struct ktest *t)
{
	static const loff_t offsets[] = { 0, 100 * 4096 + 7, 4096 * 64 * 64 + 1, 1LL << 40 };
	unsigned long pages = shmem_pages();
	struct kstat st;
	struct file *f;
	char buf[16];
	loff_t pos;
	unsigned int i;
	int err;

	f = filp_open("/sparse", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	for (i = 0; i < ARRAY_SIZE(offsets); i++) {
		pos = offsets[i];
		KT_EXPECT_EQ(t, kernel_write(f, "data", 4, &pos), 4);
	}
	KT_EXPECT_EQ(t, shmem_pages() - pages, ARRAY_SIZE(offsets));
	KT_EXPECT_EQ(t, stat_at("/sparse", true, &st), 0);
	KT_EXPECT_EQ(t, st.size, (1LL << 40) + 4);
	KT_EXPECT_EQ(t, st.blocks, ARRAY_SIZE(offsets) * 8);
	/* holes read as zeroes */
	pos = 50 * 4096;
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KT_EXPECT_EQ(t, memcmp(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16), 0);
	pos = 100 * 4096 + 5;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 8, &pos), 8);
	KT_EXPECT_EQ(t, memcmp(buf, "\0\0data\0\0", 8), 0);
	/* cut after the first page's data: every page above goes */
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, 2), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 1);
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, (1LL << 40) + 4), 0);
	for (i = 1; i < ARRAY_SIZE(offsets); i++) {
		pos = offsets[i];
		KT_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
		KT_EXPECT_EQ(t, memcmp(buf, "\0\0\0\0", 4), 0);
	}
	pos = 0;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KT_EXPECT_EQ(t, memcmp(buf, "da\0\0", 4), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 1);
	/* the same again, the last page written first */
	for (i = ARRAY_SIZE(offsets); i-- > 1;) {
		pos = offsets[i];
		KT_EXPECT_EQ(t, kernel_write(f, "DATA", 4, &pos), 4);
	}
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, 4096 * 64 * 64 + 3), 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 3);
	fput(f);
	KT_EXPECT_EQ(t, init_unlink("/sparse"), 0);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
}

/* A tmpfs instance holds at most half of RAM: past it, -ENOSPC, and nothing is lost. */
static void tmpfs_full(struct ktest *t)
{
	static u8 chunk[256 * 1024];
	struct dentry *root = dentry_at("/", false);
	struct kstatfs sf;
	struct file *f;
	loff_t pos = 0;
	ssize_t n;
	int err;

	KT_ASSERT_EQ(t, root->d_sb->s_op->statfs(root, &sf), 0);
	KT_EXPECT_EQ(t, sf.f_blocks, totalram_pages / 2);
	f = filp_open("/full", O_WRONLY | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	memset(chunk, 0xa5, sizeof(chunk));
	while ((n = kernel_write(f, chunk, sizeof(chunk), &pos)) > 0)
		;
	KT_EXPECT_EQ(t, n, -ENOSPC);
	KT_EXPECT_EQ(t, root->d_sb->s_op->statfs(root, &sf), 0);
	KT_EXPECT_EQ(t, sf.f_bfree, 0);
	KT_EXPECT_EQ(t, pos, (loff_t)sf.f_blocks * PAGE_SIZE);
	KT_EXPECT_EQ(t, file_inode(f)->i_blocks, sf.f_blocks * 8);
	/* other names still come (they hold no pages), data does not */
	KT_EXPECT_EQ(t, init_mkdir("/dir", 0755), 0);
	KT_EXPECT_EQ(t, make_file("/dir/f", 0644, "x", 1), -EIO);
	KT_EXPECT_EQ(t, init_lstat_mode("/dir/f"), S_IFREG | 0644);
	fput(f);
	KT_EXPECT_EQ(t, init_unlink("/full"), 0);
	KT_EXPECT_EQ(t, make_file("/dir/g", 0644, "x", 1), 0);
	KT_EXPECT_EQ(t, root->d_sb->s_op->statfs(root, &sf), 0);
	KT_EXPECT_EQ(t, sf.f_bfree, sf.f_blocks - 1);
}

/* Positions and sizes stop at the largest a file may have (Linux's MAX_LFS_FILESIZE). */
static void file_size_limit(struct ktest *t)
{
	unsigned long pages = shmem_pages();
	struct file *f;
	loff_t pos;
	char c;
	int err;

	f = filp_open("/big", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	pos = MAX_LFS_FILESIZE;
	KT_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -EFBIG);
	KT_EXPECT_EQ(t, pos, MAX_LFS_FILESIZE);
	pos = MAX_LFS_FILESIZE - 1;
	KT_EXPECT_EQ(t, kernel_write(f, "xy", 2, &pos), 1);	/* cut at the limit */
	KT_EXPECT_EQ(t, pos, MAX_LFS_FILESIZE);
	KT_EXPECT_EQ(t, i_size_read(file_inode(f)), MAX_LFS_FILESIZE);
	pos = MAX_LFS_FILESIZE - 1;
	KT_EXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 1);
	KT_EXPECT_EQ(t, c, 'x');
	KT_EXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 0);
	pos = 0;
	KT_EXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 1);
	KT_EXPECT_EQ(t, c, 0);
	KT_EXPECT_EQ(t, shmem_pages() - pages, 1);
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, MAX_LFS_FILESIZE), 0);
	KT_EXPECT_EQ(t, vfs_truncate(&f->f_path, 1), 0);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
	fput(f);
}

static void symlinks(struct ktest *t)
{
	struct inode *bb, *i;
	char name[16], target[16];
	int k;

	KT_ASSERT_EQ(t, init_mkdir("/bin", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/usr", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/usr/lib", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/bin/busybox", 0755, "BB", 2), 0);
	KT_ASSERT_EQ(t, init_symlink("busybox", "/bin/sh"), 0);
	KT_ASSERT_EQ(t, make_file("/usr/lib/libc.so", 0644, "L", 1), 0);
	KT_ASSERT_EQ(t, init_symlink("/usr/lib", "/lib"), 0);
	KT_ASSERT_EQ(t, init_symlink("../bin/./sh", "/usr/up"), 0);
	bb = must_find(t, "/bin/busybox");
	KT_EXPECT_PTR_EQ(t, must_find(t, "/bin/sh"), bb);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/usr/up"), bb);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/lib/libc.so"), must_find(t, "/usr/lib/libc.so"));
	/* ".." after a link is the parent of where the link led */
	KT_EXPECT_PTR_EQ(t, must_find(t, "/lib/.."), must_find(t, "/usr"));
	i = inode_at("/bin/sh", false);
	KT_ASSERT_NOT_NULL(t, i);
	KT_EXPECT_EQ(t, i->i_mode, S_IFLNK | 0777);
	KT_EXPECT_EQ(t, i->i_size, 7);
	KT_EXPECT_EQ(t, init_lstat_mode("/bin/sh"), S_IFLNK | 0777);
	/* no-follow is about the last component only; a '/' after it follows */
	KT_EXPECT_EQ(t, init_lstat_mode("/lib/libc.so"), S_IFREG | 0644);
	KT_EXPECT_EQ(t, init_lstat_mode("/lib/"), S_IFDIR | 0755);
	KT_EXPECT_EQ(t, init_lstat_mode("/lib"), S_IFLNK | 0777);
	KT_EXPECT_EQ(t, lookup_err("/bin/sh/"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/bin/sh/."), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/bin/sh", O_RDONLY | O_NOFOLLOW), -ELOOP);
	KT_EXPECT_EQ(t, open_err("/bin/sh", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/bin/sh", O_RDONLY | O_CREAT), 0);
	KT_EXPECT_EQ(t, open_err("/bin/sh", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	/* a name is made where the links before it lead; the last is never followed */
	KT_EXPECT_EQ(t, make_file("/lib/new", 0644, "n", 1), 0);
	expect_contents(t, "/usr/lib/new", "n", 1);
	KT_EXPECT_EQ(t, init_mkdir("/lib", 0755), -EEXIST);
	KT_EXPECT_EQ(t, init_symlink("x", "/lib"), -EEXIST);
	KT_EXPECT_EQ(t, init_unlink("/lib"), 0);	/* the link, not the directory */
	KT_EXPECT_EQ(t, init_lstat_mode("/usr/lib"), S_IFDIR | 0755);
	/* dangling, loops, self */
	KT_ASSERT_EQ(t, init_symlink("/nowhere", "/dangling"), 0);
	KT_EXPECT_EQ(t, lookup_err("/dangling"), -ENOENT);
	KT_EXPECT_EQ(t, init_lstat_mode("/dangling"), S_IFLNK | 0777);
	KT_EXPECT_EQ(t, lookup_err("/dangling/x"), -ENOENT);
	KT_ASSERT_EQ(t, init_symlink("loop2", "/loop1"), 0);
	KT_ASSERT_EQ(t, init_symlink("/loop1", "/loop2"), 0);
	KT_EXPECT_EQ(t, lookup_err("/loop1"), -ELOOP);
	KT_EXPECT_EQ(t, lookup_err("/loop1/x"), -ELOOP);
	KT_EXPECT_EQ(t, init_lstat_mode("/loop1"), S_IFLNK | 0777);
	KT_ASSERT_EQ(t, init_symlink("self/x", "/self"), 0);
	KT_EXPECT_EQ(t, lookup_err("/self"), -ELOOP);
	KT_ASSERT_EQ(t, init_symlink("bin/busybox/", "/slash"), 0);
	KT_EXPECT_EQ(t, lookup_err("/slash"), -ENOTDIR);
	/* a chain, each link's target the next link: 40 resolve, 41 not (as Linux) */
	for (k = 1; k <= MAXSYMLINKS + 1; k++) {
		snprintf(name, sizeof(name), "/c%d", k);
		snprintf(target, sizeof(target), k == 1 ? "bin/busybox" : "c%d", k - 1);
		KT_ASSERT_EQ(t, init_symlink(target, name), 0);
	}
	snprintf(name, sizeof(name), "/c%d", MAXSYMLINKS);
	KT_EXPECT_PTR_EQ(t, must_find(t, name), bb);
	snprintf(name, sizeof(name), "/c%d", MAXSYMLINKS + 1);
	KT_EXPECT_EQ(t, lookup_err(name), -ELOOP);
	/* links within the middle of link targets nest as deep as a walk's 40 (as Linux) */
	for (k = 1; k <= MAXSYMLINKS + 1; k++) {
		snprintf(name, sizeof(name), "/n%d", k);
		snprintf(target, sizeof(target), k == 1 ? "bin" : "n%d/.", k - 1);
		KT_ASSERT_EQ(t, init_symlink(target, name), 0);
	}
	snprintf(name, sizeof(name), "/n%d/busybox", MAXSYMLINKS);
	KT_EXPECT_PTR_EQ(t, must_find(t, name), bb);
	snprintf(name, sizeof(name), "/n%d/busybox", MAXSYMLINKS + 1);
	KT_EXPECT_EQ(t, lookup_err(name), -ELOOP);
}

/* Many links one after another (not nested) count against MAXSYMLINKS. */
static void symlink_total(struct ktest *t)
{
	char *path = malloc(4 * (MAXSYMLINKS + 2) + 8);
	int k;

	KT_ASSERT_EQ(t, init_mkdir("/d", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/d/x", 0644, "x", 1), 0);
	KT_ASSERT_EQ(t, init_symlink(".", "/d/l"), 0);
	strcpy(path, "/d");
	for (k = 0; k < MAXSYMLINKS; k++)
		strcat(path, "/l");
	strcat(path, "/x");
	KT_EXPECT_EQ(t, lookup_err(path), 0);
	strcpy(path + strlen(path) - 2, "/l/x");
	KT_EXPECT_EQ(t, lookup_err(path), -ELOOP);
	free(path);
}

/* rename(2) from the kernel: both parents, both names, vfs_rename. */
static int rename_path(const char *from, const char *to, unsigned int flags)
{
	struct path op, np;
	struct qstr ol, nl;
	struct dentry *o, *n;
	int ot, nt, err;

	err = filename_parentat(AT_FDCWD, from, 0, &op, &ol, &ot);
	if (err)
		return err;
	err = filename_parentat(AT_FDCWD, to, 0, &np, &nl, &nt);
	if (err) {
		path_put(&op);
		return err;
	}
	o = lookup_one_qstr(op.dentry, &ol);
	n = lookup_one_qstr(np.dentry, &nl);
	if (IS_ERR(o) || IS_ERR(n))
		err = -ENOMEM;
	else if (d_really_is_negative(o))
		err = -ENOENT;
	else
		err = vfs_rename(d_inode(op.dentry), o, d_inode(np.dentry), n, flags);
	if (!IS_ERR(o))
		dput(o);
	if (!IS_ERR(n))
		dput(n);
	path_put(&np);
	path_put(&op);
	return err;
}

/* d_move and d_exchange, between inline names and names too long for the dentry. */
static void renames(struct ktest *t)
{
	char *long_a = repeat("/d/", 'a', 100, ""), *long_b = repeat("/e/", 'b', 200, "");
	struct inode *f, *g, *e;
	struct listing l;

	KT_ASSERT_EQ(t, init_mkdir("/d", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/e", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/d/f", 0644, "F", 1), 0);
	KT_ASSERT_EQ(t, make_file("/e/g", 0644, "G", 1), 0);
	f = must_find(t, "/d/f");
	g = must_find(t, "/e/g");
	KT_EXPECT_EQ(t, rename_path("/d/f", long_a, 0), 0);
	KT_EXPECT_PTR_EQ(t, inode_at(long_a, true), f);
	KT_EXPECT_EQ(t, lookup_err("/d/f"), -ENOENT);
	KT_EXPECT_EQ(t, rename_path(long_a, long_b, 0), 0);	/* long to long, other dir */
	KT_EXPECT_PTR_EQ(t, inode_at(long_b, true), f);
	KT_EXPECT_EQ(t, rename_path(long_b, "/e/x", 0), 0);	/* long to inline */
	KT_EXPECT_PTR_EQ(t, inode_at("/e/x", true), f);
	list_dir(t, "/e", &l);
	KT_EXPECT_STREQ(t, l.names, ". .. x g");
	list_dir(t, "/d", &l);
	KT_EXPECT_STREQ(t, l.names, ". ..");
	/* over an existing name: the one there goes */
	KT_EXPECT_EQ(t, rename_path("/e/x", "/e/g", RENAME_NOREPLACE), -EEXIST);
	KT_EXPECT_EQ(t, rename_path("/e/x", "/e/g", 0), 0);
	KT_EXPECT_PTR_EQ(t, inode_at("/e/g", true), f);
	expect_contents(t, "/e/g", "F", 1);
	/* exchange, a long name with an inline one, across directories */
	KT_ASSERT_EQ(t, make_file(long_a, 0644, "A", 1), 0);
	KT_EXPECT_EQ(t, rename_path(long_a, "/e/g", RENAME_EXCHANGE), 0);
	expect_contents(t, "/e/g", "A", 1);
	expect_contents(t, long_a, "F", 1);
	KT_EXPECT_PTR_EQ(t, inode_at(long_a, true), f);
	/* directories: into themselves no, over a non-empty one no */
	KT_ASSERT_EQ(t, init_mkdir("/d/sub", 0755), 0);
	KT_EXPECT_EQ(t, rename_path("/d", "/d/sub/d", 0), -EINVAL);
	KT_EXPECT_EQ(t, rename_path("/d/sub", "/e", 0), -ENOTEMPTY);
	KT_EXPECT_EQ(t, rename_path("/d/sub", "/e/g", 0), -ENOTDIR);
	KT_EXPECT_EQ(t, rename_path("/e/g", "/d/sub", 0), -EISDIR);
	e = must_find(t, "/e");
	KT_EXPECT_EQ(t, init_mkdir("/e/empty", 0755), 0);
	KT_EXPECT_EQ(t, e->i_nlink, 3);
	KT_EXPECT_EQ(t, rename_path("/d/sub", "/e/empty", 0), 0);
	KT_EXPECT_EQ(t, e->i_nlink, 3);
	KT_EXPECT_EQ(t, must_find(t, "/d")->i_nlink, 2);
	KT_EXPECT_EQ(t, init_lstat_mode("/d/sub"), -ENOENT);
	KT_EXPECT_EQ(t, rename_path("/e/empty", "/e/empty", 0), 0);
	(void)g;
	free(long_a);
	free(long_b);
}

static void path_names(struct ktest *t)
{
	char *buf = malloc(PATH_MAX), *s;
	struct path p;
	struct file *f;
	int err;

	KT_ASSERT_EQ(t, init_mkdir("/a", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/a/b", 0755), 0);
	KT_ASSERT_EQ(t, make_file("/a/b/file", 0644, "x", 1), 0);
	KT_ASSERT_EQ(t, kern_path("/a/./b/../b/file", 0, &p), 0);
	s = d_path(&p, buf, PATH_MAX);
	KT_EXPECT_FALSE(t, IS_ERR(s));
	if (!IS_ERR(s))
		KT_EXPECT_STREQ(t, s, "/a/b/file");
	KT_EXPECT_PTR_EQ(t, d_path(&p, buf, 9), ERR_PTR(-ENAMETOOLONG));
	s = d_path(&p, buf, 10);
	KT_EXPECT_FALSE(t, IS_ERR(s));
	if (!IS_ERR(s))
		KT_EXPECT_STREQ(t, s, "/a/b/file");
	path_put(&p);
	KT_ASSERT_EQ(t, kern_path("/", 0, &p), 0);
	s = d_path(&p, buf, PATH_MAX);
	if (!IS_ERR(s))
		KT_EXPECT_STREQ(t, s, "/");
	path_put(&p);
	/* an open file whose name is removed: " (deleted)", its data still there */
	f = filp_open("/a/b/file", O_RDWR, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, init_unlink("/a/b/file"), 0);
	KT_EXPECT_EQ(t, file_inode(f)->i_nlink, 0);
	s = d_path(&f->f_path, buf, PATH_MAX);
	if (!IS_ERR(s))
		KT_EXPECT_STREQ(t, s, "/a/b/file (deleted)");
	KT_EXPECT_EQ(t, open_err("/a/b/file", O_RDONLY), -ENOENT);
	KT_EXPECT_EQ(t, kernel_write(f, "yz", 2, &f->f_pos), 2);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 8, &(loff_t){ 0 }), 2);
	KT_EXPECT_EQ(t, memcmp(buf, "yz", 2), 0);
	fput(f);	/* the inode and its page go now: the leak check says */
	free(buf);
}

/* 2000 directories deep: the walk, the dput of a chain and the removal are loops. */
static void deep_tree(struct ktest *t)
{
	size_t depth = 2000, k;
	char *path = malloc(2 * depth + 8);
	struct dentry *leaf, *d;

	for (k = 0; k < depth; k++) {
		memcpy(path + 2 * k, "/a", 2);
		path[2 * k + 2] = '\0';
		if (init_mkdir(path, 0755)) {
			KT_FAIL(t, "mkdir at depth %zu", k);
			break;
		}
	}
	strcpy(path + 2 * depth, "/f");
	KT_ASSERT_EQ(t, make_file(path, 0644, "deep", 4), 0);
	leaf = dentry_at(path, true);
	KT_ASSERT_NOT_NULL(t, leaf);
	d = leaf;
	for (k = 0; k < depth; k++)
		d = d->d_parent;
	KT_EXPECT_PTR_EQ(t, d->d_parent, dentry_at("/", true));
	KT_EXPECT_TRUE(t, IS_ROOT(d->d_parent));
	expect_contents(t, path, "deep", 4);
	KT_EXPECT_EQ(t, init_rmdir("/a"), -ENOTEMPTY);
	KT_EXPECT_EQ(t, host_remove_tree("/a"), 0);
	KT_EXPECT_EQ(t, lookup_err("/a"), -ENOENT);
	free(path);
}

/*
 * A tmpfs instance of its own (an internal mount, reached as the working
 * directory), filled, then dropped with its last mount: d_genocide, the
 * dcache shrink and the super_block's end free every dentry, inode and
 * page in it (the leak check after the case says so).
 */
static void tmpfs_instance_teardown(struct ktest *t)
{
	static u8 data[3 * 4096 + 1];
	unsigned long pages = shmem_pages(), dentries = nr_dentries();
	struct vfsmount *mnt = kern_mount(&shmem_fs_type);
	struct path root, old;
	struct kstat st;
	size_t k;

	KT_ASSERT_FALSE(t, IS_ERR(mnt));
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	get_fs_pwd(&init_fs, &old);
	set_fs_pwd(&init_fs, &root);
	KT_EXPECT_EQ(t, init_mkdir("a", 0755), 0);
	KT_EXPECT_EQ(t, init_mkdir("a/b", 0755), 0);
	KT_EXPECT_EQ(t, init_mkdir("a/b/c", 0755), 0);
	KT_EXPECT_EQ(t, make_file("a/f", 0644, data, sizeof(data)), 0);
	KT_EXPECT_EQ(t, init_link("a/f", "a/b/c/hard"), 0);
	KT_EXPECT_EQ(t, init_symlink("../f", "a/b/sym"), 0);
	KT_EXPECT_EQ(t, init_mknod("a/b/c/null", S_IFCHR | 0666, MKDEV(1, 3)), 0);
	for (k = 0; k < 40; k++) {
		char name[64];

		snprintf(name, sizeof(name), "a/b/c/%zu-a-name-longer-than-a-dentry-holds", k);
		KT_EXPECT_EQ(t, make_file(name, 0600, "x", 1), 0);
	}
	KT_EXPECT_EQ(t, stat_at("a/b/sym", true, &st), 0);
	KT_EXPECT_EQ(t, st.nlink, 2);
	KT_EXPECT_EQ(t, st.blocks, 4 * 8);
	KT_EXPECT_NE(t, st.dev, d_inode(init_fs.root.dentry)->i_sb->s_dev);
	KT_EXPECT_EQ(t, lookup_err("/a"), -ENOENT);	/* not in the name space */
	KT_EXPECT_EQ(t, lookup_err(".."), 0);		/* its root is its own parent */
	KT_EXPECT_EQ(t, shmem_pages() - pages, 4 + 40);
	set_fs_pwd(&init_fs, &old);
	path_put(&old);
	mntput(mnt);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
	KT_EXPECT_EQ(t, nr_dentries(), dentries);
}

static const struct ktest_case path_cases[] = {
	KTEST_CASE(root_and_empty),
	KTEST_CASE(create_and_lookup),
	KTEST_CASE(lookup_errors),
	KTEST_CASE(removed_working_directory),
	KTEST_CASE(name_limits),
	KTEST_CASE(create_rules),
	KTEST_CASE(directory_order),
	KTEST_CASE(space_accounting),
	KTEST_CASE(sparse_files),
	KTEST_CASE(file_size_limit),
	KTEST_CASE(tmpfs_full),
	KTEST_CASE(symlinks),
	KTEST_CASE(symlink_total),
	KTEST_CASE(renames),
	KTEST_CASE(path_names),
	KTEST_CASE(deep_tree),
	KTEST_CASE(tmpfs_instance_teardown),
	{}
};

static const struct ktest_suite path_suite = {
	.name = "vfs_paths",
	.init = fs_init,
	.exit = fs_exit,
	.cases = path_cases,
};
ktest_register_suite(path_suite);
/* ---------------------------------------------------------------- */
/* initramfs */

static u8 busybox[100003];	/* not a multiple of 4: data padding */
static char long_name[NAME_MAX + 1];
static char long_path[3000];

/* The tree most cases use; returns the entries unpack must report. */
static int build_tree(struct cpio *c)
{
	size_t k;

	seed = 77;
	for (k = 0; k < sizeof(busybox); k++)
		busybox[k] = rnd();
	memset(long_name, 'L', NAME_MAX);
	for (k = 0; k + 2 < sizeof(long_path); k += 2)
		memcpy(long_path + k, "p/", 2);
	long_path[k - 1] = '\0';			/* ...p/p */
	cpio_dir(c, ".", 0755);				/* skipped */
	cpio_dir(c, "bin", 0755);
	cpio_add(c, &(struct centry) { .name = "bin/busybox", .mode = S_IFREG | 04755,
				       .data = busybox, .size = sizeof(busybox),
				       .uid = 0, .gid = 10, .mtime = 1700000000 });
	cpio_link(c, "bin/sh", "busybox");
	cpio_dir(c, "etc", 0755);
	cpio_dir(c, "etc/init.d", 0700);
	cpio_file(c, "etc/init.d/rcS", 0755, "#!/bin/sh\nmount -t proc proc /proc\n");
	cpio_file(c, "etc/hostname", 0644, "pagoda\n");
	cpio_file(c, "empty", 0600, "");
	cpio_file(c, long_name, 0644, "long");
	cpio_file(c, long_path, 0644, "deep");		/* parents made on the way */
	cpio_file(c, "./dotted/name", 0644, "d");	/* "./" prefix, missing parent */
	cpio_dir(c, "dev", 0755);
	cpio_add(c, &(struct centry) { .name = "dev/console", .mode = S_IFCHR | 0600 });
	cpio_add(c, &(struct centry) { .name = "dev/fifo", .mode = S_IFIFO | 0600 });
	/* GNU cpio: data with the last name of a hard link */
	cpio_add(c, &(struct centry) { .name = "h/one", .mode = S_IFREG | 0644,
				       .ino = 500, .nlink = 3 });
	cpio_add(c, &(struct centry) { .name = "h/two", .mode = S_IFREG | 0644,
				       .ino = 500, .nlink = 3 });
	cpio_add(c, &(struct centry) { .name = "h/three", .mode = S_IFREG | 0644,
				       .ino = 500, .nlink = 3, .data = "linked", .size = 6 });
	/* and the other way: data with the first */
	cpio_add(c, &(struct centry) { .name = "g/first", .mode = S_IFREG | 0644,
				       .ino = 600, .nlink = 2, .data = "first!", .size = 6 });
	cpio_add(c, &(struct centry) { .name = "g/second", .mode = S_IFREG | 0644,
				       .ino = 600, .nlink = 2 });
	cpio_trailer(c);
	return 19;
}

static void check_tree(struct ktest *t, const char *at)
{
	static const char rcs[] = "#!/bin/sh\nmount -t proc proc /proc\n";
	char path[3200];
	struct inode *i, *one;
	struct kstat st;

#define P(s) (snprintf(path, sizeof(path), "%s%s", at, s), path)
	expect_contents(t, P("/bin/busybox"), busybox, sizeof(busybox));
	expect_contents(t, P("/bin/sh"), busybox, sizeof(busybox));
	expect_contents(t, P("/etc/init.d/rcS"), rcs, strlen(rcs));
	expect_contents(t, P("/etc/hostname"), "pagoda\n", 7);
	expect_contents(t, P("/empty"), "", 0);
	expect_contents(t, P("/h/one"), "linked", 6);
	expect_contents(t, P("/h/two"), "linked", 6);
	expect_contents(t, P("/h/three"), "linked", 6);
	expect_contents(t, P("/g/first"), "first!", 6);
	expect_contents(t, P("/g/second"), "first!", 6);
	expect_contents(t, P("/dotted/name"), "d", 1);
	snprintf(path, sizeof(path), "%s/%s", at, long_name);
	expect_contents(t, path, "long", 4);
	snprintf(path, sizeof(path), "%s/%s", at, long_path);
	expect_contents(t, path, "deep", 4);
	KT_EXPECT_EQ(t, stat_at(P("/bin/busybox"), true, &st), 0);
	KT_EXPECT_EQ(t, st.mode, S_IFREG | 04755);
	KT_EXPECT_EQ(t, st.gid, 10);
	KT_EXPECT_EQ(t, st.mtime.tv_sec, 1700000000);
	KT_EXPECT_EQ(t, st.size, sizeof(busybox));
	KT_EXPECT_EQ(t, st.blocks, DIV_ROUND_UP(sizeof(busybox), PAGE_SIZE) * 8);
	KT_EXPECT_EQ(t, stat_at(P("/etc/init.d"), true, &st), 0);
	KT_EXPECT_EQ(t, st.mode, S_IFDIR | 0700);
	KT_EXPECT_EQ(t, init_lstat_mode(P("/bin/sh")), S_IFLNK | 0777);
	/* device nodes and FIFOs are made (the writer gives them rdev 0:0) */
	KT_EXPECT_EQ(t, init_lstat_mode(P("/dev/console")), S_IFCHR | 0600);
	i = inode_at(P("/dev/console"), false);
	if (i)
		KT_EXPECT_EQ(t, i->i_rdev, MKDEV(0, 0));
	KT_EXPECT_EQ(t, init_lstat_mode(P("/dev/fifo")), S_IFIFO | 0600);
	/* hard links are one inode with as many links as names */
	one = inode_at(P("/h/one"), false);
	KT_ASSERT_NOT_NULL(t, one);
	KT_EXPECT_PTR_EQ(t, inode_at(P("/h/two"), false), one);
	KT_EXPECT_PTR_EQ(t, inode_at(P("/h/three"), false), one);
	KT_EXPECT_EQ(t, one->i_nlink, 3);
	i = inode_at(P("/g/first"), false);
	KT_ASSERT_NOT_NULL(t, i);
	KT_EXPECT_PTR_EQ(t, inode_at(P("/g/second"), false), i);
	KT_EXPECT_EQ(t, i->i_nlink, 2);
	KT_EXPECT_NE(t, i->i_ino, one->i_ino);
	KT_EXPECT_EQ(t, lookup_err(P("/TRAILER!!!")), -ENOENT);
#undef P
}

static void unpack_tree(struct ktest *t)
{
	unsigned long pages = shmem_pages();
	struct cpio c = {};
	char why[WHY_LEN];
	int want = build_tree(&c), ret;

	ret = unpack_copy(c.buf, c.len, why);
	if (ret < 0)
		KT_FAIL(t, "refused: %s", why);
	KT_EXPECT_EQ(t, ret, want);
	KT_EXPECT_STREQ(t, why, "");
	check_tree(t, "");
	/* pages: busybox's, then rcS, hostname, long, deep, dotted, h and g (a link has none) */
	KT_EXPECT_EQ(t, shmem_pages() - pages, DIV_ROUND_UP(sizeof(busybox), PAGE_SIZE) + 7);
	cpio_free(&c);
}

/* Into a directory of the tree: nothing lands outside it. */
static void unpack_into_subtree(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];
	struct listing l;
	int want = build_tree(&c);

	KT_ASSERT_EQ(t, init_mkdir("/mnt", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir("/mnt/sub", 0755), 0);
	KT_EXPECT_EQ(t, unpack_initramfs_at("/mnt/sub", c.buf, c.len, why, sizeof(why)), want);
	check_tree(t, "/mnt/sub");
	list_dir(t, "/", &l);
	KT_EXPECT_STREQ(t, l.names, ". .. mnt");
	cpio_free(&c);
	/* absolute names are taken from the directory too */
	cpio_file(&c, "/abs/file", 0644, "abs");
	cpio_trailer(&c);
	KT_EXPECT_EQ(t, unpack_initramfs_at("/mnt/sub", c.buf, c.len, why, sizeof(why)), 1);
	expect_contents(t, "/mnt/sub/abs/file", "abs", 3);
	KT_EXPECT_EQ(t, lookup_err("/abs"), -ENOENT);
	/* and a missing directory is not made */
	KT_EXPECT_EQ(t, unpack_initramfs_at("/mnt/none", c.buf, c.len, why, sizeof(why)), -EINVAL);
	KT_EXPECT_TRUE(t, strstr(why, "cannot create") != NULL);
	cpio_free(&c);
}

static void checksummed_archive(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];

	cpio_add(&c, &(struct centry) { .name = "sum", .mode = S_IFREG | 0644,
				       .data = "\xff\xfe\x01 checked", .size = 11, .crc = true });
	cpio_add(&c, &(struct centry) { .name = "dir", .mode = S_IFDIR | 0755, .crc = true });
	cpio_trailer(&c);
	KT_EXPECT_EQ(t, unpack_copy(c.buf, c.len, why), 2);
	expect_contents(t, "/sum", "\xff\xfe\x01 checked", 11);
	cpio_free(&c);
}

/* cpio's 512-byte padding, NULs before and between, and a later archive
 * replacing what an earlier one unpacked. */
static void padding_and_concatenation(struct ktest *t)
{
	struct cpio a = {}, b = {};
	char why[WHY_LEN];
	static const u8 zeros[517];
	int ret;

	put_bytes(&a, zeros, 8);
	cpio_file(&a, "etc/motd", 0644, "first");
	cpio_file(&a, "keep", 0644, "kept");
	cpio_link(&a, "lnk", "keep");
	cpio_trailer(&a);
	put_bytes(&a, zeros, 512 - a.len % 512);
	put_bytes(&a, zeros, 5);	/* the next archive starts unaligned */
	cpio_file(&b, "etc/motd", 0600, "second, longer");
	cpio_file(&b, "lnk", 0644, "now a file");
	cpio_dir(&b, "etc", 0711);
	cpio_trailer(&b);
	put_bytes(&a, b.buf, b.len);
	put_bytes(&a, zeros, 3);
	ret = unpack_copy(a.buf, a.len, why);
	if (ret < 0)
		KT_FAIL(t, "refused: %s", why);
	KT_EXPECT_EQ(t, ret, 6);
	expect_contents(t, "/etc/motd", "second, longer", 14);
	expect_contents(t, "/keep", "kept", 4);
	expect_contents(t, "/lnk", "now a file", 10);
	KT_EXPECT_EQ(t, init_lstat_mode("/etc/motd"), S_IFREG | 0600);
	KT_EXPECT_EQ(t, init_lstat_mode("/lnk"), S_IFREG | 0644);
	KT_EXPECT_EQ(t, init_lstat_mode("/etc"), S_IFDIR | 0711);
	KT_EXPECT_EQ(t, must_find(t, "/etc/motd")->i_size, 14);
	cpio_free(&a);
	cpio_free(&b);
}

static void dot_names(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];

	cpio_dir(&c, ".", 0700);
	cpio_dir(&c, "./", 0700);
	cpio_dir(&c, "a/..", 0700);
	cpio_file(&c, "./x/./y/../z", 0644, "z");
	cpio_dir(&c, "x/.", 0750);
	cpio_trailer(&c);
	KT_EXPECT_EQ(t, unpack_copy(c.buf, c.len, why), 2);
	expect_contents(t, "/x/z", "z", 1);
	KT_EXPECT_EQ(t, init_lstat_mode("/x"), S_IFDIR | 0750);
	KT_EXPECT_EQ(t, init_lstat_mode("/"), S_IFDIR | 0755);	/* "." left alone */
	cpio_free(&c);
}

/* Unpacking and removing again and again loses no memory. */
static void no_leaks(struct ktest *t)
{
	unsigned long free1 = 0;
	struct cpio c = {};
	char why[WHY_LEN];
	int round, want = build_tree(&c);

	for (round = 0; round < 20; round++) {
		KT_ASSERT_EQ(t, unpack_initramfs(c.buf, c.len, why, sizeof(why)), want);
		KT_ASSERT_EQ(t, host_remove_tree("/"), 0);
		if (round == 0)
			free1 = free_and_slab_pages();
		else if (free_and_slab_pages() != free1)
			KT_FAIL(t, "round %d: %lu free+slab pages, not %lu", round,
				free_and_slab_pages(), free1);
	}
	cpio_free(&c);
}

static const struct ktest_case initramfs_cases[] = {
	KTEST_CASE(unpack_tree),
	KTEST_CASE(unpack_into_subtree),
	KTEST_CASE(checksummed_archive),
	KTEST_CASE(padding_and_concatenation),
	KTEST_CASE(dot_names),
	KTEST_CASE(no_leaks),
	{}
};

static const struct ktest_suite initramfs_suite = {
	.name = "initramfs",
	.init = fs_init,
	.exit = fs_exit,
	.cases = initramfs_cases,
};
ktest_register_suite(initramfs_suite);

/* ---------------------------------------------------------------- */
/* initramfs_corrupt */

/* A small valid archive: entries 0 dir, 1 file, 2 link, 3 trailer. */
static void small_archive(struct cpio *c)
{
	cpio_dir(c, "d", 0755);
	cpio_file(c, "d/file", 0644, "contents!");
	cpio_link(c, "d/link", "file");
	cpio_trailer(c);
}

struct corruption {
	const char *name;
	const char *expect;		/* in the reason */
	void (*spoil)(struct cpio *c);
};

static void bad_magic(struct cpio *c)
{
	c->buf[c->off[1] + 5] = '7';	/* 070707: the old binary-ish ASCII format */
}

static void bad_magic_first(struct cpio *c)
{
	c->buf[0] = 'X';
}

static void gzip_magic(struct cpio *c)
{
	c->buf[0] = 0x1f;
	c->buf[1] = 0x8b;
}

static void nonhex_mode(struct cpio *c)
{
	c->buf[c->off[1] + 6 + 8 * 1 + 3] = 'g';
}

static void nonhex_space(struct cpio *c)
{
	c->buf[c->off[1] + 6 + 8 * 6] = ' ';	/* filesize " 0000009" */
}

static void nonhex_sign(struct cpio *c)
{
	c->buf[c->off[2] + 6 + 8 * 11] = '-';	/* namesize */
}

static void namesize_zero(struct cpio *c)
{
	set_field(c, 1, 11, 0);
}

static void namesize_huge(struct cpio *c)
{
	set_field(c, 1, 11, 0xffffffff);
}

static void namesize_over_path_max(struct cpio *c)
{
	set_field(c, 1, 11, PATH_MAX + 1);
}

static void name_unterminated(struct cpio *c)
{
	c->buf[c->off[1] + HDR_LEN + strlen("d/file")] = 'X';
}

static void name_inner_nul(struct cpio *c)
{
	c->buf[c->off[1] + HDR_LEN + 1] = '\0';
}

static void name_past_end(struct cpio *c)
{
	set_field(c, 3, 11, 200);	/* the trailer's name runs off the end */
}

static void no_trailer(struct cpio *c)
{
	c->len = c->off[3];
}

/* The trailer, renamed, is an empty file: the archive has no end. */
static void trailer_renamed(struct cpio *c)
{
	c->buf[c->off[3] + HDR_LEN] = 't';
	set_field(c, 3, 1, S_IFREG | 0644);
}

static void file_too_big(struct cpio *c)
{
	set_field(c, 1, 6, 0x7fffffff);
}

static void file_past_end(struct cpio *c)
{
	set_field(c, 2, 6, c->len - c->off[2]);	/* the link's data */
}

static void escape_name(struct cpio *c)
{
	memcpy(c->buf + c->off[1] + HDR_LEN, "../fil", 6);
}

static void escape_deeper(struct cpio *c)
{
	memcpy(c->buf + c->off[1] + HDR_LEN, "./../x", 6);
}

static void dir_with_data(struct cpio *c)
{
	set_field(c, 1, 1, S_IFDIR | 0755);
}

static void bad_type(struct cpio *c)
{
	set_field(c, 1, 1, 0644);
}

static void bad_type_f(struct cpio *c)
{
	set_field(c, 1, 1, 0170644);
}

static void link_with_nul(struct cpio *c)
{
	/* "d/link" and its NUL end on a word: the target follows */
	c->buf[c->off[2] + ALIGN(HDR_LEN + 7, 4) + 2] = '\0';	/* "fi\0e" */
}

static void link_empty(struct cpio *c)
{
	struct cpio n = {};

	cpio_link(&n, "empty-link", "");
	cpio_trailer(&n);
	free(c->buf);
	*c = n;
}

static void bad_checksum(struct cpio *c)
{
	c->buf[c->off[1] + 5] = '2';	/* now 070702, and check is 0 */
}

static void file_then_dir(struct cpio *c)
{
	set_field(c, 0, 1, S_IFREG | 0644);	/* "d" a file; "d/file" needs a dir */
}

static void garbage_after(struct cpio *c)
{
	size_t k;

	for (k = 0; k < 30; k++)
		put_bytes(c, "junk", 4);
}

static void dir_over_file(struct cpio *c)
{
	struct cpio n = {};

	cpio_file(&n, "x", 0644, "file");
	cpio_dir(&n, "x", 0755);
	cpio_trailer(&n);
	free(c->buf);
	*c = n;
}

static void truncated_header(struct cpio *c)
{
	c->len = c->off[1] + 50;
}

static void only_zeros(struct cpio *c)
{
	memset(c->buf, 0, c->len);
}

static void empty_buffer(struct cpio *c)
{
	c->len = 0;
}

static const struct corruption corruptions[] = {
	{ "bad magic", "bad magic", bad_magic },
	{ "bad magic at 0", "bad magic", bad_magic_first },
	{ "gzip", "compressed", gzip_magic },
	{ "non-hex mode", "field mode", nonhex_mode },
	{ "space in filesize", "field filesize", nonhex_space },
	{ "sign in namesize", "field namesize", nonhex_sign },
	{ "namesize 0", "namesize 0", namesize_zero },
	{ "namesize 4 GiB", "absurd", namesize_huge },
	{ "namesize PATH_MAX + 1", "absurd", namesize_over_path_max },
	{ "name not NUL-terminated", "not NUL-terminated", name_unterminated },
	{ "NUL inside a name", "NUL inside", name_inner_nul },
	{ "name past the end", "truncated name", name_past_end },
	{ "no trailer", "without TRAILER!!!", no_trailer },
	{ "trailer misspelt", "without TRAILER!!!", trailer_renamed },
	{ "file of 2 GiB", "only", file_too_big },
	{ "file past the end", "only", file_past_end },
	{ "name ../", "escapes the root", escape_name },
	{ "name ./../", "escapes the root", escape_deeper },
	{ "directory with data", "directory", dir_with_data },
	{ "file type 0", "bad file type", bad_type },
	{ "file type 017", "bad file type", bad_type_f },
	{ "NUL in a link target", "bad target", link_with_nul },
	{ "empty link target", "bad target", link_empty },
	{ "checksum", "data sum", bad_checksum },
	{ "file where a directory goes", "cannot create", file_then_dir },
	{ "garbage after the trailer", "bad magic", garbage_after },
	{ "truncated header", "truncated header", truncated_header },
	{ "only NULs", "no archive", only_zeros },
	{ "nothing", "no archive", empty_buffer },
};

static void each_corruption(struct ktest *t)
{
	char why[WHY_LEN];
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(corruptions); i++) {
		const struct corruption *k = &corruptions[i];
		struct cpio c = {};

		small_archive(&c);
		KT_ASSERT_EQ(t, c.n, 4);
		k->spoil(&c);
		host_remove_tree("/");
		ret = unpack_copy(c.buf, c.len, why);
		if (ret != -EINVAL)
			KT_FAIL(t, "%s: returned %d, not -EINVAL (%s)", k->name, ret, why);
		else if (!strstr(why, k->expect))
			KT_FAIL(t, "%s: reason \"%s\" lacks \"%s\"", k->name, why, k->expect);
		cpio_free(&c);
	}
}

/* The name check must see what the unpacker walks, not what is printed. */
static void escape_checks_every_component(struct ktest *t)
{
	static const char *const bad[] = {
		"..", "../", "/..", "a/../..", "a/b/../../..", "./a/./../../b", "//..//x",
	};
	static const char *const good[] = {
		"a/..b", "..a", "a/../b", "a/b/../../c", "...", "a/./.././d",
	};
	char why[WHY_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct cpio c = {};

		cpio_file(&c, bad[i], 0644, "x");
		cpio_trailer(&c);
		if (unpack_copy(c.buf, c.len, why) != -EINVAL || !strstr(why, "escapes"))
			KT_FAIL(t, "\"%s\" not refused (%s)", bad[i], why);
		cpio_free(&c);
	}
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		struct cpio c = {};

		cpio_file(&c, good[i], 0644, "x");
		cpio_trailer(&c);
		if (unpack_copy(c.buf, c.len, why) != 1)
			KT_FAIL(t, "\"%s\" refused: %s", good[i], why);
		cpio_free(&c);
	}
	KT_EXPECT_EQ(t, lookup_err("/a/..b"), 0);
	KT_EXPECT_EQ(t, lookup_err("/..a"), 0);
	KT_EXPECT_EQ(t, lookup_err("/b"), 0);
	KT_EXPECT_EQ(t, lookup_err("/c"), 0);
	KT_EXPECT_EQ(t, lookup_err("/d"), 0);
}

/* Cut anywhere before the end of its trailer's name, an archive is refused. */
static void truncated_everywhere(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];
	size_t cut;
	int ret;

	small_archive(&c);
	for (cut = 0; cut < c.len; cut++) {
		host_remove_tree("/");
		ret = unpack_copy(c.buf, cut, why);
		if (ret != -EINVAL || !why[0])
			KT_FAIL(t, "cut to %zu of %zu: returned %d (%s)", cut, c.len, ret, why);
	}
	host_remove_tree("/");
	KT_EXPECT_EQ(t, unpack_copy(c.buf, c.len, why), 3);
	cpio_free(&c);
}

static void every_byte_changed(struct ktest *t)
{
	static const u8 values[] = { 0, '0', '7', 'F', 'f', '/', '.', 0xff };
	struct cpio c = {};
	char why[WHY_LEN];
	size_t i, j;
	int ret, accepted = 0;
	u8 orig;

	small_archive(&c);
	for (i = 0; i < c.len; i++) {
		orig = c.buf[i];
		for (j = 0; j < ARRAY_SIZE(values) + 1; j++) {
			c.buf[i] = j < ARRAY_SIZE(values) ? values[j] : orig ^ 0x01;
			if (c.buf[i] == orig)
				continue;
			host_remove_tree("/");
			ret = unpack_copy(c.buf, c.len, why);
			if (ret >= 0)
				accepted++;
			else if (ret != -EINVAL || !why[0])
				KT_FAIL(t, "byte %zu = %#x: returned %d (%s)", i, c.buf[i],
					ret, why);
		}
		c.buf[i] = orig;
	}
	KT_EXPECT_GT(t, accepted, 0);	/* data and padding bytes are free */
	cpio_free(&c);
}

/* What was refused by the read-only ramfs: a later entry replaces an earlier one. */
static void dir_replaces_file(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];

	dir_over_file(&c);
	KT_EXPECT_EQ(t, unpack_copy(c.buf, c.len, why), 2);
	KT_EXPECT_EQ(t, init_lstat_mode("/x"), S_IFDIR | 0755);
	cpio_free(&c);
}

static const struct ktest_case corrupt_cases[] = {
	KTEST_CASE(each_corruption),
	KTEST_CASE(dir_replaces_file),
	KTEST_CASE(escape_checks_every_component),
	KTEST_CASE(truncated_everywhere),
	KTEST_CASE(every_byte_changed),
	{}
};

static const struct ktest_suite corrupt_suite = {
	.name = "initramfs_corrupt",
	.init = fs_init,
	.exit = fs_exit,
	.cases = corrupt_cases,
};
ktest_register_suite(corrupt_suite);

/* ---------------------------------------------------------------- */
/* file */

static const char passwd[] = "root:x:0:0:root:/root:/bin/sh\n";

static int file_fixture(struct ktest *t)
{
	int ret = fs_init(t);

	if (!ret)
		ret = init_mkdir("/etc", 0755);
	if (!ret)
		ret = make_file("/etc/passwd", 0644, passwd, 30);
	if (!ret)
		ret = init_symlink("passwd", "/etc/link");
	if (!ret)
		ret = make_file("/empty", 0600, NULL, 0);
	return ret;
}

static void open_flags(struct ktest *t)
{
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_LARGEFILE | O_CLOEXEC), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_WRONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDWR), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_CREAT), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	KT_EXPECT_EQ(t, must_find(t, "/etc/passwd")->i_size, 30);
	KT_EXPECT_EQ(t, open_err("/etc/new", O_RDONLY), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/new", O_WRONLY | O_CREAT), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/etc/new"), S_IFREG | 0644);
	KT_EXPECT_EQ(t, open_err("/nodir/new", O_RDONLY | O_CREAT), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/new", O_RDONLY | O_CREAT), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc/", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, open_err("", O_RDONLY | O_CREAT), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/", O_RDONLY), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDONLY | O_DIRECTORY), 0);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc", O_WRONLY), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDWR), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/etc/link", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc/link", O_RDONLY | O_NOFOLLOW), -ELOOP);
	KT_EXPECT_EQ(t, open_err("/etc/link", O_PATH | O_NOFOLLOW), 0);
	KT_EXPECT_EQ(t, open_err("", O_RDONLY), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/x", O_RDONLY), -ENOTDIR);
	/* O_TRUNC empties a file opened for writing */
	KT_EXPECT_EQ(t, open_err("/etc/link", O_WRONLY | O_TRUNC), 0);
	KT_EXPECT_EQ(t, must_find(t, "/etc/passwd")->i_size, 0);
}

static void read_and_seek(struct ktest *t)
{
	char buf[64];
	int err;
	struct file *f = filp_open("/etc/link", O_RDONLY, 0, &err);
	loff_t pos;

	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 5, &f->f_pos), 5);
	KT_EXPECT_EQ(t, memcmp(buf, "root:", 5), 0);
	KT_EXPECT_EQ(t, f->f_pos, 5);
	pos = 22;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KT_EXPECT_EQ(t, memcmp(buf, "/bin", 4), 0);
	KT_EXPECT_EQ(t, f->f_pos, 5);			/* pread leaves it */
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 25);
	KT_EXPECT_EQ(t, memcmp(buf, passwd + 5, 25), 0);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 0);	/* EOF */
	KT_EXPECT_EQ(t, kernel_read(f, buf, 0, &f->f_pos), 0);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), 0);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 0, &f->f_pos), 0);
	KT_EXPECT_EQ(t, vfs_llseek(f, -3, SEEK_END), 27);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 10, &f->f_pos), 3);
	KT_EXPECT_EQ(t, memcmp(buf, "sh\n", 3), 0);
	KT_EXPECT_EQ(t, vfs_llseek(f, -10, SEEK_CUR), 20);
	KT_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_CUR), 22);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 1, &f->f_pos), 1);
	KT_EXPECT_EQ(t, buf[0], '/');
	/* past the end is allowed, reads there give 0 */
	KT_EXPECT_EQ(t, vfs_llseek(f, 1000, SEEK_SET), 1000);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 10, &f->f_pos), 0);
	pos = 30;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 10, &pos), 0);
	pos = 0x7fffffffffffffffLL;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 10, &pos), 0);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0x7fffffffffffffffLL, SEEK_SET), 0x7fffffffffffffffLL);
	/* errors leave the position alone */
	KT_EXPECT_EQ(t, vfs_llseek(f, 1, SEEK_CUR), -EINVAL);	/* overflow */
	KT_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, -31, SEEK_END), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, 30, SEEK_DATA), -ENXIO);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, -1), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, 5), -EINVAL);
	KT_EXPECT_EQ(t, f->f_pos, 0x7fffffffffffffffLL);
	/* the whole file is data */
	KT_EXPECT_EQ(t, vfs_llseek(f, 3, SEEK_DATA), 3);
	KT_EXPECT_EQ(t, vfs_llseek(f, 3, SEEK_HOLE), 30);
	KT_EXPECT_EQ(t, vfs_llseek(f, -30, SEEK_END), 0);
	/* not opened for writing */
	KT_EXPECT_EQ(t, kernel_write(f, "x", 1, &f->f_pos), -EBADF);
	fput(f);
}

static void writes(struct ktest *t)
{
	char buf[64];
	int err;
	struct file *f = filp_open("/etc/passwd", O_RDWR, 0, &err);
	struct file *a = filp_open("/etc/passwd", O_WRONLY | O_APPEND, 0, &err);
	loff_t pos;

	KT_ASSERT_NOT_NULL(t, f);
	KT_ASSERT_NOT_NULL(t, a);
	KT_EXPECT_EQ(t, kernel_write(f, "ROOT", 4, &f->f_pos), 4);
	KT_EXPECT_EQ(t, f->f_pos, 4);
	pos = 0;
	KT_EXPECT_EQ(t, kernel_write(a, "more\n", 5, &pos), 5);	/* at the end, always */
	KT_EXPECT_EQ(t, pos, 35);
	KT_EXPECT_EQ(t, kernel_read(a, buf, 1, &pos), -EBADF);
	pos = 40;					/* a hole between */
	KT_EXPECT_EQ(t, kernel_write(f, "!", 1, &pos), 1);
	expect_contents(t, "/etc/passwd", "ROOT:x:0:0:root:/root:/bin/sh\nmore\n\0\0\0\0\0!", 41);
	/* a page boundary, crossed in one write */
	pos = 4090;
	KT_EXPECT_EQ(t, kernel_write(f, "0123456789ab", 12, &pos), 12);
	pos = 4094;
	KT_EXPECT_EQ(t, kernel_read(f, buf, 64, &pos), 8);
	KT_EXPECT_EQ(t, memcmp(buf, "456789ab", 8), 0);
	KT_EXPECT_EQ(t, file_inode(f)->i_blocks, 16);
	fput(f);
	fput(a);
}

static void directories_and_empty(struct ktest *t)
{
	char buf[8];
	int err;
	struct file *d = filp_open("/etc", O_RDONLY | O_DIRECTORY, 0, &err);
	struct file *e = filp_open("/empty", O_RDONLY, 0, &err);
	loff_t pos = 0;

	KT_ASSERT_NOT_NULL(t, d);
	KT_ASSERT_NOT_NULL(t, e);
	KT_EXPECT_EQ(t, kernel_read(d, buf, sizeof(buf), &d->f_pos), -EISDIR);
	KT_EXPECT_EQ(t, kernel_read(d, buf, sizeof(buf), &pos), -EISDIR);
	KT_EXPECT_EQ(t, d->f_pos, 0);
	KT_EXPECT_EQ(t, kernel_read(e, buf, sizeof(buf), &e->f_pos), 0);
	KT_EXPECT_EQ(t, vfs_llseek(e, 0, SEEK_END), 0);
	/* a directory removed while open lists nothing more */
	KT_EXPECT_EQ(t, init_unlink("/etc/passwd"), 0);
	KT_EXPECT_EQ(t, init_unlink("/etc/link"), 0);
	KT_EXPECT_EQ(t, init_rmdir("/etc"), 0);
	KT_EXPECT_EQ(t, iterate_dir(d, &(struct dir_context){ .actor = list_one }), -ENOENT);
	fput(d);
	fput(e);
}

static void stat_fields(struct ktest *t)
{
	struct kstat st, st2;

	KT_ASSERT_EQ(t, init_chown("/etc/passwd", 7, 8), 0);
	KT_ASSERT_EQ(t, init_utimes("/etc/passwd", 123456789), 0);
	KT_ASSERT_EQ(t, stat_at("/etc/passwd", true, &st), 0);
	KT_EXPECT_EQ(t, st.mode, S_IFREG | 0644);
	KT_EXPECT_EQ(t, st.nlink, 1);
	KT_EXPECT_EQ(t, st.uid, 7);
	KT_EXPECT_EQ(t, st.gid, 8);
	KT_EXPECT_EQ(t, st.size, 30);
	KT_EXPECT_EQ(t, st.blksize, 4096);
	KT_EXPECT_EQ(t, st.blocks, 8);		/* one page, in 512-byte units */
	KT_EXPECT_EQ(t, st.mtime.tv_sec, 123456789);
	KT_EXPECT_EQ(t, st.atime.tv_sec, 123456789);
	KT_EXPECT_EQ(t, MAJOR(st.dev), 0);	/* an anonymous device */
	KT_EXPECT_EQ(t, st.ino, must_find(t, "/etc/passwd")->i_ino);
	KT_ASSERT_EQ(t, init_chmod("/etc/passwd", 04711), 0);
	KT_EXPECT_EQ(t, init_lstat_mode("/etc/passwd"), S_IFREG | 04711);
	KT_EXPECT_EQ(t, stat_at("/empty", true, &st), 0);
	KT_EXPECT_EQ(t, st.size, 0);
	KT_EXPECT_EQ(t, st.blocks, 0);
	KT_EXPECT_EQ(t, stat_at("/", true, &st), 0);
	KT_EXPECT_EQ(t, st.mode, S_IFDIR | 0755);
	KT_EXPECT_EQ(t, st.nlink, 3);		/* ".", its own "..", /etc's ".." */
	KT_EXPECT_EQ(t, stat_at("/etc/link", false, &st), 0);
	KT_EXPECT_EQ(t, st.mode, S_IFLNK | 0777);
	KT_EXPECT_EQ(t, st.size, 6);		/* the target's length */
	KT_EXPECT_EQ(t, stat_at("/etc/link", true, &st2), 0);
	KT_EXPECT_NE(t, st.ino, st2.ino);
	KT_EXPECT_EQ(t, st.dev, st2.dev);
}

static void reference_counts(struct ktest *t)
{
	struct dentry *d = dentry_at("/etc/passwd", true);
	int count, err;
	char c;
	struct file *f;

	KT_ASSERT_NOT_NULL(t, d);
	count = d->d_count;
	f = filp_open("/etc/passwd", O_RDONLY | O_CLOEXEC | O_CREAT, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, f->f_count, 1);
	/* O_CREAT only mattered at open, O_CLOEXEC is the descriptor's (F_GETFL shows neither) */
	KT_EXPECT_EQ(t, f->f_flags, O_RDONLY);
	KT_EXPECT_EQ(t, f->f_mode & (FMODE_READ | FMODE_WRITE), FMODE_READ);
	KT_EXPECT_EQ(t, d->d_count, count + 1);	/* the file holds its dentry */
	get_file(f);
	get_file(f);
	KT_EXPECT_EQ(t, f->f_count, 3);
	fput(f);
	fput(f);
	KT_EXPECT_EQ(t, f->f_count, 1);
	KT_EXPECT_EQ(t, kernel_read(f, &c, 1, &f->f_pos), 1);	/* still usable */
	fput(f);
	KT_EXPECT_EQ(t, d->d_count, count);
	/* a hard link: a second name, the same inode and data */
	KT_EXPECT_EQ(t, init_link("/etc/passwd", "/etc/hard"), 0);
	KT_EXPECT_EQ(t, must_find(t, "/etc/passwd")->i_nlink, 2);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/etc/hard"), must_find(t, "/etc/passwd"));
	KT_EXPECT_EQ(t, init_link("/etc", "/etc2"), -EPERM);
	KT_EXPECT_EQ(t, init_link("/etc/passwd", "/etc/hard"), -EEXIST);
	KT_EXPECT_EQ(t, init_unlink("/etc/passwd"), 0);
	KT_EXPECT_EQ(t, must_find(t, "/etc/hard")->i_nlink, 1);
	expect_contents(t, "/etc/hard", passwd, 30);
}

static const struct ktest_case file_cases[] = {
	KTEST_CASE(open_flags),
	KTEST_CASE(read_and_seek),
	KTEST_CASE(writes),
	KTEST_CASE(directories_and_empty),
	KTEST_CASE(stat_fields),
	KTEST_CASE(reference_counts),
	{}
};

static const struct ktest_suite file_suite = {
	.name = "file",
	.init = file_fixture,
	.exit = fs_exit,
	.cases = file_cases,
};
ktest_register_suite(file_suite);

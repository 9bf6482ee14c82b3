// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs unpacker, the path walk and the open-file layer in the
 * booted kernel. Archives are written here, in memory, by a small cpio
 * "newc" writer, and unpacked into a fresh directory of the root tmpfs,
 * /.ktest-initramfs, made for each case and removed after it, so what
 * the kernel unpacked at boot is untouched.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#define TOP		"/.ktest-initramfs"
#define ARCHIVE_MAX	4096
#define WHY_LEN		128
#define HDR_LEN		110

struct cpio {
	u8 *buf;
	size_t len;
	size_t off[16];		/* of each entry's header */
	int n;
	u32 ino;
};

static void put(struct cpio *c, const void *p, size_t n)
{
	if (c->len + n > ARCHIVE_MAX)
		return;		/* the archives here are far smaller */
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void pad(struct cpio *c)
{
	static const u8 zero[4];

	put(c, zero, (4 - c->len % 4) % 4);
}

static void add(struct cpio *c, const char *name, u32 mode, const char *data,
		u32 ino, u32 nlink)
{
	size_t size = data ? strlen(data) : 0;
	char hdr[HDR_LEN + 1];

	snprintf(hdr, sizeof(hdr),
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ino ? ino : ++c->ino, mode, 0, 0, nlink, 1700000000, (u32)size,
		 0, 0, 0, 0, (u32)strlen(name) + 1, 0);
	if (c->n < (int)ARRAY_SIZE(c->off))
		c->off[c->n++] = c->len;
	put(c, hdr, HDR_LEN);
	put(c, name, strlen(name) + 1);
	pad(c);
	put(c, data, size);
	pad(c);
}

static void set_field(struct cpio *c, int e, int i, u32 v)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08X", v);
	memcpy(c->buf + c->off[e] + 6 + 8 * i, hex, 8);
}

static char long_name[NAME_MAX + 2];

/* Entries: ".", dir, files, empty file, link, hard links, long name. */
static int build(struct cpio *c)
{
	memset(long_name, 'n', NAME_MAX);
	long_name[NAME_MAX] = '\0';
	add(c, ".", S_IFDIR | 0755, NULL, 0, 2);
	add(c, "etc", S_IFDIR | 0755, NULL, 0, 2);
	add(c, "etc/hostname", S_IFREG | 0644, "pagoda\n", 0, 1);
	add(c, "bin/busybox", S_IFREG | 0755, "\177ELF pretend", 0, 1);
	add(c, "bin/sh", S_IFLNK | 0777, "busybox", 0, 1);
	add(c, "empty", S_IFREG | 0600, NULL, 0, 1);
	add(c, "h/a", S_IFREG | 0644, NULL, 900, 2);
	add(c, "h/b", S_IFREG | 0644, "shared", 900, 2);
	add(c, long_name, S_IFREG | 0644, "long", 0, 1);
	add(c, "TRAILER!!!", 0, NULL, 0, 1);
	return 8;
}

/* The names in directory @path, NUL-separated, for remove_tree. */
struct names {
	struct dir_context ctx;
	char buf[2048];
	size_t len;
};

static bool collect(struct dir_context *ctx, const char *name, int len, loff_t pos,
		    u64 ino, unsigned int type)
{
	struct names *n = container_of(ctx, struct names, ctx);

	(void)pos;
	(void)ino;
	(void)type;
	if ((len == 1 && name[0] == '.') || (len == 2 && !memcmp(name, "..", 2)))
		return true;
	if (n->len + len + 1 > sizeof(n->buf))
		return false;
	memcpy(n->buf + n->len, name, len);
	n->buf[n->len + len] = '\0';
	n->len += len + 1;
	return true;
}

/* rm -r @path (the suite's trees are a few levels deep). */
static void remove_tree(const char *path)
{
	struct names *n;
	struct file *f;
	char *child;
	int mode = init_lstat_mode(path), err;
	size_t i;

	if (mode < 0)
		return;
	if (!S_ISDIR(mode)) {
		init_unlink(path);
		return;
	}
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	child = kmalloc(PATH_MAX, GFP_KERNEL);
	f = filp_open(path, O_RDONLY | O_DIRECTORY, 0, &err);
	if (n && child && f) {
		n->ctx.actor = collect;
		iterate_dir(f, &n->ctx);
		for (i = 0; i < n->len; i += strlen(n->buf + i) + 1) {
			snprintf(child, PATH_MAX, "%s/%s", path, n->buf + i);
			remove_tree(child);
		}
	}
	if (f)
		fput(f);
	kfree(child);
	kfree(n);
	init_rmdir(path);
}

static int suite_init(struct ktest *t)
{
	(void)t;
	remove_tree(TOP);
	return init_mkdir(TOP, 0700);
}

static void suite_exit(struct ktest *t)
{
	(void)t;
	remove_tree(TOP);
}

static int lookup(const char *path)
{
	struct path p;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);

	if (!err)
		path_put(&p);
	return err;
}

/* The inode at @path (links followed if @follow); NULL if none. */
static struct inode *inode_at(const char *path, bool follow)
{
	struct inode *inode;
	struct path p;

	if (kern_path(path, follow ? LOOKUP_FOLLOW : 0, &p))
		return NULL;
	inode = d_inode(p.dentry);
	path_put(&p);	/* the tree still holds it */
	return inode;
}

/*
 * One archive at a time, in static memory: the suite leaves no partly
 * used kmalloc slabs behind to surprise suites that count slab pages.
 */
static struct cpio *new_archive(void)
{
	static u8 buf[ARCHIVE_MAX];
	static struct cpio c;

	memset(&c, 0, sizeof(c));
	c.buf = buf;
	return &c;
}

static void free_archive(struct cpio *c)
{
	c->len = 0;
}

static void expect_file(struct ktest *t, const char *path, const char *want)
{
	size_t len = strlen(want);
	loff_t pos = 0;
	char buf[32];
	struct file *f;
	long n;
	int err;

	f = filp_open(path, O_RDONLY, 0, &err);
	if (!f) {
		KT_FAIL(t, "open %s: %d", path, err);
		return;
	}
	n = kernel_read(f, buf, sizeof(buf), &pos);
	KT_EXPECT_EQ(t, n, len);
	if (n == (long)len && memcmp(buf, want, len))
		KT_FAIL(t, "%s: contents differ", path);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);
	fput(f);
}

static void unpack_and_read(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN], path[NAME_MAX + 32];
	struct kstat st;
	struct path p;
	struct inode *a, *b;
	int want;

	KT_ASSERT_NOT_NULL(t, c);
	want = build(c);
	KT_EXPECT_EQ(t, unpack_initramfs_at(TOP, c->buf, c->len, why, sizeof(why)), want);
	expect_file(t, TOP "/etc/hostname", "pagoda\n");
	expect_file(t, TOP "/bin/sh", "\177ELF pretend");
	expect_file(t, TOP "/empty", "");
	expect_file(t, TOP "/h/a", "shared");	/* data came with the last name */
	expect_file(t, TOP "/h/b", "shared");
	snprintf(path, sizeof(path), TOP "/%s", long_name);
	expect_file(t, path, "long");
	KT_ASSERT_EQ(t, kern_path(TOP "/bin/busybox", 0, &p), 0);
	vfs_getattr(&p, &st);
	path_put(&p);
	KT_EXPECT_EQ(t, st.mode, S_IFREG | 0755);
	KT_EXPECT_EQ(t, st.size, 12);
	KT_EXPECT_EQ(t, st.mtime.tv_sec, 1700000000);
	KT_EXPECT_EQ(t, st.blocks, 8);
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/bin/sh"), S_IFLNK | 0777);
	/* hard links are one inode now, with two names */
	a = inode_at(TOP "/h/a", false);
	b = inode_at(TOP "/h/b", false);
	KT_ASSERT_NOT_NULL(t, a);
	KT_EXPECT_PTR_EQ(t, a, b);
	KT_EXPECT_EQ(t, a->i_nlink, 2);
	free_archive(c);
}

static void lookups(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN], *name;
	struct inode *a;

	KT_ASSERT_NOT_NULL(t, c);
	build(c);
	KT_ASSERT_GE(t, unpack_initramfs_at(TOP, c->buf, c->len, why, sizeof(why)), 0);
	a = inode_at(TOP "/etc/hostname", true);
	KT_ASSERT_NOT_NULL(t, a);
	KT_EXPECT_PTR_EQ(t, inode_at("//.ktest-initramfs///etc//hostname", true), a);
	KT_EXPECT_PTR_EQ(t, inode_at(TOP "/./bin/../etc/./hostname", true), a);
	KT_EXPECT_PTR_EQ(t, inode_at("/../.." TOP "/etc/hostname", true), a);
	KT_EXPECT_EQ(t, lookup(TOP "/etc/missing"), -ENOENT);
	KT_EXPECT_EQ(t, lookup(TOP "/nodir/hostname"), -ENOENT);
	KT_EXPECT_EQ(t, lookup(TOP "/etc/hostname/x"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup(TOP "/etc/hostname/"), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup(""), -ENOENT);
	name = kmalloc(NAME_MAX + 32, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, name);
	snprintf(name, NAME_MAX + 32, TOP "/%sn", long_name);	/* 256 bytes */
	KT_EXPECT_EQ(t, lookup(name), -ENAMETOOLONG);
	kfree(name);
	/* links: loops end in -ELOOP, a link to a directory is walked through */
	KT_EXPECT_EQ(t, init_symlink("loop2", TOP "/loop1"), 0);
	KT_EXPECT_EQ(t, init_symlink("loop1", TOP "/loop2"), 0);
	KT_EXPECT_EQ(t, lookup(TOP "/loop1"), -ELOOP);
	KT_EXPECT_EQ(t, init_symlink("etc", TOP "/etclink"), 0);
	KT_EXPECT_PTR_EQ(t, inode_at(TOP "/etclink/hostname", true), a);
	KT_EXPECT_EQ(t, init_symlink("missing", TOP "/dangling"), 0);
	KT_EXPECT_EQ(t, lookup(TOP "/dangling"), -ENOENT);
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/dangling"), S_IFLNK | 0777);
	free_archive(c);
}

/* A field set and/or bytes written into one entry of build()'s archive. */
struct corruption {
	const char *name, *expect;
	int entry;
	int field;		/* -1: none */
	u32 value;
	const char *bytes;	/* NULL: none */
	int at;			/* from the entry's header */
};

static const struct corruption corruptions[] = {
	{ "bad magic", "bad magic", 2, -1, 0, "9", 5 },
	{ "non-hex field", "field uid", 2, -1, 0, "z", 6 + 8 * 2 + 4 },
	{ "namesize 0", "namesize 0", 2, 11, 0, NULL, 0 },
	{ "namesize huge", "absurd", 2, 11, 0x10000, NULL, 0 },
	{ "name unterminated", "not NUL-terminated", 2, 11, 5, NULL, 0 },
	{ "name past the end", "truncated name", 9, 11, 4000, NULL, 0 },
	{ "file past the end", "only", 2, 6, 0x1000000, NULL, 0 },
	{ "name escapes", "escapes the root", 2, -1, 0, "../.", HDR_LEN },
	{ "directory with data", "directory", 2, 1, S_IFDIR | 0755, NULL, 0 },
	{ "bad file type", "bad file type", 2, 1, 0644, NULL, 0 },
	{ "file where a directory goes", "cannot create", 1, 1, S_IFREG | 0644, NULL, 0 },
	/* the trailer renamed, and so an empty file: the archive has no end */
	{ "no trailer", "without TRAILER", 9, 1, S_IFREG | 0644, "t", HDR_LEN },
};

static void spoil(struct cpio *c, const struct corruption *k)
{
	if (k->field >= 0)
		set_field(c, k->entry, k->field, k->value);
	if (k->bytes)
		memcpy(c->buf + c->off[k->entry] + k->at, k->bytes, strlen(k->bytes));
}

static void corruptions_refused(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN];
	unsigned int i;
	int ret;

	KT_ASSERT_NOT_NULL(t, c);
	for (i = 0; i < ARRAY_SIZE(corruptions); i++) {
		const struct corruption *k = &corruptions[i];

		c->len = 0;
		c->n = 0;
		c->ino = 0;
		build(c);
		spoil(c, k);
		suite_init(t);
		ret = unpack_initramfs_at(TOP, c->buf, c->len, why, sizeof(why));
		if (ret != -EINVAL)
			KT_FAIL(t, "%s: returned %d, not -EINVAL (%s)", k->name, ret, why);
		else if (!strstr(why, k->expect))
			KT_FAIL(t, "%s: reason \"%s\" lacks \"%s\"", k->name, why, k->expect);
	}
	free_archive(c);
}

/* Cut anywhere short of its end, the archive is refused. */
static void truncations_refused(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN];
	size_t cut;
	int ret;

	KT_ASSERT_NOT_NULL(t, c);
	build(c);
	for (cut = 0; cut < c->len; cut++) {
		ret = unpack_initramfs_at(TOP, c->buf, cut, why, sizeof(why));
		if (ret != -EINVAL || !why[0]) {
			KT_FAIL(t, "cut to %zu of %zu: %d (%s)", cut, c->len, ret, why);
			break;
		}
	}
	KT_EXPECT_EQ(t, unpack_initramfs_at(TOP, c->buf, c->len, why, sizeof(why)), 8);
	free_archive(c);
}

/* The open rules on tmpfs: writes, creation, O_DIRECTORY, O_NOFOLLOW, seeks. */
static void open_rules(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN], buf[4];
	struct file *f;
	loff_t pos = 0;
	int err;

	KT_ASSERT_NOT_NULL(t, c);
	build(c);
	KT_ASSERT_GE(t, unpack_initramfs_at(TOP, c->buf, c->len, why, sizeof(why)), 0);
	KT_EXPECT_NULL(t, filp_open(TOP "/etc/hostname", O_WRONLY | O_CREAT | O_EXCL, 0644, &err));
	KT_EXPECT_EQ(t, err, -EEXIST);
	KT_EXPECT_NULL(t, filp_open(TOP "/etc/hostname", O_DIRECTORY, 0, &err));
	KT_EXPECT_EQ(t, err, -ENOTDIR);
	KT_EXPECT_NULL(t, filp_open(TOP "/bin/sh", O_RDONLY | O_NOFOLLOW, 0, &err));
	KT_EXPECT_EQ(t, err, -ELOOP);
	KT_EXPECT_NULL(t, filp_open(TOP "/etc", O_WRONLY, 0, &err));
	KT_EXPECT_EQ(t, err, -EISDIR);
	f = filp_open(TOP "/etc", O_RDONLY | O_DIRECTORY, 0, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -EISDIR);
	fput(f);
	f = filp_open(TOP "/etc/new", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	pos = 0;
	KT_EXPECT_EQ(t, kernel_write(f, "pagoda\n", 7, &pos), 7);
	KT_EXPECT_EQ(t, vfs_llseek(f, -2, SEEK_END), 5);
	pos = 5;
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 2);
	KT_EXPECT_EQ(t, buf[0], 'a');	/* "pagoda\n" from 5 */
	KT_EXPECT_EQ(t, buf[1], '\n');
	KT_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	fput(f);
	expect_file(t, TOP "/etc/new", "pagoda\n");
	free_archive(c);
}

static const struct ktest_case initramfs_cases[] = {
	KTEST_CASE(unpack_and_read),
	KTEST_CASE(lookups),
	KTEST_CASE(corruptions_refused),
	KTEST_CASE(truncations_refused),
	KTEST_CASE(open_rules),
	{}
};

static const struct ktest_suite initramfs_suite = {
	.name = "initramfs",
	.init = suite_init,
	.exit = suite_exit,
	.cases = initramfs_cases,
};
ktest_register_suite(initramfs_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The ramfs, the initramfs unpacker and the open-file layer in the booted
 * kernel. Archives are written here, in memory, by a small cpio "newc"
 * writer, and unpacked into a fresh directory, /.ktest-initramfs, made
 * for each case and removed after it: the suite never re-initialises the
 * ramfs, so whatever the kernel unpacked at boot is still there when the
 * tests are done (the ramfs is only created if nothing made it before).
 * The host suites in tests/host/test_initramfs.c go further (every byte,
 * every corruption, under ASan); this checks the code as built for the CPU.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/ramfs.h>
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

static int suite_init(struct ktest *t)
{
	struct inode *old, *dir;
	int ret;

	if (!ramfs_root()) {
		ret = ramfs_init();
		if (ret)
			return ret;
	}
	if (!ramfs_lookup_at(ramfs_root(), TOP, LOOKUP_NOFOLLOW, &old))
		ramfs_remove(old);
	ret = ramfs_create(TOP, S_IFDIR | 0700, NULL, 0, &dir);
	t->priv = dir;
	return ret;
}

static void suite_exit(struct ktest *t)
{
	ramfs_remove(t->priv);
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
	char buf[32];
	struct file *f;
	long n;
	int err;

	f = file_open(path, O_RDONLY, &err);
	if (!f) {
		KT_FAIL(t, "open %s: %d", path, err);
		return;
	}
	n = file_read(f, buf, sizeof(buf));
	KT_EXPECT_EQ(t, n, len);
	if (n == (long)len && memcmp(buf, want, len))
		KT_FAIL(t, "%s: contents differ", path);
	KT_EXPECT_EQ(t, file_read(f, buf, sizeof(buf)), 0);
	file_put(f);
}

static void unpack_and_read(struct ktest *t)
{
	unsigned long bytes = ramfs_bytes();
	struct cpio *c = new_archive();
	char why[WHY_LEN], path[NAME_MAX + 32];
	struct kstat st;
	struct inode *i;
	int want;

	KT_ASSERT_NOT_NULL(t, c);
	want = build(c);
	KT_EXPECT_EQ(t, unpack_initramfs_at(t->priv, c->buf, c->len, why, sizeof(why)),
		     want);
	expect_file(t, TOP "/etc/hostname", "pagoda\n");
	expect_file(t, TOP "/bin/sh", "\177ELF pretend");
	expect_file(t, TOP "/empty", "");
	expect_file(t, TOP "/h/a", "shared");	/* data came with the last name */
	expect_file(t, TOP "/h/b", "shared");
	snprintf(path, sizeof(path), TOP "/%s", long_name);
	expect_file(t, path, "long");
	KT_ASSERT_EQ(t, ramfs_lookup(TOP "/bin/busybox", &i), 0);
	file_stat(i, &st);
	KT_EXPECT_EQ(t, st.mode, S_IFREG | 0755);
	KT_EXPECT_EQ(t, st.size, 12);
	KT_EXPECT_EQ(t, st.mtime, 1700000000);
	KT_EXPECT_EQ(t, st.blocks, 8);
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), TOP "/bin/sh", LOOKUP_NOFOLLOW, &i), 0);
	KT_EXPECT_EQ(t, i->mode, S_IFLNK | 0777);
	KT_EXPECT_EQ(t, ramfs_bytes() - bytes, 7 + 12 + 7 + 6 + 6 + 4);
	free_archive(c);
}

static int lookup(const char *path)
{
	struct inode *i;

	return ramfs_lookup(path, &i);
}

static void lookups(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN], *name;
	struct inode *a, *b;

	KT_ASSERT_NOT_NULL(t, c);
	build(c);
	KT_ASSERT_GE(t, unpack_initramfs_at(t->priv, c->buf, c->len, why, sizeof(why)), 0);
	KT_ASSERT_EQ(t, ramfs_lookup(TOP "/etc/hostname", &a), 0);
	KT_EXPECT_EQ(t, ramfs_lookup("//.ktest-initramfs///etc//hostname", &b), 0);
	KT_EXPECT_PTR_EQ(t, a, b);
	KT_EXPECT_EQ(t, ramfs_lookup(TOP "/./bin/../etc/./hostname", &b), 0);
	KT_EXPECT_PTR_EQ(t, a, b);
	KT_EXPECT_EQ(t, ramfs_lookup("/../.." TOP "/etc/hostname", &b), 0);
	KT_EXPECT_PTR_EQ(t, a, b);
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
		ramfs_remove(t->priv);
		suite_init(t);
		ret = unpack_initramfs_at(t->priv, c->buf, c->len, why, sizeof(why));
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
		ret = unpack_initramfs_at(t->priv, c->buf, cut, why, sizeof(why));
		if (ret != -EINVAL || !why[0]) {
			KT_FAIL(t, "cut to %zu of %zu: %d (%s)", cut, c->len, ret, why);
			break;
		}
	}
	KT_EXPECT_EQ(t, unpack_initramfs_at(t->priv, c->buf, c->len, why, sizeof(why)), 8);
	free_archive(c);
}

/* Read-only: no writes, no creation; directories open but do not read. */
static void open_rules(struct ktest *t)
{
	struct cpio *c = new_archive();
	char why[WHY_LEN], buf[4];
	struct file *f;
	int err;

	KT_ASSERT_NOT_NULL(t, c);
	build(c);
	KT_ASSERT_GE(t, unpack_initramfs_at(t->priv, c->buf, c->len, why, sizeof(why)), 0);
	KT_EXPECT_NULL(t, file_open(TOP "/etc/hostname", O_WRONLY, &err));
	KT_EXPECT_EQ(t, err, -EROFS);
	KT_EXPECT_NULL(t, file_open(TOP "/etc/new", O_WRONLY | O_CREAT, &err));
	KT_EXPECT_EQ(t, err, -EROFS);
	KT_EXPECT_NULL(t, file_open(TOP "/etc/hostname", O_DIRECTORY, &err));
	KT_EXPECT_EQ(t, err, -ENOTDIR);
	KT_EXPECT_NULL(t, file_open(TOP "/bin/sh", O_RDONLY | O_NOFOLLOW, &err));
	KT_EXPECT_EQ(t, err, -ELOOP);
	f = file_open(TOP "/etc", O_RDONLY | O_DIRECTORY, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, file_read(f, buf, sizeof(buf)), -EISDIR);
	file_put(f);
	f = file_open(TOP "/etc/hostname", O_RDONLY, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, file_lseek(f, -2, SEEK_END), 5);
	KT_EXPECT_EQ(t, file_read(f, buf, sizeof(buf)), 2);
	KT_EXPECT_EQ(t, buf[0], 'a');	/* "pagoda\n" from 5 */
	KT_EXPECT_EQ(t, buf[1], '\n');
	KT_EXPECT_EQ(t, file_pread(f, buf, 3, 0), 3);
	KT_EXPECT_EQ(t, file_lseek(f, -1, SEEK_SET), -EINVAL);
	KT_EXPECT_EQ(t, file_lseek(f, 0, 7), -EINVAL);
	file_put(f);
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

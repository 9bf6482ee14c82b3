// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the ramfs, the initramfs unpacker and the open-file layer
 * (fs/ramfs.c, fs/initramfs.c, fs/file.c) over SLUB on an arena, under
 * AddressSanitizer and UBSan.
 *
 * Archives are made here by a small cpio "newc" writer, so every field
 * can be set and spoilt at will: trees with nested directories, empty
 * files, 255-byte names, symbolic and hard links (in both of the ways
 * newc writers place a hard link's data), device nodes, the checksummed
 * "070702" variant, 512-byte padding and concatenated archives.
 *
 * ramfs_paths: lookups with "//", ".", "..", missing and non-directory
 * components, symbolic links (loops, nesting, dangling, trailing '/'),
 * the NAME_MAX/PATH_MAX limits, creation rules, sorted entries, byte
 * accounting, and a tree 2000 directories deep.
 * initramfs: archives unpacked and read back through file_open/read/
 * lseek/stat; into the root and into a subtree; and 300 unpack/reinit
 * cycles that must not leak a page.
 * initramfs_corrupt: each corruption refused with -EINVAL and a reason
 * naming it, the archive cut at every length, and every byte changed.
 * file: open flags, reads, positions, stat and reference counts.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include "mm_arena.h"

/* The C library's formatters below, not the kernel's (see Makefile.inc). */
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void drain_local_pages(void);

#define WHY_LEN		160
#define HDR_LEN		110

static int fs_init(struct ktest *t)
{
	(void)t;
	arena_init();
	kmem_cache_init();
	return ramfs_init();
}

/* The next case's arena_init() forgets every object: drop the tree first. */
static void fs_exit(struct ktest *t)
{
	(void)t;
	ramfs_exit();
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

static struct inode *must_find(struct ktest *t, const char *path)
{
	struct inode *inode = NULL;
	int ret = ramfs_lookup(path, &inode);

	if (ret) {
		KT_FAIL(t, "lookup \"%s\": %d", path, ret);
		return NULL;
	}
	return inode;
}

static int lookup_err(const char *path)
{
	struct inode *inode;

	return ramfs_lookup(path, &inode);
}

/* The file's contents through file_open/file_read, in odd-sized pieces. */
static void expect_contents(struct ktest *t, const char *path, const void *want,
			    size_t size)
{
	size_t done = 0;
	int err = 1;
	struct file *f = file_open(path, O_RDONLY, &err);
	u8 *buf = malloc(size + 100);
	long n;

	KT_EXPECT_EQ(t, err, 0);
	if (!f) {
		KT_FAIL(t, "open \"%s\": %d", path, err);
		free(buf);
		return;
	}
	while ((n = file_read(f, buf + done, 37 + done % 1000)) > 0)
		done += n;
	KT_EXPECT_EQ(t, n, 0);
	KT_EXPECT_EQ(t, done, size);
	if (done == size && memcmp(buf, want, size))
		KT_FAIL(t, "\"%s\": contents differ", path);
	KT_EXPECT_EQ(t, f->pos, size);
	file_put(f);
	free(buf);
}

/* ---------------------------------------------------------------- */
/* ramfs_paths */

static void root_and_empty(struct ktest *t)
{
	struct inode *root = ramfs_root(), *i;

	KT_ASSERT_NOT_NULL(t, root);
	KT_EXPECT_TRUE(t, S_ISDIR(root->mode));
	KT_EXPECT_EQ(t, root->ino, 1);
	KT_EXPECT_EQ(t, root->nlink, 2);
	KT_EXPECT_PTR_EQ(t, root->parent, root);
	KT_EXPECT_EQ(t, ramfs_inodes(), 1);
	KT_EXPECT_EQ(t, ramfs_bytes(), 0);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/"), root);
	KT_EXPECT_PTR_EQ(t, must_find(t, "///"), root);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/.."), root);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/./.././/.."), root);
	KT_EXPECT_PTR_EQ(t, must_find(t, "."), root);
	KT_EXPECT_EQ(t, lookup_err(""), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/x"), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_lookup_at(NULL, "/", 0, &i), -ENOENT);
	ramfs_exit();
	KT_EXPECT_NULL(t, ramfs_root());
	KT_EXPECT_EQ(t, lookup_err("/"), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_create("/a", S_IFDIR | 0755, NULL, 0, &i), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_inodes(), 0);
}

static void create_and_lookup(struct ktest *t)
{
	static const char *const same[] = {
		"/a/b/c", "//a///b//c", "/a/./b/../b/c", "/../a/b/c", "a/b/c",
		"/a/b/./c", "/./a/b/c", "/a/../a/b/../../a/b/c",
	};
	struct inode *c = NULL, *b, *a;
	unsigned int i;

	KT_ASSERT_EQ(t, ramfs_create("/a/b/c", S_IFREG | 0644, "hello", 5, &c), 0);
	KT_ASSERT_NOT_NULL(t, c);
	KT_EXPECT_STREQ(t, c->name, "c");
	KT_EXPECT_EQ(t, c->size, 5);
	KT_EXPECT_EQ(t, memcmp(c->data, "hello", 5), 0);
	KT_EXPECT_EQ(t, c->mode, S_IFREG | 0644);
	KT_EXPECT_EQ(t, c->nlink, 1);
	b = c->parent;
	a = b->parent;
	KT_EXPECT_STREQ(t, b->name, "b");
	KT_EXPECT_STREQ(t, a->name, "a");
	KT_EXPECT_PTR_EQ(t, a->parent, ramfs_root());
	KT_EXPECT_EQ(t, a->mode, S_IFDIR | 0755);	/* made like mkdir -p */
	KT_EXPECT_EQ(t, b->mode, S_IFDIR | 0755);
	KT_EXPECT_EQ(t, ramfs_root()->nlink, 3);
	KT_EXPECT_EQ(t, ramfs_inodes(), 4);
	KT_EXPECT_EQ(t, ramfs_bytes(), 5);
	for (i = 0; i < ARRAY_SIZE(same); i++)
		if (must_find(t, same[i]) != c)
			KT_FAIL(t, "\"%s\" is not /a/b/c", same[i]);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/a/b/"), b);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/a/b/../../a/b/.."), a);
	KT_EXPECT_EQ(t, ramfs_lookup_at(b, "c", 0, &c), 0);
	KT_EXPECT_STREQ(t, c->name, "c");
	KT_EXPECT_EQ(t, ramfs_lookup_at(b, "../b/c", 0, &c), 0);
	KT_EXPECT_EQ(t, ramfs_lookup_at(b, "/a", 0, &c), 0);
	KT_EXPECT_PTR_EQ(t, c, a);
}

static void lookup_errors(struct ktest *t)
{
	KT_ASSERT_EQ(t, ramfs_create("/a/b/c", S_IFREG | 0644, "x", 1, NULL), 0);
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

static void name_limits(struct ktest *t)
{
	char *n255 = repeat("/", 'n', NAME_MAX, ""), *n256 = repeat("/", 'n', NAME_MAX + 1, "");
	char *deep256 = repeat("/d/", 'x', NAME_MAX + 1, "/f");
	char *p4095, *p4096;
	struct inode *i;
	size_t k;

	KT_EXPECT_EQ(t, ramfs_create(n255, S_IFREG | 0600, "", 0, &i), 0);
	KT_EXPECT_EQ(t, strlen(i->name), NAME_MAX);
	KT_EXPECT_PTR_EQ(t, must_find(t, n255), i);
	KT_EXPECT_EQ(t, ramfs_create(n256, S_IFREG | 0600, "", 0, &i), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, lookup_err(n256), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, ramfs_create(deep256, S_IFREG | 0600, "", 0, &i), -ENAMETOOLONG);
	/* a path is at most PATH_MAX - 1 bytes: "/", 2046 "./", "/d" */
	KT_ASSERT_EQ(t, ramfs_create("/d", S_IFDIR | 0755, NULL, 0, NULL), 0);
	p4095 = malloc(PATH_MAX + 1);
	strcpy(p4095, "/");
	for (k = 0; k < (PATH_MAX - 4) / 2; k++)
		strcat(p4095 + 2 * k, "./");
	strcat(p4095, "/d");
	KT_EXPECT_EQ(t, strlen(p4095), PATH_MAX - 1);
	KT_EXPECT_EQ(t, ramfs_lookup(p4095, &i), 0);
	p4096 = repeat("/", '/', 0, p4095);
	KT_EXPECT_EQ(t, strlen(p4096), PATH_MAX);
	KT_EXPECT_EQ(t, lookup_err(p4096), -ENAMETOOLONG);
	KT_EXPECT_EQ(t, ramfs_create(p4096, S_IFDIR | 0755, NULL, 0, NULL), -ENAMETOOLONG);
	free(n255);
	free(n256);
	free(deep256);
	free(p4095);
	free(p4096);
}

static void create_rules(struct ktest *t)
{
	struct inode *d, *d2, *f;

	KT_ASSERT_EQ(t, ramfs_create("/d", S_IFDIR | 0700, NULL, 0, &d), 0);
	KT_EXPECT_EQ(t, ramfs_create("/d", S_IFDIR | 0755, NULL, 0, &d2), 0);
	KT_EXPECT_PTR_EQ(t, d2, d);
	KT_EXPECT_EQ(t, d->mode, S_IFDIR | 0700);	/* left as it was */
	KT_EXPECT_EQ(t, ramfs_create("/d/", S_IFDIR | 0755, NULL, 0, &d2), 0);
	KT_EXPECT_EQ(t, ramfs_create("/d/.", S_IFDIR | 0755, NULL, 0, &d2), 0);
	KT_EXPECT_PTR_EQ(t, d2, d);
	KT_EXPECT_EQ(t, ramfs_create("/", S_IFDIR | 0755, NULL, 0, &d2), 0);
	KT_EXPECT_PTR_EQ(t, d2, ramfs_root());
	KT_EXPECT_EQ(t, ramfs_create("/", S_IFREG | 0644, NULL, 0, NULL), -EISDIR);
	KT_EXPECT_EQ(t, ramfs_create("/d", S_IFREG | 0644, NULL, 0, NULL), -EEXIST);
	KT_ASSERT_EQ(t, ramfs_create("/d/f", S_IFREG | 0644, "abc", 3, &f), 0);
	KT_EXPECT_EQ(t, ramfs_create("/d/f", S_IFREG | 0644, "abc", 3, NULL), -EEXIST);
	KT_EXPECT_EQ(t, ramfs_create("/d/f", S_IFDIR | 0755, NULL, 0, NULL), -EEXIST);
	KT_EXPECT_EQ(t, ramfs_create("/d/f/g", S_IFREG | 0644, NULL, 0, NULL), -ENOTDIR);
	KT_EXPECT_EQ(t, ramfs_create("/d/g/", S_IFREG | 0644, NULL, 0, NULL), -EISDIR);
	KT_EXPECT_EQ(t, ramfs_create("/d/c", S_IFCHR | 0600, NULL, 0, NULL), -EINVAL);
	KT_EXPECT_EQ(t, ramfs_create("/d/z", 0644, NULL, 0, NULL), -EINVAL);
	KT_EXPECT_EQ(t, ramfs_create("/d/e", S_IFDIR | 0755, "x", 1, NULL), -EINVAL);
	KT_EXPECT_EQ(t, ramfs_create("/d/l", S_IFLNK | 0777, "", 0, NULL), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_create("/d/l", S_IFLNK | 0777, "a\0b", 3, NULL), -EINVAL);
	KT_EXPECT_EQ(t, ramfs_create("", S_IFDIR | 0755, NULL, 0, NULL), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_create("rel/x", S_IFREG | 0644, "r", 1, &f), 0);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/rel/x"), f);
	KT_EXPECT_EQ(t, ramfs_create_at(d, "in-d", S_IFREG | 0644, "r", 1, &f), 0);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/d/in-d"), f);
	KT_EXPECT_EQ(t, ramfs_create_at(d, "/at-root", S_IFREG | 0644, "r", 1, &f), 0);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/at-root"), f);
	/* failures leave nothing half made */
	KT_EXPECT_EQ(t, lookup_err("/d/g"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/d/c"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/d/e"), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_bytes(), 6);
}

static void sorted_entries(struct ktest *t)
{
	static const char *const names[] = {
		"m", "a", "zz", "b", "aa", "z", "A", "a.b", "0", "~",
	};
	static const char *const sorted[] = {
		"0", "A", "a", "a.b", "aa", "b", "m", "z", "zz", "~",
	};
	struct inode *dir, *child;
	char path[32];
	unsigned int i = 0, dirs = 0;

	KT_ASSERT_EQ(t, ramfs_create("/s", S_IFDIR | 0755, NULL, 0, &dir), 0);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		bool is_dir = i % 3 == 0;

		snprintf(path, sizeof(path), "/s/%s", names[i]);
		KT_EXPECT_EQ(t, ramfs_create(path, is_dir ? S_IFDIR | 0755 : S_IFREG | 0644,
					     NULL, 0, NULL), 0);
		dirs += is_dir;
	}
	i = 0;
	list_for_each_entry(child, &dir->children, sibling) {
		KT_EXPECT_STREQ(t, child->name, sorted[i]);
		KT_EXPECT_PTR_EQ(t, child->parent, dir);
		i++;
	}
	KT_EXPECT_EQ(t, i, ARRAY_SIZE(sorted));
	KT_EXPECT_EQ(t, dir->nlink, 2 + dirs);
}

static void byte_accounting(struct ktest *t)
{
	static u8 big[20000];
	struct inode *f, *d;

	memset(big, 0x3c, sizeof(big));
	KT_ASSERT_EQ(t, ramfs_create("/x/f", S_IFREG | 0644, big, sizeof(big), &f), 0);
	KT_ASSERT_EQ(t, ramfs_create("/x/y/g", S_IFREG | 0644, "0123456789", 10, NULL), 0);
	KT_EXPECT_EQ(t, ramfs_create("/x/l", S_IFLNK | 0777, "y/g", 3, NULL), 0);
	KT_EXPECT_EQ(t, ramfs_bytes(), sizeof(big) + 13);
	KT_EXPECT_EQ(t, ramfs_inodes(), 6);
	KT_EXPECT_EQ(t, ramfs_set_data(f, "tiny", 4), 0);
	KT_EXPECT_EQ(t, ramfs_bytes(), 17);
	KT_EXPECT_EQ(t, memcmp(f->data, "tiny", 4), 0);
	KT_EXPECT_EQ(t, ramfs_set_data(f, NULL, 0), 0);
	KT_EXPECT_NULL(t, f->data);
	KT_EXPECT_EQ(t, ramfs_bytes(), 13);
	d = must_find(t, "/x");
	KT_EXPECT_EQ(t, ramfs_set_data(d, "no", 2), -EISDIR);
	KT_EXPECT_EQ(t, d->nlink, 3);
	ramfs_remove(must_find(t, "/x/y"));
	KT_EXPECT_EQ(t, d->nlink, 2);
	KT_EXPECT_EQ(t, ramfs_bytes(), 3);
	KT_EXPECT_EQ(t, ramfs_inodes(), 4);
	KT_EXPECT_EQ(t, lookup_err("/x/y/g"), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err("/x/l"), -ENOENT);	/* dangling now */
	ramfs_remove(ramfs_root());			/* refused */
	KT_EXPECT_EQ(t, ramfs_inodes(), 4);
	KT_EXPECT_EQ(t, ramfs_init(), 0);
	KT_EXPECT_EQ(t, ramfs_bytes(), 0);
	KT_EXPECT_EQ(t, ramfs_inodes(), 1);
}

static void symlinks(struct ktest *t)
{
	struct inode *bb, *i;
	char name[16], target[16];
	int k;

	KT_ASSERT_EQ(t, ramfs_create("/bin/busybox", S_IFREG | 0755, "BB", 2, &bb), 0);
	KT_ASSERT_EQ(t, ramfs_create("/bin/sh", S_IFLNK | 0777, "busybox", 7, NULL), 0);
	KT_ASSERT_EQ(t, ramfs_create("/usr/lib/libc.so", S_IFREG | 0644, "L", 1, NULL), 0);
	KT_ASSERT_EQ(t, ramfs_create("/lib", S_IFLNK | 0777, "/usr/lib", 8, NULL), 0);
	KT_ASSERT_EQ(t, ramfs_create("/usr/up", S_IFLNK | 0777, "../bin/./sh", 11, NULL), 0);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/bin/sh"), bb);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/usr/up"), bb);
	KT_EXPECT_PTR_EQ(t, must_find(t, "/lib/libc.so"), must_find(t, "/usr/lib/libc.so"));
	/* ".." after a link is the parent of where the link led */
	KT_EXPECT_PTR_EQ(t, must_find(t, "/lib/.."), must_find(t, "/usr"));
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), "/bin/sh", LOOKUP_NOFOLLOW, &i), 0);
	KT_EXPECT_TRUE(t, S_ISLNK(i->mode));
	KT_EXPECT_EQ(t, i->size, 7);
	/* NOFOLLOW is about the last component only; a '/' after it follows */
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), "/lib/libc.so", LOOKUP_NOFOLLOW, &i), 0);
	KT_EXPECT_TRUE(t, S_ISREG(i->mode));
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), "/lib/", LOOKUP_NOFOLLOW, &i), 0);
	KT_EXPECT_TRUE(t, S_ISDIR(i->mode));
	KT_EXPECT_EQ(t, lookup_err("/bin/sh/"), -ENOTDIR);
	/* creation never follows links */
	KT_EXPECT_EQ(t, ramfs_create("/lib/new", S_IFREG | 0644, "n", 1, NULL), -ENOTDIR);
	KT_EXPECT_EQ(t, lookup_err("/usr/lib/new"), -ENOENT);
	KT_EXPECT_EQ(t, ramfs_create("/lib", S_IFDIR | 0755, NULL, 0, NULL), -EEXIST);
	/* dangling, loops, self */
	KT_ASSERT_EQ(t, ramfs_create("/dangling", S_IFLNK | 0777, "/nowhere", 8, NULL), 0);
	KT_EXPECT_EQ(t, lookup_err("/dangling"), -ENOENT);
	KT_ASSERT_EQ(t, ramfs_create("/loop1", S_IFLNK | 0777, "loop2", 5, NULL), 0);
	KT_ASSERT_EQ(t, ramfs_create("/loop2", S_IFLNK | 0777, "/loop1", 6, NULL), 0);
	KT_EXPECT_EQ(t, lookup_err("/loop1"), -ELOOP);
	KT_ASSERT_EQ(t, ramfs_create("/self", S_IFLNK | 0777, "self/x", 6, NULL), 0);
	KT_EXPECT_EQ(t, lookup_err("/self"), -ELOOP);
	/* a chain: MAX_NESTED_LINKS links within links resolve, one more not */
	for (k = 1; k <= MAX_NESTED_LINKS + 1; k++) {
		snprintf(name, sizeof(name), "/c%d", k);
		snprintf(target, sizeof(target), k == 1 ? "bin/busybox" : "c%d", k - 1);
		KT_ASSERT_EQ(t, ramfs_create(name, S_IFLNK | 0777, target, strlen(target), NULL), 0);
	}
	KT_EXPECT_PTR_EQ(t, must_find(t, "/c8"), bb);
	KT_EXPECT_EQ(t, lookup_err("/c9"), -ELOOP);
}

/* Many links one after another (not nested) count against MAXSYMLINKS. */
static void symlink_total(struct ktest *t)
{
	char *path = malloc(4 * (MAXSYMLINKS + 2) + 8);
	int k;

	KT_ASSERT_EQ(t, ramfs_create("/d/x", S_IFREG | 0644, "x", 1, NULL), 0);
	KT_ASSERT_EQ(t, ramfs_create("/d/l", S_IFLNK | 0777, ".", 1, NULL), 0);
	strcpy(path, "/d");
	for (k = 0; k < MAXSYMLINKS; k++)
		strcat(path, "/l");
	strcat(path, "/x");
	KT_EXPECT_EQ(t, lookup_err(path), 0);
	strcpy(path + strlen(path) - 2, "/l/x");
	KT_EXPECT_EQ(t, lookup_err(path), -ELOOP);
	free(path);
}

/* 2000 directories deep: the walk and the freeing are loops. */
static void deep_tree(struct ktest *t)
{
	size_t depth = 2000, k;
	char *path = malloc(2 * depth + 8);
	struct inode *leaf, *i;

	for (k = 0; k < depth; k++)
		memcpy(path + 2 * k, "/a", 2);
	strcpy(path + 2 * depth, "/f");
	KT_ASSERT_EQ(t, ramfs_create(path, S_IFREG | 0644, "deep", 4, &leaf), 0);
	KT_EXPECT_EQ(t, ramfs_inodes(), depth + 2);
	KT_EXPECT_EQ(t, ramfs_lookup(path, &i), 0);
	KT_EXPECT_PTR_EQ(t, i, leaf);
	for (k = 0; k < depth; k++)
		i = i->parent;
	KT_EXPECT_PTR_EQ(t, i->parent, ramfs_root());
	ramfs_remove(must_find(t, "/a/a"));
	KT_EXPECT_EQ(t, ramfs_inodes(), 2);
	KT_EXPECT_EQ(t, ramfs_bytes(), 0);
	KT_EXPECT_EQ(t, ramfs_create(path, S_IFREG | 0644, "deep", 4, &leaf), 0);
	KT_EXPECT_EQ(t, ramfs_init(), 0);
	KT_EXPECT_EQ(t, ramfs_inodes(), 1);
	free(path);
}

static const struct ktest_case path_cases[] = {
	KTEST_CASE(root_and_empty),
	KTEST_CASE(create_and_lookup),
	KTEST_CASE(lookup_errors),
	KTEST_CASE(name_limits),
	KTEST_CASE(create_rules),
	KTEST_CASE(sorted_entries),
	KTEST_CASE(byte_accounting),
	KTEST_CASE(symlinks),
	KTEST_CASE(symlink_total),
	KTEST_CASE(deep_tree),
	{}
};

static const struct ktest_suite path_suite = {
	.name = "ramfs_paths",
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
	return 17;
}

static void check_tree(struct ktest *t, const char *at)
{
	static const char rcs[] = "#!/bin/sh\nmount -t proc proc /proc\n";
	char path[3200];
	struct inode *i;

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
	i = must_find(t, P("/bin/busybox"));
	if (i) {
		KT_EXPECT_EQ(t, i->mode, S_IFREG | 04755);
		KT_EXPECT_EQ(t, i->gid, 10);
		KT_EXPECT_EQ(t, i->mtime, 1700000000);
	}
	i = must_find(t, P("/etc/init.d"));
	if (i)
		KT_EXPECT_EQ(t, i->mode, S_IFDIR | 0700);
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), P("/bin/sh"), LOOKUP_NOFOLLOW, &i), 0);
	KT_EXPECT_EQ(t, i->mode, S_IFLNK | 0777);
	KT_EXPECT_EQ(t, lookup_err(P("/dev/console")), -ENOENT);	/* skipped */
	KT_EXPECT_EQ(t, lookup_err(P("/dev/fifo")), -ENOENT);
	KT_EXPECT_EQ(t, lookup_err(P("/TRAILER!!!")), -ENOENT);
#undef P
}

static void unpack_tree(struct ktest *t)
{
	struct cpio c = {};
	char why[WHY_LEN];
	int want = build_tree(&c), ret;

	ret = unpack_copy(c.buf, c.len, why);
	if (ret < 0)
		KT_FAIL(t, "refused: %s", why);
	KT_EXPECT_EQ(t, ret, want);
	KT_EXPECT_STREQ(t, why, "");
	check_tree(t, "");
	/* busybox, sh's target, rcS, hostname, long, deep, dotted, 3 + 2 links */
	KT_EXPECT_EQ(t, ramfs_bytes(), sizeof(busybox) + 7 +
		     strlen("#!/bin/sh\nmount -t proc proc /proc\n") + 7 + 4 + 4 + 1 +
		     3 * 6 + 2 * 6);
	cpio_free(&c);
}

/* Into a directory of the tree: nothing lands outside it. */
static void unpack_into_subtree(struct ktest *t)
{
	struct inode *dir;
	struct cpio c = {};
	char why[WHY_LEN];
	int want = build_tree(&c);

	KT_ASSERT_EQ(t, ramfs_create("/mnt/sub", S_IFDIR | 0755, NULL, 0, &dir), 0);
	KT_EXPECT_EQ(t, unpack_initramfs_at(dir, c.buf, c.len, why, sizeof(why)), want);
	check_tree(t, "/mnt/sub");
	KT_EXPECT_EQ(t, list_count(&ramfs_root()->children), 1);
	cpio_free(&c);
	/* absolute names are taken from the directory too */
	cpio_file(&c, "/abs/file", 0644, "abs");
	cpio_trailer(&c);
	KT_EXPECT_EQ(t, unpack_initramfs_at(dir, c.buf, c.len, why, sizeof(why)), 1);
	expect_contents(t, "/mnt/sub/abs/file", "abs", 3);
	KT_EXPECT_EQ(t, lookup_err("/abs"), -ENOENT);
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
	KT_EXPECT_EQ(t, must_find(t, "/etc/motd")->mode, S_IFREG | 0600);
	KT_EXPECT_EQ(t, must_find(t, "/lnk")->mode, S_IFREG | 0644);
	KT_EXPECT_EQ(t, must_find(t, "/etc")->mode, S_IFDIR | 0711);
	KT_EXPECT_EQ(t, ramfs_bytes(), 14 + 4 + 10);
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
	KT_EXPECT_EQ(t, must_find(t, "/x")->mode, S_IFDIR | 0750);
	KT_EXPECT_EQ(t, ramfs_root()->mode, S_IFDIR | 0755);	/* "." left alone */
	cpio_free(&c);
}

/* Unpacking and reinitialising again and again loses no memory. */
static void no_leaks(struct ktest *t)
{
	struct zone *z = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long free1 = 0;
	struct cpio c = {};
	char why[WHY_LEN];
	int round, want = build_tree(&c);

	for (round = 0; round < 300; round++) {
		KT_ASSERT_EQ(t, unpack_initramfs(c.buf, c.len, why, sizeof(why)), want);
		KT_ASSERT_EQ(t, ramfs_init(), 0);
		drain_local_pages();
		if (round == 2)
			free1 = z->free_pages;
	}
	KT_EXPECT_GE(t, z->free_pages + 2, free1);
	KT_EXPECT_EQ(t, ramfs_inodes(), 1);
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
	{ "directory over a file", "cannot create", dir_over_file },
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
		ramfs_init();
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
		ramfs_init();
		ret = unpack_copy(c.buf, cut, why);
		if (ret != -EINVAL || !why[0])
			KT_FAIL(t, "cut to %zu of %zu: returned %d (%s)", cut, c.len, ret, why);
	}
	ramfs_init();
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
			ramfs_init();
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

static const struct ktest_case corrupt_cases[] = {
	KTEST_CASE(each_corruption),
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

static int file_fixture(struct ktest *t)
{
	int ret = fs_init(t);

	if (!ret)
		ret = ramfs_create("/etc/passwd", S_IFREG | 0644,
				   "root:x:0:0:root:/root:/bin/sh\n", 30, NULL);
	if (!ret)
		ret = ramfs_create("/etc/link", S_IFLNK | 0777, "passwd", 6, NULL);
	if (!ret)
		ret = ramfs_create("/empty", S_IFREG | 0600, NULL, 0, NULL);
	return ret;
}

static int open_err(const char *path, unsigned int flags)
{
	int err = 1;
	struct file *f = file_open(path, flags, &err);

	if (f) {
		if (err)
			return 1000;	/* a file and an error: wrong */
		file_put(f);
	}
	return err;
}

static void open_flags(struct ktest *t)
{
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_LARGEFILE | O_CLOEXEC), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_WRONLY), -EROFS);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDWR), -EROFS);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_TRUNC), -EROFS);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_CREAT), 0);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_CREAT | O_EXCL), -EEXIST);
	KT_EXPECT_EQ(t, open_err("/etc/new", O_WRONLY | O_CREAT), -EROFS);
	KT_EXPECT_EQ(t, open_err("/etc/new", O_RDONLY), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/nodir/new", O_RDONLY | O_CREAT), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/new", O_RDONLY | O_CREAT), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc/", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/", O_RDONLY | O_CREAT), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/etc/dangling-new", O_RDONLY | O_CREAT), -EROFS);
	KT_EXPECT_EQ(t, open_err("rel-new", O_RDONLY | O_CREAT), -EROFS);
	KT_EXPECT_EQ(t, open_err("", O_RDONLY | O_CREAT), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/", O_RDONLY), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDONLY | O_DIRECTORY), 0);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc", O_WRONLY), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/etc", O_RDWR), -EISDIR);
	KT_EXPECT_EQ(t, open_err("/etc/link", O_RDONLY), 0);
	KT_EXPECT_EQ(t, open_err("/etc/link", O_RDONLY | O_NOFOLLOW), -ELOOP);
	KT_EXPECT_EQ(t, open_err("", O_RDONLY), -ENOENT);
	KT_EXPECT_EQ(t, open_err("/etc/passwd/x", O_RDONLY), -ENOTDIR);
}

static void read_and_seek(struct ktest *t)
{
	static const char want[] = "root:x:0:0:root:/root:/bin/sh\n";
	char buf[64];
	int err;
	struct file *f = file_open("/etc/link", O_RDONLY, &err);

	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, file_read(f, buf, 5), 5);
	KT_EXPECT_EQ(t, memcmp(buf, "root:", 5), 0);
	KT_EXPECT_EQ(t, f->pos, 5);
	KT_EXPECT_EQ(t, file_pread(f, buf, 4, 22), 4);
	KT_EXPECT_EQ(t, memcmp(buf, "/bin", 4), 0);
	KT_EXPECT_EQ(t, f->pos, 5);			/* pread leaves it */
	KT_EXPECT_EQ(t, file_read(f, buf, sizeof(buf)), 25);
	KT_EXPECT_EQ(t, memcmp(buf, want + 5, 25), 0);
	KT_EXPECT_EQ(t, file_read(f, buf, sizeof(buf)), 0);	/* EOF */
	KT_EXPECT_EQ(t, file_read(f, buf, 0), 0);
	KT_EXPECT_EQ(t, file_lseek(f, 0, SEEK_SET), 0);
	KT_EXPECT_EQ(t, file_read(f, buf, 0), 0);
	KT_EXPECT_EQ(t, file_lseek(f, -3, SEEK_END), 27);
	KT_EXPECT_EQ(t, file_read(f, buf, 10), 3);
	KT_EXPECT_EQ(t, memcmp(buf, "sh\n", 3), 0);
	KT_EXPECT_EQ(t, file_lseek(f, -10, SEEK_CUR), 20);
	KT_EXPECT_EQ(t, file_lseek(f, 2, SEEK_CUR), 22);
	KT_EXPECT_EQ(t, file_read(f, buf, 1), 1);
	KT_EXPECT_EQ(t, buf[0], '/');
	/* past the end is allowed, reads there give 0 */
	KT_EXPECT_EQ(t, file_lseek(f, 1000, SEEK_SET), 1000);
	KT_EXPECT_EQ(t, file_read(f, buf, 10), 0);
	KT_EXPECT_EQ(t, file_pread(f, buf, 10, 30), 0);
	KT_EXPECT_EQ(t, file_pread(f, buf, 10, ~0ULL), 0);
	KT_EXPECT_EQ(t, file_lseek(f, 0x7fffffffffffffffLL, SEEK_SET), 0x7fffffffffffffffLL);
	/* errors leave the position alone */
	KT_EXPECT_EQ(t, file_lseek(f, 1, SEEK_CUR), -EINVAL);	/* overflow */
	KT_EXPECT_EQ(t, file_lseek(f, -1, SEEK_SET), -EINVAL);
	KT_EXPECT_EQ(t, file_lseek(f, -31, SEEK_END), -EINVAL);
	KT_EXPECT_EQ(t, file_lseek(f, 0, 3), -EINVAL);		/* SEEK_DATA: no */
	KT_EXPECT_EQ(t, file_lseek(f, 0, -1), -EINVAL);
	KT_EXPECT_EQ(t, f->pos, 0x7fffffffffffffffULL);
	KT_EXPECT_EQ(t, file_lseek(f, -30, SEEK_END), 0);
	file_put(f);
}

static void directories_and_empty(struct ktest *t)
{
	char buf[8];
	int err;
	struct file *d = file_open("/etc", O_RDONLY | O_DIRECTORY, &err);
	struct file *e = file_open("/empty", O_RDONLY, &err);

	KT_ASSERT_NOT_NULL(t, d);
	KT_ASSERT_NOT_NULL(t, e);
	KT_EXPECT_EQ(t, file_read(d, buf, sizeof(buf)), -EISDIR);
	KT_EXPECT_EQ(t, file_pread(d, buf, sizeof(buf), 0), -EISDIR);
	KT_EXPECT_EQ(t, d->pos, 0);
	KT_EXPECT_EQ(t, file_read(e, buf, sizeof(buf)), 0);
	KT_EXPECT_EQ(t, file_lseek(e, 0, SEEK_END), 0);
	file_put(d);
	file_put(e);
}

static void stat_fields(struct ktest *t)
{
	struct kstat st;
	struct inode *i = must_find(t, "/etc/passwd");

	KT_ASSERT_NOT_NULL(t, i);
	i->uid = 7;
	i->gid = 8;
	i->mtime = 123456789;
	file_stat(i, &st);
	KT_EXPECT_EQ(t, st.ino, i->ino);
	KT_EXPECT_EQ(t, st.mode, S_IFREG | 0644);
	KT_EXPECT_EQ(t, st.nlink, 1);
	KT_EXPECT_EQ(t, st.uid, 7);
	KT_EXPECT_EQ(t, st.gid, 8);
	KT_EXPECT_EQ(t, st.size, 30);
	KT_EXPECT_EQ(t, st.blksize, 4096);
	KT_EXPECT_EQ(t, st.blocks, 8);		/* one page, in 512-byte units */
	KT_EXPECT_EQ(t, st.mtime, 123456789);
	file_stat(must_find(t, "/empty"), &st);
	KT_EXPECT_EQ(t, st.size, 0);
	KT_EXPECT_EQ(t, st.blocks, 0);
	file_stat(ramfs_root(), &st);
	KT_EXPECT_EQ(t, st.ino, 1);
	KT_EXPECT_EQ(t, st.mode, S_IFDIR | 0755);
	KT_EXPECT_EQ(t, st.nlink, 3);		/* ".", its own "..", /etc's ".." */
	KT_EXPECT_EQ(t, ramfs_lookup_at(ramfs_root(), "/etc/link", LOOKUP_NOFOLLOW, &i), 0);
	file_stat(i, &st);
	KT_EXPECT_EQ(t, st.mode, S_IFLNK | 0777);
	KT_EXPECT_EQ(t, st.size, 6);		/* the target's length */
	KT_EXPECT_NE(t, st.ino, must_find(t, "/etc/passwd")->ino);
}

static void reference_counts(struct ktest *t)
{
	char c;
	int err;
	struct file *f = file_open("/etc/passwd", O_RDONLY | O_CLOEXEC, &err);

	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, f->count, 1);
	KT_EXPECT_EQ(t, f->flags, O_RDONLY | O_CLOEXEC);
	file_get(f);
	file_get(f);
	KT_EXPECT_EQ(t, f->count, 3);
	file_put(f);
	file_put(f);
	KT_EXPECT_EQ(t, f->count, 1);
	KT_EXPECT_EQ(t, file_read(f, &c, 1), 1);	/* still usable */
	file_put(f);
}

static const struct ktest_case file_cases[] = {
	KTEST_CASE(open_flags),
	KTEST_CASE(read_and_seek),
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

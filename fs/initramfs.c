// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs unpacker: cpio "newc" archives into the root file system
 * (a tmpfs), through the VFS as Linux's init/initramfs.c does.
 *
 * An entry is a 110-byte ASCII header ("070701", or "070702" when the
 * check field holds the sum of the data bytes, then 13 fields of 8 hex
 * digits), the NUL-terminated name padded so header and name end on a
 * 4-byte boundary, and the data padded to 4. "TRAILER!!!" ends an
 * archive; archives may follow each other, with NUL padding between
 * them (cpio pads its output to 512 bytes; boot loaders concatenate).
 *
 * Every length is checked against what is left before it is used, so a
 * truncated or hostile archive is refused with the offset where it went
 * wrong instead of being read past. Names are taken relative to the
 * directory unpacked into, whatever their leading '/' or "./", and one
 * whose ".." would climb above it is refused. Missing parent directories
 * are made (mode 0755), so an archive need not list them first.
 *
 * In newc a hard-linked file appears once per name, usually with its
 * data only on the last one: the first name makes the inode, the others
 * become links to it, and whichever carries the data fills it. A name
 * that exists is replaced when the types differ (a later archive
 * overrides an earlier one, as on Linux). Directory times are set at the
 * end, once nothing more is made in them.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#define CPIO_HDR_LEN	110
#define CPIO_FIELD_LEN	8
#define CPIO_TRAILER	"TRAILER!!!"

enum cpio_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

static const char *const field_names[NR_FIELDS] = {
	"ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
	"devmajor", "devminor", "rdevmajor", "rdevminor", "namesize", "check",
};

struct cpio_entry {
	u32 f[NR_FIELDS];
	bool has_crc;		/* "070702" */
	const char *name;
	const u8 *data;
	size_t offset;		/* of the header, for messages */
};

/* The first name of a hard-linked file met so far, to link the others to. */
struct link_name {
	u32 ino, major, minor;
	char *path;
};

/* A directory whose mtime is set once the archive is done. */
struct dir_time {
	char *path;
	s64 mtime;
};

struct unpacker {
	const char *prefix;	/* the directory unpacked into, "" for the root */
	const u8 *buf;
	size_t len, pos;
	size_t start;		/* of the current archive: padding is relative to it */
	char *why;
	size_t whylen;
	struct link_name *links;
	unsigned int nr_links, max_links;
	struct dir_time *dirs;
	unsigned int nr_dirs, max_dirs;
	char *path;		/* PATH_MAX: the entry's full name */
	int count;
};

/* Refuses the archive: the reason in the unpacker's why buffer, and @err. */
#define fail(u, err, ...)	refuse(err, (u)->why, (u)->whylen, __VA_ARGS__)

static bool parse_hex8(const u8 *p, u32 *val)
{
	u32 v = 0;
	int i, d;

	for (i = 0; i < CPIO_FIELD_LEN; i++) {
		d = hex_to_bin(p[i]);
		if (d < 0)
			return false;
		v = v << 4 | d;
	}
	*val = v;
	return true;
}

/* Bytes from @pos to the next 4-byte boundary of the archive, if there. */
static bool pad_to(struct unpacker *u, size_t *pos)
{
	size_t rel = *pos - u->start, pad = ALIGN(rel, 4) - rel;

	if (pad > u->len - *pos)
		return false;
	*pos += pad;
	return true;
}

static int read_magic(struct unpacker *u, struct cpio_entry *e)
{
	const u8 *h = u->buf + u->pos;

	if (!memcmp(h, "070701", 6) || !memcmp(h, "070702", 6)) {
		e->has_crc = h[5] == '2';
		return 0;
	}
	if (h[0] == 0x1f && h[1] == 0x8b)
		return fail(u, -EINVAL, "offset %zu: gzip data: compressed archives are not supported",
			    u->pos);
	return fail(u, -EINVAL, "offset %zu: bad magic %02x %02x %02x %02x %02x %02x (not 070701/070702)",
		    u->pos, h[0], h[1], h[2], h[3], h[4], h[5]);
}

static int read_header(struct unpacker *u, struct cpio_entry *e)
{
	const u8 *h = u->buf + u->pos;
	int i, ret;

	e->offset = u->pos;
	if (u->len - u->pos < CPIO_HDR_LEN)
		return fail(u, -EINVAL, "offset %zu: truncated header (%zu of %d bytes)",
			    u->pos, u->len - u->pos, CPIO_HDR_LEN);
	ret = read_magic(u, e);
	if (ret)
		return ret;
	for (i = 0; i < NR_FIELDS; i++)
		if (!parse_hex8(h + 6 + i * CPIO_FIELD_LEN, &e->f[i]))
			return fail(u, -EINVAL, "offset %zu: field %s is not 8 hex digits",
				    u->pos, field_names[i]);
	u->pos += CPIO_HDR_LEN;
	return 0;
}

static int read_name(struct unpacker *u, struct cpio_entry *e)
{
	u32 size = e->f[F_NAMESIZE];

	if (size == 0 || size > PATH_MAX)
		return fail(u, -EINVAL, "offset %zu: namesize %u is absurd (not 1..%d)",
			    e->offset, size, PATH_MAX);
	if (size > u->len - u->pos)
		return fail(u, -EINVAL, "offset %zu: truncated name (%u bytes, %zu left)",
			    e->offset, size, u->len - u->pos);
	e->name = (const char *)u->buf + u->pos;
	if (e->name[size - 1] != '\0')
		return fail(u, -EINVAL, "offset %zu: name not NUL-terminated", e->offset);
	if (strlen(e->name) != size - 1)
		return fail(u, -EINVAL, "offset %zu: NUL inside the name \"%s\"",
			    e->offset, e->name);
	u->pos += size;
	if (!pad_to(u, &u->pos))
		return fail(u, -EINVAL, "offset %zu: \"%s\": truncated name padding",
			    e->offset, e->name);
	return 0;
}

static u32 data_sum(const u8 *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

static int read_data(struct unpacker *u, struct cpio_entry *e)
{
	u32 size = e->f[F_FILESIZE];

	if (size > u->len - u->pos)
		return fail(u, -EINVAL, "offset %zu: \"%s\": %u bytes of data, only %zu left in the archive",
			    e->offset, e->name, size, u->len - u->pos);
	e->data = u->buf + u->pos;
	u->pos += size;
	if (!pad_to(u, &u->pos))
		return fail(u, -EINVAL, "offset %zu: \"%s\": truncated data padding",
			    e->offset, e->name);
	if (e->has_crc && data_sum(e->data, size) != e->f[F_CHECK])
		return fail(u, -EINVAL, "offset %zu: \"%s\": data sum %08x, header says %08x",
			    e->offset, e->name, data_sum(e->data, size), e->f[F_CHECK]);
	return 0;
}

/*
 * How deep below the unpack directory @name ends (0: that directory
 * itself), or -1 if some ".." climbs above it.
 */
static int name_depth(const char *name)
{
	const char *p = name;
	size_t len;
	int depth = 0;

	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return depth;
		len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.')
			depth--;
		else if (!(len == 1 && p[0] == '.'))
			depth++;
		if (depth < 0)
			return -1;
		p += len;
	}
}

/* Grows an array of @size-byte items to hold one more; false without memory. */
static bool grow(void **array, unsigned int nr, unsigned int *max, size_t size)
{
	void *p;

	if (nr < *max)
		return true;
	p = krealloc(*array, (*max ? 2 * *max : 16) * size, GFP_KERNEL);
	if (!p)
		return false;
	*array = p;
	*max = *max ? 2 * *max : 16;
	return true;
}

/*
 * Clears the way for a new entry of type @mode: what is there goes if its
 * type differs (@mode 0: whatever it is, for links and device nodes).
 */
static void clean_path(const char *path, unsigned int mode)
{
	int type = init_lstat_mode(path);

	if (type < 0 || (((unsigned int)type ^ mode) & S_IFMT) == 0)
		return;
	if (S_ISDIR(type))
		init_rmdir(path);
	else
		init_unlink(path);
}

/*
 * A file with more than one name: 1 if an earlier name of it exists and
 * this one is now a link to it, 0 if this is its first name, or -errno.
 */
static int maybe_link(struct unpacker *u, const struct cpio_entry *e)
{
	struct link_name *l;
	unsigned int i;

	if (e->f[F_NLINK] < 2)
		return 0;
	for (i = 0; i < u->nr_links; i++) {
		l = &u->links[i];
		if (l->ino == e->f[F_INO] && l->major == e->f[F_DEVMAJOR] &&
		    l->minor == e->f[F_DEVMINOR]) {
			int ret;

			clean_path(u->path, 0);
			ret = init_link(l->path, u->path);

			return ret ? ret : 1;
		}
	}
	if (!grow((void **)&u->links, u->nr_links, &u->max_links, sizeof(*l)))
		return -ENOMEM;
	l = &u->links[u->nr_links];
	l->path = kstrdup(u->path, GFP_KERNEL);
	if (!l->path)
		return -ENOMEM;
	l->ino = e->f[F_INO];
	l->major = e->f[F_DEVMAJOR];
	l->minor = e->f[F_DEVMINOR];
	u->nr_links++;
	return 0;
}

/* Makes the directories above u->path that are missing. */
static int make_parents(struct unpacker *u)
{
	char *p = u->path + strlen(u->prefix) + 1;
	int ret;

	while ((p = strchr(p, '/'))) {
		*p = '\0';
		ret = init_lstat_mode(u->path) < 0 ? init_mkdir(u->path, 0755) : 0;
		*p = '/';
		if (ret && ret != -EEXIST)
			return ret;
		p++;
	}
	return 0;
}

static int write_file(struct unpacker *u, const struct cpio_entry *e, bool linked)
{
	unsigned int flags = O_WRONLY | O_CREAT | O_LARGEFILE | (linked ? 0 : O_TRUNC);
	u32 size = e->f[F_FILESIZE];
	struct file *f;
	loff_t pos = 0;
	int err;

	f = filp_open(u->path, flags, e->f[F_MODE] & 07777, &err);
	if (!f)
		return err;
	while (pos < size) {
		ssize_t n = kernel_write(f, e->data + pos, size - pos, &pos);

		if (n <= 0) {
			fput(f);
			return n ? n : -EIO;
		}
	}
	fput(f);
	return 0;
}

/* Makes the entry at u->path. */
static int make_node(struct unpacker *u, const struct cpio_entry *e)
{
	u32 mode = e->f[F_MODE];
	char target[PATH_MAX];
	int ret;

	ret = make_parents(u);
	if (ret)
		return ret;
	clean_path(u->path, S_ISREG(mode) || S_ISDIR(mode) ? mode : 0);
	switch (mode & S_IFMT) {
	case S_IFREG:
		ret = maybe_link(u, e);
		if (ret >= 0)
			ret = write_file(u, e, ret == 1);
		break;
	case S_IFDIR:
		ret = init_mkdir(u->path, mode & 07777);
		if (ret == -EEXIST)
			ret = 0;
		if (!ret) {
			if (!grow((void **)&u->dirs, u->nr_dirs, &u->max_dirs, sizeof(*u->dirs)))
				return -ENOMEM;
			u->dirs[u->nr_dirs].path = kstrdup(u->path, GFP_KERNEL);
			if (!u->dirs[u->nr_dirs].path)
				return -ENOMEM;
			u->dirs[u->nr_dirs++].mtime = e->f[F_MTIME];
		}
		break;
	case S_IFLNK:
		memcpy(target, e->data, e->f[F_FILESIZE]);
		target[e->f[F_FILESIZE]] = '\0';
		ret = init_symlink(target, u->path);
		return ret;	/* a link's owner and times are left as made */
	default:
		ret = init_mknod(u->path, mode & (S_IFMT | 07777),
				 MKDEV(e->f[F_RDEVMAJOR], e->f[F_RDEVMINOR]));
		break;
	}
	if (ret)
		return ret;
	init_chown(u->path, e->f[F_UID], e->f[F_GID]);
	init_chmod(u->path, mode & 07777);
	if (!S_ISDIR(mode))
		init_utimes(u->path, e->f[F_MTIME]);
	return 0;
}

static int check_type(struct unpacker *u, const struct cpio_entry *e)
{
	u32 mode = e->f[F_MODE], size = e->f[F_FILESIZE];

	switch (mode & S_IFMT) {
	case S_IFREG:
		return 0;
	case S_IFDIR:
		if (size)
			return fail(u, -EINVAL, "offset %zu: directory \"%s\" with %u bytes of data",
				    e->offset, e->name, size);
		return 0;
	case S_IFLNK:
		if (!size || size >= PATH_MAX || memchr(e->data, '\0', size))
			return fail(u, -EINVAL, "offset %zu: symlink \"%s\": bad target (%u bytes)",
				    e->offset, e->name, size);
		return 0;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return 0;
	default:
		return fail(u, -EINVAL, "offset %zu: \"%s\": bad file type in mode 0%o",
			    e->offset, e->name, mode);
	}
}

static int apply_entry(struct unpacker *u, const struct cpio_entry *e)
{
	/* "/bin/sh" is "bin/sh" too: the archive's root is u->prefix */
	const char *name = e->name + strspn(e->name, "/");
	int depth = name_depth(e->name), ret;

	if (depth < 0)
		return fail(u, -EINVAL, "offset %zu: \"%s\" escapes the root with \"..\"",
			    e->offset, e->name);
	ret = check_type(u, e);
	if (ret)
		return ret;
	if (depth == 0)
		return 0;	/* ".": the directory unpacked into */
	while (name[0] == '.' && name[1] == '/')
		name += 2 + strspn(name + 2, "/");
	if (strlen(u->prefix) + 1 + strlen(name) >= PATH_MAX)
		return fail(u, -EINVAL, "offset %zu: \"%s\": name too long under %s",
			    e->offset, e->name, u->prefix);
	snprintf(u->path, PATH_MAX, "%s/%s", u->prefix, name);
	ret = make_node(u, e);
	if (ret == -ENOMEM || ret == -ENOSPC)
		return fail(u, ret, "offset %zu: \"%s\": out of memory", e->offset, e->name);
	if (ret)
		return fail(u, -EINVAL, "offset %zu: cannot create \"%s\" (error %d)",
			    e->offset, e->name, ret);
	u->count++;
	return 0;
}

/* One archive, from its first header to its trailer. */
static int unpack_archive(struct unpacker *u)
{
	struct cpio_entry e;
	int ret;

	u->start = u->pos;
	for (;;) {
		if (u->pos == u->len)
			return fail(u, -EINVAL, "offset %zu: archive ends without %s",
				    u->pos, CPIO_TRAILER);
		ret = read_header(u, &e);
		if (!ret)
			ret = read_name(u, &e);
		if (!ret)
			ret = read_data(u, &e);
		if (ret)
			return ret;
		if (!strcmp(e.name, CPIO_TRAILER))
			return 0;
		ret = apply_entry(u, &e);
		if (ret)
			return ret;
	}
}

static void skip_nul_padding(struct unpacker *u)
{
	while (u->pos < u->len && u->buf[u->pos] == '\0')
		u->pos++;
}

static void free_unpacker(struct unpacker *u)
{
	unsigned int i;

	for (i = 0; i < u->nr_links; i++)
		kfree(u->links[i].path);
	for (i = 0; i < u->nr_dirs; i++) {
		init_utimes(u->dirs[i].path, u->dirs[i].mtime);
		kfree(u->dirs[i].path);
	}
	kfree(u->links);
	kfree(u->dirs);
	kfree(u->path);
}

int unpack_initramfs_at(const char *dir, const void *buf, size_t len,
			char *why, size_t whylen)
{
	struct unpacker u = {
		.prefix = strcmp(dir, "/") ? dir : "", .buf = buf, .len = len,
		.why = why, .whylen = whylen,
	};
	int ret = 0;

	if (why && whylen)
		why[0] = '\0';
	u.path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!u.path)
		return fail(&u, -ENOMEM, "out of memory");
	skip_nul_padding(&u);
	if (u.pos == u.len) {
		kfree(u.path);
		return fail(&u, -EINVAL, "no archive (%zu bytes, no %s)", len, CPIO_TRAILER);
	}
	while (!ret && u.pos < u.len) {
		ret = unpack_archive(&u);
		skip_nul_padding(&u);
	}
	free_unpacker(&u);
	return ret ? ret : u.count;
}

int unpack_initramfs(const void *buf, size_t len, char *why, size_t whylen)
{
	return unpack_initramfs_at("/", buf, len, why, whylen);
}

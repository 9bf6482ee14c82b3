// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs unpacker: cpio "newc" archives into the ramfs.
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
 * whose ".." would climb above it is refused; as creation follows no
 * symbolic links, nothing can land outside it.
 *
 * In newc a hard-linked file appears once per name, usually with its
 * data only on the last one; ramfs has no hard links, so each name gets
 * a copy, filled in whichever of the names carries the data.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/ramfs.h>
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

/* A name of a hard-linked file met so far, to share its data with. */
struct link_name {
	u32 ino, major, minor;
	struct inode *inode;
};

struct unpacker {
	struct inode *dir;
	const u8 *buf;
	size_t len, pos;
	size_t start;		/* of the current archive: padding is relative to it */
	char *why;
	size_t whylen;
	struct link_name *links;
	unsigned int nr_links, max_links;
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

static struct link_name *find_link(struct unpacker *u, const struct cpio_entry *e,
				   bool with_data)
{
	unsigned int i;

	for (i = 0; i < u->nr_links; i++) {
		struct link_name *l = &u->links[i];

		if (l->ino == e->f[F_INO] && l->major == e->f[F_DEVMAJOR] &&
		    l->minor == e->f[F_DEVMINOR] && (l->inode->size > 0) == with_data)
			return l;
	}
	return NULL;
}

static int remember_link(struct unpacker *u, const struct cpio_entry *e,
			 struct inode *inode)
{
	struct link_name *l;

	if (u->nr_links == u->max_links) {
		unsigned int max = u->max_links ? 2 * u->max_links : 16;

		l = krealloc(u->links, max * sizeof(*l), GFP_KERNEL);
		if (!l)
			return -ENOMEM;
		u->links = l;
		u->max_links = max;
	}
	l = &u->links[u->nr_links++];
	l->ino = e->f[F_INO];
	l->major = e->f[F_DEVMAJOR];
	l->minor = e->f[F_DEVMINOR];
	l->inode = inode;
	return 0;
}

/* Gives every name of a hard-linked file the data one of them carries. */
static int share_link_data(struct unpacker *u, const struct cpio_entry *e,
			   struct inode *inode)
{
	struct link_name *l;
	int ret;

	if (!inode->size) {
		l = find_link(u, e, true);
		if (l)
			return ramfs_set_data(inode, l->inode->data, l->inode->size);
	} else {
		while ((l = find_link(u, e, false))) {
			ret = ramfs_set_data(l->inode, inode->data, inode->size);
			if (ret)
				return ret;
		}
	}
	return remember_link(u, e, inode);
}

/* Makes the entry, or refills the file or link of that name. */
static int make_node(struct unpacker *u, const struct cpio_entry *e,
		     unsigned int mode, struct inode **inode)
{
	/* "/bin/sh" is "bin/sh" too: the archive's root is u->dir */
	const char *name = e->name + strspn(e->name, "/");
	u32 size = e->f[F_FILESIZE];
	int ret;

	ret = ramfs_create_at(u->dir, name, mode, e->data, size, inode);
	if (ret != -EEXIST)
		return ret;
	ret = ramfs_lookup_at(u->dir, name, LOOKUP_NOFOLLOW, inode);
	if (ret)
		return ret;
	if (S_ISDIR((*inode)->mode) || S_ISDIR(mode))
		return -EEXIST;
	/* a later archive overrides an earlier one, as Linux's does */
	ret = ramfs_set_data(*inode, e->data, size);
	if (!ret)
		(*inode)->mode = mode & S_IFMT;
	return ret;
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
		return 1;	/* ramfs has no special files: skipped */
	default:
		return fail(u, -EINVAL, "offset %zu: \"%s\": bad file type in mode 0%o",
			    e->offset, e->name, mode);
	}
}

static int apply_entry(struct unpacker *u, const struct cpio_entry *e)
{
	u32 mode = e->f[F_MODE];
	struct inode *inode;
	int depth = name_depth(e->name), ret;

	if (depth < 0)
		return fail(u, -EINVAL, "offset %zu: \"%s\" escapes the root with \"..\"",
			    e->offset, e->name);
	ret = check_type(u, e);
	if (ret)
		return ret < 0 ? ret : 0;
	if (depth == 0)
		return 0;	/* ".": the directory unpacked into */
	ret = make_node(u, e, mode, &inode);
	if (!ret && S_ISREG(mode) && e->f[F_NLINK] > 1)
		ret = share_link_data(u, e, inode);
	if (ret == -ENOMEM)
		return fail(u, ret, "offset %zu: \"%s\": out of memory", e->offset, e->name);
	if (ret)
		return fail(u, -EINVAL, "offset %zu: cannot create \"%s\" (error %d)",
			    e->offset, e->name, ret);
	inode->mode = (inode->mode & S_IFMT) | (mode & 07777);
	inode->uid = e->f[F_UID];
	inode->gid = e->f[F_GID];
	inode->mtime = e->f[F_MTIME];
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

int unpack_initramfs_at(struct inode *dir, const void *buf, size_t len,
			char *why, size_t whylen)
{
	struct unpacker u = {
		.dir = dir, .buf = buf, .len = len, .why = why, .whylen = whylen,
	};
	int ret = 0;

	if (why && whylen)
		why[0] = '\0';
	if (!dir)
		return fail(&u, -EINVAL, "no ramfs to unpack into");
	skip_nul_padding(&u);
	if (u.pos == u.len)
		return fail(&u, -EINVAL, "no archive (%zu bytes, no %s)", len, CPIO_TRAILER);
	while (!ret && u.pos < u.len) {
		ret = unpack_archive(&u);
		skip_nul_padding(&u);
	}
	kfree(u.links);
	return ret ? ret : u.count;
}

int unpack_initramfs(const void *buf, size_t len, char *why, size_t whylen)
{
	return unpack_initramfs_at(ramfs_root(), buf, len, why, whylen);
}

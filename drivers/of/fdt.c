// SPDX-License-Identifier: GPL-2.0
/*
 * Flattened device tree reader.
 *
 * The boot loader hands the kernel a DTB it has no reason to trust, so
 * the reader is split in two:
 *
 *  - fdt_check() walks the whole blob once and refuses anything the
 *    devicetree specification does not allow, with a one-line reason the
 *    caller can print (this file has no printk: it also runs on the host).
 *
 *  - every accessor re-derives the block bounds from the header on each
 *    call (struct fdt_view) and checks each token, name and property
 *    against them before touching it, so an unchecked or corrupted blob
 *    gives -EINVAL or NULL, never a read past totalsize. Strings are only
 *    handed out if their NUL lies inside the blob.
 *
 * Nothing is cached and nothing is allocated: each lookup is a linear walk
 * of the structure block. Device trees are a few KiB and read a handful of
 * times at boot, so simplicity wins over speed. All loads are byte loads,
 * which keeps the reader independent of the blob's alignment and of the
 * CPU's endianness.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/string.h>

#define FDT_HDR_SIZE	40	/* ten u32 fields */
#define FDT_RSV_SIZE	16	/* u64 address, u64 size */
#define FDT_MAX_DEPTH	32	/* deeper trees are refused */
#define FDT_MAX_HOPS	64	/* steps when looking for an interrupt parent */

/* Header field offsets. */
enum {
	HDR_MAGIC = 0, HDR_TOTALSIZE = 4, HDR_OFF_STRUCT = 8,
	HDR_OFF_STRINGS = 12, HDR_OFF_RSVMAP = 16, HDR_VERSION = 20,
	HDR_LAST_COMP = 24, HDR_BOOT_CPUID = 28, HDR_SIZE_STRINGS = 32,
	HDR_SIZE_STRUCT = 36,
};

const void *initial_boot_params;

/* Where the blocks of one blob are, all bounds already checked. */
struct fdt_view {
	const u8 *base;
	u32 total;
	u32 st_off, st_size;	/* structure block */
	u32 str_off, str_size;	/* strings block */
	u32 rsv_off, rsv_end;	/* memory reservation map, end of its room */
};

static u32 get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static u64 get_be64(const u8 *p)
{
	return (u64)get_be32(p) << 32 | get_be32(p + 4);
}

u32 fdt32_to_cpu(be32 x)
{
	return get_be32((const u8 *)&x);
}

/* Cells are read bytewise: a property value need not be 4-byte aligned. */
u64 fdt_read_number(const be32 *cells, int count)
{
	const u8 *p = (const u8 *)cells;
	u64 r = 0;

	while (count-- > 0) {
		r = r << 32 | get_be32(p);
		p += 4;
	}
	return r;
}

static u32 hdr(const void *blob, int field)
{
	return get_be32((const u8 *)blob + field);
}

void fdt_header(const void *blob, struct fdt_header_info *h)
{
	h->magic = hdr(blob, HDR_MAGIC);
	h->totalsize = hdr(blob, HDR_TOTALSIZE);
	h->off_dt_struct = hdr(blob, HDR_OFF_STRUCT);
	h->off_dt_strings = hdr(blob, HDR_OFF_STRINGS);
	h->off_mem_rsvmap = hdr(blob, HDR_OFF_RSVMAP);
	h->version = hdr(blob, HDR_VERSION);
	h->last_comp_version = hdr(blob, HDR_LAST_COMP);
	h->boot_cpuid_phys = hdr(blob, HDR_BOOT_CPUID);
	h->size_dt_strings = hdr(blob, HDR_SIZE_STRINGS);
	h->size_dt_struct = hdr(blob, HDR_SIZE_STRUCT);
}

u32 fdt_totalsize(const void *blob)
{
	return hdr(blob, HDR_TOTALSIZE);
}

/* Does [off, off + size) fit in [0, total)? Written not to overflow. */
static bool in_blob(u32 off, u32 size, u32 total)
{
	return off <= total && size <= total - off;
}

/* The first block offset after @off, or @total: a block's room ends there. */
static u32 room_end(const struct fdt_header_info *h, u32 off)
{
	u32 end = h->totalsize;

	if (h->off_dt_struct > off && h->off_dt_struct < end)
		end = h->off_dt_struct;
	if (h->off_dt_strings > off && h->off_dt_strings < end)
		end = h->off_dt_strings;
	if (h->off_mem_rsvmap > off && h->off_mem_rsvmap < end)
		end = h->off_mem_rsvmap;
	return end;
}

/*
 * Version 16 headers carry no size_dt_struct (dtc writes 0): the block
 * then reaches up to the next block, and FDT_END marks its real end.
 */
static u32 struct_size(const struct fdt_header_info *h)
{
	if (h->version >= 17)
		return h->size_dt_struct;
	return ALIGN_DOWN(room_end(h, h->off_dt_struct) - h->off_dt_struct, 4);
}

/*
 * The minimum every accessor needs before it reads past the header: the
 * blocks lie inside totalsize and offsets fit in an int.
 */
static int view_init(const void *blob, struct fdt_view *v)
{
	struct fdt_header_info h;

	if (!blob)
		return -EINVAL;
	fdt_header(blob, &h);
	if (h.magic != FDT_MAGIC || h.version < 16 ||
	    h.totalsize < FDT_HDR_SIZE || h.totalsize > 0x7fffffff ||
	    h.off_dt_struct < FDT_HDR_SIZE || h.off_dt_struct % 4 ||
	    h.off_mem_rsvmap < FDT_HDR_SIZE)
		return -EINVAL;
	v->base = blob;
	v->total = h.totalsize;
	v->st_off = h.off_dt_struct;
	v->st_size = struct_size(&h);
	v->str_off = h.off_dt_strings;
	v->str_size = h.size_dt_strings;
	v->rsv_off = h.off_mem_rsvmap;
	v->rsv_end = room_end(&h, h.off_mem_rsvmap);
	if (!in_blob(v->st_off, v->st_size, v->total) ||
	    !in_blob(v->str_off, v->str_size, v->total) ||
	    v->rsv_off > v->total)
		return -EINVAL;
	return 0;
}

static const u8 *st_ptr(const struct fdt_view *v, int off)
{
	return v->base + v->st_off + off;
}

/*
 * Decodes the token at structure offset @off and sets *@next to the
 * token after it. Returns the token, or -EINVAL with *@err saying why.
 */
static int next_tag(const struct fdt_view *v, int off, int *next,
		    const char **err)
{
	u32 room, tag, len;
	const u8 *nul;

	*err = "token runs past the structure block";
	if (off < 0 || off % 4 || v->st_size < 4 || (u32)off > v->st_size - 4)
		return -EINVAL;
	room = v->st_size - off - 4;
	tag = get_be32(st_ptr(v, off));
	*next = off + 4;
	switch (tag) {
	case FDT_BEGIN_NODE:
		*err = "node name not terminated";
		nul = memchr(st_ptr(v, off + 4), 0, room);
		if (!nul)
			return -EINVAL;
		*next = ALIGN(nul - st_ptr(v, 0) + 1, 4);
		break;
	case FDT_PROP:
		if (room < 8)
			return -EINVAL;
		*err = "property value runs past the structure block";
		len = get_be32(st_ptr(v, off + 4));
		if (len > room - 8 || ALIGN(len, 4) > room - 8)
			return -EINVAL;
		*next = off + 12 + ALIGN(len, 4);
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		*err = "unknown token";
		return -EINVAL;
	}
	return tag;
}

/* The NUL-terminated string at @nameoff of the strings block, or NULL. */
static const char *prop_name(const struct fdt_view *v, u32 nameoff)
{
	const char *s;

	if (nameoff >= v->str_size)
		return NULL;
	s = (const char *)v->base + v->str_off + nameoff;
	return memchr(s, 0, v->str_size - nameoff) ? s : NULL;
}

/* ---- fdt_check() ---- */

static int check_header(const struct fdt_header_info *h, size_t avail,
			char *why, size_t whylen)
{
	if (h->magic != FDT_MAGIC)
		return refuse(-EINVAL, why, whylen, "bad magic 0x%x", h->magic);
	if (h->version < 16)
		return refuse(-EINVAL, why, whylen, "version %u older than 16",
			      h->version);
	if (h->last_comp_version > 17)
		return refuse(-EINVAL, why, whylen, "last compatible version %u is newer than 17",
			      h->last_comp_version);
	if (h->totalsize < FDT_HDR_SIZE || h->totalsize > 0x7fffffff)
		return refuse(-EINVAL, why, whylen, "totalsize %u is impossible",
			      h->totalsize);
	if (h->totalsize > avail)
		return refuse(-EINVAL, why, whylen, "totalsize %u larger than the %zu bytes available",
			      h->totalsize, avail);
	return 0;
}

static int check_block(const char *what, u32 off, u32 size, u32 align,
		       u32 total, char *why, size_t whylen)
{
	if (off < FDT_HDR_SIZE)
		return refuse(-EINVAL, why, whylen, "%s at 0x%x overlaps the header",
			      what, off);
	if (off % align || size % align)
		return refuse(-EINVAL, why, whylen, "%s at 0x%x size 0x%x not %u-byte aligned",
			      what, off, size, align);
	if (!in_blob(off, size, total))
		return refuse(-EINVAL, why, whylen, "%s at 0x%x size 0x%x outside totalsize 0x%x",
			      what, off, size, total);
	return 0;
}

static bool overlap(u32 a, u32 alen, u32 b, u32 blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

static int check_blocks(const struct fdt_header_info *h, char *why,
			size_t whylen)
{
	u32 st_size = struct_size(h);
	int ret;

	ret = check_block("structure block", h->off_dt_struct, st_size, 4,
			  h->totalsize, why, whylen);
	if (!ret)
		ret = check_block("strings block", h->off_dt_strings,
				  h->size_dt_strings, 1, h->totalsize,
				  why, whylen);
	if (!ret)
		ret = check_block("memory reservation map", h->off_mem_rsvmap,
				  0, 8, h->totalsize, why, whylen);
	if (ret)
		return ret;
	if (overlap(h->off_dt_struct, st_size, h->off_dt_strings,
		    h->size_dt_strings))
		return refuse(-EINVAL, why, whylen, "structure and strings blocks overlap");
	return 0;
}

static int check_rsvmap(const struct fdt_view *v, char *why, size_t whylen)
{
	u32 off;

	for (off = v->rsv_off; in_blob(off, FDT_RSV_SIZE, v->rsv_end);
	     off += FDT_RSV_SIZE) {
		if (!get_be64(v->base + off) && !get_be64(v->base + off + 8))
			break;
	}
	if (!in_blob(off, FDT_RSV_SIZE, v->rsv_end))
		return refuse(-EINVAL, why, whylen, "memory reservation map not terminated before 0x%x",
			      v->rsv_end);
	off += FDT_RSV_SIZE;
	if (overlap(v->rsv_off, off - v->rsv_off, v->st_off, v->st_size) ||
	    overlap(v->rsv_off, off - v->rsv_off, v->str_off, v->str_size))
		return refuse(-EINVAL, why, whylen, "memory reservation map overlaps another block");
	return 0;
}

/* What the structure walk has seen so far. */
struct walk {
	int depth;
	bool root_done;
	u64 has_child;		/* bit d: the open node at depth d has one */
};

static const char *check_token(const struct fdt_view *v, int tag, int off,
			       struct walk *w)
{
	u32 nameoff;

	switch (tag) {
	case FDT_BEGIN_NODE:
		if (w->root_done)
			return "second root node";
		if (w->depth == FDT_MAX_DEPTH)
			return "nodes nested deeper than " __stringify(FDT_MAX_DEPTH);
		w->has_child |= 1ULL << w->depth;
		w->has_child &= ~(1ULL << ++w->depth);
		break;
	case FDT_END_NODE:
		if (!w->depth)
			return "FDT_END_NODE without FDT_BEGIN_NODE";
		w->root_done = !--w->depth;
		break;
	case FDT_PROP:
		if (!w->depth)
			return w->root_done ? "property after the root node" :
					      "property before the root node";
		if (w->has_child & 1ULL << w->depth)
			return "property after a subnode";
		nameoff = get_be32(st_ptr(v, off + 8));
		if (nameoff >= v->str_size)
			return "property name offset outside the strings block";
		if (!prop_name(v, nameoff))
			return "property name not terminated in the strings block";
		break;
	case FDT_END:
		if (w->depth)
			return "FDT_END inside a node";
		if (!w->root_done)
			return "no root node";
		break;
	}
	return NULL;
}

static int check_struct(const struct fdt_view *v, u32 version, char *why,
			size_t whylen)
{
	struct walk w = { 0, false, 0 };
	const char *err;
	int off = 0, next, tag;

	do {
		tag = next_tag(v, off, &next, &err);
		if (tag < 0 && (u32)off + 4 > v->st_size)
			return refuse(-EINVAL, why, whylen, "structure block ends without FDT_END");
		if (tag < 0)
			return refuse(-EINVAL, why, whylen, "%s at structure offset 0x%x",
				      err, off);
		err = check_token(v, tag, off, &w);
		if (err)
			return refuse(-EINVAL, why, whylen, "%s at structure offset 0x%x",
				      err, off);
		off = next;
	} while (tag != FDT_END);
	if (version >= 17 && (u32)off != v->st_size)
		return refuse(-EINVAL, why, whylen, "%u bytes after FDT_END in the structure block",
			      v->st_size - off);
	return 0;
}

int fdt_check(const void *blob, size_t avail, char *why, size_t whylen)
{
	struct fdt_header_info h;
	struct fdt_view v;
	int ret;

	if (why && whylen)
		why[0] = '\0';
	if (!blob)
		return refuse(-EINVAL, why, whylen, "no device tree blob");
	if (avail < FDT_HDR_SIZE)
		return refuse(-EINVAL, why, whylen, "%zu bytes are too few for a header",
			      avail);
	fdt_header(blob, &h);
	ret = check_header(&h, avail, why, whylen);
	if (!ret)
		ret = check_blocks(&h, why, whylen);
	if (ret)
		return ret;
	if (view_init(blob, &v))	/* cannot fail after the checks above */
		return refuse(-EINVAL, why, whylen, "inconsistent header");
	ret = check_rsvmap(&v, why, whylen);
	if (!ret)
		ret = check_struct(&v, h.version, why, whylen);
	return ret;
}

/* ---- Walking nodes ---- */

/*
 * As in libfdt: from the node at @node (or from before the root if @node
 * is negative) to the next node in document order, adding one to *@depth
 * per node entered and taking one per node left. Returns -ENOENT at the
 * end of the tree or when *@depth would drop below 0, i.e. the walk left
 * the subtree it started in.
 */
int fdt_next_node(const void *blob, int node, int *depth)
{
	struct fdt_view v;
	const char *err;
	int off = 0, next, tag;

	if (view_init(blob, &v))
		return -EINVAL;
	if (node >= 0 && next_tag(&v, node, &off, &err) != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;; off = next) {
		tag = next_tag(&v, off, &next, &err);
		if (tag < 0)
			return tag;
		if (tag == FDT_BEGIN_NODE) {
			if (depth)
				(*depth)++;
			return off;
		}
		if (tag == FDT_END_NODE && depth && --(*depth) < 0)
			return -ENOENT;
		if (tag == FDT_END)
			return -ENOENT;
	}
}

const char *fdt_get_name(const void *blob, int node)
{
	struct fdt_view v;
	const char *err;
	int next;

	if (view_init(blob, &v) ||
	    next_tag(&v, node, &next, &err) != FDT_BEGIN_NODE)
		return NULL;
	return (const char *)st_ptr(&v, node + 4);
}

/* "name@unit" matches @comp of @len bytes, and "name" does if it has no '@'. */
static bool name_matches(const char *name, const char *comp, size_t len)
{
	if (!name || strncmp(name, comp, len))
		return false;
	return !name[len] || (name[len] == '@' && !memchr(comp, '@', len));
}

static int subnode_n(const void *blob, int parent, const char *name,
		     size_t len)
{
	int depth = 0, node = parent;

	if (parent < 0)
		return -EINVAL;
	while ((node = fdt_next_node(blob, node, &depth)) >= 0) {
		if (depth == 1 &&
		    name_matches(fdt_get_name(blob, node), name, len))
			return node;
	}
	return node;
}

int fdt_subnode_offset(const void *blob, int parent, const char *name)
{
	return subnode_n(blob, parent, name, strlen(name));
}

int fdt_path_offset(const void *blob, const char *path)
{
	int node;
	size_t len;

	if (!path || *path != '/')
		return -EINVAL;
	node = fdt_next_node(blob, -1, NULL);
	while (node >= 0) {
		path += strspn(path, "/");
		if (!*path)
			break;
		len = strcspn(path, "/");
		node = subnode_n(blob, node, path, len);
		path += len;
	}
	return node;
}

/* One walk from the root, remembering the last node seen at each depth. */
int fdt_parent_offset(const void *blob, int node)
{
	int last[FDT_MAX_DEPTH + 1];
	int depth = 0, off = -1;

	while ((off = fdt_next_node(blob, off, &depth)) >= 0 && off <= node) {
		if (depth > FDT_MAX_DEPTH)
			return -EINVAL;
		last[depth] = off;
		if (off == node)
			return depth > 1 ? last[depth - 1] : -ENOENT;
	}
	return -EINVAL;		/* @node is not a node of this tree */
}

/* ---- Properties ---- */

static const void *set_len(int *lenp, int len, const void *ret)
{
	if (lenp)
		*lenp = len;
	return ret;
}

const void *fdt_getprop(const void *blob, int node, const char *name,
			int *lenp)
{
	struct fdt_view v;
	const char *err, *pname;
	int off, next, tag;

	if (view_init(blob, &v) ||
	    next_tag(&v, node, &off, &err) != FDT_BEGIN_NODE)
		return set_len(lenp, -EINVAL, NULL);
	/* A node's properties come before its subnodes. */
	for (; (tag = next_tag(&v, off, &next, &err)) == FDT_PROP ||
	       tag == FDT_NOP; off = next) {
		if (tag == FDT_NOP)
			continue;
		pname = prop_name(&v, get_be32(st_ptr(&v, off + 8)));
		if (pname && !strcmp(pname, name))
			return set_len(lenp, get_be32(st_ptr(&v, off + 4)),
				       st_ptr(&v, off + 12));
	}
	return set_len(lenp, tag < 0 ? -EINVAL : -ENOENT, NULL);
}

int fdt_read_u32(const void *blob, int node, const char *name, u32 *val)
{
	const void *p;
	int len;

	p = fdt_getprop(blob, node, name, &len);
	if (!p)
		return len;
	if (len != 4)
		return -EINVAL;
	*val = get_be32(p);
	return 0;
}

/*
 * The @index-th string of a string-list property; NULL unless the whole
 * value is a list of NUL-terminated strings.
 */
const char *fdt_stringlist_get(const void *blob, int node, const char *prop,
			       int index)
{
	const char *s, *end;
	int len;

	s = fdt_getprop(blob, node, prop, &len);
	if (!s || len <= 0 || s[len - 1] || index < 0)
		return NULL;
	for (end = s + len; s < end; s += strlen(s) + 1) {
		if (!index--)
			return s;
	}
	return NULL;
}

bool fdt_node_is_compatible(const void *blob, int node, const char *compat)
{
	const char *s;
	int i;

	for (i = 0; (s = fdt_stringlist_get(blob, node, "compatible", i)); i++)
		if (!strcmp(s, compat))
			return true;
	return false;
}

/*
 * The first node after @start (negative: from the top) with @compat in
 * its compatible list.
 */
int fdt_find_compatible(const void *blob, int start, const char *compat)
{
	int node = start < 0 ? -1 : start;

	while ((node = fdt_next_node(blob, node, NULL)) >= 0) {
		if (fdt_node_is_compatible(blob, node, compat))
			return node;
	}
	return node;
}

/* Status absent, "okay" or "ok" means in use, as in Linux. */
static bool node_available(const void *blob, int node)
{
	const char *s = fdt_stringlist_get(blob, node, "status", 0);

	return !fdt_getprop(blob, node, "status", NULL) ||
	       (s && (!strcmp(s, "okay") || !strcmp(s, "ok")));
}

static int cells_prop(const void *blob, int node, const char *name, int dflt)
{
	u32 val = 0;
	int ret = fdt_read_u32(blob, node, name, &val);

	if (ret == -ENOENT)
		return dflt;
	if (ret)
		return ret;
	return val > 4 ? -EINVAL : (int)val;
}

/* The cell counts @node sets for the reg of its children. */
int fdt_address_cells(const void *blob, int node)
{
	return cells_prop(blob, node, "#address-cells", 2);
}

int fdt_size_cells(const void *blob, int node)
{
	return cells_prop(blob, node, "#size-cells", 1);
}

int fdt_read_reg(const void *blob, int node, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(blob, node);
	int ac, sc, len, entry;
	const be32 *p;

	if (parent < 0 || index < 0)
		return -EINVAL;
	ac = fdt_address_cells(blob, parent);
	sc = fdt_size_cells(blob, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -EINVAL;
	p = fdt_getprop(blob, node, "reg", &len);
	if (!p)
		return len;
	entry = (ac + sc) * 4;
	if (len % entry)
		return -EINVAL;
	if (index >= len / entry)
		return -ENOENT;
	p += index * (ac + sc);
	if (addr)
		*addr = fdt_read_number(p, ac);
	if (size)
		*size = fdt_read_number(p + ac, sc);
	return 0;
}

/*
 * Maps @addr, an address on the bus @bus (a node whose children's "reg"
 * it is), one level up through the bus's "ranges": an empty or absent
 * "ranges" is the identity; otherwise the entry covering @addr decides.
 */
static int translate_one(const void *blob, int bus, u64 *addr)
{
	int up = fdt_parent_offset(blob, bus);
	int cac = fdt_address_cells(blob, bus);
	int pac = fdt_address_cells(blob, up);
	int sc = fdt_size_cells(blob, bus);
	int len, entry, i;
	const be32 *p;

	p = fdt_getprop(blob, bus, "ranges", &len);
	if (!p || !len)
		return 0;
	if (cac < 1 || cac > 2 || pac < 1 || pac > 2 || sc < 1 || sc > 2)
		return -EINVAL;
	entry = cac + pac + sc;
	if (len % (entry * 4))
		return -EINVAL;
	for (i = 0; i < len / (entry * 4); i++, p += entry) {
		u64 child = fdt_read_number(p, cac);
		u64 size = fdt_read_number(p + cac + pac, sc);

		if (*addr >= child && *addr - child < size) {
			*addr = *addr - child + fdt_read_number(p + cac, pac);
			return 0;
		}
	}
	return -EINVAL;
}

/*
 * fdt_read_reg, with the address turned into the CPU's physical address
 * by every bus above the node (the Pi's peripherals sit at 0x7e000000 on
 * the VideoCore bus and at 0x3f000000 for the ARM cores).
 */
int fdt_read_reg_translated(const void *blob, int node, int index, u64 *addr,
			    u64 *size)
{
	int bus = fdt_parent_offset(blob, node);
	int ret = fdt_read_reg(blob, node, index, addr, size);

	while (!ret && bus > 0) {
		ret = translate_one(blob, bus, addr);
		bus = fdt_parent_offset(blob, bus);
	}
	return ret;
}

static int find_phandle(const void *blob, u32 phandle)
{
	int node = -1;
	u32 val;

	while ((node = fdt_next_node(blob, node, NULL)) >= 0) {
		if ((!fdt_read_u32(blob, node, "phandle", &val) ||
		     !fdt_read_u32(blob, node, "linux,phandle", &val)) &&
		    val == phandle)
			return node;
	}
	return node == -ENOENT ? -EINVAL : node;
}

/*
 * As Linux does: follow interrupt-parent where a node has one and the
 * tree parent where it does not, until a node with #interrupt-cells.
 */
int fdt_interrupt_parent(const void *blob, int node)
{
	u32 phandle;
	int hops, ret;

	for (hops = 0; hops < FDT_MAX_HOPS; hops++) {
		ret = fdt_read_u32(blob, node, "interrupt-parent", &phandle);
		if (ret == -ENOENT)
			node = fdt_parent_offset(blob, node);
		else if (!ret)
			node = find_phandle(blob, phandle);
		else
			return ret;
		if (node < 0)
			return -EINVAL;
		if (fdt_getprop(blob, node, "#interrupt-cells", NULL))
			return node;
	}
	return -EINVAL;
}

/*
 * Returns the number of cells stored in @cells, or -EOVERFLOW if the
 * specifier has more than @max_cells.
 */
int fdt_read_interrupt(const void *blob, int node, int index, u32 *cells,
		       int max_cells)
{
	const be32 *p;
	u32 n;
	int i, len, parent, ret;

	p = fdt_getprop(blob, node, "interrupts", &len);
	if (!p)
		return len;
	parent = fdt_interrupt_parent(blob, node);
	if (parent < 0 || index < 0)
		return -EINVAL;
	ret = fdt_read_u32(blob, parent, "#interrupt-cells", &n);
	if (ret || n < 1 || n > 16 || len % (n * 4))
		return -EINVAL;
	if ((int)n > max_cells)
		return -EOVERFLOW;
	if ((u32)index >= len / (n * 4))
		return -ENOENT;
	for (i = 0; i < (int)n; i++)
		cells[i] = fdt_read_number(p + index * n + i, 1);
	return n;
}

/* ---- Memory reservation map, /chosen, memory scans ---- */

/* Entries before the terminator, or -EINVAL if it lies outside the map. */
int fdt_memrsv_count(const void *blob)
{
	struct fdt_view v;
	u32 off;
	int n = 0;

	if (view_init(blob, &v))
		return -EINVAL;
	for (off = v.rsv_off; in_blob(off, FDT_RSV_SIZE, v.rsv_end);
	     off += FDT_RSV_SIZE, n++) {
		if (!get_be64(v.base + off) && !get_be64(v.base + off + 8))
			return n;
	}
	return -EINVAL;
}

int fdt_memrsv_get(const void *blob, int index, u64 *addr, u64 *size)
{
	int n = fdt_memrsv_count(blob);
	const u8 *p;

	if (n < 0)
		return n;
	if (index < 0 || index >= n)
		return -ENOENT;
	p = (const u8 *)blob + hdr(blob, HDR_OFF_RSVMAP) + index * FDT_RSV_SIZE;
	*addr = get_be64(p);
	*size = get_be64(p + 8);
	return 0;
}

/* The value of a single-string property, if it has its NUL. */
static const char *prop_string(const void *blob, int node, const char *name)
{
	const char *s;
	int len;

	s = fdt_getprop(blob, node, name, &len);
	return s && len > 0 && memchr(s, 0, len) ? s : NULL;
}

static bool read_cells(const void *blob, int node, const char *name, u64 *val)
{
	const be32 *p;
	int len;

	p = fdt_getprop(blob, node, name, &len);
	if (!p || (len != 4 && len != 8))
		return false;
	*val = fdt_read_number(p, len / 4);
	return true;
}

/* Fields absent or malformed in /chosen are left NULL, or no initrd. */
int fdt_scan_chosen(const void *blob, struct fdt_chosen *chosen)
{
	int node = fdt_path_offset(blob, "/chosen");
	u64 start, end;

	memset(chosen, 0, sizeof(*chosen));
	if (node < 0)
		return node;
	chosen->bootargs = prop_string(blob, node, "bootargs");
	chosen->stdout_path = prop_string(blob, node, "stdout-path");
	chosen->has_initrd =
		read_cells(blob, node, "linux,initrd-start", &start) &&
		read_cells(blob, node, "linux,initrd-end", &end) && start <= end;
	if (chosen->has_initrd) {
		chosen->initrd_start = start;
		chosen->initrd_end = end;
	}
	return 0;
}

/* Calls @fn on every reg range of @node; returns how many, or -errno. */
static int visit_reg(const void *blob, int node, fdt_range_fn fn, void *arg)
{
	u64 base, size;
	int i, ret;

	for (i = 0; !(ret = fdt_read_reg(blob, node, i, &base, &size)); i++)
		fn(base, size, arg);
	return ret == -ENOENT ? i : ret;
}

/* Returns the number of ranges visited, or -EINVAL on a malformed reg. */
int fdt_scan_memory(const void *blob, fdt_range_fn fn, void *arg)
{
	const char *type;
	int node = -1, n = 0, ret;

	while ((node = fdt_next_node(blob, node, NULL)) >= 0) {
		type = prop_string(blob, node, "device_type");
		if (!type || strcmp(type, "memory") ||
		    !node_available(blob, node))
			continue;
		ret = visit_reg(blob, node, fn, arg);
		if (ret < 0)
			return ret;
		n += ret;
	}
	return node == -ENOENT ? n : node;
}

/*
 * The memory reservation map, then the reg of every available child of
 * /reserved-memory (children without reg are dynamic pools: skipped).
 */
int fdt_scan_reserved_memory(const void *blob, fdt_range_fn fn, void *arg)
{
	int depth = 0, node, n, i, ret;
	u64 base, size;

	n = fdt_memrsv_count(blob);
	for (i = 0; i < n; i++) {
		fdt_memrsv_get(blob, i, &base, &size);
		fn(base, size, arg);
	}
	if (n < 0)
		return n;
	node = fdt_path_offset(blob, "/reserved-memory");
	if (node < 0)
		return node == -ENOENT ? n : node;
	while ((node = fdt_next_node(blob, node, &depth)) >= 0) {
		if (depth != 1 || !node_available(blob, node) ||
		    !fdt_getprop(blob, node, "reg", NULL))
			continue;
		ret = visit_reg(blob, node, fn, arg);
		if (ret < 0)
			return ret;
		n += ret;
	}
	return node == -ENOENT ? n : node;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of fs/binfmt_elf_check.c, under AddressSanitizer and UBSan.
 *
 * elf_sample: the executables tests/host/Makefile.inc builds from
 * elf_sample.c with the cross compiler (ET_EXEC, and a static PIE),
 * read from build/tests/elf/ (the test runs from the repository root).
 * elf_parse()'s answer is compared field by field with what a second,
 * naive reading of the headers gives, and with the cross toolchain's
 * readelf when it is there.
 *
 * elf_refuse: copies of the sample, each spoilt in one way, and images
 * built here header by header; each must be refused with -ENOEXEC, or
 * -EINVAL for what Linux gives up only after the point of no return (a
 * segment at or past TASK_SIZE, below 0x1000 or wrapping, filesz >
 * memsz, an offset out of step with the address, no PT_LOAD, an entry
 * point outside the code), and a reason naming the fault; -ENOEXEC wins
 * when both apply. The limits
 * themselves (8 PT_LOADs, 64 headers, a segment ending exactly at
 * TASK_SIZE, a 1 GiB ET_DYN) must pass.
 *
 * elf_fuzz: every byte of each sample changed in several ways, the file
 * cut at every length, and random multi-byte damage; each copy sits in
 * a heap block of exactly its size so ASan sees any read past it, and
 * whatever is accepted must keep every promise of <linux/elf.h>.
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <asm/memory.h>

/* The C library's formatters below, not the kernel's (see Makefile.inc). */
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELF_DIR		"build/tests/elf/"
#define WHY_LEN		192

_Static_assert(sizeof(Elf32_Ehdr) == 52, "Elf32_Ehdr is 52 bytes");
_Static_assert(sizeof(Elf32_Phdr) == 32, "Elf32_Phdr is 32 bytes");

/* Field offsets in the file, from the ELF specification. */
enum {
	E_TYPE = 16, E_MACHINE = 18, E_VERSION = 20, E_ENTRY = 24, E_PHOFF = 28,
	E_EHSIZE = 40, E_PHENTSIZE = 42, E_PHNUM = 44,
};
enum {
	P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20,
	P_FLAGS = 24, P_ALIGN = 28,
};

static u32 rd(const u8 *p, int width)
{
	u32 v = 0;
	int i;

	for (i = width - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void wr(u8 *p, int width, u32 v)
{
	int i;

	for (i = 0; i < width; i++, v >>= 8)
		p[i] = v;
}

static u8 *load_elf(struct ktest *t, const char *name, size_t *len, bool optional)
{
	char path[128];
	u8 *buf = NULL;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), ELF_DIR "%s", name);
	f = fopen(path, "rb");
	if (!f) {
		if (optional)
			ktest_skip(t, "no static PIE from this toolchain");
		else
			KT_FAIL(t, "cannot open %s (make %s first)", path, path);
		return NULL;
	}
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET)) {
		buf = malloc(n);
		if (buf && fread(buf, 1, n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = n;
	}
	fclose(f);
	if (!buf)
		KT_FAIL(t, "cannot read %s", path);
	return buf;
}

static u8 *copy_of(const u8 *src, size_t len)
{
	u8 *p = malloc(len ? len : 1);

	memcpy(p, src, len);
	return p;
}

/* ---------------------------------------------------------------- */
/* The expected answer, by a second and simpler reading */

static void naive_read(const u8 *img, struct elf_load_info *x)
{
	Elf32_Ehdr eh;
	Elf32_Phdr ph;
	bool have_phdr = false;
	unsigned long end;
	unsigned int i;

	memset(x, 0, sizeof(*x));
	memcpy(&eh, img, sizeof(eh));	/* the host is little-endian too */
	x->type = eh.e_type;
	x->entry = eh.e_entry;
	x->phoff = eh.e_phoff;
	x->phnum = eh.e_phnum;
	x->phentsize = eh.e_phentsize;
	x->exec_stack = true;
	for (i = 0; i < eh.e_phnum; i++) {
		memcpy(&ph, img + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_LOAD && x->nr_load < ELF_MAX_LOAD)
			x->load[x->nr_load++] = (struct elf_segment) {
				ph.p_vaddr, ph.p_memsz, ph.p_offset, ph.p_filesz,
				ph.p_flags & 7 };
		if (ph.p_type == PT_PHDR && !have_phdr) {
			x->phdr_vaddr = ph.p_vaddr;
			have_phdr = true;
		}
		if (ph.p_type == PT_GNU_STACK)
			x->exec_stack = ph.p_flags & PF_X;
	}
	x->lowest = x->load[0].vaddr / 4096 * 4096;
	end = x->load[x->nr_load - 1].vaddr + x->load[x->nr_load - 1].memsz;
	x->highest = (end + 4095) / 4096 * 4096;
	end = x->phoff + 32 * x->phnum;
	for (i = 0; i < x->nr_load && !x->phdr_vaddr; i++)
		if (x->load[i].offset <= x->phoff &&
		    end <= x->load[i].offset + x->load[i].filesz)
			x->phdr_vaddr = x->load[i].vaddr + x->phoff - x->load[i].offset;
}

static void expect_same(struct ktest *t, const struct elf_load_info *got,
			const struct elf_load_info *x)
{
	unsigned int i;

	KT_EXPECT_EQ(t, got->type, x->type);
	KT_EXPECT_EQ(t, got->entry, x->entry);
	KT_EXPECT_EQ(t, got->phoff, x->phoff);
	KT_EXPECT_EQ(t, got->phnum, x->phnum);
	KT_EXPECT_EQ(t, got->phentsize, x->phentsize);
	KT_EXPECT_EQ(t, got->phdr_vaddr, x->phdr_vaddr);
	KT_EXPECT_EQ(t, got->lowest, x->lowest);
	KT_EXPECT_EQ(t, got->highest, x->highest);
	KT_EXPECT_EQ(t, got->exec_stack, x->exec_stack);
	KT_ASSERT_EQ(t, got->nr_load, x->nr_load);
	for (i = 0; i < x->nr_load; i++) {
		KT_EXPECT_EQ(t, got->load[i].vaddr, x->load[i].vaddr);
		KT_EXPECT_EQ(t, got->load[i].memsz, x->load[i].memsz);
		KT_EXPECT_EQ(t, got->load[i].offset, x->load[i].offset);
		KT_EXPECT_EQ(t, got->load[i].filesz, x->load[i].filesz);
		KT_EXPECT_EQ(t, got->load[i].flags, x->load[i].flags);
	}
}

/* ---------------------------------------------------------------- */
/* What the toolchain's readelf says */

struct readelf_view {
	unsigned int type;
	unsigned long entry;
	unsigned int nr_load;
	struct elf_segment load[16];
	bool has_stack;
	unsigned int stack_flags;
};

static unsigned int readelf_flags(const char *s)
{
	const char *end = strstr(s, "0x");
	unsigned int flags = 0;

	for (; *s && (!end || s < end); s++) {
		if (*s == 'R')
			flags |= PF_R;
		if (*s == 'W')
			flags |= PF_W;
		if (*s == 'E')
			flags |= PF_X;
	}
	return flags;
}

static void readelf_line(const char *line, struct readelf_view *v)
{
	unsigned long off, va, pa, fs, ms;
	char kind[32];
	int n = 0;

	if (sscanf(line, "Entry point 0x%lx", &v->entry) == 1)
		return;
	if (strstr(line, "Elf file type is EXEC"))
		v->type = ET_EXEC;
	if (strstr(line, "Elf file type is DYN"))
		v->type = ET_DYN;
	if (sscanf(line, " %31s 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx %n", kind, &off, &va,
		   &pa, &fs, &ms, &n) < 6 || !n)
		return;
	if (!strcmp(kind, "LOAD") && v->nr_load < 16)
		v->load[v->nr_load++] = (struct elf_segment) {
			va, ms, off, fs, readelf_flags(line + n) };
	if (!strcmp(kind, "GNU_STACK")) {
		v->has_stack = true;
		v->stack_flags = readelf_flags(line + n);
	}
}

static bool run_readelf(const char *name, struct readelf_view *v)
{
	const char *cross = getenv("CROSS_COMPILE");
	char cmd[256], line[256];
	FILE *p;

	memset(v, 0, sizeof(*v));
	snprintf(cmd, sizeof(cmd), "%sreadelf -lW " ELF_DIR "%s 2>/dev/null",
		 cross ? cross : "arm-none-eabi-", name);
	p = popen(cmd, "r");
	if (!p)
		return false;
	while (fgets(line, sizeof(line), p))
		readelf_line(line, v);
	pclose(p);
	return v->nr_load && v->type;
}

static void compare_with_readelf(struct ktest *t, const char *name,
				 const struct elf_load_info *got)
{
	struct readelf_view v;
	unsigned int i;

	if (!run_readelf(name, &v)) {
		ktest_skip(t, "no readelf for ARM");
		return;
	}
	KT_EXPECT_EQ(t, got->type, v.type);
	KT_EXPECT_EQ(t, got->entry, v.entry);
	KT_EXPECT_EQ(t, got->exec_stack, !v.has_stack || (v.stack_flags & PF_X));
	KT_ASSERT_EQ(t, got->nr_load, v.nr_load);
	for (i = 0; i < v.nr_load; i++) {
		KT_EXPECT_EQ(t, got->load[i].vaddr, v.load[i].vaddr);
		KT_EXPECT_EQ(t, got->load[i].memsz, v.load[i].memsz);
		KT_EXPECT_EQ(t, got->load[i].offset, v.load[i].offset);
		KT_EXPECT_EQ(t, got->load[i].filesz, v.load[i].filesz);
		KT_EXPECT_EQ(t, got->load[i].flags, v.load[i].flags);
	}
}

/* ---------------------------------------------------------------- */
/* elf_sample */

static void exec_sample(struct ktest *t)
{
	struct elf_load_info info, x;
	char why[WHY_LEN];
	size_t len;
	u8 *img = load_elf(t, "sample.elf", &len, false);
	int ret;

	KT_ASSERT_NOT_NULL(t, img);
	ret = elf_parse(img, len, &info, why, sizeof(why));
	if (ret)
		KT_FAIL(t, "sample.elf refused: %s", why);
	KT_ASSERT_EQ(t, ret, 0);
	KT_EXPECT_STREQ(t, why, "");
	naive_read(img, &x);
	expect_same(t, &info, &x);
	/* what elf_sample.c and a static link make of it */
	KT_EXPECT_EQ(t, info.type, ET_EXEC);
	KT_EXPECT_EQ(t, info.nr_load, 2);
	KT_EXPECT_EQ(t, info.load[0].flags, PF_R | PF_X);
	KT_EXPECT_EQ(t, info.load[1].flags, PF_R | PF_W);
	/* .bss (1 KiB of ints) follows .data in the second segment */
	KT_EXPECT_GE(t, info.load[1].memsz - info.load[1].filesz, 1024);
	KT_EXPECT_GE(t, info.load[1].filesz, 16);
	KT_EXPECT_TRUE(t, info.exec_stack);	/* no PT_GNU_STACK */
	KT_EXPECT_GE(t, info.lowest, ELF_MIN_VADDR);
	KT_EXPECT_LE(t, info.highest, TASK_SIZE);
	KT_EXPECT_EQ(t, info.phoff, 52);
	KT_EXPECT_EQ(t, info.phentsize, 32);
	compare_with_readelf(t, "sample.elf", &info);
	free(img);
}

static void pie_sample(struct ktest *t)
{
	struct elf_load_info info, x;
	char why[WHY_LEN];
	size_t len;
	u8 *img = load_elf(t, "sample-pie.elf", &len, true);
	int ret;

	if (!img)
		return;
	ret = elf_parse(img, len, &info, why, sizeof(why));
	if (ret)
		KT_FAIL(t, "sample-pie.elf refused: %s", why);
	KT_ASSERT_EQ(t, ret, 0);
	naive_read(img, &x);
	expect_same(t, &info, &x);
	KT_EXPECT_EQ(t, info.type, ET_DYN);
	KT_EXPECT_EQ(t, info.lowest, 0);
	KT_EXPECT_EQ(t, info.load[0].offset, 0);
	/* the first segment maps the file's start, headers included */
	KT_EXPECT_EQ(t, info.phdr_vaddr, info.load[0].vaddr + 52);
	KT_EXPECT_FALSE(t, info.exec_stack);	/* -z noexecstack */
	KT_EXPECT_LE(t, info.highest - info.lowest, ELF_DYN_MAX_SPAN);
	compare_with_readelf(t, "sample-pie.elf", &info);
	free(img);
}

/* The image may sit anywhere: headers are read byte by byte. */
static void sample_at_odd_address(struct ktest *t)
{
	struct elf_load_info a, b;
	size_t len;
	u8 *img = load_elf(t, "sample.elf", &len, false), *odd;
	int shift;

	KT_ASSERT_NOT_NULL(t, img);
	KT_ASSERT_EQ(t, elf_parse(img, len, &a, NULL, 0), 0);
	for (shift = 1; shift < 4; shift++) {
		odd = malloc(len + shift);
		memcpy(odd + shift, img, len);
		KT_EXPECT_EQ(t, elf_parse(odd + shift, len, &b, NULL, 0), 0);
		KT_EXPECT_EQ(t, memcmp(&a, &b, sizeof(a)), 0);
		free(odd);
	}
	free(img);
}

static const struct ktest_case sample_cases[] = {
	KTEST_CASE(exec_sample),
	KTEST_CASE(pie_sample),
	KTEST_CASE(sample_at_odd_address),
	{}
};

static const struct ktest_suite sample_suite = {
	.name = "elf_sample",
	.cases = sample_cases,
};
ktest_register_suite(sample_suite);

/* ---------------------------------------------------------------- */
/* elf_refuse: the sample, patched */

enum { HDR = -1 };			/* base of a patch: the ELF header */
enum patch_op { SET = 1, ADD, FROM, ADD_FROM };

/* field (base, off, width) op= value, or op= the field (src, src_off) + value */
struct patch {
	int base, off, width;
	enum patch_op op;
	u32 value;
	int src, src_off;
};

struct mutation {
	const char *name;
	const char *expect;		/* in the reason; NULL: must be accepted */
	int err;			/* when refused: 0 for -ENOEXEC, or -EINVAL */
	struct patch p[8];
	void (*fn)(u8 *img, size_t *len);
};

static u8 *field(u8 *img, int base, int off)
{
	return base == HDR ? img + off : img + rd(img + E_PHOFF, 4) + 32 * base + off;
}

static void apply_patch(u8 *img, const struct patch *p)
{
	u8 *f = field(img, p->base, p->off);
	u32 v = rd(f, p->width), src = 0;

	if (p->op == FROM || p->op == ADD_FROM)
		src = rd(field(img, p->src, p->src_off), 4);
	switch (p->op) {
	case SET:
		v = p->value;
		break;
	case ADD:
		v += p->value;
		break;
	case FROM:
		v = src + p->value;
		break;
	case ADD_FROM:
		v += src + p->value;
		break;
	}
	wr(f, p->width, v);
}

#define H16(off, op, v)		{ HDR, off, 2, op, v, 0, 0 }
#define H32(off, op, v)		{ HDR, off, 4, op, v, 0, 0 }
#define H8(off, v)		{ HDR, off, 1, SET, v, 0, 0 }
#define PH(i, off, op, v)	{ i, off, 4, op, v, 0, 0 }
#define PH_FROM(i, off, op, si, so, v) { i, off, 4, op, v, si, so }
#define H_FROM(off, op, si, so, v) { HDR, off, 4, op, v, si, so }
#define MUT(n, e, ...)		{ .name = n, .expect = e, .p = { __VA_ARGS__ } }
#define MUT_MAP(n, e, ...)	{ .name = n, .expect = e, .err = -EINVAL, .p = { __VA_ARGS__ } }
#define MUT_FN(n, e, f)		{ .name = n, .expect = e, .fn = f }

static void cut_to_51(u8 *img, size_t *len)
{
	(void)img;
	*len = 51;
}

static void cut_to_0(u8 *img, size_t *len)
{
	(void)img;
	*len = 0;
}

/* The table's last byte one past the end of the file. */
static void table_past_end(u8 *img, size_t *len)
{
	wr(img + E_PHOFF, 4, *len - 2 * 32 + 1);
}

/* The two PT_LOADs in the other order. */
static void swap_loads(u8 *img, size_t *len)
{
	u8 tmp[32], *p0 = field(img, 0, 0), *p1 = field(img, 1, 0);

	(void)len;
	memcpy(tmp, p0, 32);
	memcpy(p0, p1, 32);
	memcpy(p1, tmp, 32);
}

/* The data segment's file bytes ending exactly at the end of the file. */
static void data_to_file_end(u8 *img, size_t *len)
{
	u8 *p1 = field(img, 1, 0);
	u32 off = rd(p1 + P_OFFSET, 4), fs = rd(p1 + P_FILESZ, 4);

	*len = off + fs;
}

static void data_one_past_file_end(u8 *img, size_t *len)
{
	data_to_file_end(img, len);
	(*len)--;
}

/* The second segment right after the first, in the same page (and file page). */
#define ADJACENT	PH(1, P_ALIGN, SET, 4),				\
			PH_FROM(1, P_VADDR, FROM, 0, P_VADDR, 0),	\
			PH_FROM(1, P_VADDR, ADD_FROM, 0, P_MEMSZ, 0),	\
			PH_FROM(1, P_OFFSET, FROM, 0, P_OFFSET, 0),	\
			PH_FROM(1, P_OFFSET, ADD_FROM, 0, P_MEMSZ, 0)

static const struct mutation mutations[] = {
	MUT_FN("cut to 51 bytes", "shorter than an ELF header", cut_to_51),
	MUT_FN("cut to 0 bytes", "shorter than an ELF header", cut_to_0),
	MUT("magic", "bad magic", H8(1, 'e')),
	MUT("magic byte 0", "bad magic", H8(0, 0x7e)),
	MUT("ELFCLASS64", "ELFCLASS32", H8(4, ELFCLASS64)),
	MUT("ELFCLASSNONE", "ELFCLASS32", H8(4, ELFCLASSNONE)),
	MUT("big-endian", "little-endian", H8(5, ELFDATA2MSB)),
	MUT("EI_VERSION 0", "EI_VERSION", H8(6, 0)),
	MUT("EI_VERSION 2", "EI_VERSION", H8(6, 2)),
	MUT("e_version 0", "e_version", H32(E_VERSION, SET, 0)),
	MUT("e_version 2", "e_version", H32(E_VERSION, SET, 2)),
	MUT("EM_386", "EM_ARM", H16(E_MACHINE, SET, EM_386)),
	MUT("EM_AARCH64", "EM_ARM", H16(E_MACHINE, SET, EM_AARCH64)),
	MUT("ET_NONE", "e_type", H16(E_TYPE, SET, ET_NONE)),
	MUT("ET_REL", "e_type", H16(E_TYPE, SET, ET_REL)),
	MUT("ET_CORE", "e_type", H16(E_TYPE, SET, ET_CORE)),
	MUT("e_ehsize 64", "e_ehsize", H16(E_EHSIZE, SET, 64)),
	MUT("e_ehsize 0", "e_ehsize", H16(E_EHSIZE, SET, 0)),
	MUT("e_phentsize 56", "e_phentsize", H16(E_PHENTSIZE, SET, 56)),
	MUT("e_phentsize 0", "e_phentsize", H16(E_PHENTSIZE, SET, 0)),
	MUT("e_phnum 0", "e_phnum", H16(E_PHNUM, SET, 0)),
	MUT("e_phnum 65", "e_phnum", H16(E_PHNUM, SET, 65)),
	MUT("e_phnum PN_XNUM", "e_phnum", H16(E_PHNUM, SET, 0xffff)),
	MUT("e_phoff past the end", "outside the file", H32(E_PHOFF, SET, 0x10000000)),
	MUT("e_phoff + size wraps", "outside the file", H32(E_PHOFF, SET, 0xfffffff0)),
	MUT_FN("table one byte past the end", "outside the file", table_past_end),
	MUT("PT_INTERP", "PT_INTERP", PH(1, P_TYPE, SET, PT_INTERP)),
	MUT_MAP("no PT_LOAD", "no PT_LOAD",
	  PH(0, P_TYPE, SET, PT_NOTE), PH(1, P_TYPE, SET, PT_NULL)),
	MUT_MAP("filesz > memsz", "p_filesz", PH(0, P_MEMSZ, SET, 0)),
	MUT("filesz > memsz, and past the file", "outside the file",
	  PH(0, P_MEMSZ, SET, 0), PH(1, P_OFFSET, ADD, 0x10000000)),
	MUT("data past the file", "outside the file", PH(1, P_OFFSET, ADD, 0x10000000)),
	MUT("offset + filesz wraps", "outside the file",
	  PH(1, P_OFFSET, ADD, 0xffffe000), PH(1, P_FILESZ, SET, 0x2000),
	    PH(1, P_MEMSZ, SET, 0x2000)),
	MUT_FN("file bytes one past the end", "outside the file", data_one_past_file_end),
	MUT_FN("file bytes up to the end", NULL, data_to_file_end),
	MUT_MAP("vaddr + memsz wraps", "overflows", PH(1, P_MEMSZ, SET, 0xfffffff0)),
	MUT("p_align 3", "power of two", PH(1, P_ALIGN, SET, 3)),
	MUT("p_align 0x1001", "power of two", PH(1, P_ALIGN, SET, 0x1001)),
	MUT("p_align 0", NULL, PH(1, P_ALIGN, SET, 0)),
	MUT("p_align 1", NULL, PH(1, P_ALIGN, SET, 1)),
	MUT_MAP("vaddr/offset not congruent", "modulo", PH(1, P_VADDR, ADD, 4)),
	MUT_MAP("incongruent, small p_align", "modulo",
	  PH(1, P_VADDR, ADD, 4), PH(1, P_ALIGN, SET, 16)),
	MUT_MAP("incongruent, p_align 64 KiB", "modulo",
	  PH(1, P_VADDR, ADD, 0x800), PH(1, P_ALIGN, SET, 0x10000)),
	MUT("incongruent, no file bytes", NULL,
	  PH(1, P_OFFSET, ADD, 4), PH(1, P_FILESZ, SET, 0), PH(1, P_VADDR, SET, 0x20000),
	    PH(1, P_MEMSZ, SET, 0x100)),
	MUT("incongruent, past the file too", "outside the file",
	  PH(1, P_VADDR, ADD, 4), PH(1, P_OFFSET, ADD, 0x10000000)),
	MUT_FN("PT_LOADs descending", "not ascending", swap_loads),
	MUT("PT_LOADs overlapping", "overlaps",
	  ADJACENT, PH(1, P_VADDR, ADD, (u32)-4), PH(1, P_OFFSET, ADD, (u32)-4)),
	MUT("PT_LOADs sharing a page", NULL, ADJACENT),
	MUT_MAP("ET_EXEC at 0", "below 0x1000", PH(0, P_VADDR, SET, 0)),
	MUT_MAP("ET_EXEC at TASK_SIZE", "TASK_SIZE",
	  PH(1, P_VADDR, SET, 0xbf000000), PH_FROM(1, P_VADDR, ADD_FROM, 1, P_OFFSET, 0)),
	MUT_MAP("ET_EXEC in the kernel", "TASK_SIZE", PH(1, P_VADDR, ADD, 0xc0000000)),
	MUT_MAP("ET_EXEC across TASK_SIZE", "TASK_SIZE",
	  PH(1, P_VADDR, SET, 0xbefff000), PH_FROM(1, P_VADDR, ADD_FROM, 1, P_OFFSET, 0),
	    PH(1, P_MEMSZ, SET, 0x2000)),
	MUT("in the kernel, then PT_INTERP", "PT_INTERP",
	  PH(0, P_VADDR, ADD, 0xc0000000), PH(1, P_TYPE, SET, PT_INTERP)),
	MUT_MAP("entry in data", "entry point", H_FROM(E_ENTRY, FROM, 1, P_VADDR, 0)),
	MUT_MAP("entry 0", "entry point", H32(E_ENTRY, SET, 0)),
	MUT("entry just past the text", "neither ARM nor Thumb",
	  H_FROM(E_ENTRY, FROM, 0, P_VADDR, 0), H_FROM(E_ENTRY, ADD_FROM, 0, P_FILESZ, 0)),
	MUT_MAP("entry a word past the text", "entry point",
	  H_FROM(E_ENTRY, FROM, 0, P_VADDR, 2), H_FROM(E_ENTRY, ADD_FROM, 0, P_FILESZ, 0)),
	MUT("entry half a word in", "neither ARM nor Thumb", H32(E_ENTRY, ADD, 2)),
	MUT("Thumb entry", NULL, H32(E_ENTRY, ADD, 1)),
	MUT("entry at the text's last byte", NULL,
	  H_FROM(E_ENTRY, FROM, 0, P_VADDR, (u32)-1),
	    H_FROM(E_ENTRY, ADD_FROM, 0, P_FILESZ, 0)),
	MUT_MAP("text not executable", "entry point", PH(0, P_FLAGS, SET, PF_R)),
	MUT("data executable, entry there", NULL,
	  PH(1, P_FLAGS, SET, PF_R | PF_W | PF_X), H_FROM(E_ENTRY, FROM, 1, P_VADDR, 0)),
	MUT_MAP("entry in bss", "entry point",
	  PH(1, P_FLAGS, SET, PF_R | PF_W | PF_X), H_FROM(E_ENTRY, FROM, 1, P_VADDR, 0),
	    H_FROM(E_ENTRY, ADD_FROM, 1, P_FILESZ, 0)),
	MUT("ET_DYN", NULL, H16(E_TYPE, SET, ET_DYN)),
};

static void run_mutation(struct ktest *t, const u8 *orig, size_t len,
			 const struct mutation *m)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	size_t n = len;
	u8 *img = copy_of(orig, len);
	int i, ret;

	for (i = 0; i < (int)ARRAY_SIZE(m->p) && m->p[i].width; i++)
		apply_patch(img, &m->p[i]);
	if (m->fn)
		m->fn(img, &n);
	ret = elf_parse(img, n, &info, why, sizeof(why));
	if (!m->expect && ret)
		KT_FAIL(t, "%s: refused: %s", m->name, why);
	if (m->expect && ret != (m->err ?: -ENOEXEC))
		KT_FAIL(t, "%s: returned %d, not %d", m->name, ret, m->err ?: -ENOEXEC);
	if (m->expect && ret && !strstr(why, m->expect))
		KT_FAIL(t, "%s: reason \"%s\" does not say \"%s\"", m->name, why,
			m->expect);
	free(img);
}

static void each_mutation(struct ktest *t)
{
	size_t len, i;
	u8 *img = load_elf(t, "sample.elf", &len, false);

	KT_ASSERT_NOT_NULL(t, img);
	/* the table assumes text in phdr 0, data in phdr 1 */
	KT_ASSERT_EQ(t, rd(field(img, 0, P_TYPE), 4), PT_LOAD);
	KT_ASSERT_EQ(t, rd(field(img, 1, P_TYPE), 4), PT_LOAD);
	KT_ASSERT_EQ(t, rd(field(img, 0, P_FLAGS), 4), PF_R | PF_X);
	for (i = 0; i < ARRAY_SIZE(mutations); i++)
		run_mutation(t, img, len, &mutations[i]);
	free(img);
}

/* Refusals in the PIE: PT_INTERP (a normal dynamic PIE) and the span. */
static void pie_mutations(struct ktest *t)
{
	static const struct mutation pie[] = {
		MUT("PIE with PT_INTERP", "PT_INTERP", PH(2, P_TYPE, SET, PT_INTERP)),
		MUT("PIE over 1 GiB", "1 GiB", PH(1, P_VADDR, ADD, 0x40000000)),
		MUT("PIE at 0 is fine", NULL),
		MUT("PIE high up", NULL,
		  PH(0, P_VADDR, ADD, 0xb0000000), PH(1, P_VADDR, ADD, 0xb0000000),
		    H32(E_ENTRY, ADD, 0xb0000000)),
		MUT_MAP("PIE past 4 GiB", "overflows", PH(1, P_MEMSZ, SET, 0xfffffff0)),
		MUT("PIE, executable stack", NULL, PH(3, P_FLAGS, SET, PF_R | PF_W | PF_X)),
	};
	size_t len, i;
	u8 *img = load_elf(t, "sample-pie.elf", &len, true);

	if (!img)
		return;
	KT_ASSERT_EQ(t, rd(img + E_PHNUM, 2), 4);
	KT_ASSERT_EQ(t, rd(field(img, 3, P_TYPE), 4), PT_GNU_STACK);
	for (i = 0; i < ARRAY_SIZE(pie); i++)
		run_mutation(t, img, len, &pie[i]);
	free(img);
}

/* ---------------------------------------------------------------- */
/* elf_refuse: images built here */

struct synth {
	unsigned int type;
	u32 entry, phoff;
	unsigned int nph;
	Elf32_Phdr ph[80];
	size_t size;
};

/* n text-like PT_LOADs, a page each, at 0x10000 upward, file page i+1 */
static void synth_init(struct synth *s, unsigned int type, unsigned int nload)
{
	unsigned int i;

	memset(s, 0, sizeof(*s));
	s->type = type;
	s->phoff = sizeof(Elf32_Ehdr);
	s->nph = nload;
	for (i = 0; i < nload; i++)
		s->ph[i] = (Elf32_Phdr) {
			.p_type = PT_LOAD, .p_offset = (i + 1) * 0x1000,
			.p_vaddr = 0x10000 + i * 0x1000, .p_filesz = 0x100,
			.p_memsz = 0x800, .p_flags = PF_R | PF_X, .p_align = 0x1000,
		};
	s->entry = 0x10000;
	s->size = (nload + 1) * 0x1000;
}

static u8 *synth_build(const struct synth *s, size_t *len)
{
	size_t table_end = s->phoff + s->nph * sizeof(Elf32_Phdr);
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, 'E', 'L', 'F', ELFCLASS32, ELFDATA2LSB, EV_CURRENT },
		.e_type = s->type, .e_machine = EM_ARM, .e_version = EV_CURRENT,
		.e_entry = s->entry, .e_phoff = s->phoff, .e_flags = EF_ARM_EABI_VER5,
		.e_ehsize = sizeof(Elf32_Ehdr), .e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = s->nph,
	};
	u8 *img;

	*len = max(s->size, table_end);
	img = calloc(1, *len);
	memcpy(img, &eh, sizeof(eh));
	memcpy(img + s->phoff, s->ph, s->nph * sizeof(Elf32_Phdr));
	return img;
}

static int synth_parse(const struct synth *s, struct elf_load_info *info,
		       char *why)
{
	size_t len;
	u8 *img = synth_build(s, &len);
	int ret = elf_parse(img, len, info, why, WHY_LEN);

	free(img);
	return ret;
}

static void eight_loads_nine_refused(struct ktest *t)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;

	synth_init(&s, ET_EXEC, ELF_MAX_LOAD);
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.nr_load, ELF_MAX_LOAD);
	KT_EXPECT_EQ(t, info.lowest, 0x10000);
	KT_EXPECT_EQ(t, info.highest, 0x10000 + ELF_MAX_LOAD * 0x1000);
	synth_init(&s, ET_EXEC, ELF_MAX_LOAD + 1);
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -ENOEXEC);
	KT_EXPECT_NOT_NULL(t, strstr(why, "more than 8 PT_LOAD"));
}

/* 64 headers pass (PT_NULL fillers), 65 do not. */
static void sixty_four_headers(struct ktest *t)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;

	synth_init(&s, ET_EXEC, 1);
	s.nph = ELF_MAX_PHNUM;
	s.ph[ELF_MAX_PHNUM - 1] = (Elf32_Phdr) { .p_type = PT_GNU_STACK,
						.p_flags = PF_R | PF_W };
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_FALSE(t, info.exec_stack);
	KT_EXPECT_EQ(t, info.phnum, ELF_MAX_PHNUM);
	s.nph = ELF_MAX_PHNUM + 1;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -ENOEXEC);
	KT_EXPECT_NOT_NULL(t, strstr(why, "e_phnum"));
}

static void pt_phdr_and_stack(struct ktest *t)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;

	synth_init(&s, ET_EXEC, 1);
	s.nph = 3;
	s.ph[1] = (Elf32_Phdr) { .p_type = PT_PHDR, .p_offset = 52,
				 .p_vaddr = 0x10034, .p_filesz = 96, .p_memsz = 96 };
	s.ph[2] = (Elf32_Phdr) { .p_type = PT_GNU_STACK,
				 .p_flags = PF_R | PF_W | PF_X };
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.phdr_vaddr, 0x10034);
	KT_EXPECT_TRUE(t, info.exec_stack);
	/* without PT_PHDR: a PT_LOAD from offset 0 maps the headers */
	s.ph[1].p_type = PT_NULL;
	s.ph[0].p_offset = 0;
	s.ph[0].p_filesz = 0x200;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.phdr_vaddr, 0x10000 + 52);
	/* headers past the segment's file bytes: not visible */
	s.ph[0].p_filesz = 100;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.phdr_vaddr, 0);
}

/* The edges of the address space rules, each side. */
static void address_limits(struct ktest *t)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;

	synth_init(&s, ET_EXEC, 1);
	s.ph[0].p_vaddr = 0x1000;
	s.entry = 0x1000;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	s.ph[0].p_vaddr = 0xfff;
	s.ph[0].p_offset = 0xfff;
	s.ph[0].p_align = 0;
	s.entry = 0xffc;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -EINVAL);
	KT_EXPECT_NOT_NULL(t, strstr(why, "below 0x1000"));
	/* ending exactly at TASK_SIZE is fine, a byte more is not */
	synth_init(&s, ET_EXEC, 1);
	s.ph[0].p_vaddr = TASK_SIZE - 0x1000;
	s.ph[0].p_memsz = 0x1000;
	s.entry = TASK_SIZE - 0x1000;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.highest, TASK_SIZE);
	s.ph[0].p_memsz = 0x1001;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -EINVAL);
	KT_EXPECT_NOT_NULL(t, strstr(why, "TASK_SIZE"));
	/* an empty segment at TASK_SIZE is still at it */
	s.nph = 2;
	s.ph[0].p_memsz = 0x1000;
	s.ph[1] = (Elf32_Phdr) { .p_type = PT_LOAD, .p_vaddr = TASK_SIZE,
				 .p_flags = PF_R };
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -EINVAL);
	KT_EXPECT_NOT_NULL(t, strstr(why, "TASK_SIZE"));
	/* ET_DYN: up to the last page of the 32-bit space, spans to 1 GiB */
	synth_init(&s, ET_DYN, 2);
	s.ph[0].p_vaddr = 0;
	s.entry = 0;
	s.ph[1].p_vaddr = ELF_DYN_MAX_SPAN - 0x1000;
	s.ph[1].p_memsz = 0x1000;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.highest - info.lowest, ELF_DYN_MAX_SPAN);
	s.ph[1].p_memsz = 0x1001;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -ENOEXEC);
	KT_EXPECT_NOT_NULL(t, strstr(why, "1 GiB"));
	synth_init(&s, ET_DYN, 1);
	s.ph[0].p_vaddr = 0xffffe000;
	s.ph[0].p_memsz = 0x1000;
	s.entry = 0xffffe000;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.highest, 0xfffff000);
	s.ph[0].p_memsz = 0x1001;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), -EINVAL);
	KT_EXPECT_NOT_NULL(t, strstr(why, "overflows"));
}

/*
 * Segments Linux maps only after the point of no return and cannot:
 * -EINVAL, found whichever PT_LOAD it is, unless an -ENOEXEC fault comes
 * with it (Linux finds those first).
 */
static void unmappable_segments(struct ktest *t)
{
	static const struct {
		u32 vaddr, memsz, filesz, offset;
		const char *why;
	} bad[] = {
		{ 0xfffff000, 0x2000, 0, 0, "overflows" },	/* wraps past 4 GiB */
		{ 0x20000, 0xffff0000, 0, 0, "overflows" },
		{ 0xffffe000, 0x1000, 0, 0, "TASK_SIZE" },	/* fits 32 bits, not user space */
		{ TASK_SIZE - 0x1000, 0x1001, 0, 0, "TASK_SIZE" },
		{ TASK_SIZE, 0, 0, 0, "TASK_SIZE" },
		{ 0x20000, TASK_SIZE - 0x20000 + 1, 0x10, 0x1000, "TASK_SIZE" },
		{ 0x20000, 0x10, 0x20, 0x1000, "p_filesz" },
		{ 0x20000, 0x20, 0x20, 0x1010, "modulo" },
		{ 0x20010, 0x20, 0, 0x1000, "modulo" },	/* filesz 0, still a file page */
	};
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		synth_init(&s, ET_EXEC, 2);
		s.ph[1] = (Elf32_Phdr) { .p_type = PT_LOAD, .p_vaddr = bad[i].vaddr,
					 .p_memsz = bad[i].memsz, .p_filesz = bad[i].filesz,
					 .p_offset = bad[i].offset, .p_flags = PF_R | PF_W,
					 .p_align = 0x1000 };
		if (synth_parse(&s, &info, why) != -EINVAL || !strstr(why, bad[i].why))
			KT_FAIL(t, "bad[%u]: not -EINVAL \"%s\": \"%s\"", i, bad[i].why, why);
		/* as the first PT_LOAD, before the code */
		s.ph[0] = s.ph[1];
		s.ph[1] = (Elf32_Phdr) { .p_type = PT_LOAD, .p_offset = 0x1000,
					 .p_vaddr = 0x10000, .p_filesz = 0x100,
					 .p_memsz = 0x800, .p_flags = PF_R | PF_X,
					 .p_align = 0x1000 };
		if (synth_parse(&s, &info, why) != -EINVAL)
			KT_FAIL(t, "bad[%u] first: not -EINVAL: \"%s\"", i, why);
		/* with a fault Linux finds before: that one */
		s.ph[1].p_offset = 0x100000;
		if (synth_parse(&s, &info, why) != -ENOEXEC || !strstr(why, "outside the file"))
			KT_FAIL(t, "bad[%u] and a bad offset: \"%s\"", i, why);
	}
	/* out of step but mapping no file page: nothing to refuse */
	synth_init(&s, ET_EXEC, 2);
	s.ph[1] = (Elf32_Phdr) { .p_type = PT_LOAD, .p_vaddr = 0x20000, .p_memsz = 0x20,
				 .p_offset = 0x1010, .p_flags = PF_R | PF_W };
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
}

/* Zero-sized segments: legal, and may touch their neighbours. */
static void empty_segments(struct ktest *t)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	struct synth s;

	synth_init(&s, ET_EXEC, 3);
	s.ph[1].p_vaddr = s.ph[0].p_vaddr + s.ph[0].p_memsz;
	s.ph[1].p_offset = s.ph[0].p_offset + s.ph[0].p_memsz;	/* in step */
	s.ph[1].p_filesz = s.ph[1].p_memsz = 0;
	s.ph[1].p_align = 0;
	KT_EXPECT_EQ(t, synth_parse(&s, &info, why), 0);
	KT_EXPECT_EQ(t, info.nr_load, 3);
}

/* The reason is cut to the buffer, and the buffer is optional. */
static void reason_buffer(struct ktest *t)
{
	struct elf_load_info info;
	char why[8];
	struct synth s;
	size_t len;
	u8 *img;

	synth_init(&s, ET_REL, 1);
	img = synth_build(&s, &len);
	memset(why, 'x', sizeof(why));
	KT_EXPECT_EQ(t, elf_parse(img, len, &info, why, sizeof(why)), -ENOEXEC);
	KT_EXPECT_EQ(t, strlen(why), sizeof(why) - 1);
	KT_EXPECT_EQ(t, elf_parse(img, len, &info, NULL, 0), -ENOEXEC);
	memset(why, 'x', sizeof(why));
	KT_EXPECT_EQ(t, elf_parse(img, len, &info, why, 0), -ENOEXEC);
	KT_EXPECT_EQ(t, why[0], 'x');	/* untouched */
	free(img);
}

static const struct ktest_case refuse_cases[] = {
	KTEST_CASE(each_mutation),
	KTEST_CASE(pie_mutations),
	KTEST_CASE(eight_loads_nine_refused),
	KTEST_CASE(sixty_four_headers),
	KTEST_CASE(pt_phdr_and_stack),
	KTEST_CASE(address_limits),
	KTEST_CASE(unmappable_segments),
	KTEST_CASE(empty_segments),
	KTEST_CASE(reason_buffer),
	{}
};

static const struct ktest_suite refuse_suite = {
	.name = "elf_refuse",
	.cases = refuse_cases,
};
ktest_register_suite(refuse_suite);

/* ---------------------------------------------------------------- */
/* elf_fuzz */

static u32 seed;

static u32 rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

/* Every promise <linux/elf.h> makes about an accepted image. */
static int broken_promises(const struct elf_load_info *in, size_t size)
{
	unsigned int i;

	if (in->type != ET_EXEC && in->type != ET_DYN)
		return 1;
	if (!in->nr_load || in->nr_load > ELF_MAX_LOAD)
		return 2;
	for (i = 0; i < in->nr_load; i++) {
		const struct elf_segment *s = &in->load[i];

		if (s->filesz > s->memsz || s->offset + s->filesz > size)
			return 3;
		if (i && s->vaddr < in->load[i - 1].vaddr + in->load[i - 1].memsz)
			return 4;
		if (in->type == ET_EXEC &&
		    (s->vaddr < ELF_MIN_VADDR || s->vaddr + s->memsz > TASK_SIZE))
			return 5;
		if ((in->entry >= s->vaddr && in->entry < s->vaddr + s->filesz) &&
		    (s->flags & PF_X))
			break;
	}
	if (i == in->nr_load)
		return 6;	/* entry not in executable file bytes */
	if (in->lowest % 4096 || in->highest % 4096 || in->lowest > in->load[0].vaddr)
		return 7;
	if (in->highest < in->load[in->nr_load - 1].vaddr + in->load[in->nr_load - 1].memsz)
		return 8;
	if (in->type == ET_DYN && in->highest - in->lowest > ELF_DYN_MAX_SPAN)
		return 9;
	if (in->phoff + in->phnum * in->phentsize > size || in->phnum > ELF_MAX_PHNUM)
		return 10;
	return 0;
}

static int fuzz_one(struct ktest *t, const u8 *img, size_t len, const char *what,
		    size_t where)
{
	struct elf_load_info info;
	char why[WHY_LEN];
	u8 *copy = copy_of(img, len);
	int ret = elf_parse(copy, len, &info, why, sizeof(why)), bad;

	free(copy);
	if (ret == 0) {
		bad = broken_promises(&info, len);
		if (bad)
			KT_FAIL(t, "%s at %zu: accepted, but promise %d broken", what,
				where, bad);
		return 1;
	}
	if ((ret != -ENOEXEC && ret != -EINVAL) || !why[0])
		KT_FAIL(t, "%s at %zu: returned %d with reason \"%s\"", what, where,
			ret, why);
	return 0;
}

static void fuzz_file(struct ktest *t, const char *name, bool optional)
{
	static const u8 xors[] = { 0x01, 0x80, 0xff };
	size_t len, i, j;
	u8 *img = load_elf(t, name, &len, optional), *m;
	int accepted = 0;

	if (!img)
		return;
	m = copy_of(img, len);
	for (i = 0; i < len; i++) {
		for (j = 0; j < ARRAY_SIZE(xors) + 2; j++) {
			m[i] = j < ARRAY_SIZE(xors) ? img[i] ^ xors[j] : j == 3 ? 0 : 0xff;
			if (m[i] != img[i])
				accepted += fuzz_one(t, m, len, "byte changed", i);
		}
		m[i] = img[i];
	}
	/* changes past the headers' bytes cannot matter, most do not */
	KT_EXPECT_GT(t, accepted, 0);
	free(m);
	free(img);
}

static void every_byte_exec(struct ktest *t)
{
	fuzz_file(t, "sample.elf", false);
}

static void every_byte_pie(struct ktest *t)
{
	fuzz_file(t, "sample-pie.elf", true);
}

/* Cut short, a file is accepted exactly when all it needs is there. */
static void truncated_everywhere(struct ktest *t)
{
	static const char *const names[] = { "sample.elf", "sample-pie.elf" };
	struct elf_load_info info;
	size_t len, cut, need;
	unsigned int i, k;
	u8 *img;

	for (k = 0; k < ARRAY_SIZE(names); k++) {
		img = load_elf(t, names[k], &len, k == 1);
		if (!img)
			continue;
		naive_read(img, &info);
		need = info.phoff + info.phnum * 32;
		for (i = 0; i < info.nr_load; i++)
			need = max(need, (size_t)(info.load[i].offset + info.load[i].filesz));
		for (cut = 0; cut <= len; cut++) {
			bool ok = fuzz_one(t, img, cut, names[k], cut);

			if (ok != (cut >= need))
				KT_FAIL(t, "%s cut to %zu: %s, needs %zu", names[k], cut,
					ok ? "accepted" : "refused", need);
		}
		free(img);
	}
}

/* Several random changes at once, in the headers where they matter. */
static void random_damage(struct ktest *t)
{
	size_t len, hot, i;
	u8 *img = load_elf(t, "sample.elf", &len, false), *m;
	int round, n, accepted = 0;

	KT_ASSERT_NOT_NULL(t, img);
	hot = min(len, (size_t)(52 + 32 * rd(img + E_PHNUM, 2)));
	m = malloc(len);
	seed = 20240601;
	for (round = 0; round < 200000; round++) {
		memcpy(m, img, len);
		for (n = 1 + rnd() % 4; n; n--) {
			i = rnd() % hot;
			m[i] = rnd() % 3 ? m[i] ^ (1u << (rnd() % 8)) : rnd();
		}
		accepted += fuzz_one(t, m, rnd() % 8 ? len : rnd() % (len + 1),
				     "random damage", round);
	}
	KT_EXPECT_GT(t, accepted, 0);
	free(m);
	free(img);
}

static const struct ktest_case fuzz_cases[] = {
	KTEST_CASE(every_byte_exec),
	KTEST_CASE(every_byte_pie),
	KTEST_CASE(truncated_everywhere),
	KTEST_CASE(random_damage),
	{}
};

static const struct ktest_suite fuzz_suite = {
	.name = "elf_fuzz",
	.cases = fuzz_cases,
};
ktest_register_suite(fuzz_suite);

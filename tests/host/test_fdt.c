// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of drivers/of/fdt.c, under AddressSanitizer and UBSan.
 *
 * fdt_read: every accessor on the trees of dts/test, compiled by dtc
 * into build/dts/test/ (the test runs from the repository root), with
 * each value checked exactly against the source.
 *
 * fdt_check: each kind of malformed blob fdt_check() must refuse, made
 * by patching header fields and tokens of a dtc-made blob or by building
 * a structure block token by token, and the trees it must accept.
 *
 * fdt_fuzz: every byte of a valid blob changed in several ways, and the
 * blob cut at every length; the checker and every accessor run on each
 * copy, which sits in a heap block of exactly its size so that ASan
 * reports any read past it.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/of_fdt.h>

/* The C library's formatters below, not the kernel's (see Makefile.inc). */
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DTB_DIR		"build/dts/test/"
#define WHY_LEN		128

/* Header field offsets, as the specification lays them out. */
enum {
	H_MAGIC = 0, H_TOTALSIZE = 4, H_OFF_STRUCT = 8, H_OFF_STRINGS = 12,
	H_OFF_RSVMAP = 16, H_VERSION = 20, H_LAST_COMP = 24,
	H_SIZE_STRINGS = 32, H_SIZE_STRUCT = 36,
};

static u32 rd32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void wr32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* Reads build/dts/test/@name into a heap block of exactly its size. */
static u8 *load_dtb(struct ktest *t, const char *name, size_t *len)
{
	char path[128];
	FILE *f;
	u8 *buf = NULL;
	long n;

	snprintf(path, sizeof(path), DTB_DIR "%s.dtb", name);
	f = fopen(path, "rb");
	if (!f) {
		KT_FAIL(t, "cannot open %s (make %s first)", path, path);
		return NULL;
	}
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 &&
	    !fseek(f, 0, SEEK_SET)) {
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

/* Collects the ranges a scan reports. */
struct ranges {
	int n;
	u64 base[8], size[8];
};

static void add_range(u64 base, u64 size, void *arg)
{
	struct ranges *r = arg;

	if (r->n < 8) {
		r->base[r->n] = base;
		r->size[r->n] = size;
	}
	r->n++;
}

static int node(const void *blob, const char *path)
{
	return fdt_path_offset(blob, path);
}

/* ---------------------------------------------------------------- */
/* fdt_read: values of virt-like.dts */

static void read_header(struct ktest *t)
{
	static const u8 cells[12] __aligned(4) = {
		0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xfe,
	};
	struct fdt_header_info h;
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);

	KT_ASSERT_NOT_NULL(t, b);
	fdt_header(b, &h);
	KT_EXPECT_EQ(t, h.magic, FDT_MAGIC);
	KT_EXPECT_EQ(t, h.totalsize, len);
	KT_EXPECT_EQ(t, fdt_totalsize(b), len);
	KT_EXPECT_EQ(t, h.version, 17);
	KT_EXPECT_EQ(t, h.last_comp_version, 16);
	KT_EXPECT_EQ(t, h.boot_cpuid_phys, 0);
	KT_EXPECT_EQ(t, h.off_mem_rsvmap, rd32(b + H_OFF_RSVMAP));
	KT_EXPECT_EQ(t, h.off_dt_struct, rd32(b + H_OFF_STRUCT));
	KT_EXPECT_EQ(t, h.off_dt_strings, rd32(b + H_OFF_STRINGS));
	KT_EXPECT_EQ(t, h.size_dt_struct, rd32(b + H_SIZE_STRUCT));
	KT_EXPECT_EQ(t, h.size_dt_strings, rd32(b + H_SIZE_STRINGS));
	KT_EXPECT_EQ(t, h.off_dt_strings + h.size_dt_strings, len);

	KT_EXPECT_EQ(t, fdt32_to_cpu(*(const be32 *)cells), 0x12345678);
	KT_EXPECT_EQ(t, fdt_read_number((const be32 *)cells, 1), 0x12345678);
	KT_EXPECT_EQ(t, fdt_read_number((const be32 *)cells, 2),
		     0x1234567800000001ULL);
	KT_EXPECT_EQ(t, fdt_read_number((const be32 *)cells + 1, 2),
		     0x1fffffffeULL);
	KT_EXPECT_EQ(t, fdt_read_number((const be32 *)cells, 0), 0);
	free(b);
}

static void read_paths(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	int root, soc, gpio, button, cpus, cpu;

	KT_ASSERT_NOT_NULL(t, b);
	root = node(b, "/");
	KT_ASSERT_GE(t, root, 0);
	KT_EXPECT_STREQ(t, fdt_get_name(b, root), "");
	KT_EXPECT_EQ(t, node(b, "/memory"), node(b, "/memory@40000000"));
	KT_EXPECT_STREQ(t, fdt_get_name(b, node(b, "/memory")),
			"memory@40000000");
	KT_EXPECT_STREQ(t, fdt_get_name(b, node(b, "/chosen")), "chosen");
	soc = node(b, "/soc");
	gpio = node(b, "/soc/pl061");
	button = node(b, "//soc///button/");
	KT_ASSERT_GE(t, soc, 0);
	KT_ASSERT_GE(t, gpio, 0);
	KT_ASSERT_GE(t, button, 0);
	KT_EXPECT_EQ(t, node(b, "/soc/pl061@9030000"), gpio);
	KT_EXPECT_STREQ(t, fdt_get_name(b, button), "button");
	KT_EXPECT_EQ(t, node(b, "/memory@4"), -ENOENT);
	KT_EXPECT_EQ(t, node(b, "/memory@40000000@1"), -ENOENT);
	KT_EXPECT_EQ(t, node(b, "/mem"), -ENOENT);
	KT_EXPECT_EQ(t, node(b, "/nope"), -ENOENT);
	KT_EXPECT_EQ(t, node(b, "/chosen/bootargs"), -ENOENT);
	KT_EXPECT_EQ(t, node(b, "/button"), -ENOENT);	/* not at the top */
	KT_EXPECT_EQ(t, node(b, "chosen"), -EINVAL);
	KT_EXPECT_EQ(t, node(b, ""), -EINVAL);

	cpus = fdt_subnode_offset(b, root, "cpus");
	cpu = fdt_subnode_offset(b, cpus, "cpu");
	KT_ASSERT_GE(t, cpu, 0);
	KT_EXPECT_STREQ(t, fdt_get_name(b, cpu), "cpu@0");
	KT_EXPECT_EQ(t, fdt_subnode_offset(b, cpus, "cpu@0"), cpu);
	KT_EXPECT_EQ(t, fdt_subnode_offset(b, root, "button"), -ENOENT);
	KT_EXPECT_EQ(t, fdt_subnode_offset(b, -1, "cpus"), -EINVAL);

	KT_EXPECT_EQ(t, fdt_parent_offset(b, button), soc);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, gpio), soc);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, soc), root);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, cpu), cpus);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, root), -ENOENT);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, soc + 4), -EINVAL);
	KT_EXPECT_EQ(t, fdt_parent_offset(b, -1), -EINVAL);
	KT_EXPECT_NULL(t, fdt_get_name(b, soc + 4));
	KT_EXPECT_NULL(t, fdt_get_name(b, -4));
	KT_EXPECT_NULL(t, fdt_get_name(b, 1 << 20));
	free(b);
}

static void read_walk(struct ktest *t)
{
	static const char *const names[] = {
		"", "psci", "memory@40000000", "reserved-memory",
		"secmon@4e000000", "framebuffer@4f000000", "pl011@9000000",
		"intc@8000000", "soc", "pl061@9030000", "button", "cpus",
		"cpu@0", "timer", "apb-pclk", "chosen",
	};
	static const int depths[] = { 1, 2, 2, 2, 3, 3, 2, 2, 2, 3, 3, 2, 3,
				      2, 2, 2 };
	size_t len, i = 0;
	u8 *b = load_dtb(t, "virt-like", &len);
	int off, depth = 0, prev = -1;

	KT_ASSERT_NOT_NULL(t, b);
	for (off = fdt_next_node(b, -1, &depth); off >= 0;
	     off = fdt_next_node(b, off, &depth), i++) {
		KT_EXPECT_GT(t, off, prev);
		prev = off;
		if (i < ARRAY_SIZE(names)) {
			KT_EXPECT_STREQ(t, fdt_get_name(b, off), names[i]);
			KT_EXPECT_EQ(t, depth, depths[i]);
		}
	}
	KT_EXPECT_EQ(t, off, -ENOENT);
	KT_EXPECT_EQ(t, i, ARRAY_SIZE(names));

	/* Walking a subtree: -ENOENT once the walk leaves it. */
	depth = 0;
	off = fdt_next_node(b, node(b, "/reserved-memory"), &depth);
	KT_EXPECT_STREQ(t, fdt_get_name(b, off), "secmon@4e000000");
	KT_EXPECT_EQ(t, depth, 1);
	off = fdt_next_node(b, off, &depth);
	KT_EXPECT_STREQ(t, fdt_get_name(b, off), "framebuffer@4f000000");
	KT_EXPECT_EQ(t, depth, 1);
	KT_EXPECT_EQ(t, fdt_next_node(b, off, &depth), -ENOENT);
	KT_EXPECT_EQ(t, fdt_next_node(b, node(b, "/chosen"), NULL), -ENOENT);
	KT_EXPECT_EQ(t, fdt_next_node(b, 2, NULL), -EINVAL);
	free(b);
}

static void read_props(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	int chosen, gic, clk, plen = 0;
	const char *s;
	u32 v = 0;

	KT_ASSERT_NOT_NULL(t, b);
	chosen = node(b, "/chosen");
	gic = node(b, "/intc");
	clk = node(b, "/apb-pclk");
	s = fdt_getprop(b, chosen, "bootargs", &plen);
	KT_EXPECT_STREQ(t, s, "console=ttyAMA0 earlycon loglevel=8");
	KT_EXPECT_EQ(t, plen, sizeof("console=ttyAMA0 earlycon loglevel=8"));
	KT_EXPECT_NOT_NULL(t, fdt_getprop(b, chosen, "bootargs", NULL));
	KT_EXPECT_NULL(t, fdt_getprop(b, chosen, "bootarg", &plen));
	KT_EXPECT_EQ(t, plen, -ENOENT);
	KT_EXPECT_NULL(t, fdt_getprop(b, chosen, "bootargsx", &plen));
	KT_EXPECT_NOT_NULL(t, fdt_getprop(b, gic, "interrupt-controller",
					  &plen));
	KT_EXPECT_EQ(t, plen, 0);
	/* Properties of a subnode are not the parent's. */
	KT_EXPECT_NULL(t, fdt_getprop(b, node(b, "/"), "bootargs", &plen));
	KT_EXPECT_EQ(t, plen, -ENOENT);
	KT_EXPECT_NULL(t, fdt_getprop(b, gic + 4, "reg", &plen));
	KT_EXPECT_EQ(t, plen, -EINVAL);

	KT_EXPECT_EQ(t, fdt_read_u32(b, gic, "phandle", &v), 0);
	KT_EXPECT_EQ(t, v, 0x8002);
	KT_EXPECT_EQ(t, fdt_read_u32(b, gic, "#interrupt-cells", &v), 0);
	KT_EXPECT_EQ(t, v, 3);
	KT_EXPECT_EQ(t, fdt_read_u32(b, clk, "clock-frequency", &v), 0);
	KT_EXPECT_EQ(t, v, 24000000);
	KT_EXPECT_EQ(t, fdt_read_u32(b, clk, "#clock-cells", &v), 0);
	KT_EXPECT_EQ(t, v, 0);
	KT_EXPECT_EQ(t, fdt_read_u32(b, gic, "reg", &v), -EINVAL);
	KT_EXPECT_EQ(t, fdt_read_u32(b, gic, "interrupt-controller", &v),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_read_u32(b, gic, "clock-frequency", &v), -ENOENT);
	free(b);
}

static void read_compatible(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	int uart, psci, gpio;

	KT_ASSERT_NOT_NULL(t, b);
	uart = node(b, "/pl011");
	psci = node(b, "/psci");
	gpio = node(b, "/soc/pl061");
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, uart, "compatible", 0),
			"arm,pl011");
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, uart, "compatible", 1),
			"arm,primecell");
	KT_EXPECT_NULL(t, fdt_stringlist_get(b, uart, "compatible", 2));
	KT_EXPECT_NULL(t, fdt_stringlist_get(b, uart, "compatible", -1));
	KT_EXPECT_NULL(t, fdt_stringlist_get(b, uart, "nope", 0));
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, uart, "clock-names", 1),
			"apb_pclk");
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, psci, "compatible", 2),
			"arm,psci");
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, psci, "method", 0), "hvc");

	KT_EXPECT_TRUE(t, fdt_node_is_compatible(b, uart, "arm,pl011"));
	KT_EXPECT_TRUE(t, fdt_node_is_compatible(b, uart, "arm,primecell"));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, uart, "arm,pl01"));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, uart, "arm,pl0111"));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, uart, ""));
	KT_EXPECT_TRUE(t, fdt_node_is_compatible(b, psci, "arm,psci-0.2"));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, node(b, "/chosen"),
						  "arm,pl011"));

	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "arm,pl011"), uart);
	KT_EXPECT_EQ(t, fdt_find_compatible(b, uart, "arm,pl011"), -ENOENT);
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "arm,primecell"), uart);
	KT_EXPECT_EQ(t, fdt_find_compatible(b, uart, "arm,primecell"), gpio);
	KT_EXPECT_EQ(t, fdt_find_compatible(b, gpio, "arm,primecell"),
		     -ENOENT);
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "arm,armv7-timer"),
		     node(b, "/timer"));
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "linux,dummy-virt"),
		     node(b, "/"));
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "arm,cortex-a15"),
		     node(b, "/cpus/cpu@0"));
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "nope"), -ENOENT);
	free(b);
}

static void read_reg(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	int mem, gic;
	u64 a = 1, s = 1;

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/")), 2);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/")), 2);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/soc")), 1);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/soc")), 1);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/cpus")), 1);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/cpus")), 0);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/timer")), 2);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/timer")), 1);

	mem = node(b, "/memory");
	KT_EXPECT_EQ(t, fdt_read_reg(b, mem, 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x40000000);
	KT_EXPECT_EQ(t, s, 0x40000000);
	KT_EXPECT_EQ(t, fdt_read_reg(b, mem, 1, &a, &s), -ENOENT);
	KT_EXPECT_EQ(t, fdt_read_reg(b, mem, -1, &a, &s), -EINVAL);
	gic = node(b, "/intc");
	KT_EXPECT_EQ(t, fdt_read_reg(b, gic, 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x08000000);
	KT_EXPECT_EQ(t, s, 0x10000);
	KT_EXPECT_EQ(t, fdt_read_reg(b, gic, 1, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x08010000);
	KT_EXPECT_EQ(t, s, 0x10000);
	KT_EXPECT_EQ(t, fdt_read_reg(b, gic, 2, &a, &s), -ENOENT);
	KT_EXPECT_EQ(t, fdt_read_reg(b, gic, 1, NULL, NULL), 0);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/soc/pl061"), 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x09030000);
	KT_EXPECT_EQ(t, s, 0x1000);
	s = 1;
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/cpus/cpu"), 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0);
	KT_EXPECT_EQ(t, s, 0);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/psci"), 0, &a, &s), -ENOENT);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/"), 0, &a, &s), -EINVAL);
	free(b);
}

/* Addresses seen through the buses' ranges (dts/test/bus-ranges.dts). */
static void read_reg_translated(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "bus-ranges", &len);
	u64 a = 1, s = 1;

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/soc/uart@7e201000"), 0,
						&a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x3f201000);
	KT_EXPECT_EQ(t, s, 0x200);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/soc/local@40000000"), 0,
						&a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x40000000);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/soc/inner/dev@20"), 0,
						&a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x3f300020);
	KT_EXPECT_EQ(t, s, 0x10);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/flat/dev@9000000"), 0,
						&a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x09000000);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/soc/stray@10000000"), 0,
						&a, &s), -EINVAL);
	KT_EXPECT_EQ(t, fdt_read_reg_translated(b, node(b, "/soc/uart@7e201000"), 1,
						&a, &s), -ENOENT);
	/* the untranslated reader still gives the bus's own address */
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/soc/uart@7e201000"), 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x7e201000);
	free(b);
}

static void read_interrupts(struct ktest *t)
{
	static const u32 timer[4][3] = {
		{ 1, 13, 0xf04 }, { 1, 14, 0xf04 }, { 1, 11, 0xf04 },
		{ 1, 10, 0xf04 },
	};
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	int i, n, uart, tmr, button, gpio;
	u32 c[4];

	KT_ASSERT_NOT_NULL(t, b);
	uart = node(b, "/pl011");
	memset(c, 0xee, sizeof(c));
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, 0, c, 4), 3);
	KT_EXPECT_EQ(t, c[0], 0);
	KT_EXPECT_EQ(t, c[1], 1);
	KT_EXPECT_EQ(t, c[2], 4);
	KT_EXPECT_EQ(t, c[3], 0xeeeeeeee);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, 1, c, 4), -ENOENT);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, -1, c, 4), -EINVAL);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, 0, c, 2), -EOVERFLOW);

	tmr = node(b, "/timer");
	for (i = 0; i < 4; i++) {
		n = fdt_read_interrupt(b, tmr, i, c, 3);
		KT_EXPECT_EQ(t, n, 3);
		KT_EXPECT_EQ(t, c[0], timer[i][0]);
		KT_EXPECT_EQ(t, c[1], timer[i][1]);
		KT_EXPECT_EQ(t, c[2], timer[i][2]);
	}
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, tmr, 4, c, 3), -ENOENT);

	/* An explicit interrupt-parent, to a 2-cell controller. */
	button = node(b, "/soc/button");
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, button, 1, c, 4), 2);
	KT_EXPECT_EQ(t, c[0], 5);
	KT_EXPECT_EQ(t, c[1], 1);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, button, 0, c, 4), 2);
	KT_EXPECT_EQ(t, c[0], 3);
	KT_EXPECT_EQ(t, c[1], 2);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, button, 2, c, 4), -ENOENT);
	/* A controller's own interrupts go to its parent, the GIC. */
	gpio = node(b, "/soc/pl061");
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, gpio, 0, c, 4), 3);
	KT_EXPECT_EQ(t, c[1], 7);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, node(b, "/psci"), 0, c, 4),
		     -ENOENT);
	free(b);
}

static void read_memory(struct ktest *t)
{
	struct ranges r = { 0 };
	struct fdt_chosen ch;
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	u64 a = 0, s = 0;

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_memrsv_count(b), 1);
	KT_EXPECT_EQ(t, fdt_memrsv_get(b, 0, &a, &s), 0);
	KT_EXPECT_EQ(t, a, 0x4c000000);
	KT_EXPECT_EQ(t, s, 0x10000);
	KT_EXPECT_EQ(t, fdt_memrsv_get(b, 1, &a, &s), -ENOENT);
	KT_EXPECT_EQ(t, fdt_memrsv_get(b, -1, &a, &s), -ENOENT);

	KT_EXPECT_EQ(t, fdt_scan_memory(b, add_range, &r), 1);
	KT_EXPECT_EQ(t, r.n, 1);
	KT_EXPECT_EQ(t, r.base[0], 0x40000000);
	KT_EXPECT_EQ(t, r.size[0], 0x40000000);

	r.n = 0;
	KT_EXPECT_EQ(t, fdt_scan_reserved_memory(b, add_range, &r), 2);
	KT_EXPECT_EQ(t, r.n, 2);
	KT_EXPECT_EQ(t, r.base[0], 0x4c000000);
	KT_EXPECT_EQ(t, r.size[0], 0x10000);
	KT_EXPECT_EQ(t, r.base[1], 0x4e000000);
	KT_EXPECT_EQ(t, r.size[1], 0x200000);

	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &ch), 0);
	KT_EXPECT_STREQ(t, ch.bootargs, "console=ttyAMA0 earlycon loglevel=8");
	KT_EXPECT_STREQ(t, ch.stdout_path, "/pl011@9000000");
	KT_EXPECT_TRUE(t, ch.has_initrd);
	KT_EXPECT_EQ(t, ch.initrd_start, 0x48000000);
	KT_EXPECT_EQ(t, ch.initrd_end, 0x48123456);
	free(b);
}

static void read_two_banks(struct ktest *t)
{
	struct ranges r = { 0 };
	struct fdt_chosen ch;
	char why[WHY_LEN];
	size_t len;
	u8 *b = load_dtb(t, "two-banks", &len);

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_check(b, len, why, sizeof(why)), 0);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/")), 1);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/")), 1);
	KT_EXPECT_EQ(t, fdt_scan_memory(b, add_range, &r), 3);
	KT_EXPECT_EQ(t, r.n, 3);
	KT_EXPECT_EQ(t, r.base[0], 0x80000000);
	KT_EXPECT_EQ(t, r.size[0], 0x20000000);
	KT_EXPECT_EQ(t, r.base[1], 0xc0000000);
	KT_EXPECT_EQ(t, r.size[1], 0x10000000);
	KT_EXPECT_EQ(t, r.base[2], 0xe0000000);
	KT_EXPECT_EQ(t, r.size[2], 0x08000000);

	KT_EXPECT_EQ(t, fdt_memrsv_count(b), 0);
	r.n = 0;
	KT_EXPECT_EQ(t, fdt_scan_reserved_memory(b, add_range, &r), 1);
	KT_EXPECT_EQ(t, r.n, 1);
	KT_EXPECT_EQ(t, r.base[0], 0x9f000000);
	KT_EXPECT_EQ(t, r.size[0], 0x01000000);

	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &ch), 0);
	KT_EXPECT_STREQ(t, ch.bootargs, "root=/dev/ram0 rw");
	KT_EXPECT_NULL(t, ch.stdout_path);
	KT_EXPECT_TRUE(t, ch.has_initrd);
	KT_EXPECT_EQ(t, ch.initrd_start, 0x82000000);
	KT_EXPECT_EQ(t, ch.initrd_end, 0x82400000);
	free(b);
}

static void read_bad_cells(struct ktest *t)
{
	struct ranges r = { 0 };
	struct fdt_chosen ch;
	char why[WHY_LEN];
	size_t len;
	u8 *b = load_dtb(t, "bad-cells", &len);
	u64 a, s;
	u32 c[4];

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_check(b, len, why, sizeof(why)), 0);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/memory"), 0, &a, &s),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_scan_memory(b, add_range, &r), -EINVAL);
	KT_EXPECT_EQ(t, r.n, 0);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/intc"), 0, &a, &s), 0);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, node(b, "/uart"), 0, c, 4),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, node(b, "/orphan"), 0, c, 4),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/bus3")), 3);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/bus3/dev"), 0, &a, &s),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_address_cells(b, node(b, "/bus0")), 0);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/bus0/dev"), 0, &a, &s),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_size_cells(b, node(b, "/wide")), 3);
	KT_EXPECT_EQ(t, fdt_read_reg(b, node(b, "/wide/dev"), 0, &a, &s),
		     -EINVAL);
	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &ch), 0);
	KT_EXPECT_FALSE(t, ch.has_initrd);
	KT_EXPECT_NULL(t, ch.bootargs);
	free(b);
}

static void read_unterminated(struct ktest *t)
{
	struct ranges r = { 0 };
	struct fdt_chosen ch;
	char why[WHY_LEN];
	size_t len;
	u8 *b = load_dtb(t, "unterminated", &len);
	int d0, d1, plen;

	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, fdt_check(b, len, why, sizeof(why)), 0);
	d0 = node(b, "/device@0");
	d1 = node(b, "/device@1000");
	KT_EXPECT_NOT_NULL(t, fdt_getprop(b, d0, "compatible", &plen));
	KT_EXPECT_EQ(t, plen, 3);
	KT_EXPECT_NULL(t, fdt_stringlist_get(b, d0, "compatible", 0));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, d0, "abc"));
	/* A list whose last string is cut is refused as a whole. */
	KT_EXPECT_NULL(t, fdt_stringlist_get(b, d1, "compatible", 0));
	KT_EXPECT_FALSE(t, fdt_node_is_compatible(b, d1, "abc"));
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "abc"), -ENOENT);
	KT_EXPECT_EQ(t, fdt_scan_memory(b, add_range, &r), 0);
	KT_EXPECT_EQ(t, r.n, 0);
	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &ch), 0);
	KT_EXPECT_NULL(t, ch.bootargs);
	KT_EXPECT_STREQ(t, ch.stdout_path, "");
	KT_EXPECT_FALSE(t, ch.has_initrd);
	free(b);
}

/* Version 16 has no size_dt_struct: dtc -V 16 writes 0 there. */
static void read_version16(struct ktest *t)
{
	struct fdt_chosen ch;
	char why[WHY_LEN];
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);

	KT_ASSERT_NOT_NULL(t, b);
	wr32(b + H_VERSION, 16);
	wr32(b + H_SIZE_STRUCT, 0);
	KT_EXPECT_EQ(t, fdt_check(b, len, why, sizeof(why)), 0);
	KT_EXPECT_STREQ(t, why, "");
	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &ch), 0);
	KT_EXPECT_STREQ(t, ch.bootargs, "console=ttyAMA0 earlycon loglevel=8");
	KT_EXPECT_EQ(t, fdt_find_compatible(b, -1, "arm,psci"),
		     node(b, "/psci"));
	free(b);
}

static const struct ktest_case read_cases[] = {
	KTEST_CASE(read_header),
	KTEST_CASE(read_paths),
	KTEST_CASE(read_walk),
	KTEST_CASE(read_props),
	KTEST_CASE(read_compatible),
	KTEST_CASE(read_reg),
	KTEST_CASE(read_reg_translated),
	KTEST_CASE(read_interrupts),
	KTEST_CASE(read_memory),
	KTEST_CASE(read_two_banks),
	KTEST_CASE(read_bad_cells),
	KTEST_CASE(read_unterminated),
	KTEST_CASE(read_version16),
	{}
};

static struct ktest_suite fdt_read_suite = {
	.name = "fdt_read",
	.cases = read_cases,
};
ktest_register_suite(fdt_read_suite);

/* ---------------------------------------------------------------- */
/* fdt_check: refusals */

/* fdt_check() on @b must refuse with -EINVAL and a reason. */
static void expect_refused(struct ktest *t, const u8 *b, size_t avail,
			   const char *what)
{
	char why[WHY_LEN];
	int ret;

	memset(why, 0, sizeof(why));
	ret = fdt_check(b, avail, why, sizeof(why));
	if (ret != -EINVAL)
		KT_FAIL(t, "%s: fdt_check returned %d, not -EINVAL", what, ret);
	else if (!why[0])
		KT_FAIL(t, "%s: refused without a reason", what);
	else if (!memchr(why, 0, sizeof(why)) || strchr(why, '\n'))
		KT_FAIL(t, "%s: reason is not one line", what);
}

static void expect_accepted(struct ktest *t, const u8 *b, size_t avail,
			    const char *what)
{
	char why[WHY_LEN] = "x";
	int ret = fdt_check(b, avail, why, sizeof(why));

	if (ret || why[0])
		KT_FAIL(t, "%s: fdt_check returned %d: %s", what, ret, why);
}

static void check_accepts(struct ktest *t)
{
	static const char *const dtbs[] = {
		"virt-like", "two-banks", "bad-cells", "unterminated", "ktest",
	};
	size_t i, len;
	u8 *b;

	for (i = 0; i < ARRAY_SIZE(dtbs); i++) {
		b = load_dtb(t, dtbs[i], &len);
		if (!b)
			continue;
		expect_accepted(t, b, len, dtbs[i]);
		/* More room than the blob needs is fine. */
		expect_accepted(t, b, len + 1000, dtbs[i]);
		KT_EXPECT_EQ(t, fdt_check(b, len, NULL, 0), 0);
		free(b);
	}
	expect_refused(t, NULL, 100, "no blob");
	KT_EXPECT_EQ(t, fdt_check(NULL, 100, NULL, 0), -EINVAL);
}

/* One header field set to a value, on a copy of virt-like. */
struct hdr_patch {
	const char *what;
	int field;
	u32 value;		/* or, with rel, added to the field */
	bool rel;
};

static void apply_patches(struct ktest *t, const struct hdr_patch *p,
			  size_t n)
{
	size_t len, i;
	u8 *b = load_dtb(t, "virt-like", &len);
	u8 *c;

	if (!b)
		return;
	for (i = 0; i < n; i++) {
		c = copy_of(b, len);
		wr32(c + p[i].field, p[i].rel ?
		     rd32(c + p[i].field) + p[i].value : p[i].value);
		expect_refused(t, c, len, p[i].what);
		free(c);
	}
	free(b);
}

static void check_header_fields(struct ktest *t)
{
	static const struct hdr_patch p[] = {
		{ "magic 0", H_MAGIC, 0, false },
		{ "magic byte-swapped", H_MAGIC, 0xedfe0dd0, false },
		{ "magic off by one", H_MAGIC, 1, true },
		{ "version 15", H_VERSION, 15, false },
		{ "version 1", H_VERSION, 1, false },
		{ "version 0", H_VERSION, 0, false },
		{ "last_comp_version 18", H_LAST_COMP, 18, false },
		{ "last_comp_version ~0", H_LAST_COMP, 0xffffffff, false },
		{ "totalsize beyond avail", H_TOTALSIZE, 1, true },
		{ "totalsize huge", H_TOTALSIZE, 0xfffffff0, false },
		{ "totalsize 2G", H_TOTALSIZE, 0x80000000, false },
		{ "totalsize 39", H_TOTALSIZE, 39, false },
		{ "totalsize 0", H_TOTALSIZE, 0, false },
	};
	size_t len;
	u8 *b;

	apply_patches(t, p, ARRAY_SIZE(p));
	b = load_dtb(t, "virt-like", &len);
	KT_ASSERT_NOT_NULL(t, b);
	expect_refused(t, b, 39, "avail 39");
	expect_refused(t, b, 0, "avail 0");
	expect_refused(t, b, len - 1, "avail one short");
	free(b);
}

static void check_block_fields(struct ktest *t)
{
	static const struct hdr_patch p[] = {
		{ "struct past totalsize", H_OFF_STRUCT, 0x10000, false },
		{ "struct at ~0", H_OFF_STRUCT, 0xfffffffc, false },
		{ "struct in header", H_OFF_STRUCT, 8, false },
		{ "struct at 0", H_OFF_STRUCT, 0, false },
		{ "struct unaligned", H_OFF_STRUCT, 2, true },
		{ "struct one byte on", H_OFF_STRUCT, 1, true },
		{ "struct size overrun", H_SIZE_STRUCT, 4, true },
		{ "struct size overflow", H_SIZE_STRUCT, 0xfffffff0, false },
		{ "struct size unaligned", H_SIZE_STRUCT, -2, true },
		{ "struct size short", H_SIZE_STRUCT, -8, true },
		{ "struct size 0", H_SIZE_STRUCT, 0, false },
		{ "strings past totalsize", H_OFF_STRINGS, 1, true },
		{ "strings at ~0", H_OFF_STRINGS, 0xffffffff, false },
		{ "strings in header", H_OFF_STRINGS, 12, false },
		{ "strings into struct", H_OFF_STRINGS, -4, true },
		{ "strings size overrun", H_SIZE_STRINGS, 1, true },
		{ "strings size overflow", H_SIZE_STRINGS, 0xffffffff, false },
		{ "strings size short", H_SIZE_STRINGS, -1, true },
		{ "rsvmap past totalsize", H_OFF_RSVMAP, 0x10000, false },
		{ "rsvmap at ~0", H_OFF_RSVMAP, 0xfffffff8, false },
		{ "rsvmap unaligned", H_OFF_RSVMAP, 4, true },
		{ "rsvmap in header", H_OFF_RSVMAP, 24, false },
		{ "rsvmap at 0", H_OFF_RSVMAP, 0, false },
	};
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	u32 st, str;

	apply_patches(t, p, ARRAY_SIZE(p));
	KT_ASSERT_NOT_NULL(t, b);
	st = rd32(b + H_OFF_STRUCT);
	str = rd32(b + H_OFF_STRINGS);
	free(b);
	{	/* Values that depend on the layout dtc chose. */
		const struct hdr_patch q[] = {
			{ "struct at totalsize", H_OFF_STRUCT, len, false },
			{ "struct over strings", H_OFF_STRUCT, str - 8, false },
			{ "strings over struct", H_OFF_STRINGS, st + 8, false },
			{ "strings size to totalsize + 1", H_SIZE_STRINGS,
			  len - str + 1, false },
			{ "rsvmap at totalsize", H_OFF_RSVMAP, len, false },
			{ "rsvmap in struct", H_OFF_RSVMAP, ALIGN(st + 8, 8),
			  false },
			{ "rsvmap = struct", H_OFF_RSVMAP, st, false },
			{ "rsvmap 8 bytes before the end", H_OFF_RSVMAP,
			  ALIGN_DOWN(len - 8, 8), false },
		};

		apply_patches(t, q, ARRAY_SIZE(q));
	}
}

static void check_rsvmap(struct ktest *t)
{
	size_t len, i;
	u8 *b = load_dtb(t, "virt-like", &len);
	u32 rsv;
	u8 *c;

	KT_ASSERT_NOT_NULL(t, b);
	rsv = rd32(b + H_OFF_RSVMAP);
	/* One entry, then the terminator: spoil each of its 16 bytes. */
	for (i = 0; i < 16; i++) {
		c = copy_of(b, len);
		c[rsv + 16 + i] = 0x01;
		expect_refused(t, c, len, "rsvmap terminator spoilt");
		free(c);
	}
	/* Entries all the way to the structure block, no terminator. */
	c = copy_of(b, len);
	memset(c + rsv, 0xff, rd32(b + H_OFF_STRUCT) - rsv);
	expect_refused(t, c, len, "rsvmap without terminator");
	free(c);
	free(b);
}

/* ---- Blobs built token by token ---- */

#define B	FDT_BEGIN_NODE
#define E	FDT_END_NODE
#define P	FDT_PROP
#define N	FDT_NOP
#define X	FDT_END
#define W(a, b, c, d)	((u32)(a) << 24 | (b) << 16 | (c) << 8 | (d))
#define TOKS(...)	(const u32[]){ __VA_ARGS__ }, \
			sizeof((const u32[]){ __VA_ARGS__ }) / sizeof(u32)

struct built {
	const char *what;
	const u32 *tok;
	size_t ntok;
	const char *strings;
	size_t strsize;
};

#define REG	"reg", 4	/* the usual strings block */

/*
 * A version 17 blob: header, an empty reservation map, the structure
 * block from @tok and the strings block. Returns its length.
 */
static size_t build(u8 *out, size_t cap, const u32 *tok, size_t ntok,
		    const char *strings, size_t strsize)
{
	size_t st = 56, str = st + ntok * 4, total = str + strsize, i;

	if (total > cap)
		return 0;
	memset(out, 0, 56);
	wr32(out + H_MAGIC, FDT_MAGIC);
	wr32(out + H_TOTALSIZE, total);
	wr32(out + H_OFF_STRUCT, st);
	wr32(out + H_OFF_STRINGS, str);
	wr32(out + H_OFF_RSVMAP, 40);
	wr32(out + H_VERSION, 17);
	wr32(out + H_LAST_COMP, 16);
	wr32(out + H_SIZE_STRINGS, strsize);
	wr32(out + H_SIZE_STRUCT, ntok * 4);
	for (i = 0; i < ntok; i++)
		wr32(out + st + i * 4, tok[i]);
	memcpy(out + str, strings, strsize);
	return total;
}

static void check_built(struct ktest *t, const struct built *c, bool ok)
{
	static u8 buf[4096];
	size_t len = build(buf, sizeof(buf), c->tok, c->ntok, c->strings,
			   c->strsize);
	u8 *b = copy_of(buf, len);

	if (ok)
		expect_accepted(t, b, len, c->what);
	else
		expect_refused(t, b, len, c->what);
	free(b);
}

static void check_structure(struct ktest *t)
{
	const struct built good[] = {
		{ "minimal", TOKS(B, 0, E, X), REG },
		{ "props and child", TOKS(B, 0, P, 4, 0, 0x12345678,
			B, W('a', '@', '1', 0), P, 0, 0, E, E, X), REG },
		{ "NOPs", TOKS(N, B, 0, N, P, 0, 0, N, E, N, N, X), REG },
		{ "no strings", TOKS(B, 0, E, X), "", 0 },
		{ "long name", TOKS(B, 0, B, W('a', 'b', 'c', 'd'),
			W('e', 0, 0, 0), E, E, X), REG },
	};
	const struct built bad[] = {
		{ "empty structure block", TOKS(), REG },
		{ "only FDT_END", TOKS(X), REG },
		{ "no FDT_END", TOKS(B, 0, E), REG },
		{ "no FDT_END after NOPs", TOKS(B, 0, E, N, N), REG },
		{ "name not terminated", TOKS(B, 0, B, W('a', 'b', 'c', 'd')),
			REG },
		{ "root name not terminated", TOKS(B, W('a', 'b', 'c', 'd')),
			REG },
		{ "token 0", TOKS(B, 0, 0, E, X), REG },
		{ "token 5", TOKS(B, 0, 5, E, X), REG },
		{ "token ~0", TOKS(B, 0, 0xffffffff, E, X), REG },
		{ "token byte-swapped", TOKS(B, 0, 0x01000000, E, E, X), REG },
		{ "extra FDT_END_NODE", TOKS(B, 0, E, E, X), REG },
		{ "FDT_END_NODE first", TOKS(E, X), REG },
		{ "FDT_END in a node", TOKS(B, 0, B, W('a', 0, 0, 0), E, X),
			REG },
		{ "FDT_END in the root", TOKS(B, 0, X), REG },
		{ "second root", TOKS(B, 0, E, B, 0, E, X), REG },
		{ "property after root", TOKS(B, 0, E, P, 0, 0, X), REG },
		{ "property outside a node", TOKS(P, 0, 0, B, 0, E, X), REG },
		{ "property after subnode", TOKS(B, 0, B, W('a', 0, 0, 0), E,
			P, 0, 0, E, X), REG },
		{ "property len overrun", TOKS(B, 0, P, 0x100, 0, E, X), REG },
		{ "property len ~0", TOKS(B, 0, P, 0xffffffff, 0, E, X), REG },
		{ "property value over FDT_END", TOKS(B, 0, P, 13, 0, E, X),
			REG },
		{ "property header cut", TOKS(B, 0, P, 0), REG },
		{ "nameoff past strings", TOKS(B, 0, P, 0, 100, E, X), REG },
		{ "nameoff at strings end", TOKS(B, 0, P, 0, 4, E, X), REG },
		{ "nameoff ~0", TOKS(B, 0, P, 0, 0xffffffff, E, X), REG },
		{ "property name not terminated", TOKS(B, 0, P, 0, 0, E, X),
			"reg", 3 },
		{ "no strings at all", TOKS(B, 0, P, 0, 0, E, X), "", 0 },
		{ "data after FDT_END", TOKS(B, 0, E, X, N), REG },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		check_built(t, &good[i], true);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		check_built(t, &bad[i], false);
}

static void check_nesting(struct ktest *t)
{
	u32 tok[3 * 40];
	struct built c = { .tok = tok, .strings = "reg", .strsize = 4 };
	int depth, i, n;

	for (depth = 30; depth <= 34; depth++) {
		n = 0;
		for (i = 0; i < depth; i++) {
			tok[n++] = B;
			tok[n++] = W('n', 0, 0, 0);
		}
		for (i = 0; i < depth; i++)
			tok[n++] = E;
		tok[n++] = X;
		c.ntok = n;
		c.what = depth <= 32 ? "nesting up to 32" : "nesting beyond 32";
		check_built(t, &c, depth <= 32);
	}
}

/* Struct tokens of a dtc-made blob, found through the API. */
static void check_tokens(struct ktest *t)
{
	size_t len;
	u8 *b = load_dtb(t, "virt-like", &len);
	u32 st, size;
	const u8 *prop;
	u8 *c;
	int chosen;

	KT_ASSERT_NOT_NULL(t, b);
	st = rd32(b + H_OFF_STRUCT);
	size = rd32(b + H_SIZE_STRUCT);
	chosen = node(b, "/chosen");
	prop = fdt_getprop(b, chosen, "bootargs", NULL);
	KT_ASSERT_NOT_NULL(t, prop);

	c = copy_of(b, len);	/* root's FDT_END_NODE becomes a NOP */
	KT_EXPECT_EQ(t, rd32(c + st + size - 8), FDT_END_NODE);
	wr32(c + st + size - 8, FDT_NOP);
	expect_refused(t, c, len, "root left open");
	wr32(c + st + size - 8, FDT_END_NODE);
	wr32(c + st + size - 4, FDT_NOP);
	expect_refused(t, c, len, "FDT_END gone");
	free(c);

	c = copy_of(b, len);	/* the first node's BEGIN becomes END_NODE */
	wr32(c + st + fdt_next_node(b, node(b, "/"), NULL), FDT_END_NODE);
	expect_refused(t, c, len, "FDT_BEGIN_NODE turned FDT_END_NODE");
	free(c);

	c = copy_of(b, len);
	wr32(c + (prop - b) - 4, rd32(b + H_SIZE_STRINGS));
	expect_refused(t, c, len, "nameoff = size_dt_strings");
	free(c);

	c = copy_of(b, len);
	wr32(c + (prop - b) - 8, size);
	expect_refused(t, c, len, "property len = size_dt_struct");
	free(c);

	c = copy_of(b, len);	/* the name of /chosen loses its NUL */
	memset(c + st + chosen + 4, 'x', 8);
	expect_refused(t, c, len, "node name cut");
	free(c);

	c = copy_of(b, len);	/* the strings block loses its last NUL */
	c[len - 1] = 'x';
	expect_refused(t, c, len, "property name cut");
	free(c);
	free(b);
}

static void check_truncated(struct ktest *t)
{
	size_t len, n;
	u8 *b = load_dtb(t, "virt-like", &len);
	u8 *c;

	KT_ASSERT_NOT_NULL(t, b);
	for (n = 0; n < len; n++) {
		c = copy_of(b, n);
		expect_refused(t, c, n, "truncated");
		free(c);
	}
	free(b);
}

static const struct ktest_case check_cases[] = {
	KTEST_CASE(check_accepts),
	KTEST_CASE(check_header_fields),
	KTEST_CASE(check_block_fields),
	KTEST_CASE(check_rsvmap),
	KTEST_CASE(check_structure),
	KTEST_CASE(check_nesting),
	KTEST_CASE(check_tokens),
	KTEST_CASE(check_truncated),
	{}
};

static struct ktest_suite fdt_check_suite = {
	.name = "fdt_check",
	.cases = check_cases,
};
ktest_register_suite(fdt_check_suite);

/* ---------------------------------------------------------------- */
/* fdt_fuzz: nothing may crash or read outside a corrupted blob */

static volatile unsigned long sink;

static void touch(const void *p, int len)
{
	const u8 *s = p;
	int i;

	for (i = 0; p && i < len; i++)
		sink += s[i];
}

static void touch_str(const char *s)
{
	if (s)
		sink += strlen(s);
}

static void null_range(u64 base, u64 size, void *arg)
{
	(void)arg;
	sink += base + size;
}

static void exercise_node(const u8 *b, int off)
{
	static const char *const props[] = {
		"compatible", "reg", "interrupts", "status", "phandle",
		"#address-cells", "bootargs", "device_type",
	};
	const void *p;
	u64 a, s;
	u32 c[4], v;
	size_t i;
	int len;

	touch_str(fdt_get_name(b, off));
	sink += fdt_parent_offset(b, off);
	for (i = 0; i < ARRAY_SIZE(props); i++) {
		p = fdt_getprop(b, off, props[i], &len);
		touch(p, len);
		sink += fdt_read_u32(b, off, props[i], &v);
		touch_str(fdt_stringlist_get(b, off, props[i], 0));
		touch_str(fdt_stringlist_get(b, off, props[i], 1));
	}
	sink += fdt_node_is_compatible(b, off, "arm,pl011");
	sink += fdt_address_cells(b, off) + fdt_size_cells(b, off);
	for (i = 0; i < 3; i++) {
		sink += fdt_read_reg(b, off, i, &a, &s);
		sink += fdt_read_interrupt(b, off, i, c, 4);
	}
	sink += fdt_subnode_offset(b, off, "chosen");
}

/* Every accessor, on every node the walk finds. */
static void exercise(const u8 *b)
{
	static const char *const paths[] = {
		"/", "/chosen", "/memory", "/soc/pl061", "/reserved-memory",
		"//soc//button",
	};
	struct fdt_header_info h;
	struct fdt_chosen ch;
	int off, depth = 0, steps = 0, i;
	u64 a, s;

	fdt_header(b, &h);
	sink += fdt_totalsize(b);
	for (off = fdt_next_node(b, -1, &depth); off >= 0 && steps < 200;
	     off = fdt_next_node(b, off, &depth), steps++)
		exercise_node(b, off);
	for (i = 0; i < (int)ARRAY_SIZE(paths); i++)
		sink += fdt_path_offset(b, paths[i]);
	off = -1;
	while ((off = fdt_find_compatible(b, off, "arm,primecell")) >= 0)
		sink += off;
	sink += fdt_memrsv_count(b);
	for (i = 0; i < 3; i++)
		sink += fdt_memrsv_get(b, i, &a, &s);
	if (!fdt_scan_chosen(b, &ch)) {
		touch_str(ch.bootargs);
		touch_str(ch.stdout_path);
	}
	sink += fdt_scan_memory(b, null_range, NULL);
	sink += fdt_scan_reserved_memory(b, null_range, NULL);
}

/*
 * Checks @b (@len bytes, a heap block of that size), then runs the
 * accessors if the blob claims no more than it has: they trust
 * totalsize, having no other bound. Returns whether the check passed.
 */
static bool fuzz_one(struct ktest *t, const u8 *b, size_t len, int *bad)
{
	char why[WHY_LEN];
	int ret = fdt_check(b, len, why, sizeof(why));

	if (ret && (ret != -EINVAL || !why[0]) && (*bad)++ < 5)
		KT_FAIL(t, "fdt_check returned %d, reason \"%s\"", ret,
			why);
	if (len >= 40 && fdt_totalsize(b) <= len)
		exercise(b);
	return !ret;
}

static void fuzz_bytes(struct ktest *t)
{
	static const u8 xors[] = { 0xff, 0x01, 0x80, 0x10 };
	size_t len, i, m;
	u8 *b = load_dtb(t, "virt-like", &len);
	int bad = 0, passed = 0, runs = 0;
	u8 *c;

	KT_ASSERT_NOT_NULL(t, b);
	c = malloc(len);
	for (i = 0; i < len; i++) {
		for (m = 0; m <= ARRAY_SIZE(xors); m++) {
			memcpy(c, b, len);
			c[i] = m < ARRAY_SIZE(xors) ? c[i] ^ xors[m] : 0;
			if (c[i] == b[i])
				continue;
			passed += fuzz_one(t, c, len, &bad);
			runs++;
		}
	}
	free(c);
	/* Most changes land in values and are fine; the header ones are not. */
	KT_EXPECT_GT(t, passed, 0);
	KT_EXPECT_LT(t, passed, runs);
	KT_EXPECT_EQ(t, bad, 0);
	free(b);
}

static void fuzz_lengths(struct ktest *t)
{
	size_t len, n;
	u8 *b = load_dtb(t, "virt-like", &len);
	int bad = 0, passed = 0;
	u8 *c;

	KT_ASSERT_NOT_NULL(t, b);
	for (n = 0; n < len; n++) {
		c = copy_of(b, n);
		passed += fuzz_one(t, c, n, &bad);
		if (n >= 40) {	/* now the header agrees with the cut */
			wr32(c + H_TOTALSIZE, n);
			passed += fuzz_one(t, c, n, &bad);
		}
		free(c);
	}
	KT_EXPECT_EQ(t, passed, 0);
	KT_EXPECT_EQ(t, bad, 0);
	free(b);
}

/* Every 4-byte word of the blob set to each token value and to ~0. */
static void fuzz_words(struct ktest *t)
{
	static const u32 words[] = { 0, 1, 2, 3, 4, 9, 0x7fffffff, 0xffffffff };
	size_t len, i, m;
	u8 *b = load_dtb(t, "ktest", &len);
	int bad = 0;
	u8 *c;

	KT_ASSERT_NOT_NULL(t, b);
	c = malloc(len);
	for (i = 0; i + 4 <= len; i += 4) {
		for (m = 0; m < ARRAY_SIZE(words); m++) {
			memcpy(c, b, len);
			wr32(c + i, words[m]);
			fuzz_one(t, c, len, &bad);
		}
	}
	free(c);
	KT_EXPECT_EQ(t, bad, 0);
	free(b);
}

static const struct ktest_case fuzz_cases[] = {
	KTEST_CASE(fuzz_bytes),
	KTEST_CASE(fuzz_lengths),
	KTEST_CASE(fuzz_words),
	{}
};

static struct ktest_suite fdt_fuzz_suite = {
	.name = "fdt_fuzz",
	.cases = fuzz_cases,
};
ktest_register_suite(fdt_fuzz_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The device tree reader in the booted kernel: the blob the boot loader
 * gave us (QEMU's virt tree) passes fdt_check() and has what setup_arch
 * relies on; dts/test/ktest.dts, embedded by fdt_blobs.S, reads back
 * value by value; and copies of it, each spoilt in one way, are refused
 * with a reason. The host suites in tests/host/test_fdt.c go further
 * (every byte changed, under ASan); this one checks the code as built for
 * the target: big-endian loads on a little-endian CPU, no unaligned access.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/of_fdt.h>
#include <linux/string.h>

extern const u8 __dtb_ktest_begin[], __dtb_ktest_end[];

#define WHY_LEN		96

/* Header field offsets, from the devicetree specification. */
#define H_TOTALSIZE	4
#define H_OFF_STRUCT	8
#define H_OFF_STRINGS	12
#define H_OFF_RSVMAP	16
#define H_VERSION	20
#define H_LAST_COMP	24
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36

/* Mutated copies of ktest.dtb; the blob is under 1 KiB. */
static u8 fdt_buf[4096] __aligned(8);

static void count_range(u64 base, u64 size, void *arg)
{
	int *n = arg;

	if (size && base + size > base)
		(*n)++;
}

static void live_blob(struct ktest *t)
{
	const void *blob = initial_boot_params;
	struct fdt_chosen chosen;
	char why[WHY_LEN];
	int ret, ranges = 0;

	KT_ASSERT_NOT_NULL(t, blob);
	ret = fdt_check(blob, fdt_totalsize(blob), why, sizeof(why));
	if (ret)
		KT_FAIL(t, "live blob refused: %s", why);
	KT_ASSERT_EQ(t, ret, 0);
	KT_EXPECT_GE(t, fdt_find_compatible(blob, -1, "arm,pl011"), 0);
	KT_EXPECT_GE(t, fdt_scan_memory(blob, count_range, &ranges), 1);
	KT_EXPECT_GE(t, ranges, 1);
	KT_EXPECT_GE(t, fdt_path_offset(blob, "/chosen"), 0);
	KT_EXPECT_EQ(t, fdt_scan_chosen(blob, &chosen), 0);
	KT_EXPECT_GE(t, fdt_path_offset(blob, "/memory"), 0);
}

static void ktest_values(struct ktest *t)
{
	const u8 *b = __dtb_ktest_begin;
	size_t len = __dtb_ktest_end - __dtb_ktest_begin;
	struct fdt_chosen chosen;
	char why[WHY_LEN];
	int uart, gic, mem, ranges = 0;
	u64 addr = 0, size = 0;
	u32 cells[4];

	KT_ASSERT_EQ(t, fdt_check(b, len, why, sizeof(why)), 0);
	KT_EXPECT_EQ(t, fdt_totalsize(b), len);
	KT_EXPECT_TRUE(t, fdt_node_is_compatible(b, fdt_path_offset(b, "/"),
						 "pagoda,ktest"));

	uart = fdt_find_compatible(b, -1, "arm,pl011");
	KT_ASSERT_GE(t, uart, 0);
	KT_EXPECT_EQ(t, uart, fdt_path_offset(b, "/serial"));
	KT_EXPECT_STREQ(t, fdt_get_name(b, uart), "serial@1c090000");
	KT_EXPECT_STREQ(t, fdt_stringlist_get(b, uart, "compatible", 1),
			"arm,primecell");
	KT_EXPECT_EQ(t, fdt_read_reg(b, uart, 0, &addr, &size), 0);
	KT_EXPECT_EQ(t, addr, 0x1c090000);
	KT_EXPECT_EQ(t, size, 0x1000);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, 0, cells, 4), 3);
	KT_EXPECT_EQ(t, cells[0], 0);
	KT_EXPECT_EQ(t, cells[1], 5);
	KT_EXPECT_EQ(t, cells[2], 4);
	KT_EXPECT_EQ(t, fdt_read_interrupt(b, uart, 1, cells, 4), -ENOENT);

	gic = fdt_path_offset(b, "/interrupt-controller@1e001000");
	KT_EXPECT_EQ(t, fdt_parent_offset(b, gic), fdt_path_offset(b, "/"));
	KT_EXPECT_EQ(t, fdt_read_reg(b, gic, 1, &addr, &size), 0);
	KT_EXPECT_EQ(t, addr, 0x1e000100);
	KT_EXPECT_EQ(t, size, 0x100);

	mem = fdt_path_offset(b, "/memory");
	KT_EXPECT_EQ(t, fdt_address_cells(b, fdt_parent_offset(b, mem)), 1);
	KT_EXPECT_EQ(t, fdt_read_reg(b, mem, 0, &addr, &size), 0);
	KT_EXPECT_EQ(t, addr, 0x80000000);
	KT_EXPECT_EQ(t, size, 0x08000000);
	KT_EXPECT_EQ(t, fdt_scan_memory(b, count_range, &ranges), 1);

	KT_EXPECT_EQ(t, fdt_memrsv_count(b), 1);
	KT_EXPECT_EQ(t, fdt_memrsv_get(b, 0, &addr, &size), 0);
	KT_EXPECT_EQ(t, addr, 0x87f00000);
	KT_EXPECT_EQ(t, size, 0x00100000);
	ranges = 0;	/* the map's entry and fw@, not the disabled node */
	KT_EXPECT_EQ(t, fdt_scan_reserved_memory(b, count_range, &ranges), 2);
	KT_EXPECT_EQ(t, ranges, 2);

	KT_EXPECT_EQ(t, fdt_scan_chosen(b, &chosen), 0);
	KT_EXPECT_STREQ(t, chosen.bootargs, "console=ttyAMA0 quiet");
	KT_EXPECT_STREQ(t, chosen.stdout_path, "/serial@1c090000");
	KT_EXPECT_TRUE(t, chosen.has_initrd);
	KT_EXPECT_EQ(t, chosen.initrd_start, 0x84000000);
	KT_EXPECT_EQ(t, chosen.initrd_end, 0x84200000);
}

static u32 get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void put32(size_t off, u32 v)
{
	fdt_buf[off] = v >> 24;
	fdt_buf[off + 1] = v >> 16;
	fdt_buf[off + 2] = v >> 8;
	fdt_buf[off + 3] = v;
}

/* A fresh copy of ktest.dtb in fdt_buf; returns its length. */
static size_t fresh(void)
{
	size_t len = __dtb_ktest_end - __dtb_ktest_begin;

	memcpy(fdt_buf, __dtb_ktest_begin, len);
	return len;
}

static void refused(struct ktest *t, size_t avail, const char *what)
{
	char why[WHY_LEN];
	int ret;

	memset(why, 0, sizeof(why));
	ret = fdt_check(fdt_buf, avail, why, sizeof(why));
	if (ret != -EINVAL)
		KT_FAIL(t, "%s: fdt_check returned %d, not -EINVAL", what, ret);
	else if (!why[0])
		KT_FAIL(t, "%s: refused without a reason", what);
}

/* Header fields pointing wrong. */
static void ktest_bad_header(struct ktest *t)
{
	size_t len = __dtb_ktest_end - __dtb_ktest_begin;
	u32 st = get32(__dtb_ktest_begin + H_OFF_STRUCT);
	u32 str = get32(__dtb_ktest_begin + H_OFF_STRINGS);
	u32 rsv = get32(__dtb_ktest_begin + H_OFF_RSVMAP);

	KT_ASSERT_GE(t, sizeof(fdt_buf), len);
	fresh();
	fdt_buf[3] ^= 1;
	refused(t, len, "bad magic");
	fresh();
	put32(H_VERSION, 15);
	refused(t, len, "version 15");
	fresh();
	put32(H_LAST_COMP, 18);
	refused(t, len, "last_comp_version 18");
	fresh();
	refused(t, len - 1, "totalsize beyond avail");
	put32(H_TOTALSIZE, 39);
	refused(t, len, "totalsize 39");
	fresh();
	put32(H_OFF_STRUCT, len);
	refused(t, len, "structure block at totalsize");
	fresh();
	put32(H_OFF_STRUCT, st + 2);
	refused(t, len, "structure block unaligned");
	fresh();
	put32(H_OFF_STRUCT, 16);
	refused(t, len, "structure block over the header");
	fresh();
	put32(H_SIZE_STRUCT, 0xfffffff0);
	refused(t, len, "size_dt_struct overflowing");
	fresh();
	put32(H_SIZE_STRINGS, len - str + 1);
	refused(t, len, "size_dt_strings overrunning");
	fresh();
	put32(H_OFF_STRINGS, st + 4);
	refused(t, len, "strings block over the structure block");
	fresh();
	put32(H_OFF_RSVMAP, rsv + 4);
	refused(t, len, "reservation map unaligned");
	fresh();
	fdt_buf[rsv + 16 + 15] = 1;	/* one entry, then the terminator */
	refused(t, len, "reservation map not terminated");
}

/* Tokens, names and properties spoilt in place. */
static void ktest_bad_structure(struct ktest *t)
{
	const u8 *b = __dtb_ktest_begin;
	size_t len = __dtb_ktest_end - __dtb_ktest_begin;
	u32 st = get32(b + H_OFF_STRUCT), size = get32(b + H_SIZE_STRUCT);
	int chosen = fdt_path_offset(b, "/chosen");
	const u8 *val = fdt_getprop(b, chosen, "bootargs", NULL);
	size_t prop;

	KT_ASSERT_GE(t, sizeof(fdt_buf), len);
	KT_ASSERT_NOT_NULL(t, val);
	prop = val - b - 12;	/* FDT_PROP, len, nameoff, value */
	fresh();
	put32(st + chosen, 7);
	refused(t, len, "unknown token");
	fresh();
	put32(st + size - 8, FDT_NOP);	/* the root's FDT_END_NODE */
	refused(t, len, "root node left open");
	fresh();
	put32(st + size - 4, FDT_NOP);
	refused(t, len, "no FDT_END");
	fresh();
	put32(st + size - 4, FDT_BEGIN_NODE);
	refused(t, len, "node after the root");
	fresh();
	memset(fdt_buf + st + chosen + 4, 'c', 8);	/* "chosen\0\0" */
	refused(t, len, "node name cut");
	fresh();
	put32(prop + 8, get32(b + H_SIZE_STRINGS));
	refused(t, len, "name offset past the strings block");
	fresh();
	put32(prop + 4, size);
	refused(t, len, "property longer than the structure block");
	fresh();
	fdt_buf[len - 1] = 'x';	/* the last property name loses its NUL */
	refused(t, len, "property name cut");
}

static void ktest_truncated(struct ktest *t)
{
	size_t len = fresh(), n;
	char why[WHY_LEN];

	for (n = 0; n < len; n++) {
		if (fdt_check(fdt_buf, n, why, sizeof(why)) != -EINVAL ||
		    !why[0]) {
			KT_FAIL(t, "blob cut to %u bytes not refused",
				(unsigned int)n);
			return;
		}
	}
	KT_EXPECT_EQ(t, fdt_check(fdt_buf, len, why, sizeof(why)), 0);
}

static const struct ktest_case fdt_cases[] = {
	KTEST_CASE(live_blob),
	KTEST_CASE(ktest_values),
	KTEST_CASE(ktest_bad_header),
	KTEST_CASE(ktest_bad_structure),
	KTEST_CASE(ktest_truncated),
	{}
};

static struct ktest_suite fdt_suite = {
	.name = "fdt",
	.cases = fdt_cases,
};
ktest_register_suite(fdt_suite);

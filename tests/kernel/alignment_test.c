// SPDX-License-Identifier: GPL-2.0
/*
 * The alignment trap for kernel code: an LDRD, STRD, LDM or STM at an
 * address that is not word aligned is done by the fixup (as Linux's
 * trap does for the kernel too) with the right values and base
 * writeback, then counted under System in /proc/cpu/alignment with the
 * pc of the last one.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/fault.h>

static u8 area[64] __aligned(8);
static char text[512];

static void fill(void)
{
	for (int i = 0; i < 64; i++)
		area[i] = i + 1;
}

static const char *show(void)
{
	struct seq_file m;

	seq_init(&m, text, sizeof(text));
	alignment_proc_show(&m);
	return text;
}

/* The number after "System:" in the view. */
static unsigned long system_count(void)
{
	const char *p = strstr(show(), "System:");
	unsigned long v = 0;

	if (!p)
		return ~0UL;
	for (p += strlen("System:"); *p == '\t'; p++)
		;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	return v;
}

static __attribute__((noinline)) void kernel_ldrd(const u8 *p, u32 *lo, u32 *hi)
{
	__asm__ volatile("ldrd r2, r3, [%2]\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(*lo), "=&r"(*hi) : "r"(p) : "r2", "r3", "memory");
}

static void ldrd_is_fixed_up(struct ktest *t)
{
	unsigned long before = system_count();
	u32 lo, hi;

	fill();
	kernel_ldrd(area + 3, &lo, &hi);
	KT_EXPECT_EQ(t, lo, 0x07060504);
	KT_EXPECT_EQ(t, hi, 0x0b0a0908);
	KT_EXPECT_EQ(t, system_count(), before + 1);
	KT_EXPECT_NOT_NULL(t, strstr(text, "(kernel_ldrd"));
}

static void strd_writes_back(struct ktest *t)
{
	u8 *base = area + 9;

	fill();
	__asm__ volatile("mov r2, %1\n\tmov r3, %2\n\tstrd r2, r3, [%0, #4]!"
			 : "+r"(base) : "r"(0xa4a3a2a1), "r"(0xb4b3b2b1)
			 : "r2", "r3", "memory");
	KT_EXPECT_PTR_EQ(t, base, area + 13);
	KT_EXPECT_EQ(t, area[12], 13);
	KT_EXPECT_EQ(t, area[13], 0xa1);
	KT_EXPECT_EQ(t, area[16], 0xa4);
	KT_EXPECT_EQ(t, area[17], 0xb1);
	KT_EXPECT_EQ(t, area[20], 0xb4);
	KT_EXPECT_EQ(t, area[21], 22);
}

static void ldm_stm_write_back(struct ktest *t)
{
	u8 *src = area + 2, *dst = area + 46;
	u32 a, b;

	fill();
	__asm__ volatile("ldmia %0!, {r4, r5}\n\tstmdb %1!, {r4, r5}\n\t"
			 "mov %2, r4\n\tmov %3, r5"
			 : "+r"(src), "+r"(dst), "=&r"(a), "=&r"(b)
			 : : "r4", "r5", "memory");
	KT_EXPECT_EQ(t, a, 0x06050403);
	KT_EXPECT_EQ(t, b, 0x0a090807);
	KT_EXPECT_PTR_EQ(t, src, area + 10);
	KT_EXPECT_PTR_EQ(t, dst, area + 38);
	KT_EXPECT_EQ(t, area[38], 3);
	KT_EXPECT_EQ(t, area[45], 10);
	KT_EXPECT_EQ(t, area[46], 47);
}

static const struct ktest_case alignment_cases[] = {
	KTEST_CASE(ldrd_is_fixed_up),
	KTEST_CASE(strd_writes_back),
	KTEST_CASE(ldm_stm_write_back),
	{}
};

static const struct ktest_suite alignment_suite = {
	.name = "alignment",
	.cases = alignment_cases,
};
ktest_register_suite(alignment_suite);

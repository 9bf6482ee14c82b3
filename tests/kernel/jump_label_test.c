// SPDX-License-Identifier: GPL-2.0
/*
 * Static keys: a site tests false while its key is off and is a NOP in
 * the code; turning the key on rewrites it into a branch (and the site
 * tests true), turning it off makes it a NOP again.
 */
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/ktest.h>

static DEFINE_STATIC_KEY_FALSE(test_key);

extern const struct jump_entry __start___jump_table[], __stop___jump_table[];

static __noinline int test_site(void)
{
	if (static_branch_unlikely(&test_key))
		return 1;
	return 0;
}

/* The instruction at the recorded site of test_key. */
static u32 site_insn(void)
{
	const struct jump_entry *e;

	for (e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->key == (u32)(unsigned long)&test_key.key)
			return *(const u32 *)e->code;
	return 0;
}

static void key_rewrites_its_site(struct ktest *t)
{
	KT_EXPECT_EQ(t, test_site(), 0);
	KT_EXPECT_EQ(t, site_insn(), ARM_NOP_INSN);
	static_branch_enable(&test_key);
	KT_EXPECT_EQ(t, test_site(), 1);
	KT_EXPECT_EQ(t, site_insn() & 0xff000000, 0xea000000);	/* B, always */
	static_branch_disable(&test_key);
	KT_EXPECT_EQ(t, test_site(), 0);
	KT_EXPECT_EQ(t, site_insn(), ARM_NOP_INSN);
}

static const struct ktest_case jump_label_cases[] = {
	KTEST_CASE(key_rewrites_its_site),
	{}
};

static const struct ktest_suite jump_label_suite = {
	.name = "jump_label",
	.cases = jump_label_cases,
};
ktest_register_suite(jump_label_suite);

// SPDX-License-Identifier: GPL-2.0
/*
 * The command-line parser: splitting, quoting, handlers called with the
 * right values, bad values rejected (handler's default kept), unknown
 * parameters collected, numbers and sizes parsed strictly, init's argv
 * and envp made of what the kernel does not know. The same
 * suite runs on the host (tests/host/test_cmdline.c includes this file);
 * the last cases need the booted kernel.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/string.h>

static unsigned long long test_mem = 1234;
static long test_level = 4;
static char test_name[64];
static int test_flag_calls;

static int test_mem_setup(const char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	test_mem = size;
	return 0;
}

static int test_level_setup(const char *val)
{
	long v;

	if (kstrtol(val, 10, &v))
		return -EINVAL;
	if (v < 0 || v > 8)
		return -ERANGE;
	test_level = v;
	return 0;
}

static int test_name_setup(const char *val)
{
	snprintf(test_name, sizeof(test_name), "%s", val);
	return 0;
}

static int test_flag_setup(const char *val)
{
	(void)val;
	test_flag_calls++;
	return 0;
}

static const struct kernel_param test_params[] = {
	{ .name = "mem", .setup = test_mem_setup, .early = true },
	{ .name = "loglevel", .setup = test_level_setup, .early = true },
	{ .name = "name", .setup = test_name_setup },
	{ .name = "quiet", .setup = test_flag_setup },
	{ .name = "init", .setup = test_flag_setup },
};

static char unknown[128];

static int parse(const char *line, bool early)
{
	return parse_args(line, test_params, test_params + ARRAY_SIZE(test_params),
			  early, unknown, sizeof(unknown));
}

static int reset(struct ktest *t)
{
	(void)t;
	test_mem = 1234;
	test_level = 4;
	test_name[0] = '\0';
	test_flag_calls = 0;
	unknown[0] = '\0';
	return 0;
}

static void early_and_late_passes(struct ktest *t)
{
	const char *line = "mem=64M name=foo loglevel=7 quiet";

	KT_EXPECT_EQ(t, parse(line, true), 0);
	KT_EXPECT_EQ(t, test_mem, 64ULL << 20);
	KT_EXPECT_EQ(t, test_level, 7);
	KT_EXPECT_STREQ(t, test_name, "");	/* late ones wait */
	KT_EXPECT_EQ(t, parse(line, false), 0);
	KT_EXPECT_STREQ(t, test_name, "foo");
	KT_EXPECT_EQ(t, test_flag_calls, 1);
	KT_EXPECT_STREQ(t, unknown, "");
}

static void quoted_values(struct ktest *t)
{
	parse("name=\"two words\" quiet", false);
	KT_EXPECT_STREQ(t, test_name, "two words");
	KT_EXPECT_EQ(t, test_flag_calls, 1);
}

static void bad_values_keep_defaults(struct ktest *t)
{
	KT_EXPECT_EQ(t, parse("mem=12Q loglevel=99 loglevel=x mem=", true), 4);
	KT_EXPECT_EQ(t, test_mem, 1234);
	KT_EXPECT_EQ(t, test_level, 4);
	KT_EXPECT_EQ(t, parse("mem=-5 mem=0x10000000000000000", true), 2);
	KT_EXPECT_EQ(t, test_mem, 1234);
}

static void unknown_parameters_listed(struct ktest *t)
{
	parse("foo=1 quiet bar mem=1G -- init-arg", false);
	KT_EXPECT_STREQ(t, unknown, "foo=1 bar");
	KT_EXPECT_EQ(t, test_flag_calls, 1);
	KT_EXPECT_EQ(t, test_mem, 1234);	/* early: not in this pass */
}

static void empty_and_spaces(struct ktest *t)
{
	KT_EXPECT_EQ(t, parse("", false), 0);
	KT_EXPECT_EQ(t, parse("   \t  ", false), 0);
	KT_EXPECT_STREQ(t, unknown, "");
	parse("  name=x   quiet  ", false);
	KT_EXPECT_STREQ(t, test_name, "x");
}

static void overlong_parameter_rejected(struct ktest *t)
{
	char line[600];

	memset(line, 'a', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line, "name=", 5);
	KT_EXPECT_EQ(t, parse(line, false), 1);
	KT_EXPECT_STREQ(t, test_name, "");
}

static void kstrtol_strict(struct ktest *t)
{
	long v = 0;
	unsigned long u = 0;

	KT_EXPECT_EQ(t, kstrtol("42", 10, &v), 0);
	KT_EXPECT_EQ(t, v, 42);
	KT_EXPECT_EQ(t, kstrtol("-17", 0, &v), 0);
	KT_EXPECT_EQ(t, v, -17);
	KT_EXPECT_EQ(t, kstrtol("0x1f", 0, &v), 0);
	KT_EXPECT_EQ(t, v, 31);
	KT_EXPECT_EQ(t, kstrtol("017", 0, &v), 0);
	KT_EXPECT_EQ(t, v, 15);
	KT_EXPECT_EQ(t, kstrtol("12a", 10, &v), -EINVAL);
	KT_EXPECT_EQ(t, kstrtol("", 10, &v), -EINVAL);
	KT_EXPECT_EQ(t, kstrtol("-", 10, &v), -EINVAL);
	KT_EXPECT_EQ(t, kstrtoul("99999999999999999999999", 10, &u), -ERANGE);
	KT_EXPECT_EQ(t, kstrtoul("5\n", 10, &u), 0);
	KT_EXPECT_EQ(t, u, 5);
}

static void memparse_suffixes(struct ktest *t)
{
	unsigned long long size = 0;
	const char *end;

	KT_EXPECT_EQ(t, memparse("4K", &end), 4096);
	KT_EXPECT_EQ(t, *end, '\0');
	KT_EXPECT_EQ(t, memparse("3G", NULL), 3ULL << 30);
	KT_EXPECT_EQ(t, memparse("0x100000", NULL), 0x100000);
	KT_EXPECT_EQ(t, memparse("12Q", &end), 12);
	KT_EXPECT_EQ(t, *end, 'Q');
	KT_EXPECT_EQ(t, parse_size("120M", &size), 0);
	KT_EXPECT_EQ(t, size, 120ULL << 20);
	KT_EXPECT_EQ(t, parse_size("12Q", &size), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("M", &size), -EINVAL);
	KT_EXPECT_EQ(t, parse_size("99999999999G", &size), -ERANGE);
}

static struct init_args ia;

static int split(const char *line)
{
	return init_args_split(line, test_params, test_params + ARRAY_SIZE(test_params), &ia);
}

/* What no parameter names reaches init: variables to envp, words to argv. */
static void init_gets_the_rest(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("foo=1 quiet bar mem=1G mod.opt=3 TERM=vt102 word.x "
			      "x=\"a b\" \"two words\" -- after=1 \"c d\" mem=2G -- gone"), 0);
	KT_ASSERT_EQ(t, ia.argc, 6);
	KT_EXPECT_NULL(t, ia.argv[0]);	/* the caller's: init's path */
	KT_EXPECT_STREQ(t, ia.argv[1], "bar");
	KT_EXPECT_STREQ(t, ia.argv[2], "two words");
	KT_EXPECT_STREQ(t, ia.argv[3], "after=1");
	KT_EXPECT_STREQ(t, ia.argv[4], "c d");
	KT_EXPECT_STREQ(t, ia.argv[5], "mem=2G");
	KT_EXPECT_NULL(t, ia.argv[6]);
	KT_ASSERT_EQ(t, ia.envc, 4);
	KT_EXPECT_STREQ(t, ia.envp[0], "HOME=/");
	KT_EXPECT_STREQ(t, ia.envp[1], "TERM=vt102");	/* replaced in place */
	KT_EXPECT_STREQ(t, ia.envp[2], "foo=1");
	KT_EXPECT_STREQ(t, ia.envp[3], "x=a b");
	KT_EXPECT_NULL(t, ia.envp[4]);
}

static void init_defaults(struct ktest *t)
{
	KT_ASSERT_EQ(t, split(""), 0);
	KT_EXPECT_EQ(t, ia.argc, 1);
	KT_EXPECT_NULL(t, ia.argv[1]);
	KT_ASSERT_EQ(t, ia.envc, 2);
	KT_EXPECT_STREQ(t, ia.envp[0], "HOME=/");
	KT_EXPECT_STREQ(t, ia.envp[1], "TERM=linux");
	KT_EXPECT_NULL(t, ia.envp[2]);
}

/* init= forgets the words before it (Linux's init_setup does), not the variables. */
static void init_param_drops_earlier_words(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("one v=1 init=/bin/sh two -- three"), 0);
	KT_ASSERT_EQ(t, ia.argc, 3);
	KT_EXPECT_STREQ(t, ia.argv[1], "two");
	KT_EXPECT_STREQ(t, ia.argv[2], "three");
	KT_EXPECT_EQ(t, ia.envc, 3);
	/* the forgotten words leave no pointer behind the last one */
	KT_ASSERT_EQ(t, split("one two three init=/bin/sh four"), 0);
	KT_ASSERT_EQ(t, ia.argc, 2);
	KT_EXPECT_STREQ(t, ia.argv[1], "four");
	KT_EXPECT_NULL(t, ia.argv[2]);
	KT_EXPECT_NULL(t, ia.argv[3]);
}

/* 32 words and 31 variables fit; one more of either is Linux's panic. */
static void init_args_limits(struct ktest *t)
{
	char line[400];
	int i, n = 0;

	for (i = 0; i < MAX_INIT_ARGS; i++)
		n += snprintf(line + n, sizeof(line) - n, "w%d ", i);
	KT_EXPECT_EQ(t, split(line), 0);
	KT_EXPECT_EQ(t, ia.argc, MAX_INIT_ARGS + 1);
	snprintf(line + n, sizeof(line) - n, "last");
	KT_EXPECT_EQ(t, split(line), -E2BIG);
	KT_EXPECT_STREQ(t, ia.too_many, "init");
	KT_EXPECT_STREQ(t, ia.too_many_at, "last");

	for (i = n = 0; i < MAX_INIT_ENVS - 1; i++)
		n += snprintf(line + n, sizeof(line) - n, "v%d=1 ", i);
	KT_EXPECT_EQ(t, split(line), 0);
	KT_EXPECT_EQ(t, ia.envc, MAX_INIT_ENVS + 1);
	snprintf(line + n, sizeof(line) - n, "v=2");
	KT_EXPECT_EQ(t, split(line), -E2BIG);
	KT_EXPECT_STREQ(t, ia.too_many, "env");
	KT_EXPECT_STREQ(t, ia.too_many_at, "v=2");
}

#ifndef HOST_TEST
#include <linux/of_fdt.h>

/* The kernel's own line is /chosen/bootargs as the loader gave it, or empty without one. */
static void boot_line_is_bootargs(struct ktest *t)
{
	struct fdt_chosen chosen;

	KT_ASSERT_EQ(t, fdt_scan_chosen(initial_boot_params, &chosen), 0);
	KT_EXPECT_STREQ(t, boot_command_line, chosen.bootargs ? chosen.bootargs : "");
}
#endif

static const struct ktest_case cmdline_cases[] = {
	KTEST_CASE(early_and_late_passes),
	KTEST_CASE(quoted_values),
	KTEST_CASE(bad_values_keep_defaults),
	KTEST_CASE(unknown_parameters_listed),
	KTEST_CASE(empty_and_spaces),
	KTEST_CASE(overlong_parameter_rejected),
	KTEST_CASE(kstrtol_strict),
	KTEST_CASE(memparse_suffixes),
	KTEST_CASE(init_gets_the_rest),
	KTEST_CASE(init_defaults),
	KTEST_CASE(init_param_drops_earlier_words),
	KTEST_CASE(init_args_limits),
#ifndef HOST_TEST
	KTEST_CASE(boot_line_is_bootargs),
#endif
	{}
};

static const struct ktest_suite cmdline_suite = {
	.name = "cmdline",
	.init = reset,
	.cases = cmdline_cases,
};
ktest_register_suite(cmdline_suite);

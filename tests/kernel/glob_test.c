// SPDX-License-Identifier: GPL-2.0
/*
 * glob_match, the wildcards of ktest= filters: whole-string matches,
 * '*' over any run (none too), '?' over one character, backtracking
 * over several stars, and no special meaning for anything else. The
 * same suite runs on the host (tests/host/test_glob.c includes it).
 */
#include <linux/glob.h>
#include <linux/ktest.h>
#include <linux/string.h>

static void glob_literal(struct ktest *t)
{
	KT_EXPECT_TRUE(t, glob_match("slub", "slub"));
	KT_EXPECT_FALSE(t, glob_match("slub", "slub_model"));
	KT_EXPECT_FALSE(t, glob_match("slub_model", "slub"));
	KT_EXPECT_TRUE(t, glob_match("", ""));
	KT_EXPECT_FALSE(t, glob_match("", "x"));
}

static void glob_star(struct ktest *t)
{
	KT_EXPECT_TRUE(t, glob_match("*", ""));
	KT_EXPECT_TRUE(t, glob_match("*", "anything"));
	KT_EXPECT_TRUE(t, glob_match("slub*", "slub"));
	KT_EXPECT_TRUE(t, glob_match("slub*", "slub_model"));
	KT_EXPECT_TRUE(t, glob_match("*free*", "alloc_free_alloc"));
	KT_EXPECT_TRUE(t, glob_match("*free", "free_after_free"));
	KT_EXPECT_FALSE(t, glob_match("*free", "free_alloc"));
	KT_EXPECT_TRUE(t, glob_match("a*b*c", "aXbYbZc"));
	KT_EXPECT_FALSE(t, glob_match("a*b*c", "aXbYbZ"));
}

static void glob_question(struct ktest *t)
{
	KT_EXPECT_TRUE(t, glob_match("fork_?", "fork_1"));
	KT_EXPECT_FALSE(t, glob_match("fork_?", "fork_"));
	KT_EXPECT_FALSE(t, glob_match("fork_?", "fork_12"));
	KT_EXPECT_TRUE(t, glob_match("?*", "x"));
	KT_EXPECT_FALSE(t, glob_match("?*", ""));
}

static void glob_plain_characters(struct ktest *t)
{
	KT_EXPECT_TRUE(t, glob_match("[a]", "[a]"));
	KT_EXPECT_FALSE(t, glob_match("[a]", "a"));
	KT_EXPECT_TRUE(t, glob_match("a.b", "a.b"));
	KT_EXPECT_FALSE(t, glob_match("a.b", "axb"));
}

/* Many stars against a long near-miss: one backtrack point keeps it linear-ish. */
static void glob_many_stars(struct ktest *t)
{
	char text[201];

	memset(text, 'a', 200);
	text[200] = '\0';
	KT_EXPECT_FALSE(t, glob_match("*a*a*a*a*a*a*a*a*b", text));
	KT_EXPECT_TRUE(t, glob_match("*a*a*a*a*a*a*a*a*a", text));
}

static const struct ktest_case glob_cases[] = {
	KTEST_CASE(glob_literal),
	KTEST_CASE(glob_star),
	KTEST_CASE(glob_question),
	KTEST_CASE(glob_plain_characters),
	KTEST_CASE(glob_many_stars),
	{}
};

static const struct ktest_suite glob_suite = {
	.name = "glob",
	.cases = glob_cases,
};
ktest_register_suite(glob_suite);

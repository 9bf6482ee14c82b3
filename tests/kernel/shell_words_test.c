// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's word splitter (lib/shell_words.c): blanks separate words,
 * quotes and backslashes as sh has them, errors for an unterminated
 * quote, a trailing backslash and too many words. The same suite runs on
 * the host (tests/host/test_shell_words.c includes this file).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/shell.h>
#include <linux/string.h>

static char line[128];
static char *words[8];

static int split(const char *text, int max)
{
	snprintf(line, sizeof(line), "%s", text);
	return shell_split_words(line, words, max);
}

static void blanks_separate(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("  run\t/bin/echo   a  ", 8), 3);
	KT_EXPECT_STREQ(t, words[0], "run");
	KT_EXPECT_STREQ(t, words[1], "/bin/echo");
	KT_EXPECT_STREQ(t, words[2], "a");
	KT_EXPECT_EQ(t, split("", 8), 0);
	KT_EXPECT_EQ(t, split(" \t ", 8), 0);
}

/* run /bin/echo "a b" c\ d 'e f' */
static void quotes_and_backslashes(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("run /bin/echo \"a b\" c\\ d 'e f'", 8), 5);
	KT_EXPECT_STREQ(t, words[2], "a b");
	KT_EXPECT_STREQ(t, words[3], "c d");
	KT_EXPECT_STREQ(t, words[4], "e f");
}

static void quotes_join_a_word(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("a\"b c\"d'e'f \"\" ''", 8), 3);
	KT_EXPECT_STREQ(t, words[0], "ab cdef");
	KT_EXPECT_STREQ(t, words[1], "");	/* empty quotes: an empty word */
	KT_EXPECT_STREQ(t, words[2], "");
}

/*
 * Inside '...' nothing is special; inside "..." a backslash escapes only
 * $ ` " and itself; outside quotes it escapes any character.
 */
static void what_each_quote_keeps(struct ktest *t)
{
	KT_ASSERT_EQ(t, split("'a\\b \"c' \"d\\\"e\\\\f\\g $h\" \\'\\\\\\x", 8), 3);
	KT_EXPECT_STREQ(t, words[0], "a\\b \"c");
	KT_EXPECT_STREQ(t, words[1], "d\"e\\f\\g $h");
	KT_EXPECT_STREQ(t, words[2], "'\\x");
}

static void errors(struct ktest *t)
{
	KT_EXPECT_EQ(t, split("echo \"open", 8), -EINVAL);
	KT_EXPECT_EQ(t, split("echo 'open", 8), -EINVAL);
	KT_EXPECT_EQ(t, split("echo \"a\\\"", 8), -EINVAL);
	KT_EXPECT_EQ(t, split("echo end\\", 8), -EINVAL);
	KT_EXPECT_EQ(t, split("a b c", 2), -E2BIG);
	KT_EXPECT_EQ(t, split("a b  ", 2), 2);
}

static const struct ktest_case shell_words_cases[] = {
	KTEST_CASE(blanks_separate),
	KTEST_CASE(quotes_and_backslashes),
	KTEST_CASE(quotes_join_a_word),
	KTEST_CASE(what_each_quote_keeps),
	KTEST_CASE(errors),
	{}
};

static const struct ktest_suite shell_words_suite = {
	.name = "shell_words",
	.cases = shell_words_cases,
};
ktest_register_suite(shell_words_suite);

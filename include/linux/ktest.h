/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: the kernel's test framework, modelled on Linux's KUnit.
 *
 * A suite is a named array of cases, registered into the "ktest_suites"
 * linker section with ktest_register_suite(); the runner prints KTAP
 * version 1, one subtest per suite, exactly as KUnit does, so the same
 * host-side parser reads the kernel's run and the host unit tests (which
 * build this framework with the host compiler).
 *
 * KT_EXPECT_* record a failure and let the case go on; KT_ASSERT_* also
 * return from the case function, so they may only be used directly in it.
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct ktest {
	const char *name;	/* case name, for the diagnostics */
	int failures;		/* failed expectations in this case */
	const char *skip_reason; /* set by ktest_skip() */
	void *priv;		/* for the suite's init/exit */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	int (*init)(struct ktest *t);	/* before each case; non-zero fails it */
	void (*exit)(struct ktest *t);	/* after each case */
	const struct ktest_case *cases;	/* ends with an empty entry */
};

#define KTEST_CASE(fn)	{ .name = #fn, .run = fn }

#define ktest_register_suite(suite)					\
	static const struct ktest_suite *__ktest_ptr_##suite		\
	__used __section("ktest_suites") = &(suite)

struct ktest_totals {
	int passed, failed, skipped;
};

/* Runs the cases the filter selects ("all" or NULL: every case; else
 * comma-separated SUITE or SUITE.CASE globs) and prints the KTAP
 * document; "list" prints every SUITE.CASE instead. */
struct ktest_totals ktest_run(const char *filter);
/* The names of the registered suites, for listings. */
int ktest_suite_count(void);
const struct ktest_suite *ktest_suite_at(int i);

void ktest_skip(struct ktest *t, const char *reason);

/* Failure reporters used by the macros below. */
void ktest_fail_bool(struct ktest *t, const char *file, int line,
		     const char *expr, bool expected);
void ktest_fail_int(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    long long lv, long long rv);
void ktest_fail_ptr(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const void *lv, const void *rv);
void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const char *lv, const char *rv);
void ktest_fail_msg(struct ktest *t, const char *file, int line,
		    const char *fmt, ...) __printf(4, 5);

#define __KT_BOOL(t, cond, expected, on_fail) do {			\
	if ((!!(cond)) != (expected)) {					\
		ktest_fail_bool(t, __FILE__, __LINE__, #cond, expected);\
		on_fail;						\
	}								\
} while (0)

#define __KT_INT(t, a, op, b, on_fail) do {				\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (!(__a op __b)) {						\
		ktest_fail_int(t, __FILE__, __LINE__, #a, #op, #b, __a, __b); \
		on_fail;						\
	}								\
} while (0)

#define __KT_PTR(t, a, op, b, on_fail) do {				\
	const void *__a = (a), *__b = (b);				\
	if (!(__a op __b)) {						\
		ktest_fail_ptr(t, __FILE__, __LINE__, #a, #op, #b, __a, __b); \
		on_fail;						\
	}								\
} while (0)

int ktest_strcmp(const char *a, const char *b);

#define __KT_STR(t, a, op, b, on_fail) do {				\
	const char *__a = (a), *__b = (b);				\
	if (!(ktest_strcmp(__a, __b) op 0)) {				\
		ktest_fail_str(t, __FILE__, __LINE__, #a, #op, #b, __a, __b); \
		on_fail;						\
	}								\
} while (0)

#define KT_EXPECT_TRUE(t, c)	__KT_BOOL(t, c, true, (void)0)
#define KT_EXPECT_FALSE(t, c)	__KT_BOOL(t, c, false, (void)0)
#define KT_EXPECT_EQ(t, a, b)	__KT_INT(t, a, ==, b, (void)0)
#define KT_EXPECT_NE(t, a, b)	__KT_INT(t, a, !=, b, (void)0)
#define KT_EXPECT_LT(t, a, b)	__KT_INT(t, a, <, b, (void)0)
#define KT_EXPECT_LE(t, a, b)	__KT_INT(t, a, <=, b, (void)0)
#define KT_EXPECT_GT(t, a, b)	__KT_INT(t, a, >, b, (void)0)
#define KT_EXPECT_GE(t, a, b)	__KT_INT(t, a, >=, b, (void)0)
#define KT_EXPECT_PTR_EQ(t, a, b) __KT_PTR(t, a, ==, b, (void)0)
#define KT_EXPECT_PTR_NE(t, a, b) __KT_PTR(t, a, !=, b, (void)0)
#define KT_EXPECT_NULL(t, p)	__KT_PTR(t, p, ==, NULL, (void)0)
#define KT_EXPECT_NOT_NULL(t, p) __KT_PTR(t, p, !=, NULL, (void)0)
#define KT_EXPECT_STREQ(t, a, b) __KT_STR(t, a, ==, b, (void)0)
#define KT_EXPECT_STRNEQ(t, a, b) __KT_STR(t, a, !=, b, (void)0)

#define KT_ASSERT_TRUE(t, c)	__KT_BOOL(t, c, true, return)
#define KT_ASSERT_FALSE(t, c)	__KT_BOOL(t, c, false, return)
#define KT_ASSERT_EQ(t, a, b)	__KT_INT(t, a, ==, b, return)
#define KT_ASSERT_NE(t, a, b)	__KT_INT(t, a, !=, b, return)
#define KT_ASSERT_GE(t, a, b)	__KT_INT(t, a, >=, b, return)
#define KT_ASSERT_NULL(t, p)	__KT_PTR(t, p, ==, NULL, return)
#define KT_ASSERT_NOT_NULL(t, p) __KT_PTR(t, p, !=, NULL, return)
#define KT_ASSERT_STREQ(t, a, b) __KT_STR(t, a, ==, b, return)

#define KT_FAIL(t, fmt, ...) \
	ktest_fail_msg(t, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#endif

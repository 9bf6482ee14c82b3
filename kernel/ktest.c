// SPDX-License-Identifier: GPL-2.0
/*
 * The ktest runner: walks the "ktest_suites" section and prints a KTAP
 * version 1 document, one subtest per suite, in the layout of Linux's
 * KUnit (diagnostics of a failed case come before its "not ok" line).
 * It only needs printk, so tests/host links this same file.
 */
#include <linux/glob.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/printk.h>
#include <linux/string.h>
#ifndef HOST_TEST
#include <linux/sched.h>
#endif

extern const struct ktest_suite *__start_ktest_suites[];
extern const struct ktest_suite *__stop_ktest_suites[];

#define SUITE_INDENT	"    "
#define DIAG_INDENT	"    "

int ktest_suite_count(void)
{
	return __stop_ktest_suites - __start_ktest_suites;
}

const struct ktest_suite *ktest_suite_at(int i)
{
	return __start_ktest_suites[i];
}

int ktest_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	return strcmp(a, b);
}

static void fail_header(struct ktest *t, const char *file, int line)
{
	t->failures++;
	printk(KERN_INFO DIAG_INDENT "# %s: EXPECTATION FAILED at %s:%d\n",
	       t->name, file, line);
}

void ktest_fail_bool(struct ktest *t, const char *file, int line,
		     const char *expr, bool expected)
{
	fail_header(t, file, line);
	printk(KERN_INFO DIAG_INDENT "Expected %s to be %s, but is %s\n",
	       expr, expected ? "true" : "false", expected ? "false" : "true");
}

void ktest_fail_int(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    long long lv, long long rv)
{
	fail_header(t, file, line);
	printk(KERN_INFO DIAG_INDENT "Expected %s %s %s, but\n", left, op, right);
	printk(KERN_INFO DIAG_INDENT "    %s == %lld (0x%llx)\n", left, lv, lv);
	printk(KERN_INFO DIAG_INDENT "    %s == %lld (0x%llx)\n", right, rv, rv);
}

void ktest_fail_ptr(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const void *lv, const void *rv)
{
	fail_header(t, file, line);
	printk(KERN_INFO DIAG_INDENT "Expected %s %s %s, but\n", left, op, right);
	printk(KERN_INFO DIAG_INDENT "    %s == %p\n", left, lv);
	printk(KERN_INFO DIAG_INDENT "    %s == %p\n", right, rv);
}

void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const char *lv, const char *rv)
{
	fail_header(t, file, line);
	printk(KERN_INFO DIAG_INDENT "Expected %s %s %s, but\n", left, op, right);
	printk(KERN_INFO DIAG_INDENT "    %s == \"%s\"\n", left, lv ? lv : "(null)");
	printk(KERN_INFO DIAG_INDENT "    %s == \"%s\"\n", right, rv ? rv : "(null)");
}

void ktest_fail_msg(struct ktest *t, const char *file, int line,
		    const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fail_header(t, file, line);
	printk(KERN_INFO DIAG_INDENT "%s\n", msg);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skip_reason = reason;
}

/* Runs one case; returns 0 pass, 1 fail, 2 skip. */
static int run_case(const struct ktest_suite *s, const struct ktest_case *c,
		    int index)
{
	struct ktest t = { .name = c->name };
	int ret = 0;

#ifndef HOST_TEST
	/* a case starts with no user address space in sight, whoever ran before */
	leave_lazy_mm();
#endif
	if (s->init && s->init(&t)) {
		printk(KERN_INFO DIAG_INDENT "# %s: suite init failed\n", c->name);
		t.failures++;
	} else {
		c->run(&t);
		if (s->exit)
			s->exit(&t);
	}
	if (t.failures) {
		printk(KERN_INFO SUITE_INDENT "not ok %d %s\n", index, c->name);
		ret = 1;
	} else if (t.skip_reason) {
		printk(KERN_INFO SUITE_INDENT "ok %d %s # SKIP %s\n", index,
		       c->name, t.skip_reason);
		ret = 2;
	} else {
		printk(KERN_INFO SUITE_INDENT "ok %d %s\n", index, c->name);
	}
	return ret;
}

/*
 * A filter is "all" (or empty), "list", or comma-separated entries, each
 * SUITE or SUITE.CASE where both parts may hold '*' and '?' wildcards:
 * "slub", "slub.*free*", "*.fork_*". An entry that matches no case is a
 * failed result of its own, so a mistyped name never passes silently.
 */
#define ENTRY_MAX	128

/* Where the @i-th entry of @filter starts, or NULL past the last. */
static const char *filter_name(const char *filter, int i)
{
	while (filter && i--) {
		filter = strchr(filter, ',');
		if (filter)
			filter++;
	}
	return filter;
}

/* The @i-th entry of @filter into @buf, split: returns its case pattern
 * ("*" when the entry has no dot), or NULL past the last entry. */
static const char *filter_entry(const char *filter, int i, char *buf)
{
	size_t len;
	char *dot;

	filter = filter_name(filter, i);
	if (!filter)
		return NULL;
	len = min(strcspn(filter, ","), (size_t)ENTRY_MAX - 1);
	memcpy(buf, filter, len);
	buf[len] = '\0';
	dot = strchr(buf, '.');
	if (!dot)
		return "*";
	*dot = '\0';
	return dot + 1;
}

static bool entry_matches(const char *filter, int i, const struct ktest_suite *s,
			  const struct ktest_case *c)
{
	char buf[ENTRY_MAX];
	const char *case_pat = filter_entry(filter, i, buf);

	if (!glob_match(buf, s->name))
		return false;
	/* a plain suite name also selects a suite that has no cases */
	return c ? glob_match(case_pat, c->name) : !strcmp(case_pat, "*");
}

static bool filter_all(const char *filter)
{
	return !filter || !*filter || !strcmp(filter, "all");
}

static bool case_selected(const char *filter, const struct ktest_suite *s,
			  const struct ktest_case *c)
{
	char buf[ENTRY_MAX];
	int i;

	if (filter_all(filter))
		return true;
	for (i = 0; filter_entry(filter, i, buf); i++)
		if (entry_matches(filter, i, s, c))
			return true;
	return false;
}

static bool suite_selected(const char *filter, const struct ktest_suite *s)
{
	const struct ktest_case *c;

	if (case_selected(filter, s, NULL))
		return true;
	for (c = s->cases; c->name; c++)
		if (case_selected(filter, s, c))
			return true;
	return false;
}

/* Does entry @i select anything at all? */
static bool entry_used(const char *filter, int i)
{
	const struct ktest_case *c;
	int k;

	for (k = 0; k < ktest_suite_count(); k++) {
		const struct ktest_suite *s = ktest_suite_at(k);

		if (entry_matches(filter, i, s, NULL))
			return true;
		for (c = s->cases; c->name; c++)
			if (entry_matches(filter, i, s, c))
				return true;
	}
	return false;
}

static int run_suite(const struct ktest_suite *s, const char *filter, int index,
		     struct ktest_totals *tot)
{
	const struct ktest_case *c;
	int n = 0, counts[3] = { 0, 0, 0 };

	for (c = s->cases; c->name; c++)
		n += case_selected(filter, s, c);
	printk(KERN_INFO SUITE_INDENT "KTAP version 1\n");
	printk(KERN_INFO SUITE_INDENT "# Subtest: %s\n", s->name);
	printk(KERN_INFO SUITE_INDENT "1..%d\n", n);
	n = 0;
	for (c = s->cases; c->name; c++)
		if (case_selected(filter, s, c))
			counts[run_case(s, c, ++n)]++;
	printk(KERN_INFO SUITE_INDENT "# %s: pass:%d fail:%d skip:%d total:%d\n",
	       s->name, counts[0], counts[1], counts[2], n);
	tot->passed += counts[0];
	tot->failed += counts[1];
	tot->skipped += counts[2];
	if (counts[1])
		printk(KERN_INFO "not ok %d %s\n", index, s->name);
	else if (n && counts[2] == n)
		printk(KERN_INFO "ok %d %s # SKIP\n", index, s->name);
	else
		printk(KERN_INFO "ok %d %s\n", index, s->name);
	return counts[1] != 0;
}

/* "ktest=list": every case as SUITE.CASE, for scripts/run_tests.py --list. */
static void list_cases(void)
{
	const struct ktest_case *c;
	int i;

	for (i = 0; i < ktest_suite_count(); i++)
		for (c = ktest_suite_at(i)->cases; c->name; c++)
			printk(KERN_INFO "ktest-list: %s.%s\n",
			       ktest_suite_at(i)->name, c->name);
	printk(KERN_INFO "ktest-list: end\n");
}

struct ktest_totals ktest_run(const char *filter)
{
	struct ktest_totals tot = { 0, 0, 0 };
	char buf[ENTRY_MAX];
	int i, plan = 0, index = 0;

	if (filter && !strcmp(filter, "list")) {
		list_cases();
		return tot;
	}
	for (i = 0; i < ktest_suite_count(); i++)
		plan += suite_selected(filter, ktest_suite_at(i));
	for (i = 0; !filter_all(filter) && filter_entry(filter, i, buf); i++)
		plan += !entry_used(filter, i);
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", plan);
	for (i = 0; i < ktest_suite_count(); i++)
		if (suite_selected(filter, ktest_suite_at(i)))
			run_suite(ktest_suite_at(i), filter, ++index, &tot);
	for (i = 0; !filter_all(filter) && filter_entry(filter, i, buf); i++) {
		const char *name = filter_name(filter, i);
		int len = strcspn(name, ",");

		if (entry_used(filter, i))
			continue;
		printk(KERN_INFO "# no test suite or case matches '%.*s'\n", len, name);
		printk(KERN_INFO "not ok %d %.*s\n", ++index, len, name);
		tot.failed++;
	}
	printk(KERN_INFO "# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       tot.passed, tot.failed, tot.skipped,
	       tot.passed + tot.failed + tot.skipped);
	return tot;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection: the decision of should_fail(), Linux's rules in
 * Linux's order (see <linux/fault-inject.h>): an attribute whose
 * probability is 0, or whose times are used up, never fails a call; the
 * task filter spares the kernel's threads; space lets that many bytes
 * through first; then only every interval-th call is a candidate, and a
 * candidate fails with the given probability.
 */
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>

/*
 * The candidates' dice: a fixed-seed xorshift, not the kernel's random
 * pool, so that a boot with the same attributes and the same work fails
 * the same calls (a failure found can be replayed), as Linux's prandom.
 */
static u32 fault_rand(void)
{
	static u32 state = 0x2545f491;

	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

bool should_fail(struct fault_attr *attr, ssize_t size)
{
	u32 r;

	if (!attr->probability || !attr->times)
		return false;
	if (attr->task_filter && (!current->mm || (current->flags & PF_KTHREAD)))
		return false;
	if (attr->space > 0) {
		attr->space -= size;
		if (attr->space >= 0)
			return false;
		attr->space = 0;
	}
	attr->count++;
	if (attr->interval > 1 && attr->count % attr->interval)
		return false;
	r = fault_rand();
	if (r % 100 >= attr->probability)
		return false;
	if (attr->times > 0)
		attr->times--;
	attr->failed++;
	return true;
}

/* One comma-separated number of @s (which it moves past): 0 or -EINVAL. */
static int next_number(const char **s, long *v)
{
	char buf[24];
	size_t n = strcspn(*s, ",");

	if (!n || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, *s, n);
	buf[n] = '\0';
	*s += n + ((*s)[n] == ',');
	return kstrtol(buf, 0, v);
}

int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	long interval, probability, space, times;

	if (next_number(&str, &interval) || next_number(&str, &probability) ||
	    next_number(&str, &space) || next_number(&str, &times) || *str ||
	    interval < 1 || probability < 0 || probability > 100 || space < 0 || times < -1) {
		pr_warn("FAULT_INJECTION: failed to parse arguments for %s\n", attr->name);
		return -EINVAL;
	}
	attr->interval = interval;
	attr->probability = probability;
	attr->space = space;
	attr->times = times;
	if (probability)
		static_branch_enable(&attr->active);
	if (attr->changed)
		attr->changed();
	return 0;
}

void fault_attr_show(struct seq_file *m, const struct fault_attr *a)
{
	seq_printf(m, "%s: probability %lu interval %lu times %ld space %ld task-filter %c"
		   "  (%lu calls seen, %lu failed)\n", a->name, a->probability, a->interval,
		   a->times, a->space, a->task_filter ? 'Y' : 'N', a->count, a->failed);
}

int fault_attr_set(struct fault_attr *a, const char *field, const char *value)
{
	long v;

	if (!strcmp(field, "task-filter")) {
		if (strcmp(value, "Y") && strcmp(value, "N"))
			return -EINVAL;
		a->task_filter = value[0] == 'Y';
		return 0;
	}
	if (kstrtol(value, 0, &v))
		return -EINVAL;
	if (!strcmp(field, "probability") && v >= 0 && v <= 100) {
		a->probability = v;
		if (v)
			static_branch_enable(&a->active);
		else
			static_branch_disable(&a->active);
		if (a->changed)
			a->changed();
	} else if (!strcmp(field, "interval") && v >= 1)
		a->interval = v;
	else if (!strcmp(field, "times") && v >= -1)
		a->times = v;
	else if (!strcmp(field, "space") && v >= 0)
		a->space = v;
	else
		return -EINVAL;
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection (lib/fault-inject.c), with the attributes of Linux's:
 * a call site asks should_fail() and, if told so, fails as if it had
 * run out (an allocation returns NULL). Set on the command line as Linux
 * takes it, NAME=<interval>,<probability>,<space>,<times>, and seen and
 * changed with the shell's `fault` command:
 *
 *  probability  percent of the eligible calls that fail (0: off)
 *  interval     only every interval-th call may fail
 *  times        failures left (-1: no limit)
 *  space        bytes that pass untouched before failures start
 *  task-filter  only calls made for user processes (Linux marks tasks
 *               through /proc/PID/make-it-fail; here the filter picks
 *               every user process, so the kernel's own threads are spared)
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/jump_label.h>
#include <linux/types.h>

struct seq_file;

struct fault_attr {
	const char *name;
	unsigned long probability;
	unsigned long interval;
	long times;
	long space;
	bool task_filter;
	unsigned long count;		/* eligible calls seen */
	unsigned long failed;		/* failures injected */
	struct static_key_false active;	/* probability is not 0: call sites ask */
	void (*changed)(void);		/* told when active changes, or NULL */
};

#define FAULT_ATTR_INITIALIZER(n, fn) \
	{ .name = (n), .interval = 1, .times = 1, .task_filter = true, \
	  .active = STATIC_KEY_FALSE_INIT, .changed = (fn) }

/* Whether this call (for @size bytes) is to fail. */
bool should_fail(struct fault_attr *attr, ssize_t size);
/* Parses "<interval>,<probability>,<space>,<times>" into @attr: 0 or -EINVAL. */
int setup_fault_attr(struct fault_attr *attr, const char *str);
/* One line of the shell's `fault`; `fault NAME FIELD VALUE` sets: 0 or -EINVAL. */
void fault_attr_show(struct seq_file *m, const struct fault_attr *attr);
int fault_attr_set(struct fault_attr *attr, const char *field, const char *value);

/* The allocators' own (mm/page_alloc.c, mm/slub.c). */
extern struct fault_attr fail_page_alloc;
extern struct fault_attr failslab;

#endif

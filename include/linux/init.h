/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel command-line parameters. __setup("name", fn) registers fn for
 * "name=value" (or a bare "name", value ""); early_param() ones run
 * before memory is set up. The value lives only during the call: a
 * handler keeps a copy, not the pointer. A handler returns 0, or -EINVAL/-ERANGE to
 * reject a value: the parser reports it and the default stays.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

#define __init
#define __initdata

#define COMMAND_LINE_SIZE	1024

struct kernel_param {
	const char *name;
	int (*setup)(const char *val);
	bool early;
};

#define __setup_param(str, fn, is_early)				\
	static const struct kernel_param __setup_##fn __used		\
	__section(".init.setup") __aligned(4) = {			\
		.name = str, .setup = fn, .early = is_early,		\
	}

#define __setup(str, fn)	__setup_param(str, fn, false)
#define early_param(str, fn)	__setup_param(str, fn, true)

extern char boot_command_line[COMMAND_LINE_SIZE];

/*
 * Runs the handlers of one pass (early or not) over @cmdline, whose
 * parameters are looked up in [@start, @end). Parameters no handler
 * knows are appended to @unknown (space separated) on the late pass;
 * returns how many values were rejected.
 */
int parse_args(const char *cmdline, const struct kernel_param *start,
	       const struct kernel_param *end, bool early,
	       char *unknown, size_t unknown_len);

void parse_early_param(void);
void parse_late_param(void);

int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int hex_to_bin(char c);
unsigned long long memparse(const char *s, const char **end);
int parse_size(const char *s, unsigned long long *size);

#endif

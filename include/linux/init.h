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

/*
 * What init is started with, built from the command line as Linux builds
 * it: argv[0] is left for the path of init (the caller sets it), envp
 * starts as HOME=/ TERM=linux. Linux holds at most MAX_INIT_ARGS words
 * after init's name and MAX_INIT_ENVS + 1 variables; one more sets
 * too_many ("init" or "env") and too_many_at (the word), for the panic
 * Linux gives then.
 */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

struct init_args {
	const char *argv[MAX_INIT_ARGS + 2];
	const char *envp[MAX_INIT_ENVS + 2];
	int argc, envc;
	const char *too_many;
	const char *too_many_at;
	char buf[COMMAND_LINE_SIZE];
};

/*
 * Fills @ia from @cmdline; [@start, @end) are the parameters the kernel
 * knows, which stay the kernel's. Of the others, "name=value" goes to
 * envp (replacing a variable of that name), a plain word to argv, and a
 * name with a dot (a module's parameter) nowhere; "init=" and "rdinit="
 * drop the words collected before them; every word after "--" goes to
 * argv. Returns 0, or -E2BIG when too_many is set.
 */
int init_args_split(const char *cmdline, const struct kernel_param *start,
		    const struct kernel_param *end, struct init_args *ia);

void parse_early_param(void);
void parse_late_param(void);
void parse_init_args(struct init_args *ia);

int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int hex_to_bin(char c);
unsigned long long memparse(const char *s, const char **end);
int parse_size(const char *s, unsigned long long *size);

#endif

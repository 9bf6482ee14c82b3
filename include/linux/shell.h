/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

#include <linux/compiler.h>

#define SHELL_PROMPT	"pagoda> "

struct shell_cmd {
	const char *name;
	const char *usage;	/* arguments, for help */
	const char *help;	/* one line */
	int (*run)(int argc, char **argv);
};

void __noreturn shell_run(void);

#endif

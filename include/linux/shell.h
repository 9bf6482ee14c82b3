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

/*
 * Splits @line in place into at most @max words, as sh does without its
 * expansions: blanks separate words, '...' keeps everything, "..." keeps
 * all but \$ \` \" \\, a backslash outside quotes keeps the next
 * character. Returns the number of words, -E2BIG if there are more than
 * @max, -EINVAL for an unterminated quote or a backslash at the end.
 */
int shell_split_words(char *line, char **argv, int max);

#endif

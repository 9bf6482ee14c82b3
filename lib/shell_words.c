// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel shell's words, split as sh splits a simple command (no
 * expansions): blanks separate words, quotes and backslashes keep
 * characters together. The split is done in place: a word never needs
 * more room than the text it came from, so what is written never
 * passes what has been read.
 */
#include <linux/errno.h>
#include <linux/shell.h>
#include <linux/string.h>

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

int shell_split_words(char *line, char **argv, int max)
{
	char *r = line, *w = line;
	int argc = 0;

	for (;;) {
		char quote = 0;

		while (blank(*r))
			r++;
		if (!*r)
			return argc;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = w;
		for (; *r && (quote || !blank(*r)); r++) {
			if (quote == '\'') {
				if (*r == '\'')
					quote = 0;
				else
					*w++ = *r;
			} else if (*r == '\\' && r[1] &&
				   (!quote || strchr("$`\"\\", r[1]))) {
				*w++ = *++r;
			} else if (*r == '\\' && !quote) {
				return -EINVAL;		/* nothing after it to keep */
			} else if (quote == '"') {
				if (*r == '"')
					quote = 0;
				else
					*w++ = *r;
			} else if (*r == '\'' || *r == '"') {
				quote = *r;
			} else {
				*w++ = *r;
			}
		}
		if (quote)
			return -EINVAL;
		if (*r)
			r++;
		*w++ = '\0';
	}
}

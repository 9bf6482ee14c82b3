// SPDX-License-Identifier: GPL-2.0
/*
 * Shell-style wildcard matching of a whole string: '*' matches any run of
 * characters (none too), '?' any one character, anything else itself.
 * No brackets and no escapes: test names and cache names need neither.
 * Iterative with one backtrack point, so no pattern can recurse deeply.
 */
#include <linux/glob.h>

bool glob_match(const char *pat, const char *str)
{
	const char *star = NULL, *resume = NULL;

	while (*str) {
		if (*pat == '*') {
			star = ++pat;	/* try "*" matching nothing first */
			resume = str;
		} else if (*pat == '?' || *pat == *str) {
			pat++;
			str++;
		} else if (star) {
			pat = star;	/* let the last '*' take one more */
			str = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

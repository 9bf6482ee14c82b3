/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GLOB_H
#define _LINUX_GLOB_H

#include <linux/types.h>

/* Does all of @str match @pat ('*' and '?' wildcards)? */
bool glob_match(const char *pat, const char *str);

#endif

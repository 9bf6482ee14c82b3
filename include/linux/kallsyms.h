/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's own symbol table (text symbols only), built into the image
 * by a second link pass (scripts/kallsyms.py), for backtraces and %pS.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	64
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 32)

/*
 * Finds the function containing @addr: its name, size and @addr's offset
 * in it. Returns 0, or -ENOENT when @addr is not in kernel text.
 */
int kallsyms_lookup(unsigned long addr, const char **name,
		    unsigned long *size, unsigned long *offset);
/* Address of the function called @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif

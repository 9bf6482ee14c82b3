// SPDX-License-Identifier: GPL-2.0
/*
 * Looks up kernel text addresses in the symbol table that the second
 * link pass adds (scripts/kallsyms.py): sorted addresses, binary search.
 */
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_text_end;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_name_offsets[];
extern const char kallsyms_names[];

int kallsyms_lookup(unsigned long addr, const char **name,
		    unsigned long *size, unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num_syms, next;

	if (!hi || addr < kallsyms_addresses[0] || addr >= kallsyms_text_end)
		return -ENOENT;
	while (hi - lo > 1) {
		unsigned long mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* aliases share an address: report the first name */
	while (lo && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	for (hi = lo + 1; hi < kallsyms_num_syms &&
	     kallsyms_addresses[hi] == kallsyms_addresses[lo]; hi++)
		;
	next = hi < kallsyms_num_syms ? kallsyms_addresses[hi] : kallsyms_text_end;
	*name = kallsyms_names + kallsyms_name_offsets[lo];
	*size = next - kallsyms_addresses[lo];
	*offset = addr - kallsyms_addresses[lo];
	return 0;
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

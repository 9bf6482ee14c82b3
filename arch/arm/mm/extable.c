// SPDX-License-Identifier: GPL-2.0
/*
 * Exception fixups: a fault at an instruction listed in __ex_table is not
 * an oops; the handler resumes at the entry's fixup address instead. This
 * is how user-memory accessors will return -EFAULT, and how the tests
 * raise exceptions on purpose and go on.
 */
#include <linux/kernel.h>
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

struct fixup_record last_fixup;

static const struct exception_table_entry *search_exception_tables(unsigned long pc)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == pc)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs, const char *kind,
		     unsigned long addr, unsigned long fsr)
{
	const struct exception_table_entry *e;

	e = search_exception_tables(instruction_pointer(regs));
	if (!e)
		return false;
	last_fixup.kind = kind;
	last_fixup.pc = regs->ARM_pc;
	last_fixup.addr = addr;
	last_fixup.fsr = fsr;
	last_fixup.count++;
	regs->ARM_pc = e->fixup;
	return true;
}

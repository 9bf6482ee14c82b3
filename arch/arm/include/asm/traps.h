/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/ptrace.h>

/*
 * An exception table entry: a kernel instruction that may fault on
 * purpose (a user access, a test) and where to go on if it does.
 */
struct exception_table_entry {
	unsigned long insn, fixup;
};

/* The last exception that a fixup absorbed, for whoever expected it. */
struct fixup_record {
	const char *kind;	/* "undefined instruction", "data abort", ... */
	unsigned long pc;	/* the instruction that faulted */
	unsigned long addr;	/* fault address (aborts) */
	unsigned long fsr;	/* fault status (aborts) */
	unsigned long count;	/* fixups taken since boot */
};

extern struct fixup_record last_fixup;

bool fixup_exception(struct pt_regs *regs, const char *kind,
		     unsigned long addr, unsigned long fsr);

void early_trap_init(void);
void show_regs(struct pt_regs *regs);
void dump_backtrace(unsigned long pc, unsigned long fp);
void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err);
/* From exception entry, on this CPU's overflow stack: a task stack ran out. */
void __noreturn handle_bad_stack(struct pt_regs *regs);

#endif

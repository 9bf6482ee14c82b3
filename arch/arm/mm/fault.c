// SPDX-License-Identifier: GPL-2.0
/*
 * Data and prefetch aborts. The fault status (DFSR/IFSR, short-descriptor
 * format) says what kind of fault it was; fsr_info names each kind as
 * Linux's table does. A kernel-mode fault at an instruction listed in the
 * exception table is fixed up; any other is an oops. User-mode faults go
 * to the generic fault handler once user tasks exist.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/cp15.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/traps.h>

static const char *const fsr_info[32] = {
	[0x01] = "alignment exception",
	[0x02] = "debug event",
	[0x03] = "section access flag fault",
	[0x04] = "I-cache maintenance fault",
	[0x05] = "section translation fault",
	[0x06] = "page access flag fault",
	[0x07] = "page translation fault",
	[0x08] = "external abort on non-linefetch",
	[0x09] = "section domain fault",
	[0x0b] = "page domain fault",
	[0x0c] = "external abort on translation",
	[0x0d] = "section permission fault",
	[0x0e] = "external abort on translation",
	[0x0f] = "page permission fault",
	[0x16] = "imprecise external abort",
	[0x18] = "asynchronous parity error",
	[0x19] = "synchronous parity error",
	[0x1c] = "synchronous parity error on translation",
	[0x1e] = "synchronous parity error on translation",
};

unsigned int fsr_status(unsigned long fsr)
{
	return (fsr & FSR_FS_LOW) | ((fsr & FSR_FS_HIGH) >> 6);
}

const char *fsr_name(unsigned long fsr)
{
	const char *name = fsr_info[fsr_status(fsr)];

	return name ? name : "unknown fault";
}

static void __noreturn kernel_fault(struct pt_regs *regs, unsigned long addr,
				    unsigned long fsr, const char *what)
{
	printk(KERN_ALERT "8<--- cut here ---\n");
	printk(KERN_ALERT "Unable to handle kernel %s at virtual address %08lx when %s\n",
	       addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
	       addr, what);
	printk(KERN_ALERT "fault status %03lx: %s\n", fsr, fsr_name(fsr));
	die("Oops", regs, fsr);
}

void do_DataAbort(struct pt_regs *regs)
{
	unsigned long addr = read_dfar(), fsr = read_dfsr();

	if (!user_mode(regs) && fixup_exception(regs, "data abort", addr, fsr))
		return;
	kernel_fault(regs, addr, fsr, fsr & FSR_WRITE ? "write" : "read");
}

void do_PrefetchAbort(struct pt_regs *regs)
{
	unsigned long addr = read_ifar(), fsr = read_ifsr();

	if (!user_mode(regs) && fixup_exception(regs, "prefetch abort", addr, fsr))
		return;
	kernel_fault(regs, addr, fsr, "execute");
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Data and prefetch aborts. The fault status (DFSR/IFSR, short-descriptor
 * format) says what kind of fault it was; fsr_info names each kind as
 * Linux's table does. A kernel-mode fault at an instruction listed in the
 * exception table is fixed up; any other is an oops. User-mode faults go
 * to the generic fault handler once user tasks exist. A domain fault is
 * the kernel touching user memory while it is closed (software PAN,
 * asm/domain.h): never resolved, reported as Linux reports it.
 *
 * A user-mode abort is entered without the big kernel lock (entry-armv.S).
 * A page fault at a user address then runs as Linux's: mmap_lock read,
 * the VMA checked, handle_mm_fault under the page-table locks, so
 * anonymous memory faults on every CPU at once. What is not SMP-safe yet
 * takes the big lock around itself: the file and shmem faults (mm/
 * memory.c), the signal a fault ends in, the OOM kill, and every other
 * kind of user abort (alignment, domain, kernel addresses), handled
 * whole under it as before.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp_lock.h>
#include <asm/irqflags.h>
#include <linux/vmalloc.h>
#include <asm/cp15.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
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

#define FS_ALIGNMENT		0x01
#define FS_ACCESS_SECTION	0x03
#define FS_TRANS_SECTION	0x05
#define FS_ACCESS_PAGE		0x06
#define FS_TRANS_PAGE		0x07
#define FS_DOMAIN_SECTION	0x09
#define FS_DOMAIN_PAGE		0x0b
#define FS_PERM_SECTION		0x0d
#define FS_PERM_PAGE		0x0f

static bool is_domain_fault(unsigned long fsr)
{
	return fsr_status(fsr) == FS_DOMAIN_SECTION || fsr_status(fsr) == FS_DOMAIN_PAGE;
}

/*
 * Linux's do_bad for a domain fault: the status (whose bits 7:4 name
 * the domain) and address, then an oops, or SIGSEGV for a user access.
 * A kernel probe listed in the exception table is fixed up instead.
 */
static void do_domain_fault(struct pt_regs *regs, unsigned long addr,
			    unsigned long fsr, const char *kind, const char *what)
{
	if (!user_mode(regs) && fixup_exception(regs, kind, addr, fsr))
		return;
	printk(KERN_ALERT "8<--- cut here ---\n");
	printk(KERN_ALERT "%s: %s (0x%03lx) at 0x%08lx\n", what, fsr_name(fsr), fsr, addr);
	if (!user_mode(regs))
		die("", regs, fsr);
	force_sig_fault(SIGSEGV, SEGV_ACCERR, addr, regs);
}

/* The L1 table this CPU walks now (TTBR0, whose low bits are attributes). */
static pgd_t *current_pgd(void)
{
	return (pgd_t *)__va(read_ttbr0() & ~0x3fffUL);
}

/*
 * A fault on a kernel address that is not an error: a kernel pgd entry
 * (vmalloc space, mostly) this page table has not copied from init_mm
 * yet, or a young or
 * dirty bit to record in a kernel pte that was made old or clean.
 */
static bool do_kernel_address_fault(unsigned long addr, unsigned long fsr)
{
	unsigned int fs = fsr_status(fsr);

	if (addr < TASK_SIZE)
		return false;
	if ((fs == FS_TRANS_SECTION || fs == FS_TRANS_PAGE) &&
	    vmalloc_sync_one(current_pgd(), addr))
		return true;
	if (fs == FS_TRANS_PAGE || fs == FS_PERM_PAGE)
		return handle_pte_access(&init_mm, addr, fsr & FSR_WRITE);
	return false;
}

#define FAULT_FLAG_INSTRUCTION	0x02

/*
 * A fault at a user address, from user mode or from a kernel access to
 * user memory: translation, access-flag and permission faults go to the
 * generic handler. What it cannot resolve is, for a user access, the
 * OOM kill when memory ran out, SIGBUS where the mapped object has no
 * page, else SIGSEGV; for the kernel's, -EFAULT (fixup) or an oops.
 */
static bool do_page_fault(struct pt_regs *regs, unsigned long addr,
			  unsigned long fsr, unsigned int flags, const char *kind)
{
	unsigned int fs = fsr_status(fsr);
	int ret = VM_FAULT_BADMAP;

	if (fs == FS_ALIGNMENT) {
		if (user_mode(regs)) {
			force_sig_fault(SIGBUS, BUS_ADRALN, addr, regs);
			return true;
		}
		return false;
	}
	if (fs == FS_TRANS_SECTION || fs == FS_TRANS_PAGE || fs == FS_PERM_PAGE ||
	    fs == FS_PERM_SECTION || fs == FS_ACCESS_PAGE || fs == FS_ACCESS_SECTION) {
		if (interrupts_enabled(regs))
			local_irq_enable();
		ret = do_user_fault(current->mm, addr, flags);	/* takes mmap_lock */
		local_irq_disable();
	}
	if (!ret) {
		current->min_flt++;	/* Linux's mm_account_fault: a fault resolved */
		return true;
	}
	if (!user_mode(regs))
		return fixup_exception(regs, kind, addr, fsr);
	lock_kernel();		/* signals and the OOM kill: under the big lock */
	if (ret & VM_FAULT_OOM)
		pagefault_out_of_memory();
	else if (ret & VM_FAULT_SIGBUS)
		force_sig_fault(SIGBUS, BUS_ADRERR, addr, regs);
	else
		force_sig_fault(SIGSEGV, ret == VM_FAULT_BADACCESS ? SEGV_ACCERR : SEGV_MAPERR,
				addr, regs);
	unlock_kernel();
	return true;
}

/* The faults a user-mode abort resolves without the big kernel lock. */
static bool is_user_page_fault(unsigned long addr, unsigned long fsr)
{
	unsigned int fs = fsr_status(fsr);

	return addr < TASK_SIZE &&
	       (fs == FS_TRANS_SECTION || fs == FS_TRANS_PAGE || fs == FS_PERM_PAGE ||
		fs == FS_PERM_SECTION || fs == FS_ACCESS_PAGE || fs == FS_ACCESS_SECTION);
}

static void __do_DataAbort(struct pt_regs *regs, unsigned long addr, unsigned long fsr)
{
	if (fsr_status(fsr) == FS_ALIGNMENT && do_alignment(addr, regs))
		return;
	if (is_domain_fault(fsr)) {
		do_domain_fault(regs, addr, fsr, "data abort", "Unhandled fault");
		return;
	}
	if (do_kernel_address_fault(addr, fsr))
		return;
	if ((user_mode(regs) || addr < TASK_SIZE) &&
	    do_page_fault(regs, addr, fsr, fsr & FSR_WRITE ? FAULT_FLAG_WRITE : 0,
			  "data abort"))
		return;
	if (!user_mode(regs) && fixup_exception(regs, "data abort", addr, fsr))
		return;
	if (user_mode(regs)) {
		force_sig_fault(SIGSEGV, SEGV_MAPERR, addr, regs);
		return;
	}
	kernel_fault(regs, addr, fsr, fsr & FSR_WRITE ? "write" : "read");
}

static void __do_PrefetchAbort(struct pt_regs *regs, unsigned long addr,
			       unsigned long fsr)
{
	if (is_domain_fault(fsr)) {
		do_domain_fault(regs, addr, fsr, "prefetch abort", "Unhandled prefetch abort");
		return;
	}
	if (do_kernel_address_fault(addr, fsr & ~FSR_WRITE))
		return;
	if (user_mode(regs) &&
	    do_page_fault(regs, addr, fsr, FAULT_FLAG_INSTRUCTION, "prefetch abort"))
		return;
	if (!user_mode(regs) && fixup_exception(regs, "prefetch abort", addr, fsr))
		return;
	if (user_mode(regs)) {
		force_sig_fault(SIGSEGV, SEGV_MAPERR, addr, regs);
		return;
	}
	kernel_fault(regs, addr, fsr, "execute");
}

/*
 * Entered from user mode without the big kernel lock: a page fault goes
 * on without it, anything else is handled under it (as entry from the
 * kernel, whose code holds it already when it must).
 */
void do_DataAbort(struct pt_regs *regs)
{
	unsigned long addr = read_dfar(), fsr = read_dfsr();

	if (!user_mode(regs)) {
		__do_DataAbort(regs, addr, fsr);
		return;
	}
	if (is_user_page_fault(addr, fsr) &&
	    do_page_fault(regs, addr, fsr, fsr & FSR_WRITE ? FAULT_FLAG_WRITE : 0, "data abort"))
		return;
	lock_kernel();
	__do_DataAbort(regs, addr, fsr);
	unlock_kernel();
}

void do_PrefetchAbort(struct pt_regs *regs)
{
	unsigned long addr = read_ifar(), fsr = read_ifsr();

	if (!user_mode(regs)) {
		__do_PrefetchAbort(regs, addr, fsr);
		return;
	}
	if (is_user_page_fault(addr, fsr) &&
	    do_page_fault(regs, addr, fsr, FAULT_FLAG_INSTRUCTION, "prefetch abort"))
		return;
	lock_kernel();
	__do_PrefetchAbort(regs, addr, fsr);
	unlock_kernel();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Exception handlers that are not memory faults, and the oops: register
 * dump, decoded flags and a backtrace with symbol names. The kernel is
 * built with APCS frames (-mapcs-frame), so every function's frame
 * pointer leads to [fp] = its pc, [fp-4] = return address, [fp-12] = the
 * caller's fp; the walk stops at fp = 0 (set by head.S) or when it
 * leaves the current kernel stack. A return address inside the exception
 * entry code (entry-armv.S) means the frame below was called by a stub
 * with sp = the struct pt_regs of the interrupted code, which the callee
 * saved at [fp-8]: the walk goes on from the pc and fp saved there, or
 * ends naming the user pc.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/threads.h>
#include <asm/cp15.h>
#include <asm/traps.h>
#include <asm/vfp.h>

#define BACKTRACE_DEPTH	32

extern const char __vectors_start[], __vectors_end[];
extern const unsigned long entry_text_range[2];	/* entry-armv.S */
void map_vectors_page(const void *start, size_t len);

void early_trap_init(void)
{
	map_vectors_page(__vectors_start, __vectors_end - __vectors_start);
}

static const char *const processor_modes[] = {
	[USR_MODE & 0xf] = "USER_32", [FIQ_MODE & 0xf] = "FIQ_32",
	[IRQ_MODE & 0xf] = "IRQ_32", [SVC_MODE & 0xf] = "SVC_32",
	[MON_MODE & 0xf] = "MON_32", [ABT_MODE & 0xf] = "ABT_32",
	[HYP_MODE & 0xf] = "HYP_32", [UND_MODE & 0xf] = "UND_32",
	[SYSTEM_MODE & 0xf] = "SYSTEM_32",
};

static const char *mode_name(unsigned long cpsr)
{
	const char *name = processor_modes[cpsr & 0xf];

	return name ? name : "UK_32";
}

void show_regs(struct pt_regs *regs)
{
	unsigned long psr = regs->ARM_cpsr;

	printk(KERN_EMERG "PC is at %pS\n", (void *)regs->ARM_pc);
	printk(KERN_EMERG "LR is at %pS\n", (void *)regs->ARM_lr);
	printk(KERN_EMERG "pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n",
	       regs->ARM_pc, regs->ARM_lr, psr);
	printk(KERN_EMERG "sp : %08lx  ip : %08lx  fp : %08lx\n",
	       regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	printk(KERN_EMERG "r10: %08lx  r9 : %08lx  r8 : %08lx\n",
	       regs->uregs[10], regs->uregs[9], regs->uregs[8]);
	printk(KERN_EMERG "r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n",
	       regs->uregs[7], regs->uregs[6], regs->uregs[5], regs->uregs[4]);
	printk(KERN_EMERG "r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n",
	       regs->uregs[3], regs->uregs[2], regs->uregs[1], regs->uregs[0]);
	printk(KERN_EMERG "Flags: %c%c%c%c  IRQs %s  FIQs %s  Mode %s  ISA %s\n",
	       psr & PSR_N_BIT ? 'N' : 'n', psr & PSR_Z_BIT ? 'Z' : 'z',
	       psr & PSR_C_BIT ? 'C' : 'c', psr & PSR_V_BIT ? 'V' : 'v',
	       psr & PSR_I_BIT ? "off" : "on", psr & PSR_F_BIT ? "off" : "on",
	       mode_name(psr), psr & PSR_T_BIT ? "Thumb" : "ARM");
	printk(KERN_EMERG "Control: %08x  Table: %08x  DAC: %08x\n",
	       read_sctlr(), read_ttbr0(), read_dacr());
}

static bool frame_ok(unsigned long fp, unsigned long low)
{
	return fp >= low + 12 && !(fp & 3) &&
	       fp - (unsigned long)current_thread_info() < THREAD_SIZE;
}

static bool in_entry_text(unsigned long addr)
{
	return addr >= entry_text_range[0] && addr < entry_text_range[1];
}

/* Where a step of the frame walk led: see unwind_frame(). */
enum unwind_step {
	UNWIND_END,		/* no frame at fp: nothing read */
	UNWIND_LAST,		/* a frame with a return address, but no way further up */
	UNWIND_CALL,		/* up to the caller's frame */
	UNWIND_EXCEPTION,	/* across an exception entry, to the kernel code it interrupted */
	UNWIND_USER,		/* the exception came from user mode: the walk ends there */
};

struct stackframe {
	unsigned long pc;	/* in the function whose frame is at fp */
	unsigned long fp;
	unsigned long low;	/* frames are above this */
	unsigned long lr;	/* set by a step: the frame's return address */
	struct pt_regs *regs;	/* set by an exception step: the interrupted state */
};

/*
 * One step of the walk dump_backtrace() and stack_trace_save() share:
 * reads the frame at f->fp and moves f to its caller's (or, across an
 * exception entry, to the interrupted code's).
 */
static enum unwind_step unwind_frame(struct stackframe *f)
{
	unsigned long fp = f->fp, next;
	struct pt_regs *regs;

	if (!frame_ok(fp, f->low))
		return UNWIND_END;
	f->lr = ((unsigned long *)fp)[-1];
	next = ((unsigned long *)fp)[-3];
	if (in_entry_text(f->lr)) {
		regs = (struct pt_regs *)((unsigned long *)fp)[-2];
		if (!frame_ok((unsigned long)regs + 12, fp) ||
		    !frame_ok((unsigned long)regs + sizeof(*regs) - 4, fp))
			return UNWIND_LAST;
		f->regs = regs;
		if (user_mode(regs))
			return UNWIND_USER;
		f->low = (unsigned long)regs;
		f->pc = regs->ARM_pc;
		f->fp = regs->ARM_fp;
		return UNWIND_EXCEPTION;
	}
	if (next <= fp)
		return UNWIND_LAST;
	f->low = fp;
	f->pc = f->lr;
	f->fp = next;
	return UNWIND_CALL;
}

void dump_backtrace(unsigned long pc, unsigned long fp)
{
	struct stackframe f = { .pc = pc, .fp = fp,
				.low = (unsigned long)current_thread_info() };
	int depth;

	printk(KERN_EMERG "Backtrace:\n");
	for (depth = 0; depth < BACKTRACE_DEPTH; depth++) {
		unsigned long from = f.pc;
		enum unwind_step step = unwind_frame(&f);

		if (step == UNWIND_END)
			break;
		printk(KERN_EMERG "[<%08lx>] (%ps) from [<%08lx>] (%pS)\n",
		       from, (void *)from, f.lr, (void *)f.lr);
		if (step == UNWIND_LAST)
			break;
		if (step == UNWIND_USER) {
			printk(KERN_EMERG "Exception from user mode at pc %08lx, sp %08lx\n",
			       f.regs->ARM_pc, f.regs->ARM_sp);
			break;
		}
		if (step == UNWIND_EXCEPTION)
			printk(KERN_EMERG "Exception stack at %08lx, from pc [<%08lx>] (%pS)\n",
			       (unsigned long)f.regs, f.pc, (void *)f.pc);
	}
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skip)
{
	struct stackframe f = { .pc = (unsigned long)stack_trace_save,
				.fp = (unsigned long)__builtin_frame_address(0),
				.low = (unsigned long)current_thread_info() };
	unsigned int n = 0;

	while (n < size) {
		enum unwind_step step = unwind_frame(&f);
		unsigned long addr;

		if (step == UNWIND_END || step == UNWIND_USER)
			break;
		/* the interrupted instruction rather than the entry code's return */
		addr = step == UNWIND_EXCEPTION ? f.pc : f.lr;
		if (!addr)
			break;		/* a kernel thread's first frame: nothing called it */
		if (skip)
			skip--;
		else
			store[n++] = addr;
		if (step == UNWIND_LAST)
			break;
	}
	return n;
}

void dump_stack(void)
{
	dump_backtrace((unsigned long)dump_stack,
		       (unsigned long)__builtin_frame_address(0));
}

/*
 * Per CPU, the stack an exception moves to when the kernel's sp ran off
 * a vmalloc'ed task stack (entry-armv.S): a thread_union, whose
 * thread_info handle_bad_stack() fills in so that "current" means the
 * task that overflowed while the oops is printed from here.
 */
union thread_union overflow_stack[NR_CPUS] __aligned(THREAD_SIZE);

/*
 * Linux's report of a kernel stack overflow, from the overflow stack. The
 * overflowed task is found by its stack (the one just above the bad sp),
 * not through its thread_info: that sits at the bottom of the stack and
 * was likely overwritten on the way down.
 */
void __noreturn handle_bad_stack(struct pt_regs *regs)
{
	unsigned long stack = (regs->ARM_sp | (THREAD_SIZE - 1)) + 1;
	struct thread_info *ti = current_thread_info();
	struct task_struct *t;

	ti->cpu = raw_smp_processor_id();
	ti->task = &init_task;
	list_for_each_entry(t, &task_list, tasks)
		if ((unsigned long)t->stack == stack)
			ti->task = t;
	printk(KERN_EMERG "Insufficient stack space to handle exception!\n");
	printk(KERN_EMERG "Task stack:     [0x%08lx..0x%08lx]\n", stack, stack + THREAD_SIZE);
	printk(KERN_EMERG "Overflow stack: [0x%08lx..0x%08lx]\n",
	       (unsigned long)ti, (unsigned long)ti + THREAD_SIZE);
	die("kernel stack overflow", regs, 0);
}

static int die_counter;

void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err)
{
	struct task_struct *tsk = current;

	printk(KERN_EMERG "Internal error: %s: %lx [#%d] ARM\n", str, err,
	       ++die_counter);
	printk(KERN_EMERG "CPU: %d PID: %d Comm: %s\n",
	       current_thread_info()->cpu, tsk->pid, tsk->comm);
	show_regs(regs);
	dump_backtrace(regs->ARM_pc, regs->ARM_fp);
	printk(KERN_EMERG "---[ end trace %016x ]---\n", die_counter);
	panic("Fatal exception");
}

/*
 * The processor leaves the undefined instruction's address + 4 in ARM
 * state but + 2 in Thumb state (for 16- and 32-bit instructions alike):
 * the pc reported, signalled and looked up for a fixup is the
 * instruction itself.
 */
void do_undefinstr(struct pt_regs *regs)
{
	regs->ARM_pc -= (regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4;
	if (user_mode(regs)) {
		if (vfp_handle_undef(regs))
			return;		/* the unit is on now: retry it */
		force_sig_fault(SIGILL, ILL_ILLOPC, regs->ARM_pc, regs);
		return;
	}
	if (fixup_exception(regs, "undefined instruction", 0, 0))
		return;
	die("Oops - undefined instruction", regs, 0);
}

void do_bad_vector(struct pt_regs *regs)
{
	die("Oops - reset or reserved vector", regs, 0);
}

void do_FIQ(struct pt_regs *regs)
{
	die("Oops - FIQ (never enabled)", regs, 0);
}

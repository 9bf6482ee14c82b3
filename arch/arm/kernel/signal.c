// SPDX-License-Identifier: GPL-2.0
/*
 * Signal frames on the user stack, laid out as Linux's on ARM: a
 * handler without SA_SIGINFO gets a struct sigframe (a ucontext and
 * the return code), one with it a struct rt_sigframe (a siginfo before
 * that). The ucontext holds the interrupted registers (sigcontext), the
 * mask to restore and, in uc_regspace, a dummy iWMMXt block (Debian's
 * kernel has iWMMXt support built in and writes one on every other
 * CPU), the VFP registers as a vfp_sigframe, and a zero word. A frame
 * without the dummy block is read with the VFP block first, as Linux
 * reads it. The handler returns to
 * sa_restorer (SA_RESTORER) or to the kernel's return code in the
 * process's [sigpage], which calls sigreturn/rt_sigreturn: one page of
 * the kernel image that exec maps into every mm (Linux's
 * arch_setup_additional_pages), wherever a free page is. Invariant: nothing
 * read back from a frame reaches the registers unless it is all valid:
 * user mode, interrupts on, the VFP block's magic and size intact;
 * otherwise the task gets SIGSEGV.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/sigcontext.h>
#include <asm/vfp.h>

/* The return codes, as words: ARM is two, Thumb's two halfwords are one */
#define MOV_R7_SIGRETURN	0xe3a07077	/* mov r7, #119 */
#define MOV_R7_RT_SIGRETURN	0xe3a070ad	/* mov r7, #173 */
#define SVC_0			0xef000000	/* svc #0 */
#define THUMB_SIGRETURN		0xdf002777	/* movs r7, #119; svc #0 */
#define THUMB_RT_SIGRETURN	0xdf0027ad	/* movs r7, #173; svc #0 */
#define UNDEF_INSN		0xe7fddef1	/* permanently undefined: a stray jump traps */

/* Their offsets in [sigpage] */
#define SIGRETURN_ARM		0
#define SIGRETURN_THUMB		8
#define RT_SIGRETURN_ARM	12
#define RT_SIGRETURN_THUMB	20

#define VFP_MAGIC		0x56465001
#define DUMMY_MAGIC		0xb0d9ed01	/* an iWMMXt block with nothing in it */
#define IWMMXT_STORAGE_SIZE	160
#define PSR_IT_MASK		0x0600fc00	/* the Thumb IT state, both halves */

struct user_vfp {
	u64 fpregs[32];
	u32 fpscr;
};

struct user_vfp_exc {
	u32 fpexc, fpinst, fpinst2;
};

struct vfp_sigframe {
	unsigned long magic, size;
	struct user_vfp ufp;
	struct user_vfp_exc ufp_exc;
} __aligned(8);

struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
	int unused[32 - sizeof(u64) / sizeof(int)];	/* room for a libc's bigger sigset */
	unsigned long uc_regspace[128] __aligned(8);
};

struct siginfo {
	struct kernel_siginfo head;
	u32 rest[(128 - sizeof(struct kernel_siginfo)) / 4];
};

struct sigframe {
	struct ucontext uc;
	unsigned long retcode[4];
};

struct rt_sigframe {
	struct siginfo info;
	struct sigframe sig;
};

/* Linux's layout, which handlers read: checked as the kernel builds */
#define sc_offset(f)	__builtin_offsetof(struct sigcontext, f)
_Static_assert(sc_offset(oldmask) == 8 && sc_offset(arm_r0) == 12 &&
	       sc_offset(arm_fp) == 56 && sc_offset(arm_sp) == 64 &&
	       sc_offset(arm_pc) == 72 && sc_offset(arm_cpsr) == 76 &&
	       sc_offset(fault_address) == 80 && sizeof(struct sigcontext) == 84,
	       "sigcontext");
_Static_assert(sizeof(struct siginfo) == 128, "siginfo is 128 bytes");
_Static_assert(sizeof(struct vfp_sigframe) == 288, "Linux's VFP_STORAGE_SIZE");
_Static_assert(__builtin_offsetof(struct ucontext, uc_mcontext) == 20, "sigcontext");
_Static_assert(__builtin_offsetof(struct ucontext, uc_sigmask) == 104, "uc_sigmask");
_Static_assert(__builtin_offsetof(struct ucontext, uc_regspace) == 232, "uc_regspace");
_Static_assert(sizeof(struct ucontext) == 744 && sizeof(struct sigframe) == 760 &&
	       __builtin_offsetof(struct rt_sigframe, sig.uc) == 128, "frames");
_Static_assert(IWMMXT_STORAGE_SIZE + sizeof(struct vfp_sigframe) + 4 <=
	       sizeof(((struct ucontext *)0)->uc_regspace), "uc_regspace holds the blocks");

/*
 * [sigpage]: the same page in every process, read-only and executable,
 * made at the first exec and kept for good (this reference is never
 * dropped), never written after (a private copy is made if mprotect
 * lets a process write it). Its first words are the return codes at
 * the offsets above.
 */
static struct page *signal_page;

static struct page *get_signal_page(void)
{
	static const u32 codes[] = {
		[SIGRETURN_ARM / 4] = MOV_R7_SIGRETURN, SVC_0,
		[SIGRETURN_THUMB / 4] = THUMB_SIGRETURN,
		[RT_SIGRETURN_ARM / 4] = MOV_R7_RT_SIGRETURN, SVC_0,
		[RT_SIGRETURN_THUMB / 4] = THUMB_RT_SIGRETURN,
	};
	struct page *page = alloc_page(GFP_KERNEL);
	u32 *p;
	size_t i;

	if (!page)
		return NULL;
	p = page_address(page);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = i < ARRAY_SIZE(codes) ? codes[i] : UNDEF_INSN;
	flush_icache_range((unsigned long)p, (unsigned long)p + PAGE_SIZE);
	return page;
}

static int sigpage_fault(struct vm_fault *vmf)
{
	vmf->page = signal_page;
	get_page(vmf->page);
	return 0;
}

/* The handlers return to where the page went, as on Linux. */
static void sigpage_mremap(struct vm_area_struct *new_vma)
{
	new_vma->vm_mm->sigpage = new_vma->vm_start;
}

static const char *sigpage_name(struct vm_area_struct *vma)
{
	(void)vma;
	return "[sigpage]";
}

static const struct vm_operations_struct sigpage_vm_ops = {
	.fault = sigpage_fault,
	.mremap = sigpage_mremap,
	.name = sigpage_name,
};

/*
 * Linux hints at a random page above the stack, which in Pagoda ends
 * at TASK_SIZE: the page goes where mmap would put it. VM_DONTEXPAND:
 * mremap cannot grow it (EFAULT); VM_MAYWRITE, as Linux, lets
 * mprotect make it writable (then copied on write).
 */
int arch_setup_additional_pages(struct mm_struct *mm)
{
	unsigned long flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE |
			      VM_MAYEXEC | VM_DONTEXPAND;
	unsigned long addr = get_unmapped_area(mm, 0, PAGE_SIZE, 0, 0);
	struct vm_area_struct *vma;
	int err;

	if (!signal_page)
		signal_page = get_signal_page();
	if (!signal_page)
		return -ENOMEM;
	if (IS_ERR_VALUE(addr))
		return addr;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + PAGE_SIZE;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vma->vm_ops = &sigpage_vm_ops;
	err = insert_vm_struct(mm, vma);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	mm->sigpage = addr;
	return 0;
}

bool on_sig_stack(unsigned long sp)
{
	struct task_struct *tsk = current;

	return tsk->sas_ss_size && sp - tsk->sas_ss_sp <= tsk->sas_ss_size &&
	       sp > tsk->sas_ss_sp;
}

static void preserve_frame(struct ucontext *uc, u64 oldset, struct pt_regs *regs,
			   const struct kernel_siginfo *info)
{
	struct task_struct *tsk = current;
	struct vfp_hard_state *vfp = &current_thread_info()->vfpstate;
	unsigned long *aux = uc->uc_regspace;
	struct vfp_sigframe *vf = (void *)((char *)aux + IWMMXT_STORAGE_SIZE);
	unsigned long *r = &uc->uc_mcontext.arm_r0;
	int i;

	uc->uc_stack.ss_sp = (void *)tsk->sas_ss_sp;
	uc->uc_stack.ss_size = tsk->sas_ss_size;
	uc->uc_stack.ss_flags = !tsk->sas_ss_size ? SS_DISABLE :
				on_sig_stack(regs->ARM_sp) ? SS_ONSTACK : 0;
	for (i = 0; i < 16; i++)
		r[i] = regs->uregs[i];
	uc->uc_mcontext.arm_cpsr = regs->ARM_cpsr;
	uc->uc_mcontext.oldmask = (u32)oldset;
	if (info->si_signo == SIGSEGV || info->si_signo == SIGBUS ||
	    info->si_signo == SIGILL)
		uc->uc_mcontext.fault_address = info->fields[0];
	uc->uc_sigmask = oldset;

	aux[0] = DUMMY_MAGIC;
	aux[1] = IWMMXT_STORAGE_SIZE;
	vfp_sync_hwstate();
	vf->magic = VFP_MAGIC;
	vf->size = sizeof(*vf);
	memcpy(vf->ufp.fpregs, vfp->fpregs, sizeof(vf->ufp.fpregs));
	vf->ufp.fpscr = vfp->fpscr;
	vf->ufp_exc.fpexc = vfp->fpexc;
	/* then a zero word: the end of the coprocessor blocks (already zero) */
}

int setup_signal_frame(int sig, struct kernel_siginfo *info, struct k_sigaction *ka,
		       u64 oldset, struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	bool rt = ka->flags & SA_SIGINFO, thumb = ka->handler & 1;
	struct rt_sigframe frame;
	unsigned long sp = regs->ARM_sp, base, retcode;
	struct sigframe *sf;
	size_t len;

	if ((ka->flags & SA_ONSTACK) && tsk->sas_ss_size && !on_sig_stack(sp))
		sp = tsk->sas_ss_sp + tsk->sas_ss_size;
	len = rt ? sizeof(struct rt_sigframe) : sizeof(struct sigframe);
	base = (sp - len) & ~7UL;
	if (base > sp)
		return -EFAULT;

	memset(&frame, 0, sizeof(frame));
	frame.info.head = *info;
	frame.info.head.si_signo = sig;
	sf = &frame.sig;
	preserve_frame(&sf->uc, oldset, regs, info);
	retcode = tsk->mm->sigpage;
	if (rt) {
		sf->retcode[0] = thumb ? THUMB_RT_SIGRETURN : MOV_R7_RT_SIGRETURN;
		sf->retcode[1] = thumb ? 0 : SVC_0;
		retcode += thumb ? RT_SIGRETURN_THUMB + 1 : RT_SIGRETURN_ARM;
	} else {
		sf->retcode[0] = thumb ? THUMB_SIGRETURN : MOV_R7_SIGRETURN;
		sf->retcode[1] = thumb ? 0 : SVC_0;
		retcode += thumb ? SIGRETURN_THUMB + 1 : SIGRETURN_ARM;
	}
	if (ka->flags & SA_RESTORER)
		retcode = ka->restorer;
	if (copy_to_user((void *)base, rt ? (void *)&frame : (void *)sf, len))
		return -EFAULT;

	regs->ARM_r0 = sig;
	if (rt) {
		regs->uregs[1] = base + offsetof(struct rt_sigframe, info);
		regs->uregs[2] = base + offsetof(struct rt_sigframe, sig.uc);
	}
	regs->ARM_sp = base;
	regs->ARM_lr = retcode;
	regs->ARM_pc = ka->handler & ~1UL;
	regs->ARM_cpsr &= ~(PSR_T_BIT | PSR_IT_MASK | PSR_E_BIT);
	if (thumb)
		regs->ARM_cpsr |= PSR_T_BIT;
	return 0;
}

/* The registers, mask and VFP state of the frame at @uc; false if it is not valid. */
static bool restore_frame(struct ucontext *uuc, struct pt_regs *regs)
{
	struct vfp_hard_state *vfp = &current_thread_info()->vfpstate;
	struct ucontext uc;
	struct vfp_sigframe *vf = (struct vfp_sigframe *)uc.uc_regspace;
	unsigned long *r = &uc.uc_mcontext.arm_r0;
	unsigned long cpsr;
	int i;

	if (copy_from_user(&uc, uuc, sizeof(uc)))
		return false;
	if (uc.uc_regspace[0] == DUMMY_MAGIC && uc.uc_regspace[1] == IWMMXT_STORAGE_SIZE)
		vf = (void *)((char *)uc.uc_regspace + IWMMXT_STORAGE_SIZE);
	cpsr = uc.uc_mcontext.arm_cpsr;
	if ((cpsr & MODE_MASK) != USR_MODE ||
	    (cpsr & (PSR_I_BIT | PSR_F_BIT | PSR_A_BIT)))
		return false;
	if (vf->magic != VFP_MAGIC || vf->size != sizeof(*vf))
		return false;

	current->blocked = uc.uc_sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	for (i = 0; i < 16; i++)
		regs->uregs[i] = r[i];
	regs->ARM_cpsr = cpsr;
	vfp_sync_hwstate();
	memcpy(vfp->fpregs, vf->ufp.fpregs, sizeof(vfp->fpregs));
	vfp->fpscr = vf->ufp.fpscr;
	return true;
}

/*
 * Both return the interrupted r0, so that the system call's exit leaves
 * the registers as restored; the frame is where sp points as the
 * handler returns, 8-byte aligned as it was built.
 */
static long do_sigreturn(struct pt_regs *regs, unsigned long uc)
{
	current->restart_block.fn = NULL;	/* an old restart is not ours to finish */
	if ((regs->ARM_sp & 7) || !restore_frame((struct ucontext *)uc, regs)) {
		force_fatal_sig(SIGSEGV);
		return regs->ARM_r0;
	}
	if (signal_pending(current))
		set_tsk_thread_flag(current, TIF_SIGPENDING);
	return regs->ARM_r0;
}

long sys_sigreturn(struct pt_regs *regs)
{
	return do_sigreturn(regs, regs->ARM_sp + offsetof(struct sigframe, uc));
}

long sys_rt_sigreturn(struct pt_regs *regs)
{
	return do_sigreturn(regs, regs->ARM_sp + offsetof(struct rt_sigframe, sig.uc));
}

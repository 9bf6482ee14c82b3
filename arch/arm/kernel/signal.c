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
 * vectors page, which calls sigreturn/rt_sigreturn. Invariant: nothing
 * read back from a frame reaches the registers unless it is all valid:
 * user mode, interrupts on, the VFP block's magic and size intact;
 * otherwise the task gets SIGSEGV.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/sigcontext.h>
#include <asm/vfp.h>

/* entry-armv.S puts the return codes at this offset of the vectors page */
#define SIGRETURN_CODE		(VECTORS_BASE + 0x500)
#define SIGRETURN_ARM		0	/* mov r7, #119; svc #0 */
#define SIGRETURN_THUMB		8	/* movs r7, #119; svc #0 */
#define RT_SIGRETURN_ARM	12	/* mov r7, #173; svc #0 */
#define RT_SIGRETURN_THUMB	20	/* movs r7, #173; svc #0 */

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
	if (rt) {
		sf->retcode[0] = thumb ? 0xdf0027ad : 0xe3a070ad;
		sf->retcode[1] = thumb ? 0 : 0xef000000;
		retcode = SIGRETURN_CODE + (thumb ? RT_SIGRETURN_THUMB + 1 : RT_SIGRETURN_ARM);
	} else {
		sf->retcode[0] = thumb ? 0xdf002777 : 0xe3a07077;
		sf->retcode[1] = thumb ? 0 : 0xef000000;
		retcode = SIGRETURN_CODE + (thumb ? SIGRETURN_THUMB + 1 : SIGRETURN_ARM);
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

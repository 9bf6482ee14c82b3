/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception vectors and entry.
 *
 * The vector page at 0xffff0000 holds eight "ldr pc" that jump to the
 * stubs below. Each stub runs in its exception mode only long enough to
 * save r0, the return address and the SPSR in that mode's small save
 * area, then switches to SVC mode and builds a struct pt_regs on the
 * SVC stack of whatever was interrupted (a task's kernel stack), so all
 * C handlers run in SVC mode with a complete register frame. IRQs stay
 * masked throughout, so exceptions do not nest except for faults taken
 * on purpose inside a handler.
 *
 * The frame is Linux's struct svc_pt_regs: the pt_regs, then the DACR
 * of the interrupted context. Every entry closes user memory to the
 * kernel (asm/domain.h); a return into the kernel puts back the DACR it
 * interrupted (a user access in progress reopens), a return to user mode
 * opens user memory again. A user task's frame sits SVC_REGS_SIZE below
 * its stack's top.
 *
 * Task stacks are vmalloc'ed at a THREAD_ALIGN boundary (process.c): a
 * frame whose sp has bit THREAD_SIZE set is off the bottom of a stack
 * unless sp is in the linear map (the boot task's stack, or an overflow
 * stack), as Linux's VMAP_STACK entry checks. Nothing is stored there:
 * the frame goes on this CPU's overflow stack and handle_bad_stack()
 * reports it, instead of the store faulting again and again.
 */
#include <asm/domain.h>
#include <asm/ptrace.h>
#include <asm/memory.h>
#include <asm/thread_info.h>
#include <linux/threads.h>

#define MODE_SAVE	20	/* an exception mode's save area: r0, pc, cpsr, ip, sp */

	.syntax unified
	.arm

/*
 * Call-frame information for debuggers: gdb's `bt` from a handler goes
 * through the stub into the interrupted code. Each stub is described as
 * a signal frame (the interrupted pc is the faulting instruction, not a
 * return address) whose caller's registers all sit in the struct pt_regs
 * at sp: r0-r12, sp, lr and pc at their S_* offsets. Kept in
 * .debug_frame, which the image does not load.
 */
	.cfi_sections	.debug_frame

	.macro	regs_frame_cfi
	.cfi_def_cfa	sp, 0
	.cfi_offset	r0, S_R0
	.cfi_offset	r1, S_R0 + 4
	.cfi_offset	r2, S_R0 + 8
	.cfi_offset	r3, S_R0 + 12
	.cfi_offset	r4, S_R0 + 16
	.cfi_offset	r5, S_R0 + 20
	.cfi_offset	r6, S_R0 + 24
	.cfi_offset	r7, S_R0 + 28
	.cfi_offset	r8, S_R0 + 32
	.cfi_offset	r9, S_R0 + 36
	.cfi_offset	r10, S_R0 + 40
	.cfi_offset	r11, S_R0 + 44
	.cfi_offset	r12, S_IP
	.cfi_offset	sp, S_SP
	.cfi_offset	lr, S_LR
	.cfi_offset	pc, S_PC
	.endm

	/* a procedure whose caller is the frame at sp, once regs_frame_cfi said so */
	.macro	exception_cfi_start
	.cfi_startproc
	.cfi_signal_frame
	.cfi_return_column pc
	.cfi_undefined	pc
	.endm

/*
 * The vectors page, copied whole to VECTORS_BASE by early_trap_init():
 * the vector table at its start, the kuser helpers at its end. The
 * literal words hold absolute (virtual) addresses, so the copy jumps to
 * the kernel's stubs wherever it sits.
 */
	.section .vectors, "a"
	.globl	__vectors_start
vectors:
	ldr	pc, .Lv_rst
	ldr	pc, .Lv_und
	ldr	pc, .Lv_swi
	ldr	pc, .Lv_pabt
	ldr	pc, .Lv_dabt
	ldr	pc, .Lv_rsvd
	ldr	pc, .Lv_irq
	ldr	pc, .Lv_fiq
.Lv_rst:	.word	vector_rst
.Lv_und:	.word	vector_und
.Lv_swi:	.word	vector_swi
.Lv_pabt:	.word	vector_pabt
.Lv_dabt:	.word	vector_dabt
.Lv_rsvd:	.word	vector_rst
.Lv_irq:	.word	vector_irq
.Lv_fiq:	.word	vector_fiq

/*
 * The kuser helpers: code user programs call at fixed addresses (the
 * page is user-readable and executable), an ABI C libraries rely on for
 * atomics and TLS on CPUs without them, and still use on ARMv7. Each
 * sits in a 32-byte slot at a fixed offset from the page end and uses
 * only pc-relative branches. Both cmpxchg return r0 = 0 with C set when
 * the store happened, non-zero with C clear when *ptr differed; they
 * may clobber r3, ip and the flags, and are full barriers.
 */
	.org	0xf60
__kuser_cmpxchg64:			@ 0xffff0f60 (r0 = &old, r1 = &new, r2 = ptr)
	push	{r4 - r7}
	ldrd	r4, r5, [r0]
	ldrd	r6, r7, [r1]
	dmb	ish
1:	ldrexd	r0, r1, [r2]
	eors	r3, r0, r4
	eorseq	r3, r1, r5		@ Z: both words match
	strexdeq r3, r6, r7, [r2]
	teqeq	r3, #1			@ the store lost its reservation:
	beq	1b			@ read again
	rsbs	r0, r3, #0		@ r3 = 0 exactly when it stored
	pop	{r4 - r7}
	b	__kuser_memory_barrier

	.org	0xfa0
__kuser_memory_barrier:			@ 0xffff0fa0
	dmb	ish
	bx	lr

	.org	0xfc0
__kuser_cmpxchg:			@ 0xffff0fc0 (r0 = old, r1 = new, r2 = ptr)
	dmb	ish
1:	ldrex	r3, [r2]
	subs	r3, r3, r0
	strexeq	ip, r1, [r2]
	teqeq	ip, #1
	beq	1b
	rsbs	r0, r3, #0
	b	__kuser_memory_barrier	@ 8 instructions: the slot is full

	.org	0xfe0
__kuser_get_tls:			@ 0xffff0fe0: r0 = TPIDRURO
	mrc	p15, 0, r0, c13, c0, 3
	bx	lr

	.org	0xffc
__kuser_helper_version:			@ 0xffff0ffc: how many 32-byte slots
	.word	(0x1000 - 0xf60) >> 5
	.text

/*
 * vector_stub NAME, CORRECTION, HANDLER: lr - CORRECTION is where the
 * interrupted code resumes (or the faulting instruction). Builds the
 * frame, calls HANDLER(regs) in SVC mode and returns through it. Each
 * mode's save area (MODE_SAVE bytes) holds r0, pc and cpsr as
 * interrupted, then room for ip and sp should the SVC stack be bad.
 * With BKL, an entry from user mode first takes the big kernel lock
 * (linux/smp_lock.h); an interrupt takes it only if it has work to do
 * on the way out (ret_to_user), an abort only for what is not a page
 * fault (arch/arm/mm/fault.c takes it). RET is where the handler
 * returns to.
 */
	.macro	vector_stub, name, correction, handler, bkl=0, ret=ret_from_exception
	.align	5
vector_\name:
	exception_cfi_start
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	stmia	sp, {r0, lr}			@ this mode's stack: r0, pc,
	mrs	lr, spsr
	str	lr, [sp, #8]			@ and the interrupted cpsr
	mov	r0, sp
	cps	#SVC_MODE
	sub	sp, sp, #SVC_REGS_SIZE
	tst	sp, #THREAD_SIZE		@ off a vmalloc'ed stack?
	beq	.Lstack_ok\@
	str	ip, [r0, #12]			@ a scratch register
	ldr	ip, =vmalloc_start
	ldr	ip, [ip]
	cmp	sp, ip
	ldrlo	ip, [r0, #12]
	blo	.Lstack_ok\@			@ a linear-map stack: not one of those
	add	sp, sp, #SVC_REGS_SIZE
	b	__bad_stack
.Lstack_ok\@:
	tst	sp, #4				@ AAPCS wants 8-byte alignment:
	subne	sp, sp, #4			@ Z says whether we padded
	stmib	sp, {r1 - r12}
	add	r9, sp, #SVC_REGS_SIZE
	addne	r9, r9, #4			@ r9 = SVC sp as interrupted
	ldmia	r0, {r3 - r5}			@ r0, pc, cpsr as interrupted
	str	r3, [sp, #S_R0]
	mov	r6, #-1				@ orig_r0: not a system call
	add	r7, sp, #S_PC
	stmia	r7, {r4 - r6}
	mrc	p15, 0, r6, c3, c0, 0		@ the DACR as interrupted
	str	r6, [sp, #SVC_DACR]
	uaccess_disable r6
	and	r8, r5, #MODE_MASK
	cmp	r8, #USR_MODE
	addeq	r7, sp, #S_SP
	stmiaeq	r7, {sp, lr}^			@ from user: user sp, lr
	strne	r9, [sp, #S_SP]			@ from SVC: SVC sp, lr
	strne	lr, [sp, #S_LR]
	regs_frame_cfi
	.if	\bkl
	bleq	kernel_lock_user_entry		@ Z still says: from user mode
	.endif
	mov	r0, sp
	bl	\handler
	b	\ret
	.cfi_endproc
	.ltorg
	.endm

.Lentry_text_start:
	vector_stub	rst, 0, do_bad_vector
	vector_stub	und, 0, do_undefinstr, 1	@ 2 or 4 past it: do_undefinstr knows
	@ aborts: a user page fault runs without the big lock (arch/arm/mm/fault.c)
	vector_stub	pabt, 4, do_PrefetchAbort
	vector_stub	dabt, 8, do_DataAbort
	vector_stub	irq, 4, do_IRQ, ret=ret_from_irq
	vector_stub	fiq, 4, do_FIQ

/*
 * From a stub whose SVC sp (as interrupted, now in sp) ran off its stack:
 * r0 is the mode's save area, ip saved there. The frame goes on this
 * CPU's overflow stack (a thread_union, so sp masking finds a
 * thread_info there for handle_bad_stack to fill in), the bad sp in it.
 */
__bad_stack:
	str	sp, [r0, #16]
	mrc	p15, 0, ip, c13, c0, 4		@ TPIDRPRW: this CPU's number
	ldr	sp, =overflow_stack + THREAD_SIZE
	add	sp, sp, ip, lsl #(THREAD_SIZE_ORDER + PAGE_SHIFT)
	ldr	ip, [r0, #12]
	sub	sp, sp, #SVC_REGS_SIZE
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}			@ r0, pc, cpsr as interrupted
	str	r3, [sp, #S_R0]
	ldr	r3, [r0, #16]
	str	r3, [sp, #S_SP]
	str	lr, [sp, #S_LR]
	mov	r6, #-1
	add	r7, sp, #S_PC
	stmia	r7, {r4 - r6}
	mov	r0, sp
	bl	handle_bad_stack		@ does not return
	.ltorg

/*
 * System calls arrive in SVC mode already, from user mode: the frame
 * goes straight onto the task's kernel stack, which is empty.
 */
	.align	5
vector_swi:
	exception_cfi_start
	sub	sp, sp, #SVC_REGS_SIZE
	stmia	sp, {r0 - r12}
	add	r8, sp, #S_SP
	stmia	r8, {sp, lr}^
	uaccess_disable r8			@ (user mode had it open)
	mrs	r8, spsr
	str	lr, [sp, #S_PC]
	str	r8, [sp, #S_PSR]
	str	r0, [sp, #S_OLD_R0]
	regs_frame_cfi
	bl	kernel_lock_user_entry
	mov	r0, sp
	bl	do_swi
	b	ret_from_exception
	.cfi_endproc

/*
 * An interrupt's way back. Into kernel code, it is where that code is
 * preempted (linux/preempt.h): if the task asked to be switched out
 * (TIF_NEED_RESCHED) and its preempt_count is 0, preempt_schedule_irq()
 * switches it out here, with its registers in this frame, unless it
 * holds the big kernel lock. The interrupted code had interrupts
 * enabled, or the interrupt would not have been taken.
 */
ret_from_irq:
	exception_cfi_start
	regs_frame_cfi
	ldr	r1, [sp, #S_PSR]
	and	r1, r1, #MODE_MASK
	cmp	r1, #USR_MODE
	beq	ret_to_user
	mov	r2, sp
	bic	r2, r2, #(THREAD_SIZE - 1) & 0xff00
	bic	r2, r2, #(THREAD_SIZE - 1) & 0x00ff
	ldr	r0, [r2, #TI_PREEMPT]
	ldr	r1, [r2, #TI_FLAGS]
	teq	r0, #0
	movne	r1, #0
	tst	r1, #_TIF_NEED_RESCHED
	blne	preempt_schedule_irq		@ returns with interrupts masked
	b	ret_to_kernel
	.cfi_endproc

/*
 * Leaves through the frame at sp: back into the kernel with everything,
 * sp included, reloaded in one ldm; or to user mode, after any pending
 * work (a reschedule, a signal) is done, with the user sp and lr
 * reloaded from their bank.
 *
 * Every exit clears this CPU's exclusive monitor first. The code resumed
 * may sit between an ldrex and its strex, and meanwhile the handler, or
 * the other tasks a switch ran, may have taken the reservation (ARMv7
 * wants it cleared at least on each context switch): its strex must fail
 * and retry, not store. A strex whose store is harmless clears it (Linux
 * uses one rather than clrex for Cortex-A15 erratum 830321): below the
 * kernel's sp, or onto the pc slot of the frame once the pc is loaded.
 */
	.globl	ret_from_exception
ret_from_exception:
	exception_cfi_start
	regs_frame_cfi
	ldr	r1, [sp, #S_PSR]
	and	r1, r1, #MODE_MASK
	cmp	r1, #USR_MODE
	beq	ret_to_user
ret_to_kernel:
	ldr	r1, [sp, #SVC_DACR]
	mcr	p15, 0, r1, c3, c0, 0		@ the DACR as interrupted
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	sub	r0, sp, #4
	strex	r1, r2, [r0]			@ clear the exclusive monitor
	ldmia	sp, {r0 - pc}^

	.globl	ret_to_user
ret_to_user:
	cpsid	i
	mov	r2, sp
	bic	r2, r2, #(THREAD_SIZE - 1) & 0xff00
	bic	r2, r2, #(THREAD_SIZE - 1) & 0x00ff
	ldr	r1, [r2, #TI_FLAGS]
	tst	r1, #_TIF_WORK_MASK
	beq	1f
	bl	kernel_lock_user_entry		@ an interrupt's work needs the lock
	mov	r0, sp
	bl	do_work_pending		@ with interrupts masked on return
	b	ret_to_user
1:	bl	kernel_unlock_user_exit
	uaccess_enable r1			@ user code reaches its pages
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	ldr	lr, [sp, #S_PC]
	add	r2, sp, #S_PC
	strex	r1, r2, [r2]			@ clear the exclusive monitor
	ldmia	sp, {r0 - lr}^
	nop
	add	sp, sp, #SVC_REGS_SIZE
	.cfi_def_cfa	sp, -SVC_REGS_SIZE
	movs	pc, lr
	.cfi_endproc

/*
 * __switch_to(prev, next): r0 and r1 are the thread_infos. Saves the
 * callee-saved registers, sp and the return address of prev, disables
 * the VFP unit (its next user traps and is given its own registers),
 * loads the TLS register and next's, and returns prev's task_struct in
 * next.
 */
	.globl	__switch_to
__switch_to:
	add	ip, r0, #TI_CPU_CONTEXT
	stmia	ip, {r4 - sl, fp, sp, lr}
	mov	r4, r0				@ saved above, reloaded from next
	mov	r5, r1
	bl	vfp_thread_switch
	mov	r0, r4
	mov	r1, r5
	@ the first read of next's stack, from prev's: if this mm's table
	@ lacks its vmalloc pgd entry, the fault (taken here) copies it
	ldr	r2, [r1, #TI_TP_VALUE]
	mcr	p15, 0, r2, c13, c0, 3		@ TPIDRURO: user TLS
	ldr	r0, [r0, #TI_TASK]
	add	ip, r1, #TI_CPU_CONTEXT
	ldmia	ip, {r4 - sl, fp, sp, pc}

/*
 * A new task's first return from __switch_to. r5 is the function of a
 * kernel thread (r4 its argument); it returns only when it has made
 * this task a user task (exec), which then leaves through its frame.
 */
	.globl	ret_from_fork
ret_from_fork:
	exception_cfi_start
	regs_frame_cfi			@ a kernel thread's frame is zeroes: pc 0 ends it
	bl	schedule_tail
	cmp	r5, #0
	beq	1f
	mov	r0, r4
	blx	r5
1:	b	ret_to_user
	.cfi_endproc
.Lentry_text_end:

/*
 * Where the code that calls C handlers with sp = a struct pt_regs lies:
 * a return address in it ends a frame that traps.c's backtrace crosses.
 * Data, so that no text symbol of the symbol table aliases a function.
 */
	.pushsection .rodata
	.align	2
	.globl	entry_text_range
entry_text_range:
	.word	.Lentry_text_start, .Lentry_text_end
	.popsection

/*
 * cpu_init_stacks(cpu): points each exception mode's banked sp at its
 * MODE_SAVE-byte save area for this CPU (irq, abt, und, fiq: 80 bytes a
 * CPU), then returns in SVC mode.
 */
	.globl	cpu_init_stacks
cpu_init_stacks:
	ldr	r1, =exception_stacks
	add	r0, r0, r0, lsl #2		@ cpu * 5
	add	r0, r1, r0, lsl #4		@ + cpu * 80
	mov	r1, #(IRQ_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #MODE_SAVE
	mov	r1, #(ABT_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #MODE_SAVE
	mov	r1, #(UND_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #MODE_SAVE
	mov	r1, #(FIQ_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	mov	r1, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	bx	lr

	.bss
	.align	3
exception_stacks:
	.space	NR_CPUS * 4 * MODE_SAVE

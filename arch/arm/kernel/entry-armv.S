/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception vectors and entry.
 *
 * The vector page at 0xffff0000 holds eight "ldr pc" that jump to the
 * stubs below. Each stub runs in its exception mode only long enough to
 * save r0, the return address and the SPSR in that mode's three-word
 * stack, then switches to SVC mode and builds a struct pt_regs on the
 * SVC stack of whatever was interrupted (a task's kernel stack), so all
 * C handlers run in SVC mode with a complete register frame. IRQs stay
 * masked throughout, so exceptions do not nest except for faults taken
 * on purpose inside a handler.
 */
#include <asm/ptrace.h>
#include <asm/memory.h>
#include <asm/thread_info.h>
#include <linux/threads.h>

#define _TIF_WORK_MASK	3	/* TIF_SIGPENDING | TIF_NEED_RESCHED */

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
 * The return from a signal handler without SA_RESTORER (arch/arm/kernel/
 * signal.c points lr here): sigreturn, then rt_sigreturn, each in ARM
 * and in Thumb for a Thumb handler. The page is user-executable.
 */
	.org	0x500
	.word	0xe3a07077, 0xef000000	@ mov r7, #119; svc #0
	.short	0x2777, 0xdf00		@ movs r7, #119; svc #0
	.word	0xe3a070ad, 0xef000000	@ mov r7, #173; svc #0
	.short	0x27ad, 0xdf00		@ movs r7, #173; svc #0

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
 * vector_stub NAME, CORRECTION, HANDLER, BKL: lr - CORRECTION is where
 * the interrupted code resumes (or the faulting instruction). Builds the
 * frame, calls HANDLER(regs) in SVC mode and returns through it. With
 * BKL, an entry from user mode first takes the big kernel lock
 * (linux/smp_lock.h); an interrupt takes it only if it has work to do
 * on the way out (ret_to_user).
 */
	.macro	vector_stub, name, correction, handler, bkl=0
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
	sub	sp, sp, #S_FRAME_SIZE
	tst	sp, #4				@ AAPCS wants 8-byte alignment:
	subne	sp, sp, #4			@ Z says whether we padded
	stmib	sp, {r1 - r12}
	add	r9, sp, #S_FRAME_SIZE
	addne	r9, r9, #4			@ r9 = SVC sp as interrupted
	ldmia	r0, {r3 - r5}			@ r0, pc, cpsr as interrupted
	str	r3, [sp, #S_R0]
	mov	r6, #-1				@ orig_r0: not a system call
	add	r7, sp, #S_PC
	stmia	r7, {r4 - r6}
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
	b	ret_from_exception
	.cfi_endproc
	.endm

.Lentry_text_start:
	vector_stub	rst, 0, do_bad_vector
	vector_stub	und, 0, do_undefinstr, 1	@ 2 or 4 past it: do_undefinstr knows
	vector_stub	pabt, 4, do_PrefetchAbort, 1
	vector_stub	dabt, 8, do_DataAbort, 1
	vector_stub	irq, 4, do_IRQ
	vector_stub	fiq, 4, do_FIQ

/*
 * System calls arrive in SVC mode already, from user mode: the frame
 * goes straight onto the task's kernel stack, which is empty.
 */
	.align	5
vector_swi:
	exception_cfi_start
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0 - r12}
	add	r8, sp, #S_SP
	stmia	r8, {sp, lr}^
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
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	ldr	lr, [sp, #S_PC]
	add	r2, sp, #S_PC
	strex	r1, r2, [r2]			@ clear the exclusive monitor
	ldmia	sp, {r0 - lr}^
	nop
	add	sp, sp, #S_FRAME_SIZE
	.cfi_def_cfa	sp, -S_FRAME_SIZE
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
 * three-word save area for this CPU (irq, abt, und, fiq: 48 bytes a
 * CPU), then returns in SVC mode.
 */
	.globl	cpu_init_stacks
cpu_init_stacks:
	ldr	r1, =exception_stacks
	add	r0, r0, r0, lsl #1		@ cpu * 3
	add	r0, r1, r0, lsl #4		@ + cpu * 48
	mov	r1, #(IRQ_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #12
	mov	r1, #(ABT_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #12
	mov	r1, #(UND_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	add	r0, r0, #12
	mov	r1, #(FIQ_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	mov	sp, r0
	mov	r1, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r1
	bx	lr

	.bss
	.align	3
exception_stacks:
	.space	NR_CPUS * 4 * 12

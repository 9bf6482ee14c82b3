/*
 * clone(fn, stack, flags, arg, ptid, tls, ctid), as glibc has it: the
 * new task starts on @stack and runs fn(arg), then exit(1)s with its
 * result, which ends that task only. fn and arg go on the new stack
 * before the call, since the child shares no registers' worth of our
 * frame once it is on its own stack.
 */
	.syntax	unified
	.arm
	.text
	.globl	clone
	.type	clone, %function
clone:
	push	{r4, r7}
	stmdb	r1!, {r0, r3}		@ fn, arg: what the child pops
	mov	r0, r2			@ flags; r1 is the child's sp
	ldr	r2, [sp, #8]		@ ptid
	ldr	r3, [sp, #12]		@ tls
	ldr	r4, [sp, #16]		@ ctid
	mov	r7, #120		@ clone
	svc	#0
	cmp	r0, #0
	beq	1f
	pop	{r4, r7}
	cmn	r0, #4096		@ -4095..-1 is an error
	bxls	lr
	rsb	r0, r0, #0
	b	__set_errno		@ returns -1 to our caller
1:	pop	{r0, r1}		@ the child: fn, arg
	mov	r2, r0
	mov	r0, r1
	blx	r2
	mov	r7, #1			@ exit: this task only
	svc	#0
	b	.
	.size	clone, . - clone

	.section .note.GNU-stack, "", %progbits

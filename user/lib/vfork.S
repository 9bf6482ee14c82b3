/*
 * vfork(190) in assembly: the child runs on the parent's stack until it
 * execs or exits, so the wrapper must not keep anything on the stack
 * across the call (a C wrapper's frame would be reused by the child).
 */
	.syntax	unified
	.arm
	.text
	.globl	vfork
	.type	vfork, %function
vfork:
	mov	ip, r7			@ the kernel preserves ip across svc
	mov	r7, #190
	svc	#0
	mov	r7, ip
	cmn	r0, #4096		@ -4095..-1 is an error
	bxls	lr
	rsb	r0, r0, #0
	b	__set_errno		@ returns -1 to our caller
	.size	vfork, . - vfork

	.section .note.GNU-stack, "", %progbits

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User copies, a byte at a time. Each user load or store has an entry
 * in __ex_table; a fault there that the fault handler cannot resolve
 * resumes at the fixup, which returns how many bytes were left.
 */
	.syntax unified
	.arm
	.text

	.macro	uaccess insn, reg, addr, fixup
9999:	\insn	\reg, [\addr], #1
	.pushsection __ex_table, "a"
	.long	9999b, \fixup
	.popsection
	.endm

/* unsigned long __copy_from_user(void *to, const void *from, unsigned long n) */
	.globl	__copy_from_user
__copy_from_user:
	cmp	r2, #0
	beq	2f
1:	uaccess	ldrb, r3, r1, 3f
	strb	r3, [r0], #1
	subs	r2, r2, #1
	bne	1b
2:	mov	r0, #0
	bx	lr
3:	mov	r0, r2			@ bytes not copied
	bx	lr

/* unsigned long __copy_to_user(void *to, const void *from, unsigned long n) */
	.globl	__copy_to_user
__copy_to_user:
	cmp	r2, #0
	beq	2f
1:	ldrb	r3, [r1], #1
	uaccess	strb, r3, r0, 3f
	subs	r2, r2, #1
	bne	1b
2:	mov	r0, #0
	bx	lr
3:	mov	r0, r2
	bx	lr

/* unsigned long __clear_user(void *to, unsigned long n) */
	.globl	__clear_user
__clear_user:
	mov	r3, #0
	cmp	r1, #0
	beq	2f
1:	uaccess	strb, r3, r0, 3f
	subs	r1, r1, #1
	bne	1b
2:	mov	r0, #0
	bx	lr
3:	mov	r0, r1
	bx	lr

/* long __strncpy_from_user(char *dst, const char *src, long n) */
	.globl	__strncpy_from_user
__strncpy_from_user:
	mov	ip, #0			@ length so far
1:	cmp	ip, r2
	beq	2f
	uaccess	ldrb, r3, r1, 3f
	strb	r3, [r0], #1
	cmp	r3, #0
	beq	2f
	add	ip, ip, #1
	b	1b
2:	mov	r0, ip
	bx	lr
3:	mvn	r0, #13			@ -EFAULT
	bx	lr

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memset and memcpy for ARM: byte steps up to word alignment, then eight
 * registers at a time with stm/ldm (32 bytes per instruction), then the
 * tail. Page clearing and copying (faults, fork, exec) spend most of
 * their time here. With KASAN=1 they are __memset and __memcpy only:
 * mm/kasan/shadow.c's memset and memcpy check the ranges, then call them.
 */
	.syntax unified
	.arm
	.text

/* void *memset(void *s, int c, size_t n) */
	.globl	__memset
#ifndef CONFIG_KASAN
	.globl	memset
memset:
#endif
__memset:
	mov	ip, r0			@ the return value
	and	r1, r1, #0xff
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16
1:	cmp	r2, #0			@ bytes up to a word boundary
	bxeq	lr
	tst	r0, #3
	beq	2f
	strb	r1, [r0], #1
	sub	r2, r2, #1
	b	1b
2:	cmp	r2, #32
	blo	4f
	push	{r4 - r8, lr}
	mov	r3, r1
	mov	r4, r1
	mov	r5, r1
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	lr, r1
3:	stmia	r0!, {r1, r3 - r8, lr}
	sub	r2, r2, #32
	cmp	r2, #32
	bhs	3b
	pop	{r4 - r8, lr}
4:	cmp	r2, #4
	blo	5f
	str	r1, [r0], #4
	sub	r2, r2, #4
	b	4b
5:	cmp	r2, #0
	beq	6f
	strb	r1, [r0], #1
	sub	r2, r2, #1
	b	5b
6:	mov	r0, ip
	bx	lr

/* void *memcpy(void *dst, const void *src, size_t n) */
	.globl	__memcpy
#ifndef CONFIG_KASAN
	.globl	memcpy
memcpy:
#endif
__memcpy:
	push	{r0, r4 - r10, lr}
	orr	r3, r0, r1
	tst	r3, #3			@ both word aligned?
	bne	3f
1:	cmp	r2, #32
	blo	2f
	ldmia	r1!, {r3 - r10}
	stmia	r0!, {r3 - r10}
	sub	r2, r2, #32
	b	1b
2:	cmp	r2, #4
	blo	3f
	ldr	r3, [r1], #4
	str	r3, [r0], #4
	sub	r2, r2, #4
	b	2b
3:	cmp	r2, #0			@ bytes: the tail, or unaligned
	beq	4f
	ldrb	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	3b
4:	pop	{r0, r4 - r10, pc}

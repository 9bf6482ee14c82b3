/*
 * Process entry for static ARM EABI programs. Linux leaves sp pointing at
 * argc, followed by argv[], NULL, envp[], NULL and the auxv pairs; r0 may
 * hold a finaliser from a dynamic loader, which a static program ignores.
 */
	.syntax	unified
	.arm
	.cfi_sections .debug_frame	@ for debuggers only; stripped from the initramfs
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	.cfi_undefined lr		@ no caller: gdb's backtraces end here
	mov	fp, #0			@ outermost frame for backtraces
	mov	lr, #0
	ldr	r0, [sp]		@ argc
	add	r1, sp, #4		@ argv
	add	r2, r1, r0, lsl #2
	add	r2, r2, #4		@ envp = argv + argc + 1
	bic	sp, sp, #7		@ AAPCS: 8-byte aligned stack at calls
	bl	__libc_start		@ never returns
	mov	r0, #127
	mov	r7, #248		@ exit_group, should __libc_start return
	svc	#0
	b	.
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel entry, with the MMU off, following the Linux ARM boot protocol:
 * r0 = 0, r1 = machine id, r2 = physical address of the DTB.
 *
 * The image may have been loaded anywhere (QEMU: RAM + 0x10000, the Pi's
 * firmware: 0x8000); PHYS_OFFSET is the load address rounded down to
 * 128 MiB, and the image first moves itself to PHYS_OFFSET + TEXT_OFFSET
 * so that virtual = physical - PHYS_OFFSET + PAGE_OFFSET holds for it.
 * A loader that passes no device tree gets the one built into the image.
 * Then it builds swapper_pg_dir at PHYS_OFFSET + 0x4000 with 1 MiB
 * sections: an identity map of the code that turns the MMU on, the
 * kernel image at PAGE_OFFSET, and the DTB at FDT_FIXED_BASE, enables the
 * MMU and jumps to the virtual address of __mmap_switched.
 *
 * Secondary CPUs enter at secondary_startup, started by PSCI CPU_ON, and
 * turn the MMU on the same way with the page directory they are given.
 */
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/ptrace.h>
#include <asm/smp.h>
#include <asm/thread_info.h>

#define KERNEL_SECT_FLAGS (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | \
			   PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL))
#define FDT_SECT_FLAGS	(KERNEL_SECT_FLAGS | PMD_SECT_XN | PMD_SECT_APX)	/* read-only */

	/* the kernel's L1 table, 16 KiB below the image (as on Linux) */
	.globl	swapper_pg_dir
	.equ	swapper_pg_dir, PAGE_OFFSET + SWAPPER_PG_DIR_OFFSET

	.syntax unified
	.arch_extension virt

/* Leaves HYP mode if the firmware entered in it; SVC, all masked. r9 is scratch. */
	.macro	enter_svc_mode
	mrs	r9, cpsr
	and	r9, r9, #MODE_MASK
	cmp	r9, #HYP_MODE
	bne	.Lsvc\@
	mov	r9, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT | PSR_A_BIT)
	msr	spsr_cxsf, r9			@ SPSR_hyp: our own mode's
	adr	r9, .Lsvc\@
	msr	elr_hyp, r9
	eret
.Lsvc\@:
	cpsid	aif
	mov	r9, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT | PSR_A_BIT)
	msr	cpsr_c, r9
	.endm

	/* the MMU settings every CPU starts with: TTBR0 only (TTBCR.N = 0) */
	.macro	set_ttbr0_dacr, pgd_phys, tmp
	mov	\tmp, #0
	mcr	p15, 0, \tmp, c2, c0, 2		@ TTBCR
	orr	\tmp, \pgd_phys, #TTB_FLAGS
	mcr	p15, 0, \tmp, c2, c0, 0		@ TTBR0
	mov	\tmp, #DACR_UACCESS_DISABLE	@ user memory closed (asm/domain.h)
	mcr	p15, 0, \tmp, c3, c0, 0		@ DACR
	mov	\tmp, #0
	mcr	p15, 0, \tmp, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, \tmp, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, \tmp, c7, c5, 6		@ BPIALL
	dsb
	isb
	.endm
	.section .head.text, "ax"
	.arm
	.globl	stext
stext:
	/*
	 * The header of an ARM zImage, so that U-Boot's bootz takes the raw
	 * image too: a branch over it, the magic at 0x24, then start (0: runs
	 * wherever it was loaded) and end, the image's size.
	 */
	.rept	8
	mov	r0, r0
	.endr
	b	1f
	.word	0x016f2818			@ zImage magic
	.word	0				@ start: position independent
	.word	__image_size			@ end: bytes to load
	.word	0x04030201			@ little-endian
1:
	/*
	 * Every CPU may come here (QEMU -bios; the BCM2836 driver sends the
	 * Pi's other cores here): all but CPU 0 sleep forever.
	 */
	mrc	p15, 0, r9, c0, c0, 5		@ MPIDR
	ands	r9, r9, #0xff			@ Aff0: the core in its cluster
2:	wfine
	bne	2b

	/* The Pi's firmware enters in HYP mode: drop to SVC, all masked. */
	enter_svc_mode

	mov	r10, r1				@ machine id
	mov	r11, r2				@ DTB physical address

	/* r8 = PHYS_OFFSET, r4 = where stext runs, r5 = where it belongs */
	adr	r4, stext
	ldr	r8, =PHYS_OFFSET_ALIGN - 1
	bic	r8, r4, r8
	add	r5, r8, #TEXT_OFFSET
	cmp	r4, r5
	beq	2f
	bl	__relocate			@ does not return here
2:
	/*
	 * No device tree from the loader (r2 = 0 or an ATAG list, as QEMU
	 * -bios and the Pi's firmware without one give): the image's own,
	 * if it was built with one (arch/arm/boot/builtin_dtb.S).
	 */
	ldr	r0, =__dtb_builtin_start
	ldr	r1, =__dtb_builtin_end
	cmp	r0, r1
	beq	12f
	cmp	r11, #0
	beq	11f
	tst	r11, #7
	bne	11f				@ misaligned: no DTB
	ldr	r1, [r11]
	ldr	r2, =0xedfe0dd0			@ FDT magic, read little-endian
	cmp	r1, r2
	beq	12f
11:	sub	r0, r0, #PAGE_OFFSET
	add	r11, r0, r8
12:
	/* Zero swapper_pg_dir (16 KiB at PHYS_OFFSET + 0x4000). */
	add	r4, r8, #SWAPPER_PG_DIR_OFFSET
	mov	r0, r4
	add	r1, r4, #0x4000
	mov	r2, #0
3:	str	r2, [r0], #4
	cmp	r0, r1
	blo	3b

	/* Identity map the MiB holding __turn_mmu_on. */
	adr	r0, __turn_mmu_on
	mov	r0, r0, lsr #SECTION_SHIFT
	ldr	r7, =KERNEL_SECT_FLAGS
	orr	r1, r7, r0, lsl #SECTION_SHIFT
	str	r1, [r4, r0, lsl #2]

	/* Map the kernel, _text to _end, at PAGE_OFFSET. */
	ldr	r0, =PAGE_OFFSET
	ldr	r1, =_end - 1
	sub	r1, r1, r0			@ last byte, offset from PAGE_OFFSET
	mov	r1, r1, lsr #SECTION_SHIFT	@ last section index
	add	r2, r4, #(PAGE_OFFSET >> (SECTION_SHIFT - 2))
	orr	r3, r7, r8			@ first section descriptor
4:	str	r3, [r2], #4
	add	r3, r3, #SECTION_SIZE
	subs	r1, r1, #1
	bpl	4b

	/* Map the 2 MiB from the DTB's section at FDT_FIXED_BASE. */
	tst	r11, #7				@ no DTB or a misaligned one:
	movne	r11, #0				@ setup_arch will say so
	cmp	r11, #0
	beq	5f
	ldr	r7, =FDT_SECT_FLAGS
	mov	r0, r11, lsr #SECTION_SHIFT
	orr	r3, r7, r0, lsl #SECTION_SHIFT
	ldr	r2, =(FDT_FIXED_BASE >> (SECTION_SHIFT - 2))
	add	r2, r2, r4
	str	r3, [r2], #4
	add	r3, r3, #SECTION_SIZE
	str	r3, [r2]
5:
	/* Translation: TTBR0 only (TTBCR.N = 0), as Linux's 2-level tables. */
	set_ttbr0_dacr r4, r0
	ldr	r0, =__mmap_switched		@ virtual address to go on at
	b	__turn_mmu_on

	/*
	 * r4 = where stext runs, r5 = where it belongs. Moves _text.._edata
	 * (the ranges may overlap) and jumps to stext's new copy. Moving
	 * down, the copy loop would overwrite itself, so it first copies the
	 * head page and goes on from there: the bytes it then overwrites under
	 * its own feet are the same ones.
	 */
__relocate:
	ldr	r0, =_text
	ldr	r1, =_edata
	sub	r6, r1, r0			@ bytes to move
	add	r6, r6, #3
	bic	r6, r6, #3
	cmp	r5, r4
	bhi	7f
	mov	r0, #0				@ the head page, from here
6:	ldr	r1, [r4, r0]
	str	r1, [r5, r0]
	add	r0, r0, #4
	cmp	r0, #4096
	blo	6b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	dsb
	isb
	adr	r0, 9f
	sub	r0, r0, r4
	add	r0, r0, r5
	bx	r0				@ on at 9: in the copy
9:	mov	r0, #0				@ everything, forwards
10:	ldr	r1, [r4, r0]
	str	r1, [r5, r0]
	add	r0, r0, #4
	cmp	r0, r6
	blo	10b
	b	8f
7:	subs	r6, r6, #4			@ to a higher address: backwards
	ldr	r1, [r4, r6]
	str	r1, [r5, r6]
	bne	7b
8:	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU: new code at r5
	dsb
	isb
	mov	r1, r10
	mov	r2, r11
	bx	r5

	.ltorg

	/*
	 * A secondary CPU, started by PSCI CPU_ON (arch/arm/kernel/smp.c)
	 * with the MMU off and r0 = the physical address of its struct
	 * secondary_data: the page directory to turn the MMU on with (the
	 * kernel's mappings plus an identity map of __turn_mmu_on) and its
	 * idle task's stack, read now, while only physical addresses work.
	 */
	.globl	secondary_startup
secondary_startup:
	mov	r4, r0
	enter_svc_mode
	ldr	r5, [r4, #SD_STACK]
	ldr	r6, [r4, #SD_PGDIR]
	set_ttbr0_dacr r6, r0
	ldr	r0, =__secondary_switched
	b	__turn_mmu_on

	.ltorg

	/* Must sit in the identity-mapped section: it runs across the switch. */
	.align	5
	.globl	__turn_mmu_on
__turn_mmu_on:
	mrc	p15, 0, r1, c1, c0, 0		@ SCTLR
	bic	r1, r1, #(CR_A | CR_TRE | CR_AFE)
	ldr	r2, =(CR_M | CR_C | CR_I | CR_Z | CR_V)
	orr	r1, r1, r2
	mcr	p15, 0, r1, c1, c0, 0
	isb
	bx	r0
	.ltorg

	.text
__mmap_switched:
	ldr	sp, =init_thread_union + THREAD_SIZE
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	ldr	r0, =__pv_phys_offset
	str	r8, [r0]
	ldr	r0, =__machine_arch_type
	str	r10, [r0]
	mov	r9, r11				@ r11 is fp: keep the DTB in r9
	mov	fp, #0				@ the backtrace ends here
	mov	r0, #0				@ CPU 0's exception stacks
	bl	cpu_init_stacks
	mov	r0, r9
	b	start_kernel

	/* A secondary CPU, virtual now: on its idle task's stack (r5). */
__secondary_switched:
	mov	sp, r5
	sub	r0, sp, #1			@ its thread_info says which CPU
	bic	r0, r0, #(THREAD_SIZE - 1) & 0xff00
	bic	r0, r0, #(THREAD_SIZE - 1) & 0x00ff
	ldr	r0, [r0, #TI_CPU]
	mov	fp, #0
	bl	cpu_init_stacks
	b	secondary_start_kernel

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM memory domains, used as Linux's CPU_SW_DOMAIN_PAN uses them.
 *
 * Every first-level descriptor names one of 16 domains, and the DACR
 * says per domain whether accesses are checked against the page
 * permissions (client) or refused outright (no access). User page
 * tables are in DOMAIN_USER, the kernel's in DOMAIN_KERNEL, device
 * sections in DOMAIN_IO and the vectors page in DOMAIN_VECTORS.
 *
 * Invariant: while the CPU runs kernel code, DOMAIN_USER is "no access"
 * (DACR_UACCESS_DISABLE), so a stray kernel dereference of a user
 * address takes a domain fault instead of reading what user space put
 * there. Only the user-access helpers open it, around the access itself,
 * with uaccess_save_and_enable()/uaccess_restore(). Every exception entry
 * closes it and its return restores it: from a kernel context the DACR
 * as interrupted is saved in the exception frame, and a return to user
 * mode opens it again (DACR_UACCESS_ENABLE), since user code must reach
 * its own pages. Task switches happen with it closed, so the DACR is not
 * part of a task's switched state.
 */
#ifndef _ASM_DOMAIN_H
#define _ASM_DOMAIN_H

#define DOMAIN_KERNEL	0
#define DOMAIN_USER	1
#define DOMAIN_IO	2
#define DOMAIN_VECTORS	3

#define DOMAIN_NOACCESS	0
#define DOMAIN_CLIENT	1

#define domain_mask(dom)	(3 << (2 * (dom)))
#define domain_val(dom, type)	((type) << (2 * (dom)))

#define DACR_KERNEL_DOMAINS	(domain_val(DOMAIN_KERNEL, DOMAIN_CLIENT) | \
				 domain_val(DOMAIN_IO, DOMAIN_CLIENT) | \
				 domain_val(DOMAIN_VECTORS, DOMAIN_CLIENT))
#define DACR_UACCESS_DISABLE	(DACR_KERNEL_DOMAINS | \
				 domain_val(DOMAIN_USER, DOMAIN_NOACCESS))
#define DACR_UACCESS_ENABLE	(DACR_KERNEL_DOMAINS | \
				 domain_val(DOMAIN_USER, DOMAIN_CLIENT))

#ifdef __ASSEMBLY__
	/* closes user memory to the kernel: on entry from any mode */
	.macro	uaccess_disable, tmp
	mov	\tmp, #DACR_UACCESS_DISABLE
	mcr	p15, 0, \tmp, c3, c0, 0
	isb
	.endm

	/* opens it again: on the way back to user mode */
	.macro	uaccess_enable, tmp
	mov	\tmp, #DACR_UACCESS_ENABLE
	mcr	p15, 0, \tmp, c3, c0, 0
	isb
	.endm
#else
#include <asm/cp15.h>

static inline unsigned int get_domain(void)
{
	return read_dacr();
}

/* The "memory" clobber of write_dacr keeps accesses on their side of it. */
static inline void set_domain(unsigned int dacr)
{
	write_dacr(dacr);
	isb();
}

/* Lets the kernel reach user memory; returns the DACR to go back to. */
static inline unsigned int uaccess_save_and_enable(void)
{
	unsigned int old = get_domain();

	set_domain((old & ~domain_mask(DOMAIN_USER)) |
		   domain_val(DOMAIN_USER, DOMAIN_CLIENT));
	return old;
}

static inline void uaccess_restore(unsigned int flags)
{
	set_domain(flags);
}
#endif

#endif

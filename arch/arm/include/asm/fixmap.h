/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixmap: compile-time virtual slots between FIXADDR_START and
 * FIXADDR_END whose physical page is set at run time: an early console
 * slot and, per CPU, KM_MAX_IDX slots for kmap_local (a stack).
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/types.h>
#include <asm/kmap_size.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

#define FIXMAP_NR_CPUS	4

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * FIXMAP_NR_CPUS - 1,
	FIX_TEXT_POKE0,		/* a writable alias of a kernel text page (jump labels) */
	__end_of_fixed_addresses,
};

#define __fix_to_virt(x)	(FIXADDR_START + ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	(((x) - FIXADDR_START) >> PAGE_SHIFT)

static inline unsigned long fix_to_virt(enum fixed_addresses idx)
{
	return __fix_to_virt(idx);
}

_Static_assert(__fix_to_virt(__end_of_fixed_addresses) <= FIXADDR_END,
	       "fixmap slots overflow the fixmap window");

enum fixmap_prot {
	FIXMAP_PAGE_NORMAL,	/* RAM: read-write, cached, never executable */
	FIXMAP_PAGE_IO,		/* device registers */
};

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, enum fixmap_prot prot);
#define set_fixmap(idx, phys)		__set_fixmap(idx, phys, FIXMAP_PAGE_NORMAL)
#define set_fixmap_io(idx, phys)	__set_fixmap(idx, phys, FIXMAP_PAGE_IO)
void clear_fixmap(enum fixed_addresses idx);
/*
 * A slot's pte, for kmap_local, which sets its per-CPU slots itself and
 * flushes only its own CPU's TLB (no other CPU uses them).
 */
pte_t *fixmap_pte(enum fixed_addresses idx);

#endif

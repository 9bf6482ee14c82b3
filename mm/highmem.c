// SPDX-License-Identifier: GPL-2.0
/*
 * Highmem: RAM above the lowmem limit has no permanent kernel address.
 * kmap_local_page() lends one of this CPU's fixmap slots, stack-wise;
 * while a page sits in a slot, page_address() finds it there.
 */
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/smp.h>
#include <asm/fixmap.h>
#include <asm/irqflags.h>

static int kmap_local_idx[FIXMAP_NR_CPUS];

static enum fixed_addresses kmap_slot(int cpu, int idx)
{
	return FIX_KMAP_BEGIN + cpu * KM_MAX_IDX + idx;
}

int kmap_local_depth(void)
{
	return kmap_local_idx[smp_processor_id()];
}

void *kmap_local_page(struct page *page)
{
	unsigned long flags;
	enum fixed_addresses slot;
	int cpu;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	local_irq_save(flags);
	cpu = smp_processor_id();
	BUG_ON(kmap_local_idx[cpu] >= KM_MAX_IDX);
	slot = kmap_slot(cpu, kmap_local_idx[cpu]++);
	set_fixmap(slot, page_to_phys(page));
	local_irq_restore(flags);
	return (void *)fix_to_virt(slot);
}

void kunmap_local(const void *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, flags;
	int cpu;

	if (va < FIXADDR_START || va >= FIXADDR_END)
		return;		/* a lowmem page's direct-map address */
	local_irq_save(flags);
	cpu = smp_processor_id();
	/* only the top of the stack may go */
	BUG_ON(!kmap_local_idx[cpu] ||
	       va != fix_to_virt(kmap_slot(cpu, kmap_local_idx[cpu] - 1)));
	clear_fixmap(kmap_slot(cpu, --kmap_local_idx[cpu]));
	local_irq_restore(flags);
}

void *page_address(const struct page *page)
{
	int cpu = smp_processor_id(), i;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	for (i = kmap_local_idx[cpu] - 1; i >= 0; i--)
		if (fixmap_phys(kmap_slot(cpu, i)) == page_to_phys(page))
			return (void *)fix_to_virt(kmap_slot(cpu, i));
	return NULL;
}

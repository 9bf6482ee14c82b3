// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap: device registers mapped page by page in the vmalloc area with
 * device memory attributes (shareable device, never executable). Before
 * vmalloc space exists (the console comes up first), early_ioremap's
 * sections stand in; those users move over once it does.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	unsigned long offset = phys & ~PAGE_MASK;
	struct vm_struct *vm;

	if (!size || phys + size - 1 < phys)
		return NULL;
	if (!vmalloc_ready())
		return early_ioremap(phys, size);
	size = ALIGN(size + offset, PAGE_SIZE);
	vm = get_vm_area_caller(size, VM_IOREMAP, __builtin_return_address(0));
	if (!vm)
		return NULL;
	vm->phys_addr = phys & PAGE_MASK;
	if (ioremap_page_range((unsigned long)vm->addr,
			       (unsigned long)vm->addr + size,
			       phys & PAGE_MASK, PAGE_KERNEL_IO)) {
		remove_vm_area(vm->addr);
		kfree(vm);
		return NULL;
	}
	return (void __iomem *)((unsigned long)vm->addr + offset);
}

void iounmap(volatile void __iomem *addr)
{
	void *start = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *vm = find_vm_area(start);

	if (!vm || vm->addr != start || !(vm->flags & VM_IOREMAP)) {
		pr_err("iounmap: %p was not ioremap()ed\n", (void *)addr);
		return;
	}
	remove_vm_area(start);
	kfree(vm);
}

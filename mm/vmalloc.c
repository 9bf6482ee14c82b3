// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc, vmap and ioremap: mapping pages into the vmalloc area of the
 * kernel page tables. Where an area goes is mm/vmap_area.c's job (busy
 * areas in an rbtree by address, free space in an augmented rbtree);
 * this file builds the mappings with the generic pgd/pmd/pte walkers,
 * allocating pte pages as it goes, and tears them down with one TLB
 * flush of the range. Each area is one page bigger than asked: the last
 * page stays unmapped, a guard that turns an overrun into a fault.
 *
 * Freeing is lazy, as on Linux: vfree() and vunmap() clear the ptes and
 * free the pages at once, but flush no TLB; the area stays busy in the
 * vmap_area tree, owned by no vm_struct (vmallocinfo's "unpurged
 * vm_area"), and goes on purge_vmap_area_list, so nothing can be mapped
 * at that address while a CPU may still hold a stale translation of it.
 * Once lazily freed areas add up to more than lazy_max_pages(), or when
 * an allocation finds no room, a purge makes one broadcast flush over
 * the span of all of them and gives them back to the free tree. A
 * thousand frees then cost one TLB flush instead of a thousand. Whoever
 * counts free space or vmap_area structs purges first (vm_unmap_aliases).
 *
 * Process page tables copy the kernel's pgd entries when they are made;
 * an entry init_mm gains later is copied on the first translation fault
 * in vmalloc space (vmalloc_sync_one), as on Linux/ARM.
 */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmap_area.h>
#include <linux/vmstat.h>
#include <asm/tlbflush.h>

static bool vmalloc_initialized;
static atomic_long_t vmalloc_pages;	/* in vmalloc'ed areas, every CPU's */

/*
 * The lazily freed areas (linked by purge_list) and their pages, under
 * purge_vmap_area_lock; vmap_purge_lock makes purges one at a time, so
 * an allocation that waited for another's purge finds its space freed.
 * Purging and so vfree() are for process context (they may flush a lot).
 */
static DEFINE_SPINLOCK(purge_vmap_area_lock);
static DEFINE_SPINLOCK(vmap_purge_lock);
static LIST_HEAD(purge_vmap_area_list);
static unsigned long vmap_lazy_nr;
/* For the vmalloc view and the tests: pages ever freed lazily, purges done. */
unsigned long vmap_lazy_freed_pages, vmap_purges;

void vmalloc_init(void)
{
	vmap_area_init(VMALLOC_START, VMALLOC_END);
	vmalloc_initialized = true;
}

bool vmalloc_ready(void)
{
	return vmalloc_initialized;
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

unsigned long vmalloc_used_pages(void)
{
	return atomic_long_read(&vmalloc_pages);
}

/* ---- page tables ---- */

/* The pte for @addr in init_mm, allocating its pte page if needed. */
static pte_t *kernel_pte_alloc(unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

	if (pmd_none(*pmd)) {
		pte_t *ptes = pte_alloc_one_kernel(&init_mm);

		if (!ptes)
			return NULL;
		/* another CPU mapping next door may have put one there meanwhile */
		spin_lock(&init_mm.page_table_lock);
		if (pmd_none(*pmd)) {
			pmd_populate_kernel(&init_mm, pmd, ptes);
			ptes = NULL;
		}
		spin_unlock(&init_mm.page_table_lock);
		if (ptes)
			pte_free_kernel(&init_mm, ptes);
	}
	if (!pmd_table(*pmd))
		return NULL;	/* a section: not vmalloc space */
	return pte_offset_kernel(pmd, addr);
}

/* The pte for @addr in init_mm, or NULL if there is no pte page. */
static pte_t *kernel_pte_lookup(unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

	return pmd_table(*pmd) ? pte_offset_kernel(pmd, addr) : NULL;
}

static int vmap_pages_range(unsigned long addr, struct page **pages,
			    unsigned int count, pgprot_t prot)
{
	unsigned int i;

	for (i = 0; i < count; i++, addr += PAGE_SIZE) {
		pte_t *pte = kernel_pte_alloc(addr);

		if (!pte)
			return -ENOMEM;
		WARN_ON(!pte_none(*pte));
		set_pte_at(&init_mm, addr, pte, mk_pte(pages[i], prot));
	}
	return 0;
}

int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys,
		       pgprot_t prot)
{
	for (; addr < end; addr += PAGE_SIZE, phys += PAGE_SIZE) {
		pte_t *pte = kernel_pte_alloc(addr);

		if (!pte)
			return -ENOMEM;
		set_pte_at(&init_mm, addr, pte, pfn_pte(phys >> PAGE_SHIFT, prot));
	}
	return 0;
}

/* The TLB flush is left to the purge of the lazily freed area. */
static void vunmap_range_noflush(unsigned long addr, unsigned long end)
{
	unsigned long a;

	for (a = addr; a < end; a += PAGE_SIZE) {
		pte_t *pte = kernel_pte_lookup(a);

		if (pte)
			pte_clear(&init_mm, a, pte);
	}
}

struct page *vmalloc_to_page(const void *addr)
{
	pte_t *pte;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pte = kernel_pte_lookup((unsigned long)addr);
	if (!pte || !pte_present(*pte) || pte_special(*pte) ||
	    !pfn_valid(pte_pfn(*pte)))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

bool vmalloc_sync_one(pgd_t *pgd, unsigned long addr)
{
	pgd_t *ref = pgd_offset_k(addr);
	pgd_t *mine = pgd + pgd_index(addr);

	if (!pmd_present(*pmd_offset(ref, addr)) ||
	    pmd_present(*pmd_offset(mine, addr)))
		return false;
	*mine = *ref;
	dsb();
	return true;
}

/* ---- lazy freeing ---- */

/*
 * How many lazily freed pages wait for a purge at most. Linux allows
 * 32 MiB times log2(CPUs) + 1, a figure made for 64-bit vmalloc spaces
 * of terabytes: on 32-bit ARM with the default 240 MiB it would leave
 * up to 40% of the space unusable until an allocation failed. Here it
 * is a thirty-second of the vmalloc space (vmalloc=) times the same
 * log2(CPUs) + 1: 7.5 MiB (640 task stacks) with one CPU, 22.5 MiB
 * with four, where more CPUs free more and a purge's broadcast flush
 * interrupts them all, so it pays to batch more.
 */
static unsigned long lazy_max_pages(void)
{
	unsigned int cpus = num_online_cpus();
	unsigned long space = (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT;

	return space / 32 * (32 - __builtin_clz(cpus ? cpus : 1));
}

/*
 * Flushes every CPU's TLB once over the span of all lazily freed areas
 * and frees them. Returns whether there was any.
 */
static bool purge_vmap_area_lazy(void)
{
	unsigned long start = ~0UL, end = 0, flags;
	struct vmap_area *va, *tmp;
	LIST_HEAD(purge);

	spin_lock(&vmap_purge_lock);
	spin_lock_irqsave(&purge_vmap_area_lock, flags);
	/* the whole ring changes heads: @purge joins it and the global head leaves */
	list_add(&purge, &purge_vmap_area_list);
	list_del_init(&purge_vmap_area_list);
	vmap_lazy_nr = 0;
	spin_unlock_irqrestore(&purge_vmap_area_lock, flags);
	if (list_empty(&purge)) {
		spin_unlock(&vmap_purge_lock);
		return false;
	}
	list_for_each_entry(va, &purge, purge_list) {
		start = min(start, va->va_start);
		end = max(end, va->va_end);
	}
	flush_tlb_kernel_range(start, end);
	list_for_each_entry_safe(va, tmp, &purge, purge_list)
		free_vmap_area(va);
	vmap_purges++;
	spin_unlock(&vmap_purge_lock);
	return true;
}

/* Linux's name for "no stale kernel mapping of a freed area is left anywhere". */
void vm_unmap_aliases(void)
{
	purge_vmap_area_lazy();
}

/* @va, unmapped, waits for the next purge; one is done if too many wait. */
static void free_vmap_area_noflush(struct vmap_area *va)
{
	unsigned long nr = vmap_area_size(va) >> PAGE_SHIFT, lazy, flags;

	/* vmallocinfo looks at the vm_struct under this lock: not once it is freed */
	spin_lock_irqsave(&vmap_area_lock, flags);
	va->vm = NULL;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	spin_lock_irqsave(&purge_vmap_area_lock, flags);
	list_add_tail(&va->purge_list, &purge_vmap_area_list);
	lazy = vmap_lazy_nr += nr;
	vmap_lazy_freed_pages += nr;
	spin_unlock_irqrestore(&purge_vmap_area_lock, flags);
	if (lazy > lazy_max_pages())
		purge_vmap_area_lazy();
}

void vmalloc_lazy_show(struct seq_file *m)
{
	seq_printf(m, "lazily freed: %lu pages waiting (purge beyond %lu), "
		   "%lu pages freed lazily in all, %lu purges\n",
		   READ_ONCE(vmap_lazy_nr), lazy_max_pages(),
		   READ_ONCE(vmap_lazy_freed_pages), READ_ONCE(vmap_purges));
}

/* ---- areas ---- */

/* An area of @size bytes (plus the guard page) starting @align-aligned. */
static struct vm_struct *__get_vm_area(unsigned long size, unsigned long align,
				       unsigned long flags, const void *caller)
{
	struct vm_struct *vm;
	struct vmap_area *va;

	if (!size || !vmalloc_initialized)
		return NULL;
	size = ALIGN(size, PAGE_SIZE);
	if (size + PAGE_SIZE < size)
		return NULL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return NULL;
	va = alloc_vmap_area(size + PAGE_SIZE, align, VMALLOC_START, VMALLOC_END);
	if (!va) {
		/* lazily freed areas may be in the way (or another CPU's purge just freed them) */
		purge_vmap_area_lazy();
		va = alloc_vmap_area(size + PAGE_SIZE, align, VMALLOC_START, VMALLOC_END);
	}
	if (!va) {
		kfree(vm);
		return NULL;
	}
	vm->addr = (void *)va->va_start;
	vm->size = size + PAGE_SIZE;
	vm->flags = flags;
	vm->caller = caller;
	va->vm = vm;
	return vm;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area(size, PAGE_SIZE, flags, caller);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	return va ? va->vm : NULL;
}

struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);
	struct vm_struct *vm;

	if (!va || !va->vm || va->va_start != (unsigned long)addr)
		return NULL;	/* not an area's start, or freed already */
	vm = va->vm;
	vunmap_range_noflush(va->va_start, va->va_end);
	free_vmap_area_noflush(va);
	return vm;
}

/* ---- vmalloc and vmap ---- */

/* The array of an area's pages: kmalloc'd, or vmalloc'd when large. */
static struct page **alloc_pages_array(unsigned int n)
{
	unsigned long size = (unsigned long)n * sizeof(struct page *);

	if (size > PAGE_SIZE)
		return __vmalloc_caller(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO,
					__builtin_return_address(0));
	return kzalloc(size, GFP_KERNEL);
}

static void free_pages_array(struct page **pages)
{
	if (is_vmalloc_addr(pages))
		vfree(pages);
	else
		kfree(pages);
}

static void free_area_pages(struct vm_struct *vm)
{
	unsigned int i;

	for (i = 0; i < vm->nr_pages; i++)
		if (vm->pages[i])
			__free_page(vm->pages[i]);
	atomic_long_sub(vm->nr_pages, &vmalloc_pages);
	mod_node_page_state(NR_VMALLOC, -(long)vm->nr_pages);
	free_pages_array(vm->pages);
}

void *__vmalloc_caller(unsigned long size, unsigned long align, gfp_t gfp,
		       const void *caller)
{
	struct vm_struct *vm = __get_vm_area(size, align, VM_ALLOC, caller);
	unsigned int i, n;

	if (!vm)
		goto fail;
	n = (vm->size - PAGE_SIZE) >> PAGE_SHIFT;
	vm->pages = alloc_pages_array(n);
	if (!vm->pages)
		goto fail_area;
	for (i = 0; i < n; i++) {
		/* any zone will do: highmem first */
		vm->pages[i] = alloc_page((gfp | __GFP_HIGHMEM) | __GFP_NOWARN);
		if (!vm->pages[i])
			break;
	}
	vm->nr_pages = i;
	atomic_long_add(i, &vmalloc_pages);
	mod_node_page_state(NR_VMALLOC, i);
	if (i < n || vmap_pages_range((unsigned long)vm->addr, vm->pages, n,
				      PAGE_KERNEL)) {
		free_area_pages(vm);
		goto fail_area;
	}
	kasan_vmalloc(vm->addr, size, vm->size);
	return vm->addr;
fail_area:
	remove_vm_area(vm->addr);
	kfree(vm);
fail:
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc: allocation failure: %lu bytes, caller %pS\n",
			size, caller);
	return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_caller(size, PAGE_SIZE, gfp, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, PAGE_SIZE, GFP_KERNEL, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO,
				__builtin_return_address(0));
}

void vfree(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = find_vm_area(addr);
	if (!vm || vm->addr != addr || !(vm->flags & VM_ALLOC)) {
		pr_err("vfree: trying to free %p, not the start of a vmalloc area, caller %pS\n",
		       addr, __builtin_return_address(0));
		WARN_ON(1);
		return;
	}
	kasan_vfree(vm->addr, vm->size);
	remove_vm_area(addr);
	free_area_pages(vm);
	kfree(vm);
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *vm;

	if (!count)
		return NULL;
	vm = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				__builtin_return_address(0));
	if (!vm)
		return NULL;
	if (vmap_pages_range((unsigned long)vm->addr, pages, count, prot)) {
		remove_vm_area(vm->addr);
		kfree(vm);
		return NULL;
	}
	return vm->addr;
}

void vunmap(const void *addr)
{
	struct vm_struct *vm = find_vm_area(addr);

	if (!vm || vm->addr != addr || !(vm->flags & VM_MAP)) {
		pr_err("vunmap: trying to unmap %p, not the start of a vmap area\n", addr);
		WARN_ON(1);
		return;
	}
	remove_vm_area(addr);
	kfree(vm);
}

/* ---- /proc/vmallocinfo ---- */

void vmallocinfo_show(struct seq_file *m)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		struct vm_struct *v = va->vm;

		if (!v) {
			seq_printf(m, "0x%08lx-0x%08lx %7lu unpurged vm_area\n",
				   va->va_start, va->va_end, va->va_end - va->va_start);
			continue;
		}
		seq_printf(m, "0x%08lx-0x%08lx %7lu", (unsigned long)v->addr,
			   (unsigned long)v->addr + v->size, v->size);
		if (v->caller)
			seq_printf(m, " %pS", v->caller);
		if (v->nr_pages)
			seq_printf(m, " pages=%u", v->nr_pages);
		if (v->phys_addr)
			seq_printf(m, " phys=0x%08lx", v->phys_addr);
		if (v->flags & VM_IOREMAP)
			seq_puts(m, " ioremap");
		if (v->flags & VM_ALLOC)
			seq_puts(m, " vmalloc");
		if (v->flags & VM_MAP)
			seq_puts(m, " vmap");
		if (v->pages && is_vmalloc_addr(v->pages))
			seq_puts(m, " vpages");
		seq_putc(m, '\n');
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc: virtually contiguous kernel memory built from pages that need
 * not be, mapped between VMALLOC_START and VMALLOC_END in init_mm. Every
 * area is followed by an unmapped guard page. vmap() maps given pages,
 * ioremap() device registers, in the same space. A freed area's address
 * space is reused only after a purge (lazily, with one batched flush).
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/gfp.h>
#include <linux/types.h>
#include <asm/pgtable.h>

#define VM_IOREMAP	0x00000001	/* ioremap() and friends */
#define VM_ALLOC	0x00000002	/* vmalloc() */
#define VM_MAP		0x00000004	/* vmap()ed pages */

struct page;
struct vmap_area;

struct vm_struct {
	void *addr;
	unsigned long size;		/* with the guard page */
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* ioremap */
	const void *caller;
};

void vmalloc_init(void);
bool vmalloc_ready(void);

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp);
/* Linux's __vmalloc_node: @align-aligned, shown in vmallocinfo as @caller's. */
void *__vmalloc_caller(unsigned long size, unsigned long align, gfp_t gfp,
		       const void *caller);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
bool is_vmalloc_addr(const void *addr);

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *find_vm_area(const void *addr);
/* Unmaps and frees the area (not its pages); returns it for the caller. */
struct vm_struct *remove_vm_area(const void *addr);
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys,
		       pgprot_t prot);

/* Copies init_mm's entry for a vmalloc-space @addr into @pgd. */
bool vmalloc_sync_one(pgd_t *pgd, unsigned long addr);

/*
 * Purges the lazily freed areas (mm/vmalloc.c): every CPU's TLB holds no
 * translation of a freed area after it, and the areas are free space
 * again. Leak checks and tests counting vmap areas call it first.
 */
void vm_unmap_aliases(void);
extern unsigned long vmap_lazy_freed_pages, vmap_purges;

struct seq_file;
void vmallocinfo_show(struct seq_file *m);
/* One line: lazily freed pages waiting and in all, and purges. */
void vmalloc_lazy_show(struct seq_file *m);
unsigned long vmalloc_used_pages(void);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary kernel mappings of pages that may be in highmem.
 * kmap_local_page() maps a page in one of this CPU's fixmap slots, which
 * form a stack: unmap in reverse order. The task may sleep holding them;
 * it stays on its CPU until it has given them all back. Lowmem pages
 * need no slot: they are always in the direct map, and their direct-map
 * address is used.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <linux/string.h>

/*
 * Long-lived mapping in the pkmap window; lowmem pages need none. May
 * sleep for a slot when every one is held.
 */
void *kmap(struct page *page);
void kunmap(struct page *page);
/*
 * Clears the released slots now rather than at the next wrap: their
 * pages lose their stale pkmap address (a page freed after its kunmap
 * keeps one until then, as on Linux).
 */
void kmap_flush_unused(void);
void kmap_init(void);
struct seq_file;
void kmap_show(struct seq_file *m);
extern unsigned long pkmap_flushes, pkmap_waits;
/* pkmap slots held now, and released but not yet flushed. */
void pkmap_usage(int *used, int *released);

void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);
#define kmap_atomic(page)	kmap_local_page(page)
#define kunmap_atomic(addr)	kunmap_local(addr)
/* Slots the current task holds (for the tests and the kmap view). */
int kmap_local_depth(void);
struct task_struct;
/* The context switch's: @prev's slots out of the fixmap, @next's in. */
void kmap_local_sched_switch(struct task_struct *prev, struct task_struct *next);

static inline void clear_highpage(struct page *page)
{
	void *addr = kmap_local_page(page);

	memset(addr, 0, PAGE_SIZE);
	kunmap_local(addr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	void *vto = kmap_local_page(to);
	void *vfrom = kmap_local_page(from);

	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_local(vfrom);
	kunmap_local(vto);
}

#endif

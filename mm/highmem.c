// SPDX-License-Identifier: GPL-2.0
/*
 * Highmem: RAM above the lowmem limit has no permanent kernel address.
 *
 * kmap() lends one of LAST_PKMAP slots of the pkmap window below
 * PAGE_OFFSET, for as long as the caller likes: pkmap_count[i] is 0 for
 * a free slot whose TLB entry is clean, 1 for a slot released but maybe
 * still in the TLB, and n + 1 while n users hold it. Slots are handed out
 * round-robin; when the search wraps, every slot at 1 is cleared and the
 * TLB flushed once for the whole window (flush_all_zero_pkmaps). A page
 * kmapped twice shares its slot, found through the page_address hash.
 *
 * kmap_local_page() lends a fixmap slot of this CPU's stack of
 * KM_MAX_IDX: cheap, short-lived, unmapped in reverse order.
 *
 * page_address() of a highmem page is its pkmap or kmap_local address,
 * or NULL.
 */
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/pgtable.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/fixmap.h>
#include <asm/irqflags.h>
#include <asm/tlbflush.h>

/* ---- kmap_local ---- */

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

static void *kmap_local_lookup(const struct page *page)
{
	int cpu = smp_processor_id(), i;

	for (i = kmap_local_idx[cpu] - 1; i >= 0; i--)
		if (fixmap_phys(kmap_slot(cpu, i)) == page_to_phys(page))
			return (void *)fix_to_virt(kmap_slot(cpu, i));
	return NULL;
}

/* ---- kmap: the pkmap window ---- */

#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(virt)		(((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PA_HASH_ORDER		7

struct page_address_map {
	struct page *page;
	void *virtual;
	struct list_head list;
};

static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static pte_t *pkmap_page_table;
static DEFINE_SPINLOCK(kmap_lock);
static struct page_address_map page_address_maps[LAST_PKMAP];
static struct list_head page_address_htable[1 << PA_HASH_ORDER];
static LIST_HEAD(page_address_pool);
unsigned long pkmap_flushes;	/* times the window wrapped */

static struct list_head *page_slot(const struct page *page)
{
	return &page_address_htable[(page_to_pfn(page) * 2654435761u) >>
				    (32 - PA_HASH_ORDER) & ((1 << PA_HASH_ORDER) - 1)];
}

static void *pkmap_lookup(const struct page *page)
{
	struct page_address_map *pam;

	if (!pkmap_page_table)
		return NULL;
	list_for_each_entry(pam, page_slot(page), list)
		if (pam->page == page)
			return pam->virtual;
	return NULL;
}

static void set_page_address(struct page *page, void *virtual)
{
	struct page_address_map *pam;

	if (virtual) {
		pam = list_first_entry(&page_address_pool, struct page_address_map, list);
		list_del(&pam->list);
		pam->page = page;
		pam->virtual = virtual;
		list_add_tail(&pam->list, page_slot(page));
		return;
	}
	list_for_each_entry(pam, page_slot(page), list) {
		if (pam->page == page) {
			list_del(&pam->list);
			list_add_tail(&pam->list, &page_address_pool);
			return;
		}
	}
}

/* The pte page covering the 2 MiB pkmap window, made at boot. */
void kmap_init(void)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(PKMAP_BASE), PKMAP_BASE);
	int i;

	_Static_assert(LAST_PKMAP * PAGE_SIZE == PMD_SIZE, "one pte page maps pkmap");
	pkmap_page_table = pte_alloc_one_kernel(&init_mm);
	BUG_ON(!pkmap_page_table);
	pmd_populate_kernel(&init_mm, pmd, pkmap_page_table);
	for (i = 0; i < (1 << PA_HASH_ORDER); i++)
		INIT_LIST_HEAD(&page_address_htable[i]);
	for (i = 0; i < LAST_PKMAP; i++)
		list_add_tail(&page_address_maps[i].list, &page_address_pool);
}

/* Clears every released slot, with one flush for the window. */
static void flush_all_zero_pkmaps(void)
{
	int i;

	pkmap_flushes++;
	for (i = 0; i < LAST_PKMAP; i++) {
		pte_t *pte = &pkmap_page_table[i];

		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		BUG_ON(pte_none(*pte));
		set_page_address(pte_page(*pte), NULL);
		pte_clear(&init_mm, PKMAP_ADDR(i), pte);
	}
	flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

static void *map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count)
			continue;
		/* every slot held: with a scheduler this would wait for one */
		pr_warn("kmap: all %d pkmap slots in use\n", LAST_PKMAP);
		return NULL;
	}
	set_pte_at(&init_mm, PKMAP_ADDR(last_pkmap_nr),
		   &pkmap_page_table[last_pkmap_nr], mk_pte(page, PAGE_KERNEL));
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(page, (void *)PKMAP_ADDR(last_pkmap_nr));
	return (void *)PKMAP_ADDR(last_pkmap_nr);
}

void *kmap(struct page *page)
{
	unsigned long flags;
	void *vaddr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = pkmap_lookup(page);
	if (!vaddr)
		vaddr = map_new_virtual(page);
	if (vaddr)
		pkmap_count[PKMAP_NR((unsigned long)vaddr)]++;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return vaddr;
}

void kunmap(struct page *page)
{
	unsigned long flags;
	void *vaddr;

	if (!PageHighMem(page))
		return;
	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = pkmap_lookup(page);
	if (!vaddr || pkmap_count[PKMAP_NR((unsigned long)vaddr)] < 2) {
		spin_unlock_irqrestore(&kmap_lock, flags);
		pr_err("kunmap: pfn %#lx is not kmapped\n", page_to_pfn(page));
		WARN_ON(1);
		return;
	}
	/* at 1 the slot waits for the next wrap to be cleared */
	pkmap_count[PKMAP_NR((unsigned long)vaddr)]--;
	spin_unlock_irqrestore(&kmap_lock, flags);
}

void *page_address(const struct page *page)
{
	void *vaddr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	vaddr = kmap_local_lookup(page);
	return vaddr ? vaddr : pkmap_lookup(page);
}

/* Slot usage, for the shell's kmap command and the tests. */
void kmap_show(struct seq_file *m)
{
	int i, used = 0, stale = 0;

	for (i = 0; i < LAST_PKMAP; i++) {
		used += pkmap_count[i] > 1;
		stale += pkmap_count[i] == 1;
	}
	seq_printf(m, "pkmap: 0x%08lx-0x%08lx, %d slots: %d in use, %d released (TLB flush pending), %d free\n",
		   PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP), LAST_PKMAP, used, stale,
		   LAST_PKMAP - used - stale);
	seq_printf(m, "pkmap: next slot %u, window wrapped %lu times\n",
		   last_pkmap_nr, pkmap_flushes);
	for (i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] > 1)
			seq_printf(m, "  slot %3d 0x%08lx pfn %#x users %d\n", i,
				   PKMAP_ADDR(i), pte_pfn(pkmap_page_table[i]),
				   pkmap_count[i] - 1);
	seq_printf(m, "kmap_local: cpu0 depth %d of %d\n", kmap_local_idx[0],
		   KM_MAX_IDX);
}

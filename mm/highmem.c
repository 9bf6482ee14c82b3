// SPDX-License-Identifier: GPL-2.0
/*
 * Highmem: RAM above the lowmem limit has no permanent kernel address.
 *
 * kmap() lends one of LAST_PKMAP slots of the pkmap window below
 * PAGE_OFFSET, for as long as the caller likes: pkmap_count[i] is 0 for
 * a free slot whose TLB entry is clean, 1 for a slot released but maybe
 * still in the TLB, and n + 1 while n users hold it. Slots are handed out
 * round-robin; when the search wraps, every slot at 1 is cleared and the
 * TLB flushed once for the whole window (flush_all_zero_pkmaps), on every
 * CPU by the inner-shareable operations, as any CPU may have cached a
 * slot's old page. When all are held, kmap() sleeps on pkmap_map_wait
 * until a kunmap() brings a slot to 1. A page kmapped twice shares its
 * slot, found through the page_address hash. kmap_lock guards it all.
 *
 * kmap_local_page() lends a fixmap slot of this CPU's stack of
 * KM_MAX_IDX: cheap, short-lived, unmapped in reverse order. The stack
 * belongs to the task (kmap_ctrl): it may sleep or be preempted holding
 * slots, another task on the CPU stacking its own in the same slots
 * meanwhile, as the switch saves one's and restores the other's. The
 * holder's migration is disabled, so its addresses stay valid.
 *
 * page_address() of a highmem page is its pkmap or kmap_local address,
 * or NULL.
 */
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/pgtable.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <asm/fixmap.h>
#include <asm/irqflags.h>
#include <asm/tlbflush.h>

/* ---- kmap_local ---- */

static enum fixed_addresses kmap_slot(int cpu, int idx)
{
	return FIX_KMAP_BEGIN + cpu * KM_MAX_IDX + idx;
}

/*
 * Maps slot @idx of @cpu (this CPU) to @phys, or clears it for 0. Only
 * this CPU's TLB is flushed: only tasks running here use its slots, and
 * they cannot migrate while they hold one.
 */
static void kmap_local_set(int cpu, int idx, phys_addr_t phys)
{
	enum fixed_addresses slot = kmap_slot(cpu, idx);
	unsigned long vaddr = fix_to_virt(slot);

	if (phys)
		set_pte_at(&init_mm, vaddr, fixmap_pte(slot),
			   pfn_pte(phys >> PAGE_SHIFT, PAGE_KERNEL));
	else
		pte_clear(&init_mm, vaddr, fixmap_pte(slot));
	local_flush_tlb_kernel_page(vaddr);
}

int kmap_local_depth(void)
{
	return current->kmap_ctrl.idx;
}

void *kmap_local_page(struct page *page)
{
	struct kmap_ctrl *kc = &current->kmap_ctrl;
	unsigned long flags;
	enum fixed_addresses slot;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	migrate_disable();
	/* an interrupt's own kmap_local goes on top of this task's, and off again */
	local_irq_save(flags);
	BUG_ON(kc->idx >= KM_MAX_IDX);
	slot = kmap_slot(smp_processor_id(), kc->idx);
	kmap_local_set(smp_processor_id(), kc->idx, page_to_phys(page));
	kc->phys[kc->idx++] = page_to_phys(page);
	local_irq_restore(flags);
	return (void *)fix_to_virt(slot);
}

void kunmap_local(const void *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, flags;
	struct kmap_ctrl *kc = &current->kmap_ctrl;
	int cpu;

	if (va < FIXADDR_START || va >= FIXADDR_END)
		return;		/* a lowmem page's direct-map address */
	local_irq_save(flags);
	cpu = smp_processor_id();
	/* only the top of the stack may go */
	BUG_ON(!kc->idx || va != fix_to_virt(kmap_slot(cpu, kc->idx - 1)));
	kmap_local_set(cpu, --kc->idx, 0);
	kc->phys[kc->idx] = 0;
	local_irq_restore(flags);
	migrate_enable();
}

/*
 * The switch from @prev to @next on this CPU, one of them holding
 * kmap_local slots: @prev's leave the fixmap, @next's come back. The
 * slots are this CPU's only, and neither task can be on another CPU.
 */
void kmap_local_sched_switch(struct task_struct *prev, struct task_struct *next)
{
	int cpu = smp_processor_id(), i;

	for (i = next->kmap_ctrl.idx; i < prev->kmap_ctrl.idx; i++)
		kmap_local_set(cpu, i, 0);
	for (i = 0; i < next->kmap_ctrl.idx; i++)
		kmap_local_set(cpu, i, next->kmap_ctrl.phys[i]);
}

static void *kmap_local_lookup(const struct page *page)
{
	struct kmap_ctrl *kc = &current->kmap_ctrl;
	int cpu = smp_processor_id(), i;

	for (i = kc->idx - 1; i >= 0; i--)
		if (kc->phys[i] == page_to_phys(page))
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
static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);	/* kmap()s waiting for a slot */
unsigned long pkmap_waits;	/* times a kmap() slept for a slot */
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

/*
 * Clears every released slot, with one flush for the window on every
 * CPU, if there was any: a search that finds every slot held flushes
 * nothing (kmap()s waiting for a slot each search once per kunmap).
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
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
		need_flush = true;
	}
	if (need_flush)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/*
 * Every slot held: sleeps until a kunmap() releases one, kmap_lock
 * dropped meanwhile (taken again, with *@flags, before returning).
 */
static void pkmap_wait(unsigned long *flags)
{
	struct wait_queue_entry wait = { .task = current };

	pkmap_waits++;
	prepare_to_wait(&pkmap_map_wait, &wait, TASK_UNINTERRUPTIBLE);
	spin_unlock_irqrestore(&kmap_lock, *flags);
	schedule();
	finish_wait(&pkmap_map_wait, &wait);
	spin_lock_irqsave(&kmap_lock, *flags);
}

/* A slot for @page, under kmap_lock (*@flags), sleeping for one if need be. */
void kmap_flush_unused(void)
{
	unsigned long flags;

	spin_lock_irqsave(&kmap_lock, flags);
	flush_all_zero_pkmaps();
	spin_unlock_irqrestore(&kmap_lock, flags);
}

static void *map_new_virtual(struct page *page, unsigned long *flags)
{
	unsigned int count;
	void *vaddr;

again:
	count = LAST_PKMAP;
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
		pkmap_wait(flags);
		/* another task may have mapped the page while this one slept */
		vaddr = pkmap_lookup(page);
		if (vaddr)
			return vaddr;
		goto again;
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
		vaddr = map_new_virtual(page, &flags);
	pkmap_count[PKMAP_NR((unsigned long)vaddr)]++;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return vaddr;
}

void kunmap(struct page *page)
{
	unsigned long flags;
	bool wake = false;
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
	/* at 1 the slot waits for the next wrap to be cleared, and may be reused then */
	if (--pkmap_count[PKMAP_NR((unsigned long)vaddr)] == 1)
		wake = !list_empty(&pkmap_map_wait.head);
	spin_unlock_irqrestore(&kmap_lock, flags);
	if (wake)
		wake_up(&pkmap_map_wait);
}

void *page_address(const struct page *page)
{
	unsigned long flags;
	void *vaddr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	vaddr = kmap_local_lookup(page);
	if (vaddr)
		return vaddr;
	/* the hash changes under kmap_lock on other CPUs */
	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = pkmap_lookup(page);
	spin_unlock_irqrestore(&kmap_lock, flags);
	return vaddr;
}

void pkmap_usage(int *used, int *released)
{
	unsigned long flags;
	int i;

	*used = *released = 0;
	spin_lock_irqsave(&kmap_lock, flags);
	for (i = 0; i < LAST_PKMAP; i++) {
		*used += pkmap_count[i] > 1;
		*released += pkmap_count[i] == 1;
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
}

/* Slot usage, for the shell's kmap command and the tests. */
void kmap_show(struct seq_file *m)
{
	int i, used, stale;

	pkmap_usage(&used, &stale);
	seq_printf(m, "pkmap: 0x%08lx-0x%08lx, %d slots: %d in use, %d released (TLB flush pending), %d free\n",
		   PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP), LAST_PKMAP, used, stale,
		   LAST_PKMAP - used - stale);
	seq_printf(m, "pkmap: next slot %u, window wrapped %lu times, %lu waits for a slot\n",
		   last_pkmap_nr, pkmap_flushes, pkmap_waits);
	for (i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] > 1)
			seq_printf(m, "  slot %3d 0x%08lx pfn %#x users %d\n", i,
				   PKMAP_ADDR(i), pte_pfn(pkmap_page_table[i]),
				   pkmap_count[i] - 1);
	seq_printf(m, "kmap_local: this task's depth %d of %d\n", kmap_local_depth(),
		   KM_MAX_IDX);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes by range. A range of more than TLB_RANGE_PAGES_MAX pages is
 * cheaper to flush whole. User entries are tagged with their mm's ASID:
 * an mm's flush is TLBIASIDIS, a page's TLBIMVAIS with the ASID (the
 * inner-shareable forms, broadcast to every CPU: asm/tlbflush.h). The
 * ASID flushed is the mm's whatever its generation: a CPU that has not
 * switched since a roll-over still runs the mm with it (context.c), and
 * flushing an ASID another mm has taken since costs that mm only refills.
 * The mmu_gather's flush (tlb_flush, pte_free_tlb) is here too.
 *
 * With tlb_ipi on the command line, each flush is instead the local
 * operation run by a call-function IPI on every CPU that may hold the
 * entries (all for kernel ones, mm_cpumask for an mm's), as Linux's
 * arch/arm/kernel/smp_tlb.c does for cores without broadcast. It needs
 * interrupts on, to wait for the others (a CPU waiting for one we hold
 * with its own masked would never answer): a caller with them masked
 * gets the broadcast operation instead. That is the abort path's fix-up
 * of a young or dirty bit (mm/memory.c), which runs before interrupts
 * are enabled; Linux's runs after, in the page fault handler.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>

bool tlb_ops_need_broadcast;
/* Flushes each CPU ran for an IPI (its own only: no atomics); Linux's nr_tlb_remote_flush_received. */
unsigned long tlb_ipi_flushes[NR_CPUS];

static int __init tlb_ipi_setup(const char *arg)
{
	(void)arg;
	tlb_ops_need_broadcast = true;
	return 0;
}
early_param("tlb_ipi", tlb_ipi_setup);

/* ---- the operations, on this CPU (local) or on all (broadcast) ---- */

static void tlbi_all(bool local)
{
	dsb();
	if (local) {
		__tlbi(c7, 0, 0);			/* TLBIALL */
		__bpiall();
	} else {
		__tlbi(c3, 0, 0);			/* TLBIALLIS */
		__bpiallis();
	}
	dsb();
	isb();
}

static void tlbi_kernel_range(unsigned long start, unsigned long end, bool local)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_RANGE_PAGES_MAX) {
		tlbi_all(local);
		return;
	}
	dsb();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE) {
		if (local)
			__tlbi(c7, 3, addr);		/* TLBIMVAA */
		else
			__tlbi(c3, 3, addr);		/* TLBIMVAAIS */
	}
	if (local)
		__bpiall();
	else
		__bpiallis();
	dsb();
	isb();
}

static void tlbi_asid(unsigned int asid, bool local)
{
	dsb();
	if (local) {
		__tlbi(c7, 2, asid);			/* TLBIASID */
		__bpiall();
	} else {
		__tlbi(c3, 2, asid);			/* TLBIASIDIS */
		__bpiallis();
	}
	dsb();
	isb();
}

static void tlbi_user_range(unsigned int asid, unsigned long start, unsigned long end,
			    bool local)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_RANGE_PAGES_MAX) {
		tlbi_asid(asid, local);
		return;
	}
	dsb();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE) {
		if (local)
			__tlbi(c7, 1, addr | asid);	/* TLBIMVA */
		else
			__tlbi(c3, 1, addr | asid);	/* TLBIMVAIS */
	}
	if (local)
		__bpiall();
	else
		__bpiallis();
	dsb();
	isb();
}

/* ---- the IPI way ---- */

struct tlb_args {
	unsigned int asid;	/* 0: a kernel flush */
	unsigned long start, end;	/* end 0: everything (of the ASID) */
};

static void ipi_flush_tlb(void *info)
{
	const struct tlb_args *ta = info;

	tlb_ipi_flushes[smp_processor_id()]++;
	if (!ta->asid && !ta->end)
		tlbi_all(true);
	else if (!ta->asid)
		tlbi_kernel_range(ta->start, ta->end, true);
	else if (!ta->end)
		tlbi_asid(ta->asid, true);
	else
		tlbi_user_range(ta->asid, ta->start, ta->end, true);
}

/*
 * Whether this flush went by IPI to the online CPUs of @mask (NULL:
 * all). When this CPU is the only one to reach, it is done here.
 */
static bool flush_by_ipi(const struct cpumask *mask, struct tlb_args *ta)
{
	unsigned long others;

	if (!tlb_ops_need_broadcast)
		return false;
	others = (mask ? READ_ONCE(mask->bits) : ~0UL) & cpu_online_mask->bits &
		 ~(1UL << smp_processor_id());
	if (!others) {
		ipi_flush_tlb(ta);
		return true;
	}
	if (irqs_disabled())
		return false;
	if (mask)
		on_each_cpu_mask(mask, ipi_flush_tlb, ta, 1);
	else
		on_each_cpu(ipi_flush_tlb, ta, 1);
	return true;
}

/* ---- the flushes ---- */

/*
 * The ASID @mm's entries are under, 0 if it never had one. Only the low
 * word is read: a switch on another CPU may be writing the generation.
 */
static unsigned int mm_asid(const struct mm_struct *mm)
{
	return READ_ONCE(*(const u32 *)&mm->context_id) & ASID_MASK;
}

void flush_tlb_all(void)
{
	struct tlb_args ta = { 0 };

	if (!flush_by_ipi(NULL, &ta))
		tlbi_all(false);
}

void flush_tlb_kernel_page(unsigned long addr)
{
	flush_tlb_kernel_range(addr, addr + PAGE_SIZE);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct tlb_args ta = { .start = start, .end = end };

	if (!flush_by_ipi(NULL, &ta))
		tlbi_kernel_range(start, end, false);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	struct tlb_args ta = { .asid = mm_asid(mm) };

	if (!ta.asid)
		return;		/* never ran: nothing of it in any TLB */
	if (!flush_by_ipi(mm_cpumask(mm), &ta))
		tlbi_asid(ta.asid, false);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}

/* The user entries of @mm in [start, end). */
static void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			       unsigned long end)
{
	struct tlb_args ta = { .asid = mm_asid(mm),
			       .start = start, .end = end };

	if (!ta.asid)
		return;
	if (!flush_by_ipi(mm_cpumask(mm), &ta))
		tlbi_user_range(ta.asid, start, end, false);
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

/* ---- the mmu_gather's flush (asm/tlb.h) ---- */

void tlb_flush(struct mmu_gather *tlb)
{
	if (tlb->fullmm)
		flush_tlb_mm(tlb->mm);
	else
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
}

void pte_free_tlb(struct mmu_gather *tlb, struct page *pte, unsigned long addr)
{
	addr = (addr & PMD_MASK) + SECTION_SIZE;
	tlb_adjust_range(tlb, addr - PAGE_SIZE, 2 * PAGE_SIZE);
	tlb->freed_tables = true;
	pgtable_pte_page_dtor(tlb->mm, pte);
	tlb_remove_page(tlb, pte);
}

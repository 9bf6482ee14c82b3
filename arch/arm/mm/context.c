// SPDX-License-Identifier: GPL-2.0
/*
 * ASIDs. An mm's context_id holds its ASID in the low 8 bits and the
 * generation it was handed out in above them. A switch to an mm whose
 * generation is current reuses its ASID: no TLB flush. Otherwise it gets
 * a free ASID of this generation; when none is left, the generation
 * moves on, every ASID becomes free again and the TLB is flushed once.
 *
 * Every switch first points TTBR0 at swapper_pg_dir (no user entries,
 * kernel ones global), and only then picks the ASID, sets CONTEXTIDR and
 * TTBR0 = the new tables. So no walk can fill the TLB with one mm's
 * entries under another's ASID: not with the new ASID while TTBR0 still
 * holds the old tables, and not, at a roll-over, with the old ASID
 * after the flush (that ASID may be handed to another mm right after,
 * and a walk of the old tables then would leave it their entries).
 *
 * With several CPUs, each runs on with the ASID it had when another one
 * rolls over: that ASID must not be handed to another mm. A roll-over
 * therefore reserves each CPU's active ASID (or, for a CPU that has not
 * switched since the last one, the ASID reserved for it then), and an
 * mm that comes back with a reserved ASID keeps it in the new
 * generation. The TLBs still hold entries of ASIDs now free again, so
 * the roll-over marks every CPU as owing a flush of its own TLB
 * (tlb_flush_pending, as Linux's), which it does at its next switch,
 * before it runs under any ASID of the new generation: until then it
 * runs only its current mm under its reserved ASID, which no other mm
 * gets. No IPI, no waiting for the other CPUs. All under asid_lock.
 *
 * mm_cpumask(mm) gains each CPU that switches to the mm, and is emptied
 * when the mm gets a fresh ASID: the CPUs that held entries under the
 * old one flush them before they could use it again. The IPI way of
 * flushing (asm/tlbflush.h) sends to these CPUs only.
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/cp15.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

static u64 generation = 1ULL << ASID_BITS;
static unsigned long asid_map[NUM_USER_ASIDS / (8 * sizeof(unsigned long))];
static unsigned long rollovers;
static u32 rollover_ttbr0;	/* TTBR0 when the last roll-over flushed */
static DEFINE_SPINLOCK(asid_lock);
static u64 active_asids[NR_CPUS];	/* context_id each CPU runs with; 0: none since a roll-over */
static u64 reserved_asids[NR_CPUS];	/* kept across the last roll-over for that CPU */
static struct cpumask tlb_flush_pending;	/* CPUs whose TLB holds pre-roll-over entries */

u64 asid_generation(void)
{
	return generation >> ASID_BITS;
}

unsigned long asid_rollovers(void)
{
	return rollovers;
}

u32 asid_rollover_ttbr0(void)
{
	return rollover_ttbr0;
}

void init_new_context(struct mm_struct *mm)
{
	mm->context_id = 0;	/* generation 0: never current */
	mm_cpumask(mm)->bits = 0;
}

static bool asid_test_and_set(unsigned int asid)
{
	unsigned long *word = &asid_map[asid / (8 * sizeof(unsigned long))];
	unsigned long bit = 1UL << (asid % (8 * sizeof(unsigned long)));
	bool was = *word & bit;

	*word |= bit;
	return was;
}

static void rollover(void)
{
	int cpu;

	generation += 1ULL << ASID_BITS;
	rollovers++;
	memset(asid_map, 0, sizeof(asid_map));
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		u64 asid = active_asids[cpu] ?: reserved_asids[cpu];

		active_asids[cpu] = 0;
		reserved_asids[cpu] = asid;
		if (asid)
			asid_test_and_set(asid & ASID_MASK);
	}
	tlb_flush_pending.bits = cpu_possible_mask->bits;
}

/* An ASID reserved at the last roll-over as @id: moved to this generation. */
static bool keep_reserved(u64 id)
{
	bool hit = false;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (reserved_asids[cpu] == id) {
			reserved_asids[cpu] = generation | (id & ASID_MASK);
			hit = true;
		}
	return hit;
}

static u64 new_context(struct mm_struct *mm)
{
	u64 id = mm->context_id;
	unsigned int asid;

	if (id && keep_reserved(id))
		return generation | (id & ASID_MASK);
	for (;;) {
		for (asid = 1; asid < NUM_USER_ASIDS; asid++)	/* 0 is kept for none */
			if (!asid_test_and_set(asid)) {
				mm_cpumask(mm)->bits = 0;
				return generation | asid;
			}
		rollover();
		if (id && keep_reserved(id))
			return generation | (id & ASID_MASK);
	}
}

/* Kernel-only tables: from here on no walk can bring in a user entry. */
static void cpu_set_reserved_ttbr0(void)
{
	write_ttbr0(__pa(swapper_pg_dir) | TTB_FLAGS);
	isb();
}

static void cpu_switch_mm(pgd_t *pgd, unsigned int asid)
{
	write_contextidr(asid);
	isb();
	write_ttbr0(__pa(pgd) | TTB_FLAGS);
	isb();
}

/*
 * The stack this runs on is vmalloc'ed (arch/arm/kernel/process.c), and
 * mm's table may not have its pgd entry yet: it must before the switch,
 * for a fault on the stack itself could not be taken. (The stack a task
 * switch goes to is brought in by __switch_to's read of its thread_info,
 * while still on the old one.)
 */
void check_and_switch_context(struct mm_struct *mm)
{
	unsigned long flags, sp;
	int cpu = smp_processor_id();

	__asm__("mov %0, sp" : "=r"(sp));
	vmalloc_sync_one(mm->pgd, sp);
	spin_lock_irqsave(&asid_lock, flags);
	cpu_set_reserved_ttbr0();
	if ((mm->context_id ^ generation) >> ASID_BITS)
		mm->context_id = new_context(mm);
	if (cpumask_test_cpu(cpu, &tlb_flush_pending)) {
		cpumask_clear_cpu(cpu, &tlb_flush_pending);
		rollover_ttbr0 = read_ttbr0();
		local_flush_tlb_all();
	}
	active_asids[cpu] = mm->context_id;
	cpumask_set_cpu(cpu, mm_cpumask(mm));
	cpu_switch_mm(mm->pgd, mm->context_id & ASID_MASK);
	spin_unlock_irqrestore(&asid_lock, flags);
}

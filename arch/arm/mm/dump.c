// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table views, read from the hardware descriptors themselves:
 *
 *  - ptdump: an address space by ranges of equal attributes, in the
 *    style of Linux's /sys/kernel/debug/kernel_page_tables, with the
 *    kernel's windows marked;
 *  - pt_walk: one address through pgd, pmd and pte, both views of the
 *    pte, every field of the hardware descriptor decoded, and the
 *    physical address it ends at.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>

struct addr_marker {
	unsigned long start;
	const char *name;
};

/* What one 4 KiB page or 1 MiB section looks like to the MMU. */
struct hw_attrs {
	bool valid;
	bool section;
	bool write;		/* at PL1 */
	bool user;		/* PL0 may read */
	bool exec;
	bool shared;
	bool global;
	bool device;
	int domain;
};

/* Decodes a section (@l1) or a small page (@l2) descriptor. */
static struct hw_attrs decode(u32 desc, bool section, int domain)
{
	struct hw_attrs a = { .section = section, .domain = domain };
	unsigned int ap, apx, tex, cb;

	if (section) {
		a.valid = (desc & PMD_TYPE_MASK) == PMD_TYPE_SECT;
		ap = (desc >> 10) & 3;
		apx = !!(desc & PMD_SECT_APX);
		a.exec = !(desc & PMD_SECT_XN);
		a.shared = desc & PMD_SECT_S;
		a.global = !(desc & PMD_SECT_nG);
		tex = (desc >> 12) & 7;
		cb = (desc >> 2) & 3;
	} else {
		a.valid = desc & PTE_HW_TYPE_SMALL;
		ap = (desc >> 4) & 3;
		apx = !!(desc & PTE_HW_APX);
		a.exec = !(desc & PTE_HW_XN);
		a.shared = desc & PTE_HW_S;
		a.global = !(desc & PTE_HW_nG);
		tex = (desc >> 6) & 7;
		cb = (desc >> 2) & 3;
	}
	a.write = !apx && ap;
	a.user = ap >= 2;
	a.device = tex == 0 && cb == 1;
	return a;
}

static bool same_attrs(const struct hw_attrs *a, const struct hw_attrs *b)
{
	return a->valid == b->valid && a->write == b->write && a->user == b->user &&
	       a->exec == b->exec && a->shared == b->shared &&
	       a->global == b->global && a->device == b->device &&
	       a->section == b->section;
}

struct dump_state {
	struct seq_file *m;
	const struct addr_marker *marker;
	unsigned long start;
	struct hw_attrs cur;
	bool have;
};

static void print_size(struct seq_file *m, unsigned long size)
{
	if (!(size & (SECTION_SIZE - 1)))
		seq_printf(m, "%9luM", size >> 20);
	else
		seq_printf(m, "%9luK", size >> 10);
}

static void flush_range(struct dump_state *st, unsigned long end)
{
	const struct hw_attrs *a = &st->cur;

	if (!st->have || !a->valid)
		return;
	seq_printf(st->m, "0x%08lx-0x%08lx ", st->start, end - 1);
	print_size(st->m, end - st->start);
	seq_printf(st->m, "     %s %s %s %s %s %s %s\n",
		   a->write ? "RW" : "ro", a->exec ? "x " : "NX",
		   a->user ? "USR" : "   ", a->shared ? "SHD" : "   ",
		   a->global ? "  " : "nG",
		   a->device ? "DEV/SHARED    " : "MEM/CACHED/WBWA",
		   a->section ? "section" : "pte");
}

static void note(struct dump_state *st, unsigned long addr, const struct hw_attrs *a)
{
	bool new_marker = st->marker->name && addr >= st->marker->start;

	if (st->have && same_attrs(&st->cur, a) && !new_marker)
		return;
	flush_range(st, addr);
	while (st->marker->name && addr >= st->marker->start) {
		seq_printf(st->m, "---[ %s ]---\n", st->marker->name);
		st->marker++;
	}
	st->cur = *a;
	st->start = addr;
	st->have = true;
}

void ptdump_show(struct seq_file *m, struct mm_struct *mm)
{
	const struct addr_marker markers[] = {
		{ 0, "User Space" },
		{ MODULES_VADDR, "Modules" },
		{ PKMAP_BASE, "Persistent kmap() Area" },
		{ PAGE_OFFSET, "Kernel Mapping" },
		{ high_memory, "vmalloc() Area" },
		{ VMALLOC_END, "Device Tree (DTB)" },
		{ EARLY_IO_BASE, "Early I/O" },
		{ FIXADDR_START, "Fixmap Area" },
		{ VECTORS_BASE, "Vectors" },
		{ 0, NULL },
	};
	struct dump_state st = { .m = m, .marker = markers };
	struct hw_attrs none = { 0 };
	unsigned long i, j;

	for (i = 0; i < PTRS_PER_PGD * 2; i++) {
		unsigned long addr = i << SECTION_SHIFT;
		u32 l1 = ((u32 *)mm->pgd)[i];
		int domain = (l1 >> 5) & 0xf;

		if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
			const u32 *l2 = __va(l1 & ~0x3ffUL);

			for (j = 0; j < PTE_HWTABLE_PTRS; j++) {
				struct hw_attrs a = decode(l2[j], false, domain);

				note(&st, addr + (j << PAGE_SHIFT), a.valid ? &a : &none);
			}
		} else {
			struct hw_attrs a = decode(l1, true, domain);

			note(&st, addr, a.valid ? &a : &none);
		}
	}
	flush_range(&st, 0);	/* end: 4 GiB, wraps to 0 in 32 bits */
	while (st.marker->name) {
		seq_printf(m, "---[ %s ]---\n", st.marker->name);
		st.marker++;
	}
}

static void show_hw(struct seq_file *m, u32 desc, bool section, int domain)
{
	struct hw_attrs a = decode(desc, section, domain);
	unsigned int ap = section ? (desc >> 10) & 3 : (desc >> 4) & 3;
	bool apx = section ? desc & PMD_SECT_APX : desc & PTE_HW_APX;
	unsigned int tex = section ? (desc >> 12) & 7 : (desc >> 6) & 7;

	seq_printf(m, "    type %s, AP=%u%u APX=%d (kernel %s, user %s), XN=%d, nG=%d, S=%d,\n",
		   section ? "section (1 MiB)" : "small page (4 KiB)", ap >> 1, ap & 1,
		   apx, a.write ? "read-write" : "read-only",
		   a.user ? (a.write ? "read-write" : "read-only") : "none",
		   !a.exec, !a.global, a.shared);
	seq_printf(m, "    TEX=%u%u%u C=%d B=%d (%s), domain %d\n", (tex >> 2) & 1,
		   (tex >> 1) & 1, tex & 1, !!(desc & 8), !!(desc & 4),
		   a.device ? "shareable device" : "normal, write-back write-allocate",
		   domain);
}

static void show_linux_pte(struct seq_file *m, pte_t pte)
{
	seq_printf(m, "  pte   0x%08x (Linux view): pfn %#x%s%s%s%s%s%s%s%s\n",
		   pte_val(pte), pte_val(pte) >> PAGE_SHIFT,
		   pte_present(pte) ? " present" : " not-present",
		   pte_young(pte) ? " young" : " old",
		   pte_dirty(pte) ? " dirty" : " clean",
		   pte_write(pte) ? " write" : " read-only",
		   pte_user(pte) ? " user" : " kernel",
		   pte_exec(pte) ? " exec" : " noexec",
		   pte_protnone(pte) ? " PROT_NONE" : "",
		   pte_special(pte) ? " special" : "");
}

/* The struct page of a mapped frame: shared (COW, shmem) when mapcount > 1. */
static void show_page(struct seq_file *m, unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return;
	page = pfn_to_page(pfn);
	seq_printf(m, "  page  pfn 0x%05lx refcount %d mapcount %d\n", pfn,
		   page_count(page), page_mapcount(page));
}

/* Returns the physical address @addr translates to, or ~0 if none. */
phys_addr_t pt_walk(struct seq_file *m, struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pmd_t *pmd = pmd_offset(pgd, addr);
	pmd_t *l1 = pmd_entry_of(pmd, addr);
	int domain = (pmd_val(*l1) >> 5) & 0xf;
	pte_t *ptep;
	u32 hw;

	seq_printf(m, "%s: 0x%08lx\n", mm->name ? mm->name : "user mm", addr);
	seq_printf(m, "  pgd   %p [%lu] = 0x%08x 0x%08x (L1 entries %lu and %lu)\n",
		   pgd, pgd_index(addr), pgd->pgd[0], pgd->pgd[1],
		   pgd_index(addr) * 2, pgd_index(addr) * 2 + 1);
	seq_printf(m, "  pmd   folded into the pgd; this MiB's L1 entry: 0x%08x\n",
		   pmd_val(*l1));
	if (pmd_leaf(*l1)) {
		phys_addr_t phys = (pmd_val(*l1) & SECTION_MASK) | (addr & ~SECTION_MASK);

		show_hw(m, pmd_val(*l1), true, domain);
		seq_printf(m, "  phys  0x%08lx\n", phys);
		return phys;
	}
	if (!pmd_table(*l1)) {
		seq_printf(m, "  no mapping: the L1 entry is a fault entry\n");
		return ~(phys_addr_t)0;
	}
	ptep = pte_offset_kernel(pmd, addr);
	hw = *pte_hw(ptep);
	seq_printf(m, "  L2 table at phys 0x%08x, pte page %p, index %lu\n",
		   pmd_val(*l1) & ~0x3ffU, pmd_page_vaddr(*pmd), pte_index(addr));
	show_linux_pte(m, *ptep);
	seq_printf(m, "  hwpte 0x%08x (hardware view)\n", hw);
	if (!(hw & PTE_HW_TYPE_SMALL)) {
		seq_printf(m, "    invalid: %s\n", pte_present(*ptep) ?
			   "present but not young (or PROT_NONE): the next access faults" :
			   "no page");
		if (pte_present(*ptep))
			show_page(m, pte_pfn(*ptep));
		return ~(phys_addr_t)0;
	}
	show_hw(m, hw, false, domain);
	seq_printf(m, "  phys  0x%08lx\n", (phys_addr_t)(hw & PAGE_MASK) | (addr & ~PAGE_MASK));
	show_page(m, hw >> PAGE_SHIFT);
	return (hw & PAGE_MASK) | (addr & ~PAGE_MASK);
}

/*
 * W^X: counts the mappings, sections or pages, that the kernel could both
 * write and execute (Linux's ptdump_check_wx). Must be zero.
 */
unsigned long ptdump_check_wx(struct mm_struct *mm, unsigned long *checked)
{
	unsigned long i, j, bad = 0, n = 0;

	for (i = 0; i < PTRS_PER_PGD * 2; i++) {
		u32 l1 = ((u32 *)mm->pgd)[i];

		if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
			const u32 *l2 = __va(l1 & ~0x3ffUL);

			for (j = 0; j < PTE_HWTABLE_PTRS; j++) {
				struct hw_attrs a = decode(l2[j], false, 0);

				n += a.valid;
				bad += a.valid && a.write && a.exec;
			}
		} else {
			struct hw_attrs a = decode(l1, true, 0);

			n += a.valid;
			bad += a.valid && a.write && a.exec;
		}
	}
	if (checked)
		*checked = n;
	return bad;
}

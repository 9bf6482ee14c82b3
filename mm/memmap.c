// SPDX-License-Identifier: GPL-2.0
/*
 * memmap: a picture of physical memory, one character per block of
 * pages, zone by zone:
 *
 *   Normal  pfns 0x40000-0x6ffff (768 MiB), 64 pages per character
 *   0x40000000 KRRSAAaaaaaaaa...
 *
 * A block whose pages are all free shows the smallest buddy order among
 * the free blocks covering it ('0'..'a', so a free 4 MiB block reads
 * 'a'); a block with any page in use shows the most common use, ties
 * broken K > R > S > P > U > A. Blocks are sized so that all of RAM fits
 * in about 64 rows of 64 characters.
 *
 * The walk reads only the first page of each buddy block or allocation:
 * a free block's head has PG_buddy and its order, an allocation's head
 * its order in the flags (its tail pages have no references and would
 * look free), and all 2^order pages take the head's class. A page with
 * no references outside such a run sits on a per-CPU list: free, order
 * 0. Only pte pages carry PG_pgtable; pgds are plain order-2
 * allocations and show as 'A'.
 * zone->lock is held for one row at a time, so interrupts are never off
 * for long and no free block is split under the walk while a row is read.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/vmstat.h>

#define ROW_CHARS	64
#define MAX_CHARS	(64 * ROW_CHARS)

/* Used classes in tie-break order: the first of equal counts wins. */
enum memmap_class {
	MM_FREE, MM_KERNEL, MM_RESERVED, MM_SLAB, MM_PGTABLE, MM_USER, MM_OTHER,
	NR_MM_CLASSES,
};

static const char class_letter[NR_MM_CLASSES + 1] = "-KRSPUA";
static const char order_digit[MAX_ORDER + 1] = "0123456789a";

extern char _text[], _end[];

/* The block being walked: what its pages are and how many remain. */
struct memmap_walk {
	unsigned long left;
	int cls;
	unsigned int order;	/* for MM_FREE */
	unsigned long kernel_start, kernel_end;	/* the image's frames */
};

/* Reads the head of the block at @pfn. */
static void memmap_block(struct memmap_walk *w, unsigned long pfn)
{
	const struct page *page = pfn_to_page(pfn);
	unsigned int order = 0;

	w->order = 0;
	if (PageBuddy(page)) {
		w->cls = MM_FREE;
		order = w->order = page->private;	/* buddy_order() */
	} else if (PageReserved(page)) {
		w->cls = pfn >= w->kernel_start && pfn < w->kernel_end ?
			 MM_KERNEL : MM_RESERVED;
	} else if (page_count(page) <= 0) {
		w->cls = MM_FREE;			/* on a pcp list */
	} else {
		order = compound_order(page);
		if (PageSlab(page))
			w->cls = MM_SLAB;
		else if (PageTable(page))
			w->cls = MM_PGTABLE;
		else if (page_mapcount(page) > 0)
			w->cls = MM_USER;
		else
			w->cls = MM_OTHER;
	}
	w->left = 1UL << min(order, (unsigned int)MAX_ORDER - 1);
}

/* The character for [pfn, end), adding its pages to @count. */
static char memmap_char(struct memmap_walk *w, unsigned long pfn,
			unsigned long end, unsigned long *count)
{
	unsigned long n[NR_MM_CLASSES] = { 0 };
	unsigned int min_order = MAX_ORDER;
	int c, best = MM_FREE;

	for (; pfn < end; pfn++) {
		if (!pfn_valid(pfn))
			continue;
		if (!w->left)
			memmap_block(w, pfn);
		w->left--;
		n[w->cls]++;
		if (w->cls == MM_FREE)
			min_order = min(min_order, w->order);
	}
	count[MM_FREE] += n[MM_FREE];
	for (c = MM_FREE + 1; c < NR_MM_CLASSES; c++) {
		count[c] += n[c];
		if (n[c] && (best == MM_FREE || n[c] > n[best]))
			best = c;
	}
	if (best != MM_FREE)
		return class_letter[best];
	return min_order < MAX_ORDER ? order_digit[min_order] : ' ';
}

static void memmap_zone(struct seq_file *m, struct zone *zone,
			struct memmap_walk *w, unsigned long ppc,
			unsigned long *count)
{
	unsigned long pfn = zone->zone_start_pfn;
	unsigned long end = pfn + zone->spanned_pages;
	char row[ROW_CHARS + 1];

	seq_printf(m, "%-7s pfns %#lx-%#lx (%lu MiB), %lu pages per character\n",
		   zone->name, pfn, end - 1,
		   zone->spanned_pages >> (20 - PAGE_SHIFT), ppc);
	w->left = 0;	/* no block crosses a zone boundary */
	while (pfn < end) {
		unsigned long row_pfn = pfn, flags;
		int i;

		spin_lock_irqsave(&zone->lock, flags);
		for (i = 0; i < ROW_CHARS && pfn < end; i++) {
			unsigned long next = min(pfn + ppc, end);

			row[i] = memmap_char(w, pfn, next, count);
			pfn = next;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		row[i] = '\0';
		seq_printf(m, "0x%08lx %s\n", PFN_PHYS(row_pfn), row);
	}
}

void memmap_show(struct seq_file *m)
{
	unsigned long count[NR_MM_CLASSES] = { 0 };
	unsigned long pages = 0, ppc = 1;
	struct memmap_walk w = {
		.kernel_start = PFN_DOWN(__pa(_text)),
		.kernel_end = PFN_UP(__pa(_end)),
	};
	struct zone *zone;
	int c;

	for_each_zone(zone)
		if (populated_zone(zone))
			pages += zone->spanned_pages;
	while (ppc * MAX_CHARS < pages)
		ppc <<= 1;
	for_each_zone(zone)
		if (populated_zone(zone))
			memmap_zone(m, zone, &w, ppc, count);
	seq_puts(m, "legend: 0-a all free, smallest free block order (0 = 4 KiB, a = 4 MiB)\n"
		 "        K kernel image, R reserved, S slab, P pte pages, U user-mapped,\n"
		 "        A other allocations (pgds, kernel stacks, vmalloc, ...)\n");
	seq_printf(m, "pages: free %lu", count[MM_FREE]);
	for (c = MM_FREE + 1; c < NR_MM_CLASSES; c++)
		seq_printf(m, " %c %lu", class_letter[c], count[c]);
	seq_putc(m, '\n');
}

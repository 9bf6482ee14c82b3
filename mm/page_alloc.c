// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator.
 *
 * Free memory is kept per zone in free_area[order].free_list[migratetype]:
 * blocks of 2^order pages, naturally aligned, whose first struct page has
 * PG_buddy set and the order in ->private. Allocation takes the smallest
 * block that fits and splits it (expand), putting the unused halves back
 * one order down; freeing merges a block with its buddy, the block at
 * pfn ^ (1 << order), for as long as that buddy is free and whole
 * (__free_one_page). When a migrate type has nothing left, the largest
 * block of another type is taken, and its whole pageblock re-typed when
 * the block is big enough (steal), so that unmovable allocations cluster.
 *
 * Order-0 pages go through per-CPU lists first (pcp), a batch at a time
 * to and from the free lists, so the common case takes no zone lock:
 * each CPU's lists are its own, touched only by it with interrupts
 * masked, and emptied from elsewhere only by asking it (an IPI).
 * Zones are tried along a zonelist (HIGHMEM -> NORMAL -> DMA, as far as
 * the GFP flags allow), each only while it stays above its watermark.
 *
 * Every free is checked: a page that is already free, a slab's page, a
 * mapped page, a wrong order or a page that does not start an allocation
 * is reported (bad_page) and left alone, so the allocator stays intact.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/highmem.h>

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long mem_map_base_pfn;
unsigned long max_pfn;
unsigned long max_low_pfn;
unsigned long totalram_pages;
unsigned long totalhigh_pages;
unsigned long bad_page_reports;
int min_free_kbytes;

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable",
};

const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };

/* Which types to take from, in order, when a type runs dry. */
static const int fallbacks[MIGRATE_TYPES][MIGRATE_TYPES - 1] = {
	[MIGRATE_UNMOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

/* alloc_flags */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_MASK	3
#define ALLOC_HARDER		0x10	/* GFP_ATOMIC: a quarter below min */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: half below min */

/* ---- pageblock migrate types ---- */

/* zone->pageblock_page is the struct page where the first pageblock starts. */
static inline unsigned long pageblock_index(const struct zone *zone,
					    const struct page *page)
{
	return (unsigned long)(page - zone->pageblock_page) >> pageblock_order;
}

static __always_inline int pageblock_mt(const struct page *page)
{
	const struct zone *zone = page_zone(page);

	return zone->pageblock_flags[pageblock_index(zone, page)];
}

int get_pageblock_migratetype(const struct page *page)
{
	return pageblock_mt(page);
}

static void set_pageblock_migratetype(struct page *page, int mt)
{
	struct zone *zone = page_zone(page);

	zone->pageblock_flags[pageblock_index(zone, page)] = mt;
}

/* ---- free lists ---- */

static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	SetPageBuddy(page);
}

/* The allocation order recorded in an allocated block's first page. */
static inline int alloc_order(const struct page *page)
{
	return (int)((page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT) - 1;
}

static inline void set_alloc_order(struct page *page, int order)
{
	page->flags = (page->flags & ~PAGE_ORDER_MASK) |
		      ((unsigned long)(order + 1) << PAGE_ORDER_SHIFT);
}

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order, int mt)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->lru, &area->free_list[mt]);
	area->nr_free++;
	zone->free_pages += 1UL << order;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1UL << order;
}

static void move_to_free_list(struct page *page, struct zone *zone,
			      unsigned int order, int mt)
{
	list_move(&page->lru, &zone->free_area[order].free_list[mt]);
}

/* A free block of exactly @order, whole and in the same zone. */
static inline bool page_is_buddy(const struct page *page, const struct page *buddy,
				 unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(page) == page_zonenum(buddy);
}

static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order, int mt)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		/* signed: the buddy may be below (unsigned would wrap the pointer) */
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!zone_spans_pfn(zone, buddy_pfn) ||
		    !page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		page += (long)(buddy_pfn & pfn) - (long)pfn;
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(page, zone, order, mt);
}

/*
 * Splits a 2^high block down to 2^low: the upper half goes back at each
 * step, the lower half is split further.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high, int mt)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, mt);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int mt)
{
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page = list_first_entry_or_null(&area->free_list[mt],
							     struct page, lru);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o, mt);
		return page;
	}
	return NULL;
}

/* Moves every free block of @page's pageblock to @mt's lists. */
static void move_freepages_block(struct zone *zone, struct page *page, int mt)
{
	unsigned long pfn = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	unsigned long end = pfn + pageblock_nr_pages;

	while (pfn < end) {
		struct page *p;

		if (!zone_spans_pfn(zone, pfn)) {
			pfn++;
			continue;
		}
		p = pfn_to_page(pfn);
		if (PageBuddy(p)) {
			move_to_free_list(p, zone, buddy_order(p), mt);
			pfn += 1UL << buddy_order(p);
		} else {
			pfn++;
		}
	}
}

/*
 * @mt has nothing: take the largest block of a fallback type. A block of
 * at least half a pageblock takes its whole pageblock (or pageblocks)
 * over to @mt; a smaller one is only moved to @mt's list. Returns
 * whether something was moved for __rmqueue_smallest to find.
 */
static bool __rmqueue_fallback(struct zone *zone, unsigned int order, int mt)
{
	int o, i;

	for (o = MAX_ORDER - 1; o >= (int)order; o--) {
		for (i = 0; i < MIGRATE_TYPES - 1; i++) {
			struct free_area *area = &zone->free_area[o];
			struct page *page;
			unsigned long n;

			page = list_first_entry_or_null(&area->free_list[fallbacks[mt][i]],
							struct page, lru);
			if (!page)
				continue;
			if (o >= pageblock_order / 2) {
				for (n = 0; n < max(1UL << o, pageblock_nr_pages) /
					     pageblock_nr_pages; n++)
					set_pageblock_migratetype(page + n * pageblock_nr_pages, mt);
				move_freepages_block(zone, page, mt);
			}
			move_to_free_list(page, zone, o, mt);
			return true;
		}
	}
	return false;
}

static struct page *__rmqueue(struct zone *zone, unsigned int order, int mt)
{
	struct page *page;

	while (!(page = __rmqueue_smallest(zone, order, mt)))
		if (!__rmqueue_fallback(zone, order, mt))
			return NULL;
	return page;
}

/* ---- per-CPU lists ---- */

static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list,
			int mt)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&zone->lock, flags);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0, mt);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return i;
}

/* Gives @count pages back to the free lists, oldest first. */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp)
{
	unsigned long flags;
	int mt = 0;

	spin_lock_irqsave(&zone->lock, flags);
	while (count > 0 && pcp->count) {
		struct list_head *list = &pcp->lists[mt];

		mt = (mt + 1) % MIGRATE_TYPES;
		while (!list_empty(list) && count > 0) {
			struct page *page = list_last_entry(list, struct page, lru);

			list_del(&page->lru);
			pcp->count--;
			count--;
			__free_one_page(page, page_to_pfn(page), zone, 0,
					pageblock_mt(page));
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

static __always_inline struct page *rmqueue_pcplist(struct zone *zone, int mt)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct page *page;
	unsigned long flags;

	/* this CPU's lists from here on: no interrupt (nor IPI) touches them */
	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	list = &pcp->lists[mt];
	if (list_empty(list))
		pcp->count += rmqueue_bulk(zone, pcp->batch, list, mt);
	page = list_first_entry_or_null(list, struct page, lru);
	if (page) {
		__list_del_entry(&page->lru);
		pcp->count--;
	}
	local_irq_restore(flags);
	return page;
}

static __always_inline void free_unref_page(struct page *page, struct zone *zone)
{
	int mt = zone->pageblock_flags[pageblock_index(zone, page)];
	struct per_cpu_pages *pcp;
	unsigned long flags;

	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	list_add(&page->lru, &pcp->lists[mt]);
	if (++pcp->count >= pcp->high)
		free_pcppages_bulk(zone, pcp->batch, pcp);
	local_irq_restore(flags);
}

/* Returns every page on this CPU's lists to the buddy free lists. */
void drain_local_pages(void)
{
	struct zone *zone;
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = smp_processor_id();
	for_each_zone(zone)
		if (populated_zone(zone))
			free_pcppages_bulk(zone, zone->pcp[cpu].count, &zone->pcp[cpu]);
	local_irq_restore(flags);
}

static void drain_local_pages_ipi(void *unused)
{
	(void)unused;
	drain_local_pages();
}

/*
 * Every CPU's lists, each by its own CPU: a list is touched only by its
 * CPU, with interrupts masked, so another CPU may not take pages off it.
 * Waiting for other CPUs needs interrupts on here (two CPUs waiting for
 * each other with them masked would wait for ever): with them masked,
 * as in an atomic allocation from an interrupt, only this CPU's lists.
 */
void drain_all_pages(void)
{
	if (irqs_disabled()) {
		drain_local_pages();
		return;
	}
	on_each_cpu(drain_local_pages_ipi, NULL, 1);
}

/* ---- allocation ---- */

static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order,
					   int mt)
{
	unsigned long flags;
	struct page *page;

	if (order == 0)
		return rmqueue_pcplist(zone, mt);
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* The common case, inline: order 0 with plenty free (Linux's zone_watermark_fast). */
static __always_inline bool zone_watermark_fast(const struct zone *z, unsigned int order,
						unsigned long mark, int highest_zoneidx,
						int alloc_flags)
{
	if (!order && z->free_pages > mark + z->lowmem_reserve[highest_zoneidx])
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags);
}

bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, int highest_zoneidx, int alloc_flags)
{
	long min = mark, free = (long)z->free_pages - (1L << order) + 1;
	unsigned int o;
	int mt;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free <= min + (long)z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			if (!list_empty(&z->free_area[o].free_list[mt]))
				return true;
	return false;
}

static __always_inline struct page *get_page_from_freelist(unsigned int order,
							  int alloc_flags,
							  int highest, int mt)
{
	struct zone **zp;

	for (zp = contig_page_data.node_zonelists[highest].zones; *zp; zp++) {
		struct zone *zone = *zp;
		struct page *page;

		if (!zone_watermark_fast(zone, order,
					 zone->_watermark[alloc_flags & ALLOC_WMARK_MASK],
					 highest, alloc_flags))
			continue;
		page = rmqueue(zone, order, mt);
		if (page)
			return page;
	}
	return NULL;
}

/*
 * init_on_alloc=1, init_on_free=1: every page and slab object is zeroed
 * as it is handed out, or as it is given back, whatever the caller asked
 * (Linux's hardening options): no allocation can see an earlier user's
 * data, and freed data does not linger.
 */
DEFINE_STATIC_KEY_FALSE(init_on_alloc);
DEFINE_STATIC_KEY_FALSE(init_on_free);

static int __init parse_init_on(const char *val, struct static_key_false *key)
{
	unsigned long v;

	if (kstrtoul(val, 0, &v) || v > 1)
		return -EINVAL;
	if (v)
		static_branch_enable(key);
	return 0;
}

/* init_on_alloc or fail_page_alloc is on: __alloc_pages has work before its own */
static DEFINE_STATIC_KEY_FALSE(page_alloc_hooks);

static void page_alloc_hooks_update(void)
{
	if (static_key_enabled(&init_on_alloc.key) ||
	    static_key_enabled(&fail_page_alloc.active.key))
		static_branch_enable(&page_alloc_hooks);
	else
		static_branch_disable(&page_alloc_hooks);
}

/* fail_page_alloc=: Linux's fault-injection attribute for this allocator */
struct fault_attr fail_page_alloc = FAULT_ATTR_INITIALIZER("fail_page_alloc",
							   page_alloc_hooks_update);

static int __init setup_fail_page_alloc(const char *str)
{
	return setup_fault_attr(&fail_page_alloc, str);
}
__setup("fail_page_alloc", setup_fail_page_alloc);

static int __init init_on_alloc_setup(const char *val)
{
	int err = parse_init_on(val, &init_on_alloc);

	page_alloc_hooks_update();
	return err;
}
__setup("init_on_alloc", init_on_alloc_setup);

static int __init init_on_free_setup(const char *val)
{
	return parse_init_on(val, &init_on_free);
}
__setup("init_on_free", init_on_free_setup);

static __always_inline void prep_new_page(struct page *page, unsigned int order,
					  gfp_t gfp)
{
	unsigned long i;

	/* only the first page records the order: the others' field is 0 */
	set_page_count(page, 1);
	reset_page_mapcount(page);
	set_alloc_order(page, order);
	kasan_alloc_pages(page, order);
	if (unlikely(gfp & __GFP_ZERO))	/* init_on_alloc sets it in __alloc_pages */
		for (i = 0; i < (1UL << order); i++)
			clear_highpage(&page[i]);
}

int gfp_flags_string(char *buf, size_t len, gfp_t gfp)
{
	static const struct { gfp_t flag; const char *name; } names[] = {
		{ __GFP_DMA, "__GFP_DMA" }, { __GFP_HIGHMEM, "__GFP_HIGHMEM" },
		{ __GFP_MOVABLE, "__GFP_MOVABLE" },
		{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
		{ __GFP_HIGH, "__GFP_HIGH" }, { __GFP_IO, "__GFP_IO" },
		{ __GFP_FS, "__GFP_FS" }, { __GFP_ZERO, "__GFP_ZERO" },
		{ __GFP_ATOMIC, "__GFP_ATOMIC" },
		{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
		{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
		{ __GFP_NOWARN, "__GFP_NOWARN" }, { __GFP_COMP, "__GFP_COMP" },
		{ __GFP_HARDWALL, "__GFP_HARDWALL" },
		{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	};
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (gfp & names[i].flag)
			n += scnprintf(buf + n, len - n, "%s%s", n ? "|" : "",
				       names[i].name);
	return n;
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	char flags[256];
	struct zone *zone;

	if (gfp & __GFP_NOWARN)
		return;
	gfp_flags_string(flags, sizeof(flags), gfp);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s)\n",
		current->comm, order, gfp, flags);
	dump_stack();
	for_each_zone(zone)
		if (populated_zone(zone))
			pr_warn("%s free:%lukB min:%lukB low:%lukB high:%lukB managed:%lukB\n",
				zone->name, zone->free_pages << (PAGE_SHIFT - 10),
				min_wmark_pages(zone) << (PAGE_SHIFT - 10),
				low_wmark_pages(zone) << (PAGE_SHIFT - 10),
				high_wmark_pages(zone) << (PAGE_SHIFT - 10),
				zone->managed_pages << (PAGE_SHIFT - 10));
}

/*
 * Every zone of the zonelist at the low watermark, then at min (and
 * below it as the flags allow); then, as Linux does before it gives up,
 * once more after the per-CPU lists are drained: pages parked there are
 * not counted free and may be of another migrate type than this request.
 */
static __noinline struct page *alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	int highest = gfp_zone(gfp), mt = gfp_migratetype(gfp);
	int alloc_flags = ALLOC_WMARK_LOW;
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			WARN_ON(1);
		return NULL;
	}
	page = get_page_from_freelist(order, alloc_flags, highest, mt);
	if (!page) {
		/* no reclaim to wait for: go down to min, and below it if allowed */
		alloc_flags = ALLOC_WMARK_MIN;
		if (gfp & __GFP_HIGH)
			alloc_flags |= ALLOC_HIGH;
		if (gfp & __GFP_ATOMIC)
			alloc_flags |= ALLOC_HARDER;
		page = get_page_from_freelist(order, alloc_flags, highest, mt);
	}
	if (!page) {
		/*
		 * Only a caller that may sleep waits for the other CPUs, as
		 * on Linux (from direct reclaim): one that may not could hold
		 * a lock another CPU spins for with interrupts masked.
		 */
		if (gfp & __GFP_DIRECT_RECLAIM)
			drain_all_pages();
		else
			drain_local_pages();
		page = get_page_from_freelist(order, alloc_flags, highest, mt);
	}
	if (!page) {
		/* the preferred zone: never an empty one (see build_zonelists) */
		contig_page_data.node_zonelists[highest].zones[0]->alloc_fail++;
		warn_alloc(gfp, order);
		return NULL;
	}
	prep_new_page(page, order, gfp);
	return page;
}

/*
 * The fast path: an order-0 page from the preferred zone's per-CPU list
 * while that zone is well above its low watermark. Everything else goes
 * through the zonelist in alloc_pages_slowpath. (No zonelist is empty
 * once the allocator is up: see build_zonelists.) What the hardening
 * options add (init_on_alloc, fail_page_alloc) sits behind one static
 * key, so the fast path pays one NOP for both while they are off.
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int highest, int mt)
{
	struct zone *zone = contig_page_data.node_zonelists[highest].zones[0];
	struct page *page;

	if (static_branch_unlikely(&page_alloc_hooks)) {
		/* an injected failure, as if memory had run out */
		if (static_key_enabled(&fail_page_alloc.active.key) &&
		    should_fail(&fail_page_alloc, PAGE_SIZE << order))
			return NULL;
		if (static_key_enabled(&init_on_alloc.key))
			gfp |= __GFP_ZERO;
	}
	if (likely(!order && zone->free_pages >
		   low_wmark_pages(zone) + zone->lowmem_reserve[highest])) {
		page = rmqueue_pcplist(zone, mt);
		if (likely(page)) {
			prep_new_page(page, 0, gfp);
			return page;
		}
	}
	return alloc_pages_slowpath(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (WARN_ON(gfp & __GFP_HIGHMEM))	/* it would have no address */
		return 0;
	page = alloc_pages(gfp, order);
	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing ---- */

void dump_page(const struct page *page, const char *reason)
{
	printk(KERN_ALERT "page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n",
	       page, page_count(page), page_mapcount(page),
	       PageSlab(page) ? NULL : page->mapping,
	       PageSlab(page) ? 0 : page->index, page_to_pfn(page));
	printk(KERN_ALERT "flags: %#lx(zone=%s%s%s%s%s%s order=%d)\n", page->flags,
	       zone_names[page_zonenum(page)],
	       PageBuddy(page) ? "|buddy" : "", page_count(page) ? "" : "|free",
	       PageSlab(page) ? "|slab" : "", PageReserved(page) ? "|reserved" : "",
	       PageHighMem(page) ? "|highmem" : "", alloc_order(page));
	printk(KERN_ALERT "page dumped because: %s\n", reason);
}

void bad_page(const struct page *page, const char *reason, unsigned long caller)
{
	bad_page_reports++;
	printk(KERN_ALERT "BUG: Bad page state in process %s  pfn:%05lx\n",
	       current->comm, page_to_pfn(page));
	dump_page(page, reason);
	printk(KERN_ALERT "caller: %pS\n", (void *)caller);
	dump_stack();
}

/* Why freeing this block is wrong (the fast test in __free_pages failed). */
static const char *free_pages_check(const struct page *page, unsigned int order)
{
	static char buf[64];

	/* a free page has no references, whether in free_area or on a pcp list */
	if (PageBuddy(page) || page_count(page) <= 0)
		return "double free: the page is already free";
	if (PageSlab(page))
		return "the page belongs to a slab cache (kfree it)";
	if (PageReserved(page))
		return "the page is reserved";
	if (alloc_order(page) < 0)
		return "not the first page of an allocation";
	if (alloc_order(page) != (int)order) {
		snprintf(buf, sizeof(buf), "freed with order %u, allocated with order %d",
			 order, alloc_order(page));
		return buf;
	}
	return "bad page flags";
}

static __always_inline void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	/*
	 * A pointer from here on: left to itself, GCC folds the zone's index
	 * into every address below (the pageblock map, the CPU's list and
	 * count), each a multiply and a few adds of its own.
	 */
	OPTIMIZER_HIDE_VAR(zone);
	/* what the architecture knew of the old contents does not carry over */
	page->flags &= ~(PAGE_ORDER_MASK | (1UL << PG_arch_1));
	if (static_branch_unlikely(&init_on_free)) {
		unsigned long i;

		for (i = 0; i < (1UL << order); i++)
			clear_highpage(&page[i]);
	}
	kasan_free_pages(page, order);
	if (order == 0) {
		free_unref_page(page, zone);
		return;
	}
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order,
			pageblock_mt(page));
	spin_unlock_irqrestore(&zone->lock, flags);
}

static __always_inline void __free_pages_caller(struct page *page,
						unsigned int order,
						unsigned long caller)
{
	const unsigned long bad_flags = (1UL << PG_buddy) |
		(1UL << PG_slab) | (1UL << PG_reserved) | PAGE_ORDER_MASK;

	/* one test for the common case: in use, with this order */
	if (unlikely((page->flags & bad_flags) !=
		     (unsigned long)(order + 1) << PAGE_ORDER_SHIFT ||
		     page_ref_count(page) <= 0)) {
		bad_page(page, order < MAX_ORDER ? free_pages_check(page, order) :
			 "order too large", caller);
		return;
	}
	if (!page_ref_dec_and_test(page))
		return;
	if (unlikely(page_mapcount(page))) {
		/* the last reference of a page still in a page table: keep it */
		set_page_count(page, 1);
		bad_page(page, "the page is still mapped (nonzero mapcount)", caller);
		return;
	}
	free_the_page(page, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	__free_pages_caller(page, order, _RET_IP_);
}

void put_page(struct page *page)
{
	int order = alloc_order(page);

	__free_pages_caller(page, order < 0 ? 0 : order, _RET_IP_);
}

/* The page of a direct-map address, or NULL (with a report) if it is not one. */
static struct page *lowmem_addr_to_page(unsigned long addr, unsigned long caller)
{
	if ((addr & ~PAGE_MASK) || !virt_addr_valid(addr)) {
		pr_alert("BUG: free_pages(%#lx): not a page-aligned direct-map address, caller %pS\n",
			 addr, (void *)caller);
		bad_page_reports++;
		return NULL;
	}
	return virt_to_page(addr);
}

void free_pages(unsigned long addr, unsigned int order)
{
	struct page *page;

	if (!addr)
		return;
	page = lowmem_addr_to_page(addr, _RET_IP_);
	if (page)
		__free_pages_caller(page, order, _RET_IP_);
}

static unsigned int get_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* A 2^order block turned into 2^order order-0 allocations. */
static void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		set_alloc_order(&page[i], 0);
		set_page_count(&page[i], 1);
		reset_page_mapcount(&page[i]);
	}
}

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	unsigned long addr, used, end;

	if (!size || order >= MAX_ORDER)
		return NULL;
	addr = __get_free_pages(gfp, order);
	if (!addr)
		return NULL;
	split_page(virt_to_page(addr), order);
	used = addr + ALIGN(size, PAGE_SIZE);
	end = addr + (PAGE_SIZE << order);
	for (; used < end; used += PAGE_SIZE)
		free_page(used);
	return (void *)addr;
}

void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt;
	unsigned long end = addr + ALIGN(size, PAGE_SIZE);

	for (; addr < end; addr += PAGE_SIZE)
		free_page(addr);
}

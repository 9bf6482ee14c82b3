// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB: the slab allocator.
 *
 * A slab is 2^order pages cut into objects of one cache. Its first
 * struct page holds the slab's state: freelist (the first free object;
 * each free object holds the pointer to the next, at s->offset inside
 * it), inuse, objects, frozen, and the owning cache. The other pages
 * point back to the first (compound_head), so any address in a slab
 * finds its cache.
 *
 * Fast path: each CPU owns one slab (kmem_cache_cpu: page and freelist).
 * Allocating pops that freelist, freeing an object of that same slab
 * pushes onto it; with interrupts masked, nothing else can touch it, so
 * no lock is taken. The CPU slab is "frozen": its page->inuse counts all
 * its objects as taken and the CPU owns its freelist.
 *
 * Slow path: when the CPU freelist is empty, take what other frees left
 * on the frozen page's own freelist; failing that, unfreeze the page
 * (now full, it sits on no list) and freeze one of the CPU's partial
 * slabs, or one from the node's partial list, or a new one from the
 * buddy allocator. A free into a slab that is not this CPU's slab (a
 * remote free: another CPU's slab, a partial or a full one) pushes the
 * object onto that page's freelist.
 *
 * A page's freelist and its counters (inuse, objects, frozen) change
 * together, in one compare-and-exchange of the doubleword they make
 * (cmpxchg_double_slab, LDREXD/STREXD), as Linux's __slab_free does:
 * read both, compute the new pair, and retry if either changed
 * meanwhile. So a remote free takes no lock unless the slab must change
 * lists; the node's list_lock guards the partial list (and the full
 * list of debug caches), and is taken, before the exchange, by whoever
 * moves a slab on or off a list: freezing a node partial slab, a slab
 * leaving a CPU, a free that empties a partial slab or fills in a full
 * one with no CPU partial list to go to. A full slab that gets a free
 * is frozen by that exchange and joins the freeing CPU's partial list
 * (as Linux's cpu_partial): up to cpu_partial_slabs of them, past which
 * the list goes back to the node (unfrozen). A node slab that empties
 * goes back to the buddy allocator once min_partial others are kept.
 * Debug caches have no CPU slabs and do everything under list_lock.
 *
 * Every CPU's state is its own: another CPU that needs it given back
 * (flush_all: validation, counting, destroying a cache) asks each CPU
 * by IPI to do it (on_each_cpu, waited for).
 *
 * Debugging (slub_debug=FZPU or the flags): such caches bypass the CPU
 * slab and check every object on allocation and free: red zones around
 * each object (0xcc while allocated, 0xbb while free), poison in free
 * objects (0x6b, last byte 0xa5), the free pointer, and the callers that
 * allocated and freed it. A violation is reported the way Linux does
 * ("BUG kmalloc-64: Right Redzone overwritten"), counted, and repaired,
 * and the kernel goes on; a free that finds one leaves the object
 * allocated, as Linux does.
 *
 * kmalloc has a cache per size class, and a second set (dma-kmalloc-N)
 * whose slabs come from ZONE_DMA for GFP_DMA requests. A cache's slabs
 * take its allocflags: ZONE_DMA, or reclaimable pageblocks for
 * SLAB_RECLAIM_ACCOUNT caches.
 *
 * Lock order: slab_caches_lock, then a node's list_lock, then the
 * buddy allocator's zone lock.
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
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmstat.h>

#define MIN_PARTIAL		5
#define MAX_PARTIAL		10
#define SLUB_MAX_ORDER		3	/* PAGE_ALLOC_COSTLY_ORDER */
#define OO_WASTE_FRACTION	16	/* accept 1/16 of a slab wasted */

/* Who allocated or freed an object, kept after it with SLAB_STORE_USER. */
struct track {
	unsigned long addr;
	unsigned long when;	/* jiffies */
	int cpu;
	int pid;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
static struct kmem_cache *kmem_cache;	/* the cache of kmem_cache structs */
static struct kmem_cache boot_kmem_cache ____cacheline_aligned;

unsigned long slab_errors;

/* ---- slub_debug= ---- */

static slab_flags_t slub_debug;
static char slub_debug_names[128];	/* comma-separated; empty = all */

static int __init setup_slub_debug(const char *val)
{
	slab_flags_t flags = 0;
	const char *p = val;

	if (!*p) {
		slub_debug = SLAB_DEBUG_FLAGS;
		return 0;
	}
	for (; *p && *p != ','; p++) {
		switch (*p) {
		case 'F': case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'Z': case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'P': case 'p':
			flags |= SLAB_POISON;
			break;
		case 'U': case 'u':
			flags |= SLAB_STORE_USER;
			break;
		case '-':
			break;
		default:
			return -EINVAL;
		}
	}
	slub_debug = flags;
	snprintf(slub_debug_names, sizeof(slub_debug_names), "%s", *p ? p + 1 : "");
	return 0;
}
__setup("slub_debug", setup_slub_debug);

static bool name_in_list(const char *name, const char *list)
{
	size_t len = strlen(name);

	while (*list) {
		size_t n = strcspn(list, ",");

		if (n == len && !memcmp(list, name, n))
			return true;
		list += n + (list[n] == ',');
	}
	return false;
}

static slab_flags_t debug_flags_for(const char *name, slab_flags_t flags)
{
	if (flags & SLAB_NO_USER_FLAGS)
		return flags;
	if (slub_debug && (!slub_debug_names[0] ||
			   name_in_list(name, slub_debug_names)))
		flags |= slub_debug;
	return flags;
}

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* ---- object layout ---- */

/*
 * Free pointers are stored obfuscated, as Linux's SLAB_FREELIST_HARDENED
 * does: XORed with the cache's random value and the byte-swapped address
 * they are stored at. An overflow from a neighbouring object cannot
 * write a pointer the allocator will follow to where the attacker wants,
 * and a leaked one says nothing of the heap's layout.
 */
static inline void *freelist_ptr(const struct kmem_cache *s, void *ptr,
				 unsigned long ptr_addr)
{
	return (void *)((unsigned long)ptr ^ s->random ^
			(unsigned long)__builtin_bswap32((u32)ptr_addr));
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)ptr_addr, ptr_addr);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object,
				   void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	/* an object pointing at itself: freed twice in a row (naive, as Linux's) */
	BUG_ON(object == fp);
	*(void **)ptr_addr = freelist_ptr(s, fp, ptr_addr);
}

/* The exchange's pair of words (mm_types.h checks their alignment). */
_Static_assert(offsetof(struct page, counters) == offsetof(struct page, freelist) +
	       sizeof(void *), "struct page: counters must follow freelist");

/*
 * Sets @page's freelist and counters to @freelist_new and @counters_new
 * if they still are @freelist_old and @counters_old; false if another
 * CPU changed either first (the caller reads them again and retries).
 * A full barrier, as Linux's: an object's free pointer is written before
 * the exchange publishes it, and read after the exchange that took it.
 */
static inline bool cmpxchg_double_slab(struct page *page, void *freelist_old,
				       unsigned long counters_old, void *freelist_new,
				       unsigned long counters_new)
{
	bool done;

	smp_mb();
	done = __cmpxchg_double_relaxed((volatile unsigned long *)&page->freelist,
					(unsigned long)freelist_old, counters_old,
					(unsigned long)freelist_new, counters_new);
	smp_mb();
	return done;
}

static inline void *slab_address(const struct page *page)
{
	return lowmem_page_address(page);
}

/* The object in slot @i of a slab. */
static inline void *slab_object(const struct kmem_cache *s,
				const struct page *page, unsigned int i)
{
	return (char *)slab_address(page) + i * s->size + s->red_left_pad;
}

static inline unsigned int track_offset(const struct kmem_cache *s)
{
	return s->offset >= s->inuse ? s->inuse + sizeof(void *) : s->inuse;
}

static struct track *get_track(const struct kmem_cache *s, void *object,
			       enum track_item alloc)
{
	return (struct track *)((char *)object + track_offset(s)) + alloc;
}

/* kmalloc caches with SLAB_STORE_USER keep the size asked for. */
static inline bool has_orig_size(const struct kmem_cache *s)
{
	return (s->flags & (SLAB_KMALLOC | SLAB_STORE_USER | SLAB_RED_ZONE)) ==
	       (SLAB_KMALLOC | SLAB_STORE_USER | SLAB_RED_ZONE);
}

static unsigned int *orig_size_ptr(const struct kmem_cache *s, void *object)
{
	return (unsigned int *)((char *)object + track_offset(s) +
				2 * sizeof(struct track));
}

static void set_track(const struct kmem_cache *s, void *object,
		      enum track_item alloc, unsigned long addr)
{
	struct track *t;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	t = get_track(s, object, alloc);
	t->addr = addr;
	t->when = jiffies;
	t->cpu = smp_processor_id();
	t->pid = current->pid;
}

/* ---- reports ---- */

static void slab_bug(const struct kmem_cache *s, const char *fmt, ...)
{
	char msg[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	slab_errors++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

static void print_track(const char *what, const struct track *t)
{
	if (!t->addr)
		return;
	pr_err("INFO: %s in %pS age=%lu cpu=%d pid=%d\n", what, (void *)t->addr,
	       jiffies - t->when, t->cpu, t->pid);
}

static void hex_dump(const char *label, const u8 *p, unsigned int len)
{
	unsigned int i, j;

	for (i = 0; i < len; i += 16) {
		char line[64];
		int n = 0;

		for (j = i; j < min(len, i + 16); j++)
			n += scnprintf(line + n, sizeof(line) - n, " %02x", p[j]);
		pr_err("%-8s %p:%s\n", i ? "" : label, p + i, line);
	}
}

static void print_trailer(const struct kmem_cache *s, const struct page *page,
			  u8 *p)
{
	pr_err("INFO: Slab 0x%p objects=%u used=%u fp=0x%p flags=0x%lx\n",
	       page, page->objects, page->inuse, page->freelist, page->flags);
	pr_err("INFO: Object 0x%p @offset=%lu fp=0x%p\n\n", p,
	       (unsigned long)(p - (u8 *)slab_address(page)),
	       get_freepointer(s, p));
	if (s->flags & SLAB_STORE_USER) {
		print_track("Allocated", get_track(s, p, TRACK_ALLOC));
		print_track("Freed", get_track(s, p, TRACK_FREE));
	}
	if (s->red_left_pad)
		hex_dump("Redzone", p - s->red_left_pad, s->red_left_pad);
	hex_dump("Object", p, min(s->object_size, 64u));
	if (s->flags & SLAB_RED_ZONE)
		hex_dump("Redzone", p + s->object_size, s->inuse - s->object_size);
}

/*
 * Checks that [start, start + len) holds @value; if not, reports the
 * first and last wrong byte, restores the range and returns false.
 */
static bool check_bytes_and_report(const struct kmem_cache *s,
				   const struct page *page, u8 *object,
				   const char *what, u8 *start, u8 value,
				   unsigned int len)
{
	u8 *fault = NULL, *end = NULL;
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (start[i] != value) {
			if (!fault)
				fault = start + i;
			end = start + i;
		}
	}
	if (!fault)
		return true;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: 0x%p-0x%p @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       fault, end, (unsigned long)(fault - (u8 *)slab_address(page)),
	       *fault, value);
	print_trailer(s, page, object);
	memset(start, value, len);
	pr_err("FIX %s: Restoring %s 0x%p-0x%p=0x%x\n\n", s->name, what, fault,
	       end, value);
	return false;
}

static void init_object(const struct kmem_cache *s, u8 *p, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && !s->ctor) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/* Is @p the start of an object of this slab (or NULL)? */
static bool check_valid_pointer(const struct kmem_cache *s,
				const struct page *page, const void *p)
{
	const char *base = (const char *)slab_address(page) + s->red_left_pad;

	if (!p)
		return true;
	if ((const char *)p < base ||
	    (const char *)p >= base + page->objects * s->size)
		return false;
	return ((const char *)p - base) % s->size == 0;
}

/*
 * Checks one object: red zones against @val (active or inactive), the
 * kmalloc red zone past the size asked for, and for a free object the
 * poison and its free pointer. Returns the errors found.
 */
static int check_object(const struct kmem_cache *s, struct page *page,
			u8 *p, u8 val)
{
	int errors = 0;

	if (s->flags & SLAB_RED_ZONE) {
		errors += !check_bytes_and_report(s, page, p, "Left Redzone",
						  p - s->red_left_pad, val,
						  s->red_left_pad);
		errors += !check_bytes_and_report(s, page, p, "Right Redzone",
						  p + s->object_size, val,
						  s->inuse - s->object_size);
		if (has_orig_size(s) && val == SLUB_RED_ACTIVE &&
		    *orig_size_ptr(s, p) < s->object_size)
			errors += !check_bytes_and_report(s, page, p,
				"kmalloc Redzone", p + *orig_size_ptr(s, p), val,
				s->object_size - *orig_size_ptr(s, p));
	}
	if (val == SLUB_RED_INACTIVE && (s->flags & SLAB_POISON) && !s->ctor) {
		errors += !check_bytes_and_report(s, page, p, "Poison", p,
						  POISON_FREE, s->object_size - 1);
		errors += !check_bytes_and_report(s, page, p, "End Poison",
						  p + s->object_size - 1,
						  POISON_END, 1);
	}
	if (val == SLUB_RED_INACTIVE &&
	    !check_valid_pointer(s, page, get_freepointer(s, p))) {
		slab_bug(s, "Freepointer corrupt");
		print_trailer(s, page, p);
		/* the rest of the chain is lost: cut it here */
		set_freepointer(s, p, NULL);
		pr_err("FIX %s: Freechain cut at 0x%p\n\n", s->name, p);
		errors++;
	}
	return errors;
}

/* ---- slabs ---- */

static void slab_account(const struct kmem_cache *s, long pages)
{
	mod_node_page_state(s->flags & SLAB_RECLAIM_ACCOUNT ?
			    NR_SLAB_RECLAIMABLE : NR_SLAB_UNRECLAIMABLE, pages);
}

/* The node's slab and object counts, which its list_lock guards. */
static void slab_count(struct kmem_cache *s, long slabs, long objects)
{
	unsigned long flags;

	spin_lock_irqsave(&s->node.list_lock, flags);
	s->node.nr_slabs += slabs;
	s->node.total_objects += objects;
	spin_unlock_irqrestore(&s->node.list_lock, flags);
}

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page;
	unsigned int i;
	void *prev = NULL;

	page = alloc_pages((gfp & ~(__GFP_HIGHMEM | __GFP_ZERO)) | __GFP_COMP |
			   s->allocflags, s->order);
	if (!page)
		return NULL;
	for (i = 0; i < (1U << s->order); i++) {
		SetPageSlab(&page[i]);
		if (i)
			page[i].compound_head = (unsigned long)page | 1;
	}
	page->slab_cache = s;
	page->objects = s->objects;
	page->inuse = 0;
	page->frozen = 0;
	INIT_LIST_HEAD(&page->slab_list);
	/* thread the free objects in address order */
	for (i = s->objects; i-- > 0;) {
		void *object = slab_object(s, page, i);

		if (kmem_cache_debug(s))
			init_object(s, object, SLUB_RED_INACTIVE);
		if (s->flags & SLAB_STORE_USER)
			memset(get_track(s, object, TRACK_ALLOC), 0,
			       2 * sizeof(struct track));
		if (s->ctor)
			s->ctor(object);
		set_freepointer(s, object, prev);
		prev = object;
	}
	page->freelist = prev;
	kasan_poison_slab(s, page);
	slab_count(s, 1, s->objects);
	slab_account(s, 1L << s->order);
	return page;
}

/* Not under list_lock (it takes it): a slab no one can reach any more. */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	unsigned int i;

	slab_count(s, -1, -(long)page->objects);
	slab_account(s, -(1L << s->order));
	for (i = 0; i < (1U << s->order); i++) {
		ClearPageSlab(&page[i]);
		page[i].compound_head = 0;
	}
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->counters = 0;
	INIT_LIST_HEAD(&page->lru);
	__free_pages(page, s->order);
}

static void add_partial(struct kmem_cache_node *n, struct page *page)
{
	list_add_tail(&page->slab_list, &n->partial);
	n->nr_partial++;
}

static void remove_partial(struct kmem_cache_node *n, struct page *page)
{
	list_del(&page->slab_list);
	n->nr_partial--;
}

/*
 * Gives a frozen slab back: the CPU's leftover objects rejoin the page's
 * freelist (the chain goes on whole, ahead of what remote frees left
 * there) and the page is unfrozen, in one exchange under list_lock; it
 * goes to the partial list, or back to the buddy allocator if it is
 * empty and enough partial slabs are kept, or, full, on no list.
 * Interrupts are off; @c is this CPU's.
 */
static void deactivate_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page = c->page, new;
	void *head = c->freelist, *tail = NULL, *prior, *object;
	unsigned long counters;
	unsigned int nr = 0;

	if (!page)
		return;
	for (object = head; object; object = get_freepointer(s, object)) {
		tail = object;
		nr++;
	}
	c->page = NULL;
	c->freelist = NULL;
	spin_lock(&n->list_lock);
	do {
		prior = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		if (tail)
			set_freepointer(s, tail, prior);
		new.counters = counters;
		new.inuse -= nr;
		new.frozen = 0;
	} while (!cmpxchg_double_slab(page, prior, counters, head ? head : prior, new.counters));
	if (!new.inuse && n->nr_partial >= s->min_partial) {
		spin_unlock(&n->list_lock);
		discard_slab(s, page);
		return;
	}
	if (head || prior)
		add_partial(n, page);
	spin_unlock(&n->list_lock);
}

/*
 * Freezes or unfreezes a slab that moves between the node's partial list
 * and a CPU, under list_lock; returns its count of objects in use as the
 * exchange left it. Remote frees may push objects meanwhile: the
 * exchange retries until it lands.
 */
static unsigned int set_slab_frozen(struct page *page, bool frozen)
{
	struct page new;
	unsigned long counters;
	void *freelist;

	do {
		freelist = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		new.counters = counters;
		new.frozen = frozen;
	} while (!cmpxchg_double_slab(page, freelist, counters, freelist, new.counters));
	return new.inuse;
}

/*
 * This CPU's partial slabs go back to the node, unfrozen; the empty ones
 * go back to the buddy allocator while enough partial slabs are kept.
 * Each has a free object (it got one while full, and no one allocates
 * from a slab on a CPU's partial list). Interrupts are off.
 */
static void unfreeze_partials(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page, *tmp;
	LIST_HEAD(discard);

	if (!c->nr_partial)
		return;
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(page, tmp, &c->partial, slab_list) {
		list_del(&page->slab_list);
		if (!set_slab_frozen(page, false) && n->nr_partial >= s->min_partial)
			list_add(&page->slab_list, &discard);
		else
			add_partial(n, page);
	}
	c->nr_partial = 0;
	spin_unlock(&n->list_lock);
	list_for_each_entry_safe(page, tmp, &discard, slab_list)
		discard_slab(s, page);
}

/*
 * A full slab that just got a free, frozen by __slab_free, joins this
 * CPU's partial list; a list already at its limit goes to the node
 * first, as Linux's put_cpu_partial does. Interrupts are off.
 */
static void put_cpu_partial(struct kmem_cache *s, struct page *page)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[smp_processor_id()];

	if (c->nr_partial >= s->cpu_partial_slabs)
		unfreeze_partials(s, c);
	list_add(&page->slab_list, &c->partial);
	c->nr_partial++;
}

/*
 * Takes a slab from the node's partial list and freezes it for this CPU
 * (remote frees may push objects onto it meanwhile, without the lock).
 */
static struct page *get_partial(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page;

	spin_lock(&n->list_lock);
	page = list_first_entry_or_null(&n->partial, struct page, slab_list);
	if (page) {
		remove_partial(n, page);
		set_slab_frozen(page, true);
	}
	spin_unlock(&n->list_lock);
	return page;
}

/*
 * Takes all of the frozen @page's free objects for this CPU, whose
 * freelist they become (inuse then counts every object); a page with
 * none is unfrozen by the same exchange: full, it leaves the CPU and
 * sits on no list until a free brings it back. As Linux's get_freelist.
 */
static void *get_freelist(struct page *page)
{
	struct page new;
	unsigned long counters;
	void *freelist;

	do {
		freelist = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		new.counters = counters;
		new.inuse = new.objects;
		new.frozen = freelist != NULL;
	} while (!cmpxchg_double_slab(page, freelist, counters, NULL, new.counters));
	return freelist;
}

/* Interrupts are off; @c is this CPU's. The CPU freelist is empty. */
static void *__slab_alloc(struct kmem_cache *s, gfp_t gfp,
			  struct kmem_cache_cpu *c)
{
	struct page *page = c->page;
	void *freelist = c->freelist;

	if (freelist) {		/* an interrupt refilled it meanwhile */
		c->freelist = get_freepointer(s, freelist);
		return freelist;
	}
	if (page) {
		/* what remote frees left since it was frozen, or it leaves */
		freelist = get_freelist(page);
		if (freelist)
			goto out;
		c->page = NULL;
	}
	page = list_first_entry_or_null(&c->partial, struct page, slab_list);
	if (page) {
		list_del(&page->slab_list);	/* frozen already */
		c->nr_partial--;
	} else {
		page = get_partial(s);
	}
	if (!page) {
		page = new_slab(s, gfp);
		if (!page)
			return NULL;
		page->frozen = 1;	/* no one else knows of it yet */
	}
	c->page = page;
	freelist = get_freelist(page);	/* frozen, with a free object: it stays so */
out:
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/* Debug caches: one object at a time from a partial slab, all checked. */
static void *alloc_debug(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page;
	u8 *object;

	spin_lock(&n->list_lock);
	for (;;) {
		page = list_first_entry_or_null(&n->partial, struct page, slab_list);
		if (!page) {
			spin_unlock(&n->list_lock);
			page = new_slab(s, gfp);
			if (!page)
				return NULL;
			spin_lock(&n->list_lock);
			add_partial(n, page);
		}
		object = page->freelist;
		if (check_valid_pointer(s, page, object))
			break;
		/* a corrupt freelist: keep the slab out of use from now on */
		slab_bug(s, "Freelist Pointer check fails");
		pr_err("INFO: Slab 0x%p freelist 0x%p is not an object of it\n",
		       page, object);
		page->freelist = NULL;
		page->inuse = page->objects;
		remove_partial(n, page);
		list_add(&page->slab_list, &n->full);
	}
	check_object(s, page, object, SLUB_RED_INACTIVE);
	page->freelist = get_freepointer(s, object);
	page->inuse++;
	if (!page->freelist) {
		remove_partial(n, page);
		list_add(&page->slab_list, &n->full);
	}
	set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	spin_unlock(&n->list_lock);
	return object;
}

/* Everything but a pop from the CPU freelist, out of line. */
static __noinline void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp,
					unsigned long addr)
{
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	if (kmem_cache_debug(s))
		object = alloc_debug(s, gfp, addr);
	else
		object = __slab_alloc(s, gfp, &s->cpu_slab[smp_processor_id()]);
	local_irq_restore(flags);
	if (unlikely(!object) && !(gfp & __GFP_NOWARN))
		pr_warn("SLUB: Unable to allocate memory: cache %s, object size %u, order %u\n",
			s->name, s->object_size, s->order);
	return object;
}

/* The fast path. A debug cache never has a CPU freelist, so it always
 * goes the slow way, where every object is checked. */
/* failslab=: Linux's fault-injection attribute for slab allocations */
struct fault_attr failslab = FAULT_ATTR_INITIALIZER("failslab", NULL);

static int __init setup_failslab(const char *str)
{
	return setup_fault_attr(&failslab, str);
}
__setup("failslab", setup_failslab);

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp,
					unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	if (static_branch_unlikely(&failslab.active) &&
	    should_fail(&failslab, s->object_size))
		return NULL;

	local_irq_save(flags);
	c = &s->cpu_slab[smp_processor_id()];
	object = c->freelist;
	if (likely(object)) {
		c->freelist = get_freepointer(s, object);
		local_irq_restore(flags);
	} else {
		local_irq_restore(flags);
		object = slab_alloc_slow(s, gfp, addr);
	}
	kasan_slab_alloc(s, object, addr);
	if (static_branch_unlikely(&init_on_alloc) && object && !kmem_cache_debug(s) && !s->ctor)
		memset(object, 0, s->object_size);
	return object;
}

static bool on_freelist(const struct kmem_cache *s, const struct page *page,
			const void *object)
{
	void *p = page->freelist;
	unsigned int n = 0;

	while (p && n++ <= page->objects) {
		if (p == object)
			return true;
		if (!check_valid_pointer(s, page, p))
			return false;
		p = get_freepointer(s, p);
	}
	return false;
}

/*
 * A debug cache's free, all under list_lock (its slabs are never a
 * CPU's): a full slab moves from the full list to the partial list, an
 * empty one goes back to the buddy allocator once min_partial are kept.
 */
static void free_debug_slab(struct kmem_cache *s, struct page *page, void *object)
{
	struct kmem_cache_node *n = &s->node;
	bool was_full;

	spin_lock(&n->list_lock);
	was_full = !page->freelist;
	set_freepointer(s, object, page->freelist);
	page->freelist = object;
	page->inuse--;
	if (was_full)
		list_del(&page->slab_list);
	if (!page->inuse && n->nr_partial >= s->min_partial) {
		if (!was_full)
			remove_partial(n, page);
		spin_unlock(&n->list_lock);
		discard_slab(s, page);
		return;
	}
	if (was_full)
		add_partial(n, page);
	spin_unlock(&n->list_lock);
}

/*
 * A remote free (interrupts off; the object is not of this CPU's slab):
 * pushed onto its page's freelist by one exchange, as Linux's
 * __slab_free. Only a change of list takes list_lock, before the
 * exchange so that no one moves the slab meanwhile: a full slab (no CPU
 * partial list to freeze it for) goes to the node's partial list, a
 * partial one that empties goes back to the buddy allocator. A frozen
 * slab's owner finds the object on the page when its own run out.
 */
static void __slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	struct kmem_cache_node *n = NULL;
	struct page new;
	unsigned long counters;
	bool was_frozen;
	void *prior;

	do {
		if (n) {	/* the slab changed under the last try */
			spin_unlock(&n->list_lock);
			n = NULL;
		}
		prior = READ_ONCE(page->freelist);
		counters = READ_ONCE(page->counters);
		set_freepointer(s, object, prior);
		new.counters = counters;
		was_frozen = new.frozen;
		new.inuse--;
		if ((!new.inuse || !prior) && !was_frozen) {
			if (s->cpu_partial_slabs && !prior) {
				new.frozen = 1;	/* full: it joins this CPU's partial list */
			} else {
				n = &s->node;
				spin_lock(&n->list_lock);
			}
		}
	} while (!cmpxchg_double_slab(page, prior, counters, object, new.counters));

	if (!n) {
		if (!was_frozen && new.frozen)
			put_cpu_partial(s, page);
		return;
	}
	if (!new.inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, page);	/* full ones are on no list */
		spin_unlock(&n->list_lock);
		discard_slab(s, page);
		return;
	}
	if (!prior)
		add_partial(n, page);
	spin_unlock(&n->list_lock);
}

/* Returns false, having reported it, when the object may not be freed. */
static bool free_debug_checks(struct kmem_cache *s, struct page *page,
			      void *object, unsigned long addr)
{
	if (!check_valid_pointer(s, page, object)) {
		slab_bug(s, "Invalid object pointer 0x%p", object);
		pr_err("INFO: freed by %pS\n", (void *)addr);
		return false;
	}
	spin_lock(&s->node.list_lock);
	if (on_freelist(s, page, object)) {
		spin_unlock(&s->node.list_lock);
		slab_bug(s, "Object already free");
		print_trailer(s, page, object);
		pr_err("INFO: freed again by %pS\n\n", (void *)addr);
		return false;
	}
	spin_unlock(&s->node.list_lock);
	if (check_object(s, page, object, SLUB_RED_ACTIVE)) {
		/* something wrote out of bounds: it may still hold the object */
		pr_err("FIX %s: Object at 0x%p not freed\n\n", s->name, object);
		return false;
	}
	set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

static __noinline void slab_free_slow(struct kmem_cache *s, struct page *page,
				      void *object, unsigned long addr)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!kmem_cache_debug(s))
		__slab_free(s, page, object);
	else if (free_debug_checks(s, page, object, addr))
		free_debug_slab(s, page, object);
	local_irq_restore(flags);
}

/* The fast path: an object of this CPU's slab goes on its freelist. */
static __always_inline void slab_free(struct kmem_cache *s, struct page *page,
				      void *object, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	if (kasan_slab_free(s, object, addr))
		return;
	/* a debugged cache poisons instead (and checks the poison); a ctor's work stays */
	if (static_branch_unlikely(&init_on_free) && !kmem_cache_debug(s) && !s->ctor)
		memset(object, 0, s->object_size);
	local_irq_save(flags);
	c = &s->cpu_slab[smp_processor_id()];
	if (likely(page == c->page)) {
		set_freepointer(s, object, c->freelist);
		c->freelist = object;
		local_irq_restore(flags);
		return;
	}
	local_irq_restore(flags);
	slab_free_slow(s, page, object, addr);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	void *object = slab_alloc(s, gfp, _RET_IP_);

	if (object && (gfp & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	void *object = slab_alloc(s, gfp, _RET_IP_);

	if (object)
		memset(object, 0, s->object_size);
	return object;
}

static __noinline void bad_free_address(const void *object, unsigned long addr)
{
	pr_err("SLUB: free of 0x%p, not a kernel direct-map address, by %pS\n",
	       object, (void *)addr);
	slab_errors++;
}

/* The slab page of an object, or NULL with a report if it is not one. */
static __always_inline struct page *object_slab(const void *object,
						unsigned long addr)
{
	unsigned long a = (unsigned long)object;

	if (unlikely(!virt_addr_valid(a))) {
		bad_free_address(object, addr);
		return NULL;
	}
	return compound_head(virt_to_page(a));
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *page;

	if (!object)
		return;
	page = object_slab(object, _RET_IP_);
	if (!page)
		return;
	if (!PageSlab(page) || page->slab_cache != s) {
		pr_err("SLUB: kmem_cache_free(%s, 0x%p): object of %s, by %pS\n",
		       s->name, object,
		       PageSlab(page) ? page->slab_cache->name : "no cache",
		       (void *)_RET_IP_);
		slab_errors++;
		return;
	}
	slab_free(s, page, object, _RET_IP_);
}

/* ---- cache creation ---- */

/*
 * Objects a slab should hold at least: more with more CPUs, as Linux's
 * calculate_order reasons, since each CPU holds a slab (and partial
 * ones) of every cache it uses, and a CPU should go to the node's lists
 * rarely.
 */
static unsigned int slub_min_objects(void)
{
	return 4 * (fls(nr_cpu_ids) + 1);
}

/*
 * As Linux's calculate_order: the smallest order (up to 3) that holds at
 * least min_objects objects while wasting at most 1/16 of the slab,
 * asking for fewer objects until one fits.
 */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects, order;

	min_objects = min(slub_min_objects(),
			  (unsigned int)(PAGE_SIZE << SLUB_MAX_ORDER) / size);
	for (; min_objects; min_objects--) {
		for (order = 0; order <= SLUB_MAX_ORDER; order++) {
			unsigned int slab = PAGE_SIZE << order;

			if (slab / size >= min_objects &&
			    (slab % size) * OO_WASTE_FRACTION <= slab)
				return order;
		}
	}
	for (order = 0; (PAGE_SIZE << order) < size; order++)
		;
	return order;
}

/* Lays out a slot: [left red zone][object][right red zone][free pointer]
 * [tracks][orig size][padding red zone], each part present only with its
 * debug flag, as Linux's calculate_sizes does. */
static int calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor) {
		s->offset = size;	/* outside the object: poison stays whole */
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	if (flags & SLAB_STORE_USER) {
		size += 2 * sizeof(struct track);
		if (flags & SLAB_KMALLOC)
			size += sizeof(unsigned int);
	}
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size += kasan_slab_redzone(s->object_size);
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	s->objects = (PAGE_SIZE << s->order) / s->size;
	return s->objects ? 0 : -EINVAL;
}

/*
 * How many free objects a CPU may keep on partial slabs, by object size
 * as Linux's set_cpu_partial, and so how many slabs (counting each as
 * half free). A debug cache keeps none: each of its objects is checked
 * on the node's lists.
 */
static void set_cpu_partial(struct kmem_cache *s)
{
	if (kmem_cache_debug(s))
		s->cpu_partial = 0;
	else if (s->size >= PAGE_SIZE)
		s->cpu_partial = 6;
	else if (s->size >= 1024)
		s->cpu_partial = 24;
	else if (s->size >= 256)
		s->cpu_partial = 52;
	else
		s->cpu_partial = 120;
	s->cpu_partial_slabs = DIV_ROUND_UP(s->cpu_partial * 2, s->objects);
}

static int kmem_cache_open(struct kmem_cache *s, const char *name,
			   unsigned int size, unsigned int align,
			   slab_flags_t flags, void (*ctor)(void *))
{
	int cpu, err;

	memset(s, 0, sizeof(*s));
	get_random_bytes(&s->random, sizeof(s->random));
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = debug_flags_for(name, flags);
	/* where the slabs come from is the cache's, not each caller's, choice */
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= __GFP_DMA;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)L1_CACHE_BYTES);
	align = max(align, KASAN_SLAB_ALIGN);
	s->align = ALIGN(max(align, (unsigned int)sizeof(void *)), sizeof(void *));
	s->min_partial = clamp((unsigned long)fls(size) / 2,
			       (unsigned long)MIN_PARTIAL, (unsigned long)MAX_PARTIAL);
	spin_lock_init(&s->node.list_lock);
	INIT_LIST_HEAD(&s->node.partial);
	INIT_LIST_HEAD(&s->node.full);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		INIT_LIST_HEAD(&s->cpu_slab[cpu].partial);
	err = calculate_sizes(s);
	if (!err)
		set_cpu_partial(s);
	return err;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	unsigned long irq;

	if (!name || !size || size > KMALLOC_MAX_CACHE_SIZE ||
	    (align & (align - 1)))
		goto fail;
	s = kmem_cache_alloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto fail;
	if (kmem_cache_open(s, name, size, align, flags, ctor)) {
		kmem_cache_free(kmem_cache, s);
		goto fail;
	}
	spin_lock_irqsave(&slab_caches_lock, irq);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irq);
	return s;
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s", name ? name : "?");
	pr_err("kmem_cache_create(%s) failed: size %u align %u\n",
	       name ? name : "(null)", size, align);
	return NULL;
}

/* This CPU gives its slab and partial slabs of @info (a cache) back. */
static void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;
	struct kmem_cache_cpu *c = &s->cpu_slab[smp_processor_id()];

	deactivate_slab(s, c);
	unfreeze_partials(s, c);
}

/*
 * Every CPU gives @s's slabs back, each its own, and this waits for all
 * (on_each_cpu). Waiting for other CPUs needs interrupts on here: with
 * them masked, only this CPU's go back.
 */
static void flush_all(struct kmem_cache *s)
{
	if (irqs_disabled())
		flush_cpu_slab(s);
	else
		on_each_cpu(flush_cpu_slab, s, 1);
}

/* Reports each object still allocated in a slab about to be destroyed. */
static unsigned int list_slab_objects(struct kmem_cache *s, struct page *page)
{
	unsigned int i, leaked = 0;

	for (i = 0; i < page->objects; i++) {
		void *p = slab_object(s, page, i);

		if (on_freelist(s, page, p))
			continue;
		pr_err("Object 0x%p @offset=%lu\n", p,
		       (unsigned long)((char *)p - (char *)slab_address(page)));
		if (s->flags & SLAB_STORE_USER)
			print_track("Allocated", get_track(s, p, TRACK_ALLOC));
		leaked++;
	}
	return leaked;
}

/*
 * Frees the cache and its empty slabs. A cache with objects still in
 * use is reported, object by object, and kept: freeing it would leave
 * those objects pointing into freed memory.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	struct kmem_cache_node *n;
	struct page *page, *tmp;
	unsigned long irq;
	unsigned int leaked = 0;
	LIST_HEAD(empty);

	if (!s)
		return;
	n = &s->node;
	flush_all(s);
	spin_lock_irqsave(&n->list_lock, irq);
	list_for_each_entry_safe(page, tmp, &n->partial, slab_list) {
		if (!page->inuse) {
			remove_partial(n, page);
			list_add(&page->slab_list, &empty);
		}
	}
	spin_unlock_irqrestore(&n->list_lock, irq);
	list_for_each_entry_safe(page, tmp, &empty, slab_list)
		discard_slab(s, page);
	if (n->nr_slabs) {
		slab_bug(s, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
		list_for_each_entry(page, &n->partial, slab_list)
			leaked += list_slab_objects(s, page);
		list_for_each_entry(page, &n->full, slab_list)
			leaked += list_slab_objects(s, page);
		pr_err("kmem_cache_destroy %s: Slab cache still has objects (%lu slabs%s)\n",
		       s->name, n->nr_slabs, leaked ? "" : ", full ones not listed");
		dump_stack();
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, irq);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, irq);
	kmem_cache_free(kmem_cache, s);
}

/* ---- validation ---- */

/*
 * Checks one slab: its freelist (a link that is not an object of the
 * slab is cut: the free objects after it are lost, as in Linux), the
 * count of objects in use, then every object as free or allocated.
 */
static int validate_slab(struct kmem_cache *s, struct page *page)
{
	u8 free_map[(PAGE_SIZE << SLUB_MAX_ORDER) / sizeof(void *) / 8] = { 0 };
	unsigned int i, nr_free = 0;
	void *p = page->freelist, *prev = NULL;
	int errors = 0;

	while (p && nr_free < page->objects) {
		unsigned int idx;

		if (!check_valid_pointer(s, page, p)) {
			slab_bug(s, "Freechain corrupt");
			pr_err("INFO: Slab 0x%p free pointer 0x%p is not an object of it\n",
			       page, p);
			if (prev)
				set_freepointer(s, prev, NULL);
			else
				page->freelist = NULL;
			pr_err("FIX %s: Freechain cut after 0x%p\n\n", s->name, prev);
			errors++;
			break;
		}
		idx = ((char *)p - (char *)slab_object(s, page, 0)) / s->size;
		free_map[idx / 8] |= 1 << (idx % 8);
		nr_free++;
		prev = p;
		p = get_freepointer(s, p);
	}
	if (page->inuse != page->objects - nr_free) {
		slab_bug(s, "Wrong object count");
		pr_err("INFO: Counter is %u but counted were %u\n", page->inuse,
		       page->objects - nr_free);
		page->inuse = page->objects - nr_free;
		pr_err("FIX %s: Object count adjusted\n\n", s->name);
		errors++;
	}
	for (i = 0; i < page->objects; i++) {
		bool is_free = free_map[i / 8] & (1 << (i % 8));

		errors += check_object(s, page, slab_object(s, page, i),
				       is_free ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE);
	}
	return errors;
}

/*
 * For a quiet cache (tests, leak checks): list_lock keeps slabs on their
 * lists, but a remote free meanwhile would change a page the check reads,
 * and a "fix" written then could lose it.
 */
int validate_slab_cache(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct page *page;
	unsigned long flags;
	int errors = 0;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, slab_list)
		errors += validate_slab(s, page);
	list_for_each_entry(page, &n->full, slab_list)
		errors += validate_slab(s, page);
	spin_unlock_irqrestore(&n->list_lock, flags);
	return errors;
}

/* ---- kmalloc ---- */

/* Each kmalloc size class with its caches' names, as Linux's kmalloc_info. */
static const struct {
	unsigned int size;
	const char *name[NR_KMALLOC_TYPES];
} kmalloc_info[KMALLOC_CACHES] = {
	{ 8, { "kmalloc-8", "dma-kmalloc-8" } },
	{ 16, { "kmalloc-16", "dma-kmalloc-16" } },
	{ 32, { "kmalloc-32", "dma-kmalloc-32" } },
	{ 64, { "kmalloc-64", "dma-kmalloc-64" } },
	{ 96, { "kmalloc-96", "dma-kmalloc-96" } },
	{ 128, { "kmalloc-128", "dma-kmalloc-128" } },
	{ 192, { "kmalloc-192", "dma-kmalloc-192" } },
	{ 256, { "kmalloc-256", "dma-kmalloc-256" } },
	{ 512, { "kmalloc-512", "dma-kmalloc-512" } },
	{ 1024, { "kmalloc-1k", "dma-kmalloc-1k" } },
	{ 2048, { "kmalloc-2k", "dma-kmalloc-2k" } },
	{ 4096, { "kmalloc-4k", "dma-kmalloc-4k" } },
	{ 8192, { "kmalloc-8k", "dma-kmalloc-8k" } },
};
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_CACHES];

struct kmem_cache *kmalloc_cache(size_t size)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	return kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(size)];
}

static unsigned int large_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = large_order(size), i;
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than the buddy allocator's largest block\n",
				size);
		return NULL;
	}
	page = alloc_pages((gfp & ~__GFP_HIGHMEM) | __GFP_COMP, order);
	if (!page)
		return NULL;
	for (i = 1; i < (1U << order); i++)
		page[i].compound_head = (unsigned long)page | 1;
	kasan_kmalloc_large(lowmem_page_address(page), size);
	return lowmem_page_address(page);
}

static __always_inline void *__kmalloc_cache(struct kmem_cache *s, gfp_t gfp,
					     size_t size, unsigned long caller)
{
	void *object = slab_alloc(s, gfp, caller);

	kasan_kmalloc(s, object, size);
	if (unlikely(object && has_orig_size(s))) {
		/* the bytes past the request become red zone */
		*orig_size_ptr(s, object) = size;
		memset((u8 *)object + size, SLUB_RED_ACTIVE, s->object_size - size);
	}
	/*
	 * The whole slot, unless the bytes past @size are red zone: a later
	 * krealloc(__GFP_ZERO) within the slot finds them zero already.
	 */
	if (unlikely(object && (gfp & __GFP_ZERO)))
		memset(object, 0, has_orig_size(s) ? size : s->object_size);
	return object;
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size)
{
	return __kmalloc_cache(s, gfp, size, _RET_IP_);
}

static __always_inline void *kmalloc_caller(size_t size, gfp_t gfp,
					    unsigned long caller)
{
	if (!size)
		return NULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return __kmalloc_cache(kmalloc_caches[kmalloc_type(gfp)][kmalloc_index(size)],
			       gfp, size, caller);
}

void *__kmalloc(size_t size, gfp_t gfp)
{
	return kmalloc_caller(size, gfp, _RET_IP_);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc_caller(size, gfp | __GFP_ZERO, _RET_IP_);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc_caller(bytes, gfp | __GFP_ZERO, _RET_IP_);
}

/* The bytes the allocation holding @object really has. */
static size_t __ksize(const void *object)
{
	struct page *page;

	if (!object)
		return 0;
	page = compound_head(virt_to_page(object));
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
}

/*
 * The caller may use all of it from now on, as in Linux: a debug kmalloc
 * cache stops treating the bytes past the size asked for as red zone.
 */
size_t ksize(const void *object)
{
	size_t size = __ksize(object);
	struct page *page;

	if (!size)
		return 0;
	page = compound_head(virt_to_page(object));
	if (PageSlab(page) && has_orig_size(page->slab_cache))
		*orig_size_ptr(page->slab_cache, (void *)object) = size;
	kasan_unpoison_range(object, size);
	return size;
}

static void free_large_kmalloc(struct page *page, const void *object,
			       unsigned long caller)
{
	unsigned int order = compound_order(page), i;

	if (object != lowmem_page_address(page)) {
		pr_err("kfree(0x%p): not the start of an allocation, by %pS\n",
		       object, (void *)caller);
		slab_errors++;
		return;
	}
	for (i = 1; i < (1U << order); i++)
		page[i].compound_head = 0;
	__free_pages(page, order);
}

void kfree(const void *object)
{
	struct page *page;

	if (!object)
		return;
	page = object_slab(object, _RET_IP_);
	if (!page)
		return;
	if (!PageSlab(page)) {
		free_large_kmalloc(page, object, _RET_IP_);
		return;
	}
	slab_free(page->slab_cache, page, (void *)object, _RET_IP_);
}

/*
 * Within the same allocation when the new size fits. With __GFP_ZERO the
 * bytes between the old size and the new one read zero: known exactly
 * when the cache keeps the size asked for; otherwise everything past the
 * new size is cleared, so that growing again later finds zeros (Linux
 * asks __GFP_ZERO of every call for the same memory, from the first).
 */
void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	struct kmem_cache *s = NULL;
	u8 *obj = (u8 *)p;
	size_t ks, old;
	void *n;

	if (!new_size) {
		kfree(p);
		return NULL;
	}
	old = ks = __ksize(p);
	if (p && PageSlab(compound_head(virt_to_page(p))))
		s = compound_head(virt_to_page(p))->slab_cache;
	if (s && has_orig_size(s))
		old = *orig_size_ptr(s, obj);
	kasan_unpoison_range(p, ks);	/* as Linux's ksize(): the copy may read it all */
	if (p && ks >= new_size) {
		if (s && has_orig_size(s)) {
			*orig_size_ptr(s, obj) = new_size;
			memset(obj + new_size, SLUB_RED_ACTIVE, s->object_size - new_size);
			if ((gfp & __GFP_ZERO) && old < new_size)
				memset(obj + old, 0, new_size - old);
		} else if (gfp & __GFP_ZERO) {
			memset(obj + new_size, 0, ks - new_size);
		}
		kasan_krealloc(obj, new_size);
		return obj;
	}
	n = kmalloc_caller(new_size, gfp, _RET_IP_);
	if (n && p) {
		memcpy(n, p, old);
		kfree(p);
	}
	return n;
}

/* ---- boot ---- */

void kmem_cache_init(void)
{
	unsigned int i, type;

	INIT_LIST_HEAD(&slab_caches);
	/* the cache of caches describes itself: it starts in static memory */
	kmem_cache_open(&boot_kmem_cache, "kmem_cache", sizeof(struct kmem_cache),
			0, SLAB_HWCACHE_ALIGN, NULL);
	kmem_cache = &boot_kmem_cache;
	list_add_tail(&boot_kmem_cache.list, &slab_caches);
	for (type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (i = 0; i < KMALLOC_CACHES; i++) {
			unsigned int size = kmalloc_info[i].size;
			/* power-of-two sizes are naturally aligned even with red zones */
			unsigned int align = size & (size - 1) ? ARCH_KMALLOC_MINALIGN : size;

			kmalloc_caches[type][i] =
				kmem_cache_create(kmalloc_info[i].name[type], size, align,
						  SLAB_KMALLOC | SLAB_PANIC |
						  (type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0),
						  NULL);
		}
	}
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=%u, CPUs=%u, Nodes=1\n",
		L1_CACHE_BYTES, SLUB_MAX_ORDER, slub_min_objects(), nr_cpu_ids);
	if (slub_debug)
		pr_info("SLUB: debugging flags %#x for %s\n", slub_debug,
			slub_debug_names[0] ? slub_debug_names : "all caches");
}

/* ---- /proc/slabinfo ---- */

/* Free objects on the node's partial slabs. */
static unsigned long count_partial_free(struct kmem_cache_node *n)
{
	struct page *page;
	unsigned long free = 0, flags;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, slab_list)
		free += page->objects - page->inuse;
	spin_unlock_irqrestore(&n->list_lock, flags);
	return free;
}

/* Objects not on a node partial slab: in use, or held by a CPU. */
static unsigned long objects_not_partial(struct kmem_cache *s)
{
	unsigned long total, flags;

	spin_lock_irqsave(&s->node.list_lock, flags);
	total = s->node.total_objects;
	spin_unlock_irqrestore(&s->node.list_lock, flags);
	return total - count_partial_free(&s->node);
}

/*
 * @s's objects in use, counted exactly: the CPU slabs are given back
 * first, so no free object hides in a CPU freelist (exact while no CPU
 * uses the cache meanwhile).
 */
unsigned long kmem_cache_objects_in_use(struct kmem_cache *s)
{
	flush_all(s);
	return objects_not_partial(s);
}

/* This CPU gives back its slabs of every cache. */
static void flush_cpu_slabs_all_caches(void *unused)
{
	struct kmem_cache *s;

	(void)unused;
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		flush_cpu_slab(s);
	spin_unlock(&slab_caches_lock);
}

/* Interrupts on: every CPU gives its slabs back (one IPI), then the counts. */
void slab_for_each_in_use(void (*fn)(const char *name, unsigned long objects, void *arg),
			  void *arg)
{
	struct kmem_cache *s;
	unsigned long flags;

	kasan_quarantine_drain();	/* what it holds is free */
	on_each_cpu(flush_cpu_slabs_all_caches, NULL, 1);
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		fn(s->name, objects_not_partial(s), arg);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

void slabinfo_show(struct seq_file *m)
{
	struct kmem_cache *s;
	unsigned long flags;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> "
		    "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> "
		    ": slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long total = READ_ONCE(s->node.total_objects);
		unsigned long active = objects_not_partial(s);

		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u "
			   ": slabdata %6lu %6lu %6lu\n",
			   s->name, active, total, s->size, s->objects,
			   1 << s->order, 0, 0, 0, s->node.nr_slabs,
			   s->node.nr_slabs, 0UL);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/*
 * Each CPU's hold on each cache, as Linux's /sys/kernel/slab/<cache>/
 * cpu_slabs, cpu_partial and slabs_cpu_partial show it: the CPU slabs,
 * the free objects a CPU may keep on partial slabs (and as slabs), and
 * the partial slabs the CPUs hold, then each CPU's. A snapshot of
 * counts: each CPU changes its own while this reads.
 */
void slab_cpu_show(struct seq_file *m)
{
	struct kmem_cache *s;
	unsigned long flags;
	int cpu;

	seq_puts(m, "# name            <cpu_slabs> <cpu_partial> <cpu_partial_slabs>"
		    " <slabs_cpu_partial> : C<cpu>=<cpu slab>(<partial slabs>)\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned int slabs = 0, partial = 0;

		for (cpu = 0; cpu < (int)nr_cpu_ids; cpu++) {
			slabs += READ_ONCE(s->cpu_slab[cpu].page) != NULL;
			partial += READ_ONCE(s->cpu_slab[cpu].nr_partial);
		}
		seq_printf(m, "%-17s %6u %6u %6u %6u :", s->name, slabs, s->cpu_partial,
			   s->cpu_partial_slabs, partial);
		for (cpu = 0; cpu < (int)nr_cpu_ids; cpu++) {
			struct kmem_cache_cpu *c = &s->cpu_slab[cpu];
			bool has_slab = READ_ONCE(c->page) != NULL;
			unsigned int nr = READ_ONCE(c->nr_partial);

			if (has_slab || nr)
				seq_printf(m, " C%d=%d(%u)", cpu, has_slab, nr);
		}
		seq_putc(m, '\n');
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = strlen(s) + 1;
	char *d = kmalloc(len, gfp);

	if (d)
		memcpy(d, s, len);
	return d;
}

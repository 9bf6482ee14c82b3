/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frames and their struct pages: mem_map is one flat array (FLATMEM)
 * with an entry for every frame from the first RAM frame to the last,
 * so pfn_to_page is an addition. Reference and map counts, zone of a
 * page, and addresses of lowmem pages in the direct map.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/jump_label.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/memory.h>

extern struct page *mem_map;
extern unsigned long mem_map_base_pfn;	/* pfn of mem_map[0] */
extern unsigned long max_pfn;		/* one past the last frame */
extern unsigned long max_low_pfn;	/* one past the last lowmem frame */
extern unsigned long totalram_pages;	/* managed by the buddy allocator */
extern unsigned long totalhigh_pages;

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - mem_map_base_pfn);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + mem_map_base_pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= mem_map_base_pfn && pfn < max_pfn;
}

#define virt_to_pfn(v)		(__pa(v) >> PAGE_SHIFT)
#define virt_to_page(v)		pfn_to_page(virt_to_pfn(v))

/*
 * Is @addr in the direct map of RAM? (An address below PAGE_OFFSET
 * converts to a frame outside [mem_map_base_pfn, max_low_pfn), so the
 * frame test covers it.)
 */
static inline bool virt_addr_valid(unsigned long addr)
{
	return virt_to_pfn(addr) - mem_map_base_pfn < max_low_pfn - mem_map_base_pfn;
}
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (page->flags & ZONES_MASK) >> ZONES_SHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags = (page->flags & ~ZONES_MASK) |
		      ((unsigned long)zone << ZONES_SHIFT);
}

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(HighMem, highmem)
PAGEFLAG(Table, pgtable)
PAGEFLAG(KernelImage, kernel_image)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(Referenced, referenced)

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/*
 * Lowmem pages are always in the direct map; a highmem page has an
 * address only while kmap()ed (mm/highmem.c), else NULL.
 */
void *page_address(const struct page *page);

/* The order a block was allocated with, read from its first page. */
static inline unsigned int compound_order(const struct page *page)
{
	unsigned long o = (page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT;

	return o ? o - 1 : 0;
}

/*
 * _refcount and _mapcount are atomic: faults on several CPUs map, copy
 * and unmap the same pages at once, each under its own pte lock. The
 * page_ref_* helpers are Linux's (linux/page_ref.h there).
 */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline int page_count(const struct page *page)
{
	return page_ref_count(page);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

/* True when that was the last reference: the caller frees the page. */
static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

/*
 * A reference on a page that may be being freed on another CPU right
 * now: taken only if some remain (false: the page is going, leave it).
 */
static inline bool get_page_unless_zero(struct page *page)
{
	return atomic_inc_not_zero(&page->_refcount);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

static inline void reset_page_mapcount(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

static inline void get_page(struct page *page)
{
	page_ref_inc(page);
}

struct mm_struct;
/* Records young/dirty for a present pte whose fault was only that. */
bool handle_pte_access(struct mm_struct *mm, unsigned long addr, bool write);

/* ---- VMAs: vm_flags ---- */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL	/* what mprotect may grant later */
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down on faults below */
#define VM_LOCKED	0x00002000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL	/* MAP_NORESERVE: not accounted */
#define VM_STACK	VM_GROWSDOWN
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

#define DEFAULT_MAX_MAP_COUNT	65530	/* Linux's vm.max_map_count */
extern int sysctl_max_map_count;
/* vm.overcommit_memory: the heuristic mode is the one vm_enough_memory implements. */
#define OVERCOMMIT_GUESS	0
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* Linux's stack_guard_gap */

struct vm_area_struct;
struct file;

/* The hardware protection for a VMA's flags (Linux's protection_map). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
void unlink_file_vma(struct vm_area_struct *vma);

/* The first VMA with vm_end > addr, or NULL (mm/mmap.c). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* Copies up to @len bytes at @addr of another task's @mm: the count read. */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start, unsigned long end);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags);
/* Returns the address, or a -errno cast to unsigned long (IS_ERR_VALUE). */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot);
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);
/* mremap() on @mm (mm/mremap.c): the new address, or a -errno. */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr);
/* Frees every VMA (and, through unmap_vmas, every page) of an exiting mm. */
void exit_mmap(struct mm_struct *mm);
/* Checks list, tree, order and map_count; returns the problems found. */
int validate_mm(struct mm_struct *mm);

/*
 * A fault at @addr in @vma (mm/memory.c): 0 when resolved, else why not
 * (Linux's VM_FAULT_ bits; BADMAP and BADACCESS are ARM's, from the
 * checks before the VMA is asked). FAULT_FLAG_WRITE: it was a write.
 */
#define FAULT_FLAG_WRITE	0x01
/* A fault handed to the object behind a VMA (Linux's struct vm_fault). */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned */
	unsigned long pgoff;		/* the page's index in the object */
	unsigned int flags;		/* FAULT_FLAG_* */
	struct page *page;		/* out: the page, with a reference */
};

/* What the object behind a VMA does for it: shared file mappings (tmpfs), [sigpage]. */
struct vm_operations_struct {
	/* Finds the page for vmf->pgoff: 0, or VM_FAULT_* bits. */
	int (*fault)(struct vm_fault *vmf);
	/* mremap moved the VMA: @new_vma is where it is now (may be NULL). */
	void (*mremap)(struct vm_area_struct *new_vma);
	/* Its name in /proc/PID/maps, for a mapping of no file (may be NULL). */
	const char *(*name)(struct vm_area_struct *vma);
};

/* init_on_alloc= / init_on_free= (mm/page_alloc.c): pages and objects zeroed */
extern struct static_key_false init_on_alloc;
extern struct static_key_false init_on_free;

#define VM_FAULT_OOM		0x000001	/* no memory for a page or table */
#define VM_FAULT_SIGBUS		0x000002	/* no page there: past the object's end */
#define VM_FAULT_BADMAP		0x010000	/* no VMA at the address */
#define VM_FAULT_BADACCESS	0x020000	/* a VMA that forbids the access */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags);
/* The fault of a user access at @addr (above, or BADMAP/BADACCESS). */
int do_user_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);
/* Out of memory in a user fault: the faulting process is killed (mm/oom_kill.c). */
void pagefault_out_of_memory(void);
/* Whether @pages more pages may be committed (mm/mmap.c): 0 or -ENOMEM. */
int vm_enough_memory(long pages);
/* Grows a VM_GROWSDOWN @vma down to @addr: 0, -EFAULT or -ENOMEM. */
int expand_stack(struct vm_area_struct *vma, unsigned long addr);

/*
 * Page-table work the VMA code asks for (mm/memory.c, mm/mprotect.c);
 * unmapping goes through an mmu_gather (asm-generic/tlb.h).
 */
struct mmu_gather;
void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end);
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
void free_pgd_range(struct mmu_gather *tlb, unsigned long start, unsigned long end);
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot);

#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-4095)

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/*
 * RSS counters, as Linux 6.1's SPLIT_RSS_COUNTING: the mm's are atomic,
 * and a task faulting pages into its own mm keeps its changes in
 * task->rss_stat instead, folded in (sync_mm_rss) every
 * TASK_RSS_EVENTS_THRESH faults, when it is switched out, at exit and
 * exec, and when it reads /proc; so threads faulting on four CPUs do not
 * all bounce one cache line. A reader may miss what running threads have
 * not folded yet, and may see a counter below zero for a moment
 * (another task unmapped pages still counted in a cache): shown as 0.
 */
#define TASK_RSS_EVENTS_THRESH	64

static inline long get_mm_counter(const struct mm_struct *mm, int member)
{
	long v = atomic_long_read(&mm->rss_stat[member]);

	return v < 0 ? 0 : v;
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat[member]);
}

/* Folds current's cached RSS changes into @mm, which must be current->mm. */
void sync_mm_rss(struct mm_struct *mm);

static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

/*
 * The counter @vma's pages go in: a shared mapping's are shmem pages
 * (every file is tmpfs's, and shared anonymous memory is shmem too, as
 * Linux's swap-backed pages), a private file mapping's the copies of its
 * file's data (file), the rest anonymous.
 */
static inline int vma_mm_counter(const struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return MM_SHMEMPAGES;
	return vma->vm_file ? MM_FILEPAGES : MM_ANONPAGES;
}

/* The bytes of page tables @mm owns (VmPTE); pte pages come and go in parallel. */
static inline unsigned long mm_pgtables_bytes(const struct mm_struct *mm)
{
	return atomic_long_read(&mm->pgtables_bytes);
}

static inline void mm_inc_nr_ptes(struct mm_struct *mm)
{
	atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
}

static inline void mm_dec_nr_ptes(struct mm_struct *mm)
{
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
}

/*
 * Split pte locks: each user pte page has a spinlock of its own (in its
 * struct page: page->ptl) that every change of one of its ptes holds,
 * so faults on different pte pages of one mm never meet; mm->
 * page_table_lock only guards hooking a new pte page into its pmd. The
 * lock is allocated with the page, as Linux's ALLOC_SPLIT_PTLOCKS, so
 * struct page keeps its 32 bytes whatever a spinlock_t grows to. Kernel
 * pte pages (init_mm) have none: page->ptl is NULL.
 */
bool ptlock_alloc(struct page *page);
void ptlock_free(struct page *page);

static inline spinlock_t *ptlock_ptr(struct page *page)
{
	return page->ptl;
}

/* Drops a reference; the last one frees the page with its order. */
void put_page(struct page *page);

/*
 * Reports a struct page in an impossible state (Linux's "Bad page
 * state"): pfn, flags and counts, why, and who asked.
 */
void bad_page(const struct page *page, const char *reason, unsigned long caller);
void dump_page(const struct page *page, const char *reason);

/* How many bad-page reports have been printed (tests read it). */
extern unsigned long bad_page_reports;

#endif

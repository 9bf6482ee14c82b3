// SPDX-License-Identifier: GPL-2.0
/*
 * The VMAs of an address space: mmap, munmap, brk, and the bookkeeping
 * under them, with the results and errors of Linux 6.1 on ARM.
 *
 * An mm keeps its VMAs twice: in a list in address order (vm_next,
 * vm_prev), which walks and neighbour lookups use, and in a red-black
 * tree keyed by [vm_start, vm_end), which find_vma descends in O(log n).
 * VMAs never overlap, so moving the boundary between two neighbours, or
 * trimming one, leaves the tree's order intact: only insertions and
 * removals touch the tree. (Linux 6.1 keeps a maple tree instead; the
 * list and rbtree are what it had until 6.0, and the results are the
 * same.)
 *
 * Adjacent VMAs that would behave identically are merged, as Linux does,
 * so that mapping page by page, or mprotect() and back, leaves one VMA
 * and map_count stays low: same vm_flags, same vm_ops, same file with
 * contiguous vm_pgoff (anonymous private VMAs have vm_pgoff = vm_start
 * in pages, so those are always contiguous). vma_merge() covers every
 * case of Linux's: a new range in a hole joining the VMA before, after
 * or both, and an mprotect()ed range at either end of its VMA moving
 * into the neighbour there.
 *
 * Differences from Linux, all for want of something Pagoda lacks:
 *  - there is no anon_vma, so two anonymous VMAs that both had pages
 *    before becoming compatible merge here where Linux may keep them
 *    apart (only /proc/pid/maps and map_count could tell);
 *  - shared anonymous memory is a shmem object of its own per mapping
 *    (mm/shmem.c), not a file, and its VMAs never merge (Linux joins
 *    the pieces of one such mapping again after mprotect() and back);
 *  - each VMA holds a reference on its file; there is no noexec mount,
 *    so a file's VMA may always become executable;
 *  - no rlimits (all infinite) and no capabilities: every task may do
 *    what root may, such as MAP_FIXED below mmap_min_addr.
 *
 * Unmapping detaches the VMAs first, then asks mm/memory.c to clear
 * their page tables and free the pte pages no VMA uses any more, then
 * frees the structs: free_pgd_range() can then see from the tree which
 * pte pages are still wanted. The pages go through an mmu_gather, freed
 * only after the TLB flush (asm-generic/tlb.h).
 *
 * There is no mmap_lock: the kernel does not preempt itself and nothing
 * here sleeps, so a caller owns the mm until it returns.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/resource.h>
#include <linux/file.h>
#include <linux/shmem.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/fs.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <asm/tlb.h>

#include "internal.h"

/* vm.max_map_count: the VMAs a process may have. */
int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

#define offset_in_page(x)	((unsigned long)(x) & ~PAGE_MASK)

#ifndef FIRST_USER_ADDRESS
#define FIRST_USER_ADDRESS	PAGE_SIZE
#endif

#define VM_SPECIAL		VM_DONTEXPAND	/* never merged */

#define MAP_UNINITIALIZED	0x4000000

/* The flags MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK). */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | \
			 MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

/* ---- protections ---- */

/*
 * ARM's protection_map: the hardware cannot make a page writable but
 * not readable, so write implies read; a private writable page starts
 * read-only (PAGE_COPY) and is copied on the first write; exec-only is
 * readable too.
 */
static const pgprot_t protection_map[16] = {
	[VM_NONE]					= PAGE_NONE,
	[VM_READ]					= PAGE_READONLY,
	[VM_WRITE]					= PAGE_COPY,
	[VM_WRITE | VM_READ]				= PAGE_COPY,
	[VM_EXEC]					= PAGE_READONLY_EXEC,
	[VM_EXEC | VM_READ]				= PAGE_READONLY_EXEC,
	[VM_EXEC | VM_WRITE]				= PAGE_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ]			= PAGE_COPY_EXEC,
	[VM_SHARED]					= PAGE_NONE,
	[VM_SHARED | VM_READ]				= PAGE_READONLY,
	[VM_SHARED | VM_WRITE]				= PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ]		= PAGE_SHARED,
	[VM_SHARED | VM_EXEC]				= PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ]			= PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE]		= PAGE_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ]	= PAGE_SHARED_EXEC,
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}

/*
 * The address-space counters of /proc/pid/status, as Linux splits them:
 * executable and not writable is exec, a stack is stack, private
 * writable is data. total_vm is always the pages of all the VMAs.
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += npages;
}

/*
 * Whether @npages more of @flags fit under RLIMIT_AS and, for private
 * writable memory, RLIMIT_DATA (Linux 6.1 refuses, unless booted with
 * ignore_rlimit_data).
 */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	if (mm->total_vm + npages > rlimit(RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE &&
	    mm->data_vm + npages > rlimit(RLIMIT_DATA) >> PAGE_SHIFT)
		return false;
	return true;
}

/* The pages of [start, end) some VMA maps: an mmap over them frees them first. */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long start,
					   unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long n = 0;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next)
		n += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return n;
}

/* ---- the structs ---- */

/* Made on first use, so neither boot nor host tests need to set it up. */
static struct kmem_cache *vm_area_cachep;

static struct kmem_cache *vma_cache(void)
{
	if (unlikely(!vm_area_cachep))
		vm_area_cachep = kmem_cache_create("vm_area_struct",
						   sizeof(struct vm_area_struct), 0,
						   SLAB_PANIC, NULL);
	return vm_area_cachep;
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vma_cache(), GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		RB_CLEAR_NODE(&vma->vm_rb);
		INIT_LIST_HEAD(&vma->shared);
	}
	return vma;
}

/* A copy of @orig in no list or tree (Linux also takes a file reference). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vma_cache(), GFP_KERNEL);

	if (new) {
		*new = *orig;
		new->vm_next = new->vm_prev = NULL;
		RB_CLEAR_NODE(&new->vm_rb);
		INIT_LIST_HEAD(&new->shared);	/* vma_link puts it on i_mmap */
		if (new->vm_file)
			get_file(new->vm_file);
		if (new->vm_private_data)
			shmem_get(new->vm_private_data);
	}
	return new;
}

/*
 * Takes a file VMA off its file's i_mmap: once it leaves its mm, at
 * munmap, a merge or exit (Linux does it as the page tables go).
 */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file || list_empty(&vma->shared))
		return;
	mapping = file_inode(vma->vm_file)->i_mapping;
	i_mmap_lock_write(mapping);
	list_del_init(&vma->shared);
	i_mmap_unlock_write(mapping);
}

/* Puts a file VMA entering an mm on its file's i_mmap. */
static void __vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = file_inode(vma->vm_file)->i_mapping;
	i_mmap_lock_write(mapping);
	list_add_tail(&vma->shared, &mapping->i_mmap);
	i_mmap_unlock_write(mapping);
}

void vm_area_free(struct vm_area_struct *vma)
{
	unlink_file_vma(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	if (vma->vm_private_data)
		shmem_put(vma->vm_private_data);
	kmem_cache_free(vma_cache(), vma);
}

/* ---- list and tree ---- */

static struct vm_area_struct *vma_of(struct rb_node *node)
{
	return rb_entry(node, struct vm_area_struct, vm_rb);
}

static struct vm_area_struct *last_vma(struct mm_struct *mm)
{
	struct rb_node *node = rb_last(&mm->mm_rb);

	return node ? vma_of(node) : NULL;
}

/* Where a VMA for [start, end) goes: tree link and parent, list predecessor. */
struct vma_slot {
	struct rb_node **link;
	struct rb_node *parent;
	struct vm_area_struct *prev;
};

/* Fills @slot; -ENOMEM if a VMA overlaps [start, end). */
static int find_vma_links(struct mm_struct *mm, unsigned long start,
			  unsigned long end, struct vma_slot *slot)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = NULL;

	while (*link) {
		struct vm_area_struct *v = vma_of(*link);

		parent = *link;
		if (v->vm_end > start) {
			if (v->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			prev = v;
			link = &parent->rb_right;
		}
	}
	slot->link = link;
	slot->parent = parent;
	slot->prev = prev;
	return 0;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vma_slot *slot)
{
	struct vm_area_struct *prev = slot->prev;
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	rb_link_node(&vma->vm_rb, slot->parent, slot->link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	__vma_link_file(vma);
	mm->map_count++;
}

/* Links a VMA that its caller knows fits where it is. */
static void vma_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vma_slot slot;

	BUG_ON(find_vma_links(mm, vma->vm_start, vma->vm_end, &slot));
	vma_link(mm, vma, &slot);
}

/* Takes @vma out of the list and the tree; the struct stays the caller's. */
static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next)
		next->vm_prev = prev;
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	RB_CLEAR_NODE(&vma->vm_rb);
	vma->vm_next = vma->vm_prev = NULL;
	mm->map_count--;
}

/* A VMA absorbed by a merge: it had no pages of its own to unmap. */
static void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_unlink(mm, vma);
	vm_area_free(vma);
}

/* ---- lookups ---- */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *v = vma_of(node);

		if (v->vm_end > addr) {
			found = v;
			if (v->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/* find_vma, and in *@pprev the VMA before (the last one if none follows). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	*pprev = vma ? vma->vm_prev : last_vma(mm);
	return vma;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

/*
 * Adds a VMA its caller built (exec's stack, special mappings). Unlike
 * Linux, which leaves it to the callers, its pages are counted here, so
 * that total_vm is always the sum of the VMAs.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vma_slot slot;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &slot))
		return -ENOMEM;
	/* a private anonymous VMA's pgoff is its address; a shmem one keeps its own */
	if (!vma->vm_ops && !vma->vm_file && !vma->vm_private_data)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma->vm_mm = mm;
	vma_link(mm, vma, &slot);
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return 0;
}

/* The lowest address a stack VMA lets others come up to. */
static unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= STACK_GUARD_GAP;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

/* ---- splitting and merging ---- */

/* split_vma without the map_count limit, which munmap enforces itself. */
static int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long addr, int new_below)
{
	unsigned long pages = (addr - vma->vm_start) >> PAGE_SHIFT;
	struct vm_area_struct *new;

	if (WARN_ON(addr <= vma->vm_start || addr >= vma->vm_end ||
		    offset_in_page(addr)))
		return -EINVAL;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += pages;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += pages;
		vma->vm_end = addr;
	}
	vma_insert(mm, new);
	return 0;
}

/*
 * Cuts @vma at @addr into two VMAs. @vma keeps the upper part if
 * @new_below, else the lower one; the new struct gets the other.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

static bool is_mergeable_vma(const struct vm_area_struct *vma,
			     unsigned long vm_flags, struct file *file,
			     const struct vm_operations_struct *ops)
{
	if (vma->vm_flags != vm_flags || vma->vm_file != file || vma->vm_ops != ops)
		return false;
	/* shared anonymous memory: the two may be different mappings */
	return !(vm_flags & VM_SHARED) || file != NULL;
}

/* Can [.., pgoff) with these properties go right after @prev? */
static bool can_merge_after(const struct vm_area_struct *prev,
			    unsigned long vm_flags, struct file *file,
			    const struct vm_operations_struct *ops,
			    unsigned long pgoff)
{
	return is_mergeable_vma(prev, vm_flags, file, ops) &&
	       prev->vm_pgoff + vma_pages(prev) == pgoff;
}

/* Can a range ending at file page @end_pgoff go right before @next? */
static bool can_merge_before(const struct vm_area_struct *next,
			     unsigned long vm_flags, struct file *file,
			     const struct vm_operations_struct *ops,
			     unsigned long end_pgoff)
{
	return is_mergeable_vma(next, vm_flags, file, ops) &&
	       next->vm_pgoff == end_pgoff;
}

/*
 * Gives [addr, end), to have these properties, to the VMA before it
 * (@prev), the one after it, or both. Returns the VMA now covering it,
 * or NULL if neither fits; then nothing changed.
 *
 * For mmap and brk, [addr, end) is a hole and @prev the VMA before it.
 * For mprotect, it lies within one VMA, "mid": at its start (@prev is
 * then the VMA before mid) or ending at its end (@prev is mid itself).
 * Linux's cases, P the VMA before, N the one after, A the range:
 *
 *	hole:	PPPP....NNNN	-> PPPPPPPPNNNN (prev), PPPPNNNNNNNN (next),
 *				   or one VMA (both)
 *	mid:	PPPPAAAAmmmm	-> mid shrinks, prev grows over A
 *		PPPPmmmmAAAA	-> mid shrinks, next grows down over A
 *		PPPPAAAANNNN	-> mid goes, prev and/or next take A
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, struct file *file,
				 unsigned long pgoff,
				 const struct vm_operations_struct *ops)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *mid, *next;
	bool merge_prev, merge_next;

	if (vm_flags & VM_SPECIAL)
		return NULL;
	next = prev ? prev->vm_next : mm->mmap;
	mid = next;
	if (next && next->vm_end == end)	/* mid is exactly A */
		next = next->vm_next;
	merge_prev = prev && prev->vm_end == addr &&
		     can_merge_after(prev, vm_flags, file, ops, pgoff);
	merge_next = next && next->vm_start == end &&
		     can_merge_before(next, vm_flags, file, ops, pgoff + pglen);

	if (merge_prev && merge_next) {
		prev->vm_end = next->vm_end;
		if (mid != next)
			vma_remove(mm, mid);
		vma_remove(mm, next);
		return prev;
	}
	if (merge_prev) {
		prev->vm_end = end;
		if (mid && mid->vm_start < end) {	/* A was mid's start */
			if (mid->vm_end == end) {
				vma_remove(mm, mid);
			} else {
				mid->vm_pgoff += pglen;
				mid->vm_start = end;
			}
		}
		return prev;
	}
	if (merge_next) {
		if (prev && addr < prev->vm_end)	/* A was prev's end */
			prev->vm_end = addr;
		else if (mid != next)			/* A was all of mid */
			vma_remove(mm, mid);
		next->vm_start = addr;
		next->vm_pgoff -= pglen;
		return next;
	}
	return NULL;
}

/* ---- finding room ---- */

/*
 * The highest [addr, addr + len) within [low, high) clear of every VMA
 * and of the guard gap below a stack, as Linux's unmapped_area_topdown:
 * the gaps are visited from the top, each between a VMA's end and its
 * successor's start (less the guard gap).
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
					   unsigned long low, unsigned long high)
{
	struct vm_area_struct *next = find_vma(mm, high);
	struct vm_area_struct *prev = next ? next->vm_prev : last_vma(mm);

	if (high < low || high - low < len)
		return -ENOMEM;
	for (;;) {
		unsigned long gap_end = next ? min(vm_start_gap(next), high) : high;
		unsigned long gap_start = prev ? max(prev->vm_end, low) : low;

		if (gap_end > gap_start && gap_end - gap_start >= len)
			return gap_end - len;
		if (!prev || prev->vm_end <= low)
			return -ENOMEM;
		next = prev;
		prev = prev->vm_prev;
	}
}

/* The lowest such range: the fallback when top-down finds nothing. */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	struct vm_area_struct *next = find_vma(mm, low);
	struct vm_area_struct *prev = next ? next->vm_prev : last_vma(mm);

	if (high < low || high - low < len)
		return -ENOMEM;
	for (;;) {
		unsigned long gap_start = prev ? max(prev->vm_end, low) : low;
		unsigned long gap_end = next ? min(vm_start_gap(next), high) : high;

		if (gap_end > gap_start && gap_end - gap_start >= len)
			return gap_start;
		if (!next || next->vm_end >= high)
			return -ENOMEM;
		prev = next;
		next = next->vm_next;
	}
}

/*
 * ARM's arch_get_unmapped_area_topdown: the hint if that much is free
 * there, else the highest room below mmap_base, else the lowest above
 * it. No cache colouring: the caches of ARMv7 do not alias.
 */
static unsigned long topdown_area(struct mm_struct *mm, unsigned long addr,
				  unsigned long len)
{
	unsigned long found;

	addr = PAGE_ALIGN(addr);
	if (addr) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (mm->task_size - len >= addr &&
		    (!vma || addr + len <= vm_start_gap(vma)))
			return addr;
	}
	found = unmapped_area_topdown(mm, len, FIRST_USER_ADDRESS, mm->mmap_base);
	if (IS_ERR_VALUE(found))
		found = unmapped_area(mm, len, mm->mmap_base, mm->task_size);
	return found;
}

/*
 * Where a mapping of @len bytes goes: @addr itself for MAP_FIXED, else
 * chosen (@addr is a hint). -ENOMEM if it does not fit below task_size,
 * -EINVAL for an unaligned MAP_FIXED address.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags)
{
	(void)pgoff;	/* only cache colouring would need it */
	if (len > mm->task_size)
		return -ENOMEM;
	if (!(flags & MAP_FIXED)) {
		addr = topdown_area(mm, addr, len);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	if (addr > mm->task_size - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	return addr;
}

/* ---- unmapping ---- */

/*
 * Removes [start, end), page aligned, which @vma (the first VMA ending
 * above @start) intersects. The VMAs cut at either end are split first;
 * a split of one VMA into three needs a free slot under the map_count
 * limit, a cut at both ends of the range does not add one.
 */
static int munmap_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long start, unsigned long end)
{
	struct vm_area_struct *last, *next, *detached = NULL, **tail = &detached;
	struct mmu_gather tlb;
	int error;

	if (start > vma->vm_start) {
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		error = __split_vma(mm, vma, start, 0);
		if (error)
			return error;
	}
	last = find_vma(mm, end);
	if (last && last->vm_start < end) {
		error = __split_vma(mm, last, end, 1);
		if (error)
			return error;
	}
	vma = find_vma(mm, start);	/* the splits may have moved it */

	/* out of the tree first: free_pgd_range asks it what is still used */
	while (vma && vma->vm_start < end) {
		next = vma->vm_next;
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma_unlink(mm, vma);
		*tail = vma;
		tail = &vma->vm_next;
		vma = next;
	}
	/*
	 * Every VMA's pages first, then the tables: two of the VMAs may
	 * share a pte page, which the first one's free_pgd_range would take
	 * away with the second's pages still mapped in it (unmap_region's
	 * order: unmap_vmas, then free_pgtables).
	 */
	tlb_gather_mmu(&tlb, mm);
	for (vma = detached; vma; vma = vma->vm_next)
		unmap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
	for (vma = detached; vma; vma = vma->vm_next)
		free_pgd_range(&tlb, vma->vm_start, vma->vm_end);
	for (vma = detached; vma; vma = next) {
		next = vma->vm_next;
		vm_area_free(vma);
	}
	tlb_finish_mmu(&tlb);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma;
	unsigned long end;

	if (offset_in_page(start) || start > mm->task_size ||
	    len > mm->task_size - start)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end == start)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;	/* nothing there: not an error */
	return munmap_vmas(mm, vma, start, end);
}

/* ---- mapping ---- */

static unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0);
}

/* A private writable mapping counts against the commit limit. */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/*
 * Whether @pages more pages may be committed: Linux's __vm_enough_memory
 * in its default, heuristic mode (vm.overcommit_memory = OVERCOMMIT_GUESS,
 * the only one here), which keeps
 * no running total and refuses only a single request larger than all of
 * RAM and swap (there is no swap here). Private writable mappings, the
 * heap, and shared anonymous memory not mapped MAP_NORESERVE are charged.
 */
int vm_enough_memory(long pages)
{
	return pages > (long)totalram_pages ? -ENOMEM : 0;
}

/* Linux's mmap_region: [addr, addr + len) is settled; replace what is there. */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file,
				 unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	unsigned long end = addr + len;
	struct vm_area_struct *vma;
	struct vma_slot slot;
	int error;

	if (!may_expand_vm(mm, vm_flags, len >> PAGE_SHIFT) &&
	    !may_expand_vm(mm, vm_flags, (len >> PAGE_SHIFT) -
			   count_vma_pages_range(mm, addr, end)))
		return -ENOMEM;
	if (do_munmap(mm, addr, len))
		return -ENOMEM;
	if (accountable_mapping(vm_flags)) {
		if (vm_enough_memory(len >> PAGE_SHIFT))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	BUG_ON(find_vma_links(mm, addr, end, &slot));

	vma = vma_merge(mm, slot.prev, addr, end, vm_flags, file, pgoff, NULL);
	if (!vma) {
		vma = vm_area_alloc(mm);
		if (!vma)
			return -ENOMEM;
		vma->vm_start = addr;
		vma->vm_end = end;
		vma->vm_flags = vm_flags;
		vma->vm_page_prot = vm_get_page_prot(vm_flags);
		vma->vm_pgoff = pgoff;
		vma->vm_file = file;
		/*
		 * a /proc file's ->mmap refuses, once the old range is gone (as
		 * Linux); /dev/zero's drops the file, leaving anonymous memory
		 */
		if (file) {
			get_file(file);		/* each VMA holds its file */
			error = file->f_op->mmap(file, vma);
			if (error) {
				vm_area_free(vma);	/* and its file */
				return error;
			}
		}
		if (!vma->vm_file && (vm_flags & VM_SHARED)) {
			/*
			 * shared anonymous: its pages live in a shmem object,
			 * charged whole unless MAP_NORESERVE (shmem_acct_size)
			 */
			if (!(vm_flags & VM_NORESERVE) && vm_enough_memory(len >> PAGE_SHIFT)) {
				vm_area_free(vma);
				return -ENOMEM;
			}
			vma->vm_private_data = shmem_create(len >> PAGE_SHIFT, pgoff);
			if (!vma->vm_private_data) {
				vm_area_free(vma);
				return -ENOMEM;
			}
		}
		vma_link(mm, vma, &slot);
	}
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	return addr;
}

/*
 * Whether @file can be mapped at all (Linux: an f_op->mmap): a tmpfs
 * file, or a /proc file whose ->mmap then refuses; not the console, a
 * directory or a /proc/PID file.
 */
static bool file_has_mmap(const struct file *file)
{
	return file->f_op && file->f_op->mmap;
}

/*
 * The flags for @flags' mapping type, and the pgoff an anonymous one
 * gets; -EINVAL for an unknown type, -EOPNOTSUPP for a flag that
 * MAP_SHARED_VALIDATE does not know. For a file, what the open mode
 * allows: no shared writable mapping of a file not open for writing
 * (-EACCES), and such a shared mapping loses VM_MAYWRITE, so mprotect
 * cannot make it writable either; it also loses VM_SHARED, as nothing
 * it does can reach the file (VM_MAYSHARE still says what it was).
 */
static int mmap_type_flags(struct file *file, unsigned long prot, unsigned long flags,
			   unsigned long addr, unsigned long *vm_flags,
			   unsigned long *pgoff)
{
	unsigned long type = flags & MAP_TYPE;

	if (file) {
		if (type == MAP_SHARED_VALIDATE && (flags & ~LEGACY_MAP_MASK))
			return -EOPNOTSUPP;
		if (type == MAP_SHARED || type == MAP_SHARED_VALIDATE) {
			if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
				return -EACCES;
			*vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (!(file->f_mode & FMODE_WRITE))
				*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		} else if (type != MAP_PRIVATE) {
			return -EINVAL;
		}
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file_has_mmap(file))
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	}
	/* anonymous: 6.1 takes no MAP_SHARED_VALIDATE here */
	if (type == MAP_SHARED) {
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		*pgoff = 0;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		return 0;
	}
	if (type == MAP_PRIVATE) {
		*pgoff = addr >> PAGE_SHIFT;
		return 0;
	}
	return -EINVAL;
}

/*
 * mmap(): the checks in Linux's order, so that a request wrong in more
 * than one way gets Linux's errno. MAP_FIXED replaces what was there;
 * MAP_FIXED_NOREPLACE fails with -EEXIST instead. *@populate is the
 * length the caller should fault in now (MAP_POPULATE, MAP_LOCKED).
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate)
{
	unsigned long vm_flags;
	int error;

	*populate = 0;
	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr &= PAGE_MASK;	/* a hint: mmap_min_addr is one page */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;

	addr = get_unmapped_area(mm, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	error = mmap_type_flags(file, prot, flags, addr, &vm_flags, &pgoff);
	if (error)
		return error;
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;

	addr = mmap_region(mm, file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) &&
	    ((vm_flags & VM_LOCKED) ||
	     (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

/* ---- brk ---- */

/* Frees the heap from @newbrk up to @oldbrk; only if a VMA is there (6.1). */
static int brk_shrink(struct mm_struct *mm, unsigned long newbrk,
		      unsigned long oldbrk)
{
	struct vm_area_struct *vma = find_vma(mm, newbrk);

	if (!vma || vma->vm_start >= oldbrk)
		return -ENOMEM;
	return munmap_vmas(mm, vma, newbrk, oldbrk);
}

/*
 * Maps [oldbrk, newbrk): it must be free, with a page to spare below the
 * next VMA (more below a stack). Only the VMA ending at @oldbrk, inside
 * the heap, is extended (6.1 never merges the heap with what follows).
 */
static int brk_grow(struct mm_struct *mm, unsigned long oldbrk,
		    unsigned long newbrk)
{
	const unsigned long flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
				    VM_MAYEXEC | VM_ACCOUNT;
	unsigned long len = newbrk - oldbrk;
	struct vm_area_struct *next, *prev, *vma;

	if (len > mm->task_size || oldbrk > mm->task_size - len)
		return -ENOMEM;
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (!may_expand_vm(mm, flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (vm_enough_memory(len >> PAGE_SHIFT))
		return -ENOMEM;

	prev = next ? next->vm_prev : last_vma(mm);
	if (prev && prev->vm_end == oldbrk && oldbrk > mm->start_brk &&
	    can_merge_after(prev, flags, NULL, NULL, oldbrk >> PAGE_SHIFT)) {
		prev->vm_end = newbrk;
	} else {
		vma = vm_area_alloc(mm);
		if (!vma)
			return -ENOMEM;
		vma->vm_start = oldbrk;
		vma->vm_end = newbrk;
		vma->vm_pgoff = oldbrk >> PAGE_SHIFT;
		vma->vm_flags = flags;
		vma->vm_page_prot = vm_get_page_prot(flags);
		vma_insert(mm, vma);
	}
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	return 0;
}

/*
 * brk(): moves the end of the heap to @brk and returns it, or returns
 * the old end if it cannot. The heap VMA ends at @brk rounded up to a
 * page, so a move within one page only changes mm->brk.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long newbrk, oldbrk;
	int error;

	if (brk < mm->start_brk)
		return mm->brk;
	/* the heap and the data segment together under RLIMIT_DATA (check_data_rlimit) */
	if (rlimit(RLIMIT_DATA) != RLIM_INFINITY &&
	    brk - mm->start_brk + mm->end_data - mm->start_data > rlimit(RLIMIT_DATA))
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk)
		error = 0;
	else if (brk <= mm->brk)
		error = brk_shrink(mm, newbrk, oldbrk);
	else
		error = brk_grow(mm, oldbrk, newbrk);
	if (!error)
		mm->brk = brk;
	return mm->brk;
}

/* ---- teardown and checking ---- */

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap, *next;
	struct mmu_gather tlb;

	/* no task uses it any more; a /proc reader may still hold a reference */
	mmap_write_lock(mm);
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	tlb_gather_mmu_fullmm(&tlb, mm);
	for (next = vma; next; next = next->vm_next) {
		RB_CLEAR_NODE(&next->vm_rb);
		unmap_page_range(&tlb, next, next->vm_start, next->vm_end);
	}
	/* the tree is empty: each VMA's pte pages go (free_pgtables' way) */
	for (next = vma; next; next = next->vm_next)
		free_pgd_range(&tlb, next->vm_start, next->vm_end);
	tlb_finish_mmu(&tlb);
	for (; vma; vma = next) {
		next = vma->vm_next;
		vm_area_free(vma);
	}
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	mmap_write_unlock(mm);
}

static int check_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev)
{
	int bad = 0;

	if (vma->vm_mm != mm) {
		pr_err("validate_mm: VMA %#lx-%#lx belongs to mm %p, not %p\n",
		       vma->vm_start, vma->vm_end, vma->vm_mm, mm);
		bad++;
	}
	if (vma->vm_start >= vma->vm_end || offset_in_page(vma->vm_start) ||
	    offset_in_page(vma->vm_end)) {
		pr_err("validate_mm: VMA %#lx-%#lx is not a page range\n",
		       vma->vm_start, vma->vm_end);
		bad++;
	}
	if (vma->vm_prev != prev) {
		pr_err("validate_mm: VMA %#lx-%#lx: vm_prev %p, expected %p\n",
		       vma->vm_start, vma->vm_end, vma->vm_prev, prev);
		bad++;
	}
	if (prev && prev->vm_end > vma->vm_start) {
		pr_err("validate_mm: VMA %#lx-%#lx overlaps or precedes %#lx-%#lx\n",
		       vma->vm_start, vma->vm_end, prev->vm_start, prev->vm_end);
		bad++;
	}
	return bad;
}

/*
 * Walks the list and, in step, the tree in order: each problem is
 * printed and counted. The walk stops past map_count + 1 VMAs, so a
 * list that loops cannot hang it.
 */
int validate_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	int bad = 0, n = 0;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if (n++ > mm->map_count) {
			pr_err("validate_mm: list longer than map_count %d\n",
			       mm->map_count);
			return bad + 1;
		}
		bad += check_vma(mm, vma, prev);
		if (node != &vma->vm_rb) {
			pr_err("validate_mm: VMA %#lx-%#lx: tree has %p there\n",
			       vma->vm_start, vma->vm_end, node);
			bad++;
		}
		node = node ? rb_next(node) : NULL;
	}
	if (node) {
		pr_err("validate_mm: tree has VMAs past the list's end\n");
		bad++;
	}
	if (n != mm->map_count) {
		pr_err("validate_mm: map_count %d, list has %d\n", mm->map_count, n);
		bad++;
	}
	return bad;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's reports, in Linux's words: the kind of bug and where, the
 * access, the stack, what the address belongs to (a slab object, a page,
 * a vmalloc area) and the shadow bytes around it. The kernel goes on.
 * Only the first bad access is reported, as Linux does, unless the
 * command line says kasan_multi_shot. Not instrumented; a bad access
 * while this CPU reports is not reported again.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include "kasan.h"

#define SHADOW_BYTES_PER_ROW	16
#define SHADOW_ROWS_AROUND	2

static bool multi_shot;
static bool reported;
static bool in_report[NR_CPUS];
static DEFINE_SPINLOCK(report_lock);

static int __init kasan_multi_shot_setup(const char *val)
{
	(void)val;
	multi_shot = true;
	return 0;
}
__setup("kasan_multi_shot", kasan_multi_shot_setup);

/* The shadow value that names the bug: the first forbidding byte's. */
static u8 bad_shadow(unsigned long addr, size_t size)
{
	const u8 *s = kasan_mem_to_shadow(addr);
	const u8 *e = kasan_mem_to_shadow(addr + size - 1);

	while (s < e && !*s)
		s++;
	/* a partial granule: what follows it tells what the bytes past it are */
	if (*s && *s < KASAN_GRANULE_SIZE)
		s++;
	return *s;
}

static const char *bug_type(u8 shadow)
{
	switch (shadow) {
	case KASAN_PAGE_REDZONE:
	case KASAN_SLAB_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_PAGE_FREE:
	case KASAN_SLAB_FREE:
		return "use-after-free";
	case KASAN_VMALLOC_INVALID:
		return "vmalloc-out-of-bounds";
	default:
		return "out-of-bounds";
	}
}

/* Bytes of the object usable now, from its shadow: the size kmalloc was asked. */
static size_t usable_size(const void *object, size_t max)
{
	const u8 *s = kasan_mem_to_shadow((unsigned long)object);
	size_t n = 0;

	while (n < max && !*s) {
		n += KASAN_GRANULE_SIZE;
		s++;
	}
	if (n < max && *s < KASAN_GRANULE_SIZE)
		n += *s;
	return min(n, max);
}

/* Linux prints the whole stack; the caller of the allocator is kept here. */
static void print_track(const char *what, const struct kasan_track *t)
{
	if (t->pid || t->ip)
		pr_err("%s by task %d:\n %pS\n\n", what, t->pid, (void *)t->ip);
}

static void describe_object(struct kmem_cache *s, struct page *page, unsigned long addr)
{
	unsigned long base = (unsigned long)lowmem_page_address(page);
	unsigned int i = min((addr - base) / s->size, (unsigned long)s->objects - 1);
	unsigned long object = base + i * s->size + s->red_left_pad;
	bool freed = *kasan_mem_to_shadow(object) == KASAN_SLAB_FREE;
	struct kasan_slab_meta *meta = kasan_slab_meta(s, (void *)object);
	size_t size = freed ? s->object_size : usable_size((void *)object, s->object_size);
	const char *rel;
	unsigned long bytes;

	if (addr < object) {
		rel = "to the left";
		bytes = object - addr;
	} else if (addr >= object + size) {
		rel = "to the right";
		bytes = addr - (object + size);
	} else {
		rel = "inside";
		bytes = addr - object;
	}
	print_track("Allocated", &meta->alloc);
	if (freed)
		print_track("Freed", &meta->free);
	pr_err("The buggy address belongs to the object at %p\n"
	       " which belongs to the cache %s of size %u\n", (void *)object, s->name,
	       s->object_size);
	pr_err("The buggy address is located %lu bytes %s of\n"
	       " %s %zu-byte region [%p, %p)\n\n", bytes, rel, freed ? "freed" : "allocated",
	       size, (void *)object, (void *)(object + size));
}

static void describe_address(unsigned long addr)
{
	struct vm_struct *vm;
	struct page *page;

	if (virt_addr_valid(addr)) {
		page = compound_head(virt_to_page(addr));
		if (PageSlab(page))
			describe_object(page->slab_cache, page, addr);
		pr_err("The buggy address belongs to the physical page:\n");
		dump_page(virt_to_page(addr), "kasan: bad access detected");
		pr_err("\n");
	} else if (is_vmalloc_addr((void *)addr) && (vm = find_vm_area((void *)addr))) {
		pr_err("The buggy address belongs to the virtual mapping at\n"
		       " [%p, %p) created by:\n %pS\n\n", vm->addr,
		       (char *)vm->addr + vm->size, vm->caller);
	}
}

static void print_shadow_row(unsigned long row, bool guilty)
{
	const u8 *s = kasan_mem_to_shadow(row);
	char line[SHADOW_BYTES_PER_ROW * 3 + 1];
	int i;

	for (i = 0; i < SHADOW_BYTES_PER_ROW; i++)
		snprintf(line + 3 * i, 4, " %02x", s[i]);
	pr_err("%c%08lx:%s\n", guilty ? '>' : ' ', row, line);
}

static void print_shadow(unsigned long addr)
{
	const unsigned long row_bytes = SHADOW_BYTES_PER_ROW * KASAN_GRANULE_SIZE;
	unsigned long guilty = ALIGN_DOWN(addr, row_bytes);
	unsigned long row = guilty - SHADOW_ROWS_AROUND * row_bytes;
	int i;

	pr_err("Memory state around the buggy address:\n");
	for (i = 0; i < 2 * SHADOW_ROWS_AROUND + 1; i++, row += row_bytes) {
		if (row < KASAN_FIRST_ADDR)
			continue;
		print_shadow_row(row, row == guilty);
		if (row == guilty)	/* under the address's byte: ">" + 8 + ":" + 3 each */
			pr_err("%*c\n", 12 + 3 * (int)((addr - row) / KASAN_GRANULE_SIZE), '^');
	}
}

/* Serialised, once per boot unless kasan_multi_shot; false: say nothing. */
static bool report_begin(unsigned long *flags)
{
	int cpu = smp_processor_id();

	if (in_report[cpu])
		return false;
	spin_lock_irqsave(&report_lock, *flags);
	if (reported && !multi_shot) {
		spin_unlock_irqrestore(&report_lock, *flags);
		return false;
	}
	reported = true;
	in_report[cpu] = true;
	pr_err("==================================================================\n");
	return true;
}

static void report_end(unsigned long flags)
{
	pr_err("==================================================================\n");
	in_report[smp_processor_id()] = false;
	spin_unlock_irqrestore(&report_lock, flags);
}

void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip)
{
	bool wild = addr + size - 1 < addr;
	unsigned long flags;

	if (!report_begin(&flags))
		return;
	pr_err("BUG: KASAN: %s in %pS\n",
	       wild ? "wild-memory-access" : bug_type(bad_shadow(addr, size)), (void *)ip);
	pr_err("%s of size %zu at addr %p by task %s/%d\n\n", write ? "Write" : "Read", size,
	       (void *)addr, current->comm, current->pid);
	dump_stack();
	pr_err("\n");
	if (!wild) {
		describe_address(addr);
		print_shadow(addr);
	}
	report_end(flags);
}

void kasan_report_invalid_free(void *object, unsigned long ip, bool double_free)
{
	unsigned long flags;

	if (!report_begin(&flags))
		return;
	pr_err("BUG: KASAN: %s in %pS\n", double_free ? "double-free" : "invalid-free",
	       (void *)ip);
	pr_err("Free of addr %p by task %s/%d\n\n", object, current->comm, current->pid);
	dump_stack();
	pr_err("\n");
	describe_address((unsigned long)object);
	print_shadow((unsigned long)object);
	report_end(flags);
}

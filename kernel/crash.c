// SPDX-License-Identifier: GPL-2.0
/*
 * Crash triggers, after Linux's lkdtm: the shell's "crash TYPE" makes the
 * kernel do one wrong thing on purpose, so a person can watch the detector
 * that catches it (an oops, a BUG or WARN report, the stack guard, SLUB's
 * debugging). The slab triggers run only where SLUB debugging would see
 * them (slub_debug on their kmalloc cache): without it, the damage would
 * be real and silent.
 */
#include <linux/bug.h>
#include <linux/crash.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>

#define SLAB_SIZE	48	/* a kmalloc-64 object, with 16 bytes of slack */

static const int crash_rodata = 1;

static void crash_null(void)
{
	int *volatile p = NULL;	/* volatile: the compiler may not assume it */

	pr_info("crash: reading through a NULL pointer\n");
	(void)*(volatile int *)p;
}

static void crash_rodata_write(void)
{
	int *volatile p = (int *)&crash_rodata;

	pr_info("crash: writing to read-only data at %p\n", p);
	*p = 2;
}

/*
 * Reads user memory with a plain load, outside the user-access helpers
 * (Linux's lkdtm ACCESS_USERSPACE): from a page mapped, for the shell has
 * no address space, into one made here and written through put_user().
 * User memory is closed to the kernel there: a domain fault, an oops.
 */
static void crash_user_access(void)
{
	struct mm_struct *mm = mm_alloc(), *saved_mm = current->mm;
	struct mm_struct *saved_active = current->active_mm;
	unsigned long populate = 0, addr;

	if (!mm)
		return;
	addr = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	if (IS_ERR_VALUE(addr)) {
		mmput(mm);
		return;
	}
	current->mm = current->active_mm = mm;
	switch_mm(saved_active, mm, current);
	if (!put_user(0x5a, (int *)addr)) {
		pr_info("crash: reading user memory at %08lx directly\n", addr);
		pr_err("crash: read %#x: the kernel reaches user memory\n",
		       *(volatile int *)addr);
	}
	current->mm = saved_mm;
	current->active_mm = saved_active;
	switch_mm(mm, saved_active, current);
	mmput(mm);
}

/*
 * A runaway recursion, ~256 bytes a level, with interrupts masked so that
 * the stack's bottom edge, not the stack guard of an interrupt that
 * happens to come, is what stops it: past the thread_info, the unmapped
 * page below the vmalloc'ed stack faults, and the fault's entry, finding
 * sp off the stack, reports from the overflow stack.
 */
static __noinline int recurse(int depth)
{
	volatile char frame[224];

	if (depth == 1000)	/* 250 KiB: far past any 8 KiB stack */
		return 0;
	memset((char *)frame, depth, sizeof(frame));
	return recurse(depth + 1) + frame[depth % sizeof(frame)];
}

static void crash_stack(void)
{
	pr_info("crash: recursing until the %lu-byte kernel stack runs out\n",
		(unsigned long)THREAD_SIZE);
	local_irq_disable();
	recurse(0);
	local_irq_enable();
}

/* Writes past the end of a local array: the canary check at return panics. */
static __noinline void overrun(volatile char *buf, int len)
{
	int i;

	for (i = 0; i < len; i++)
		buf[i] = 'x';
}

static __noinline void smash_frame(void)
{
	char buf[16];

	overrun(buf, sizeof(buf) + 8);
}

static void crash_canary(void)
{
	smash_frame();
	pr_err("crash: the canary did not catch the overrun\n");
}

/* A shift past the type's width: undefined; a UBSAN=1 kernel reports it and goes on. */
static void crash_ubsan(void)
{
	volatile unsigned int by = 40;

	pr_info("crash: 1 << %u gives %u\n", by, 1U << by);
}

static void crash_bug(void)
{
	pr_info("crash: BUG()\n");
	BUG();
}

static void crash_warn(void)
{
	pr_info("crash: WARN_ON(1)\n");
	WARN_ON(1);
}

/* The kmalloc cache of the slab triggers, if it has @flags. */
static bool slab_debugged(const char *type, slab_flags_t flags, const char *letters)
{
	struct kmem_cache *s = kmalloc_cache(SLAB_SIZE);

	if ((s->flags & flags) == flags)
		return true;
	pr_info("crash: %s needs SLUB debugging (%s) on %s: boot with slub_debug=%s or "
		"slub_debug=%s,%s\n", type, letters, s->name, letters, letters, s->name);
	return false;
}

static void crash_use_after_free(void)
{
	char *p;

	if (!slab_debugged("use-after-free", SLAB_POISON, "FP"))
		return;
	p = kmalloc(SLAB_SIZE, GFP_KERNEL);
	if (!p)
		return;
	kfree(p);
	pr_info("crash: writing to %p after kfree()\n", p);
	p[SLAB_SIZE / 2] = 0x42;
	/* the next allocation from the cache checks the poison of its object */
	kfree(kmalloc(SLAB_SIZE, GFP_KERNEL));
}

static void crash_double_free(void)
{
	char *p;

	if (!slab_debugged("double-free", SLAB_CONSISTENCY_CHECKS, "F"))
		return;
	p = kmalloc(SLAB_SIZE, GFP_KERNEL);
	if (!p)
		return;
	kfree(p);
	pr_info("crash: kfree(%p) a second time\n", p);
	kfree(p);
}

static void crash_redzone(void)
{
	char *p;

	if (!slab_debugged("redzone", SLAB_RED_ZONE, "FZ"))
		return;
	p = kmalloc(SLAB_SIZE, GFP_KERNEL);
	if (!p)
		return;
	pr_info("crash: writing 1 byte past the %zu-byte object at %p\n", ksize(p), p);
	p[ksize(p)] = 0x42;
	kfree(p);	/* checks the red zones */
}

/*
 * Planted bugs for a KASAN=1 kernel, which reports each and goes on.
 * Elsewhere they do no harm: the write lands in the slack of the object's
 * 16-byte slot, and the others only read.
 */
static void crash_kasan_slab_oob(void)
{
	volatile char *p = kmalloc(10, GFP_KERNEL);

	if (!p)
		return;
	pr_info("crash: writing 1 byte past a 10-byte kmalloc object\n");
	p[10] = 'x';
	kfree((void *)p);
}

static void crash_kasan_slab_uaf(void)
{
	volatile char *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	kfree((void *)p);
	pr_info("crash: reading a kmalloc object after kfree()\n");
	(void)p[8];
}

static void crash_kasan_vmalloc_oob(void)
{
	volatile char *p = vmalloc(100);

	if (!p)
		return;
	pr_info("crash: reading 1 byte past a 100-byte vmalloc area\n");
	(void)p[100];
	vfree((void *)p);
}

static void crash_kasan_page_uaf(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	volatile char *p;

	if (!page)
		return;
	p = page_address(page);
	__free_page(page);
	pr_info("crash: reading a page after __free_page()\n");
	(void)p[16];
}

/* The shell has no user memory: the copy faults and copies nothing, but is checked first. */
static void crash_kasan_user_copy(void)
{
	char *p = kmalloc(10, GFP_KERNEL);

	if (!p)
		return;
	pr_info("crash: copy_from_user() of 16 bytes into a 10-byte kmalloc object\n");
	if (copy_from_user(p, (const void *)0x10000, 16))
		pr_info("crash: no user memory here: nothing copied\n");
	kfree(p);
}

/* Only where KASAN refuses it: elsewhere, a real double free. */
static void crash_kasan_double_free(void)
{
#ifdef CONFIG_KASAN
	char *p = kmalloc(32, GFP_KERNEL);

	if (!p)
		return;
	kfree(p);
	pr_info("crash: kfree() of a kmalloc object a second time\n");
	kfree(p);
	pr_info("crash: the second kfree() was refused\n");
#else
	pr_info("crash: kasan-double-free needs a KASAN=1 kernel\n");
#endif
}

static const struct crash_type {
	const char *name;
	void (*fn)(void);
	const char *what;
} crash_types[] = {
	{ "null", crash_null, "read through a NULL pointer: an oops (fatal)" },
	{ "rodata", crash_rodata_write, "write to read-only data: an oops (fatal)" },
	{ "user-access", crash_user_access,
	  "read user memory outside the uaccess helpers: a domain fault, an oops (fatal)" },
	{ "stack", crash_stack, "overflow the kernel stack: its guard page stops it, an oops" },
	{ "bug", crash_bug, "BUG(): a report and a panic" },
	{ "canary", crash_canary, "overrun a local array: the stack protector panics" },
	{ "ubsan", crash_ubsan, "shift by 40: a UBSAN=1 kernel reports it and goes on" },
	{ "warn", crash_warn, "WARN_ON(1): a report, and the kernel goes on" },
	{ "use-after-free", crash_use_after_free,
	  "write to a freed kmalloc object (slub_debug=FP): SLUB reports, repairs" },
	{ "double-free", crash_double_free,
	  "kfree an object twice (slub_debug=F): SLUB reports, refuses" },
	{ "redzone", crash_redzone,
	  "write past a kmalloc object (slub_debug=FZ): SLUB reports, repairs" },
	{ "kasan-slab-oob", crash_kasan_slab_oob,
	  "write past a kmalloc object: a KASAN=1 kernel reports it and goes on" },
	{ "kasan-slab-uaf", crash_kasan_slab_uaf,
	  "read a freed kmalloc object: a KASAN=1 kernel reports it and goes on" },
	{ "kasan-vmalloc-oob", crash_kasan_vmalloc_oob,
	  "read past a vmalloc area's size: a KASAN=1 kernel reports it and goes on" },
	{ "kasan-page-uaf", crash_kasan_page_uaf,
	  "read a freed page: a KASAN=1 kernel reports it and goes on" },
	{ "kasan-user-copy", crash_kasan_user_copy,
	  "copy_from_user past a kmalloc object: a KASAN=1 kernel reports it" },
	{ "kasan-double-free", crash_kasan_double_free,
	  "kfree an object twice: a KASAN=1 kernel reports it, refuses, goes on" },
};

int crash_trigger(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(crash_types); i++) {
		if (!strcmp(crash_types[i].name, name)) {
			crash_types[i].fn();
			return 0;
		}
	}
	return -EINVAL;
}

void crash_list(void (*show)(const char *name, const char *what))
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(crash_types); i++)
		show(crash_types[i].name, crash_types[i].what);
}

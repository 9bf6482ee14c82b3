// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's quarantine, as Linux's generic KASAN has one: a freed kmalloc
 * object is not given back to SLUB at once but held, poisoned, in a FIFO
 * until a thirty-second of RAM is held; only then is the oldest freed for
 * real. A use after free therefore still meets poison long after the
 * kfree, where without it the next kmalloc of the size would have
 * reused the slot and made it valid again.
 *
 * Held: objects of kmalloc caches without SLUB debugging (whose frees
 * SLUB itself checks) or a constructor (whose contents must survive a
 * free). The link to the next held object is the object's first word,
 * which no one else touches while it is held. Not instrumented.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include "kasan.h"

#define QUARANTINE_FRACTION	32
#define SLUB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER)

static DEFINE_SPINLOCK(quarantine_lock);
static void *head, *tail;	/* the oldest held object, the newest */
static unsigned long held_bytes;
/* This CPU is giving an object back to SLUB: its free is not to be held. */
static bool releasing[NR_CPUS];

bool kasan_quarantine_releasing(void)
{
	return releasing[smp_processor_id()];
}

static unsigned long quarantine_max(void)
{
	return (totalram_pages << PAGE_SHIFT) / QUARANTINE_FRACTION;
}

/* The oldest held object, taken off the FIFO, or NULL. */
static void *quarantine_pop(void)
{
	unsigned long flags;
	void *object;

	spin_lock_irqsave(&quarantine_lock, flags);
	object = head;
	if (object) {
		head = *(void **)object;
		if (!head)
			tail = NULL;
		held_bytes -= compound_head(virt_to_page(object))->slab_cache->size;
	}
	spin_unlock_irqrestore(&quarantine_lock, flags);
	return object;
}

static void quarantine_release(void *object)
{
	struct kmem_cache *s = compound_head(virt_to_page(object))->slab_cache;
	unsigned long flags;

	local_irq_save(flags);
	releasing[smp_processor_id()] = true;
	kmem_cache_free(s, object);
	releasing[smp_processor_id()] = false;
	local_irq_restore(flags);
}

bool kasan_quarantine_put(struct kmem_cache *s, void *object)
{
	unsigned long flags;
	bool over;

	if (!(s->flags & SLAB_KMALLOC) || (s->flags & SLUB_DEBUG_FLAGS) || s->ctor)
		return false;
	spin_lock_irqsave(&quarantine_lock, flags);
	*(void **)object = NULL;
	if (tail)
		*(void **)tail = object;
	else
		head = object;
	tail = object;
	held_bytes += s->size;
	over = held_bytes > quarantine_max();
	spin_unlock_irqrestore(&quarantine_lock, flags);
	while (over) {
		void *oldest = quarantine_pop();

		if (!oldest)
			break;
		quarantine_release(oldest);
		over = held_bytes > quarantine_max();
	}
	return true;
}

void kasan_quarantine_drain(void)
{
	void *object;

	while ((object = quarantine_pop()))
		quarantine_release(object);
}

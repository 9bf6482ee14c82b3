/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For suites that check nothing leaked: free pages plus slab pages, the
 * per-CPU lists drained first. SLUB may keep an empty slab rather than
 * free it, so the two are counted together; a leaked page or a leaked
 * slab object's slab shows as a drop.
 */
#ifndef _TESTS_KERNEL_MM_USAGE_H
#define _TESTS_KERNEL_MM_USAGE_H

#include <linux/mmzone.h>
#include <linux/vmstat.h>

static inline unsigned long free_and_slab_pages(void)
{
	drain_local_pages();
	return global_zone_free_pages() +
	       global_node_page_state(NR_SLAB_RECLAIMABLE) +
	       global_node_page_state(NR_SLAB_UNRECLAIMABLE);
}

#endif

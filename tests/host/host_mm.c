// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for what mm/ needs from the kernel around it: highmem
 * pages are ordinary arena memory here, so kmap is their address.
 */
#include <linux/highmem.h>

void *kmap_local_page(struct page *page)
{
	return lowmem_page_address(page);
}

void kunmap_local(const void *addr)
{
	(void)addr;
}

void *page_address(const struct page *page)
{
	return lowmem_page_address(page);
}

unsigned long vmalloc_total_bytes(void)
{
	return 0;
}

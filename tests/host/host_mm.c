// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for what mm/ needs from the kernel around it: highmem
 * pages are ordinary arena memory here, so kmap is their address.
 */
#include <linux/highmem.h>
#include <linux/mm_types.h>
#include <linux/random.h>
#include <linux/vmalloc.h>

/* The kernel's address space: no page tables of its own here. */
struct mm_struct init_mm;

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

/* No vmalloc space here: nothing freed lazily to purge. */
void vm_unmap_aliases(void)
{
}

/* The slab's free-pointer key: any changing bytes do on the host. */
void get_random_bytes(void *buf, size_t len)
{
	static unsigned int x = 2463534242u;
	unsigned char *p = buf;

	while (len--) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		*p++ = x;
	}
}

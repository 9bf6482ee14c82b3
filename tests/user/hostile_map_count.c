/*
 * hostile_map_count: vm.max_map_count (65530) caps the VMAs of a process.
 * One-page mappings of alternating protections (so none merge) fill a
 * window until mmap fails with ENOMEM; the count reached is the limit
 * less the few VMAs the program had (text, data, heap, stack, and on
 * Linux [vdso] and [vvar]). A munmap that would split a VMA in three at
 * the limit fails too (ENOMEM); an mprotect splitting one likewise.
 * Everything is unmapped at the end, by one munmap of the window.
 */
#include <unistd.h>

#include "check.h"

#define LIMIT	65530
#define PAGES	(LIMIT + 16)	/* a page a VMA, with room to spare */

int main(void)
{
	char *w = mmap(NULL, PAGES * PAGE, PROT_NONE, ANON | MAP_NORESERVE, -1, 0);
	int n = 0, i;
	void *p;

	if (w == MAP_FAILED) {
		printf("window: %s\n", errno_name(errno));
		return 1;
	}
	munmap(w, PAGES * PAGE);
	for (i = 0; i < PAGES; i++) {
		p = mmap(w + i * PAGE, PAGE, i & 1 ? PROT_READ : RW, ANON | MAP_FIXED, -1, 0);
		if (p == MAP_FAILED)
			break;
		n++;
	}
	printf("stopped by: %s\n", i < PAGES ? errno_name(errno) : "the end of the window");
	yes_no("mappings made: within 12 of the limit", n > LIMIT - 12 && n < LIMIT);
	/* a three-page VMA at the limit: cutting out its middle needs one more */
	munmap(w + (i - 1) * PAGE, PAGE);
	p = mmap(w + (i - 1) * PAGE, 3 * PAGE, PROT_WRITE, ANON | MAP_FIXED, -1, 0);
	show_map("a three-page mapping in place of the last", p, w + (i - 1) * PAGE);
	show("munmap its middle page", munmap(w + i * PAGE, PAGE));
	show("mprotect its middle page", mprotect(w + i * PAGE, PAGE, PROT_READ));
	show("munmap its first page", munmap(w + (i - 1) * PAGE, PAGE));
	show("munmap the window", munmap(w, PAGES * PAGE));
	p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	show_map("mmap after", p, NULL);
	munmap(p, PAGE);
	return 0;
}

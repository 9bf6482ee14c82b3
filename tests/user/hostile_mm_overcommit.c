/*
 * hostile_mm_overcommit: the default overcommit heuristic. One request
 * for more memory that could be charged than there is RAM (and swap:
 * none here) fails with ENOMEM: a private writable mapping, a shared
 * anonymous one, growing the heap, growing a mapping with mremap. The
 * size is RAM plus 16 MiB, as sysinfo tells it, so that it is too
 * much on every machine (where it does not even fit in the address
 * space, the answer is ENOMEM all the same). What is not charged (read
 * only, MAP_NORESERVE) is not refused, and neither are many requests
 * that add up to more than RAM: the heuristic looks at one at a time.
 */
#include <stdlib.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "check.h"

/* MemTotal, in bytes, as sysinfo gives it; 0 if it cannot tell. */
static unsigned long mem_total(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.totalram * si.mem_unit;
}

static void show_unmap(const char *what, void *p, size_t len)
{
	show_map(what, p, NULL);
	if (p != MAP_FAILED)
		munmap(p, len);
}

int main(void)
{
	unsigned long ram = mem_total(), big, fits;
	char *p, *q, *b0;
	int i, n;

	if (!ram) {
		printf("MemTotal: unreadable\n");
		return 1;
	}
	big = (ram + (16UL << 20)) & ~(PAGE - 1);
	/* under RAM, and small enough for the address space on any machine */
	fits = big > 0x90000000UL ? 0x90000000UL : big;

	show_unmap("private writable mapping of RAM + 16 MiB",
		   mmap(NULL, big, RW, ANON, -1, 0), big);
	show_unmap("  with MAP_POPULATE", mmap(NULL, big, RW, ANON | MAP_POPULATE, -1, 0), big);
	show_unmap("shared anonymous mapping of RAM + 16 MiB",
		   mmap(NULL, big, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0), big);
	show_unmap("  read-only shared anonymous",
		   mmap(NULL, big, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0), big);
	show_unmap("private writable, MAP_NORESERVE, the most that fits",
		   mmap(NULL, fits, RW, ANON | MAP_NORESERVE, -1, 0), fits);
	show_unmap("private read-only, the most that fits",
		   mmap(NULL, fits, PROT_READ, ANON, -1, 0), fits);
	show_unmap("private writable, half of RAM",
		   mmap(NULL, (ram / 2) & ~(PAGE - 1), RW, ANON, -1, 0),
		   (ram / 2) & ~(PAGE - 1));

	p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	if (p != MAP_FAILED) {
		p[0] = 0x11;
		q = mremap(p, PAGE, big, MREMAP_MAYMOVE);
		show_map("mremap of a page to RAM + 16 MiB", q, NULL);
		if (q != MAP_FAILED)
			p = q;
		yes_no("  the page is still there", p[0] == 0x11);
		munmap(p, q != MAP_FAILED ? big : PAGE);
	}

	b0 = sys_brk(NULL);
	yes_no("brk by RAM + 16 MiB leaves the break", sys_brk(b0 + big) == b0);
	yes_no("brk by a page moves it", sys_brk(b0 + PAGE) == b0 + PAGE);
	sys_brk(b0);

	/* eight mappings of a quarter of RAM each (capped to fit): all fine */
	{
		unsigned long quarter = (ram / 4) & ~(PAGE - 1);
		char *maps[8];

		if (quarter > 0x10000000UL)
			quarter = 0x10000000UL;
		for (n = 0; n < 8; n++) {
			maps[n] = mmap(NULL, quarter, RW, ANON, -1, 0);
			if (maps[n] == MAP_FAILED)
				break;
		}
		yes_no("eight mappings of up to a quarter of RAM each", n == 8);
		for (i = 0; i < n; i++)
			munmap(maps[i], quarter);
	}
	return 0;
}

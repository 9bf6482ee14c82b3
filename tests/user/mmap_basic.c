/*
 * mmap_basic: anonymous mmap and munmap. Fresh memory is zero, writes
 * persist, an unmapped range can be mapped again, the argument checks
 * (EINVAL, ENOMEM), MAP_FIXED_NOREPLACE against every kind of overlap
 * (EEXIST) and next to a mapping (fine), and MAP_FIXED replacing pages.
 */
#include <stdint.h>

#include "check.h"

static void basics(void)
{
	char *p, *q;

	p = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
	show_map("mmap 4 pages", p, NULL);
	if (p == MAP_FAILED)
		return;
	yes_no("page aligned", ((uintptr_t)p & (PAGE - 1)) == 0);
	yes_no("fresh memory reads zero", all_bytes(p, 0, 4 * PAGE));
	memset(p, 0x5a, 4 * PAGE);
	yes_no("writes persist", all_bytes(p, 0x5a, 4 * PAGE));
	show("munmap", munmap(p, 4 * PAGE));

	q = mmap(p, 4 * PAGE, RW, ANON, -1, 0);
	show_map("mmap again, old address as hint", q, p);
	if (q == MAP_FAILED)
		return;
	yes_no("mapped again reads zero", all_bytes(q, 0, 4 * PAGE));
	show("munmap", munmap(q, 4 * PAGE));

	p = mmap(NULL, 256 * PAGE, RW, ANON, -1, 0);
	show_map("mmap 1 MiB", p, NULL);
	if (p != MAP_FAILED) {
		p[256 * PAGE - 1] = 7;
		p[0] = 9;
		yes_no("first and last byte written",
		       p[0] == 9 && p[256 * PAGE - 1] == 7);
		yes_no("the pages between read zero",
		       all_bytes(p + PAGE, 0, 254 * PAGE));
		show("munmap 1 MiB", munmap(p, 256 * PAGE));
	}
}

static void bad_arguments(void)
{
	char *w = free_window(4);

	if (!w)
		return;
	show_map("mmap len 0", mmap(NULL, 0, RW, ANON, -1, 0), NULL);
	show_map("mmap MAP_FIXED unaligned address",
		 mmap(w + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0), NULL);
	show_map("mmap neither MAP_PRIVATE nor MAP_SHARED",
		 mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0), NULL);
	show_map("mmap 3 GiB", mmap(NULL, 0xc0000000UL, RW, ANON, -1, 0),
		 NULL);
	show_map("mmap MAP_FIXED at 0xc0000000",
		 mmap((void *)0xc0000000UL, PAGE, RW, ANON | MAP_FIXED, -1, 0),
		 NULL);
	show("munmap of an unmapped range", munmap(w, 4 * PAGE));
	show("munmap unaligned address", munmap(w + 1, PAGE));
	show("munmap len 0", munmap(w, 0));
}

static void noreplace(void)
{
	char *w = free_window(16), *a, *p;

	if (!w)
		return;
	/* A: pages 4..7 of the window; pages 0..3 and 8..15 stay free. */
	a = mmap(w + 4 * PAGE, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("MAP_FIXED_NOREPLACE into a free range", a, w + 4 * PAGE);
	if (a != w + 4 * PAGE)
		return;
	memset(a, 0x11, 4 * PAGE);

	show_map("MAP_FIXED_NOREPLACE exact overlap",
		 mmap(a, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), a);
	show_map("MAP_FIXED_NOREPLACE contained",
		 mmap(a + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
		 a + PAGE);
	show_map("MAP_FIXED_NOREPLACE overlapping the start",
		 mmap(a - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
		 a - PAGE);
	show_map("MAP_FIXED_NOREPLACE overlapping the end",
		 mmap(a + 3 * PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE,
		      -1, 0), a + 3 * PAGE);
	show_map("MAP_FIXED_NOREPLACE covering it",
		 mmap(a - PAGE, 6 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
		 a - PAGE);
	yes_no("contents untouched by the failures", all_bytes(a, 0x11, 4 * PAGE));

	p = mmap(a - PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("MAP_FIXED_NOREPLACE adjacent below", p, a - PAGE);
	p = mmap(a + 4 * PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("MAP_FIXED_NOREPLACE adjacent above", p, a + 4 * PAGE);
	yes_no("the new neighbours read zero",
	       all_bytes(a - PAGE, 0, PAGE) && all_bytes(a + 4 * PAGE, 0, PAGE));

	/* MAP_FIXED over page 1 of A replaces just that page. */
	p = mmap(a + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	show_map("MAP_FIXED over a mapped page", p, a + PAGE);
	yes_no("replaced page reads zero", all_bytes(a + PAGE, 0, PAGE));
	yes_no("pages around it keep their contents",
	       all_bytes(a, 0x11, PAGE) && all_bytes(a + 2 * PAGE, 0x11, 2 * PAGE));

	/* A hole punched with munmap can be mapped again, exactly. */
	show("munmap one page in the middle", munmap(a + 2 * PAGE, PAGE));
	p = mmap(a + 2 * PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("MAP_FIXED_NOREPLACE into the hole", p, a + 2 * PAGE);
	yes_no("the hole reads zero", all_bytes(a + 2 * PAGE, 0, PAGE));
	yes_no("the page after the hole kept its contents",
	       all_bytes(a + 3 * PAGE, 0x11, PAGE));

	show("munmap the whole window", munmap(w, 16 * PAGE));
	p = mmap(a, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("MAP_FIXED_NOREPLACE after munmap of all", p, a);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
}

int main(void)
{
	printf("mmap_basic: start\n");
	basics();
	bad_arguments();
	noreplace();
	printf("mmap_basic: done\n");
	return 0;
}

/*
 * mprotect: argument checks (ENOMEM for unmapped ranges, EINVAL for an
 * unaligned start or unknown bits), contents surviving PROT_READ and
 * PROT_NONE, and VMA splitting and merging made visible through mremap,
 * which may not grow a range that spans more than one VMA (EFAULT).
 * Nothing here writes to a read-only page: there are no signal handlers.
 */
#include "check.h"

static void arguments(void)
{
	char *w = free_window(4), *p;

	if (!w)
		return;
	show("mprotect unmapped range", mprotect(w, 2 * PAGE, PROT_READ));
	p = mmap(w, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map one page", p, w);
	if (p != w)
		return;
	show("mprotect mapped page plus unmapped page",
	     mprotect(w, 2 * PAGE, PROT_READ));
	show("mprotect starting in the hole after it",
	     mprotect(w + PAGE, PAGE, RW));
	show("mprotect unaligned address", mprotect(w + 1, PAGE, PROT_READ));
	show("mprotect len 0", mprotect(w, 0, PROT_READ));
	show("mprotect unaligned len", mprotect(w, 100, RW));
	show("mprotect unknown prot bit 0x10", mprotect(w, PAGE, 0x10));
	show("mprotect PROT_READ|PROT_EXEC", mprotect(w, PAGE,
						      PROT_READ | PROT_EXEC));
	show("mprotect PROT_WRITE alone", mprotect(w, PAGE, PROT_WRITE));
	show("mprotect PROT_GROWSDOWN on a plain mapping",
	     mprotect(w, PAGE, PROT_READ | PROT_GROWSDOWN));
	munmap(w, 4 * PAGE);
}

static void contents(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);

	show_map("map 3 pages", p, NULL);
	if (p == MAP_FAILED)
		return;
	memset(p, 0x33, 3 * PAGE);
	show("mprotect all PROT_READ", mprotect(p, 3 * PAGE, PROT_READ));
	yes_no("readable, contents kept", all_bytes(p, 0x33, 3 * PAGE));
	show("mprotect all PROT_NONE", mprotect(p, 3 * PAGE, PROT_NONE));
	show("mprotect all back to RW", mprotect(p, 3 * PAGE, RW));
	yes_no("contents kept through PROT_NONE", all_bytes(p, 0x33, 3 * PAGE));
	p[PAGE] = 0x44;
	yes_no("writable again", p[PAGE] == 0x44);
	munmap(p, 3 * PAGE);

	p = mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);
	show_map("map a never-written page PROT_READ", p, NULL);
	if (p == MAP_FAILED)
		return;
	yes_no("it reads zero", all_bytes(p, 0, PAGE));
	show("mprotect it RW", mprotect(p, PAGE, RW));
	p[10] = 1;
	yes_no("then writes stick", p[10] == 1 && all_bytes(p + 11, 0, 16));
	munmap(p, PAGE);
}

/*
 * Growing with mremap (no MREMAP_MAYMOVE) needs the whole old range in one
 * VMA: EFAULT shows a split, success shows the pieces merged again.
 */
static void split_merge(void)
{
	char *w = free_window(8), *p, *q;

	if (!w)
		return;
	p = mmap(w, 3 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map 3 pages with free space after", p, w);
	if (p != w)
		return;
	memset(p, 0x77, 3 * PAGE);
	show("mprotect the middle page PROT_READ",
	     mprotect(p + PAGE, PAGE, PROT_READ));
	yes_no("all three readable, contents kept", all_bytes(p, 0x77, 3 * PAGE));
	q = mremap(p, 3 * PAGE, 4 * PAGE, 0);
	show_map("mremap grow across the split", q, p);
	q = mremap(p, PAGE, 2 * PAGE, 0);
	show_map("mremap grow of the first piece into the second", q, p);
	show("mprotect the middle page back to RW", mprotect(p + PAGE, PAGE, RW));
	q = mremap(p, 3 * PAGE, 4 * PAGE, 0);
	show_map("mremap grow after the merge", q, p);
	if (q == p) {
		yes_no("grown page reads zero", all_bytes(p + 3 * PAGE, 0, PAGE));
		yes_no("old pages keep their contents",
		       all_bytes(p, 0x77, 3 * PAGE));
	}

	/* Two separate mappings that become alike merge too. */
	show("munmap all", munmap(w, 8 * PAGE));
	p = mmap(w, 2 * PAGE, PROT_READ, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	q = mmap(w + 2 * PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	yes_no("two adjacent mappings, R and RW", p == w && q == w + 2 * PAGE);
	show_map("mremap grow across both",
		 mremap(w, 4 * PAGE, 5 * PAGE, 0), w);
	show("mprotect the first RW", mprotect(w, 2 * PAGE, RW));
	show_map("mremap grow across both now",
		 mremap(w, 4 * PAGE, 5 * PAGE, 0), w);
	show("munmap all", munmap(w, 8 * PAGE));
}

int main(void)
{
	printf("mprotect: start\n");
	arguments();
	contents();
	split_merge();
	printf("mprotect: done\n");
	return 0;
}

/*
 * mmap_more: the other calls on anonymous mappings. mremap growing in
 * place, refusing (ENOMEM) when blocked and moving with MREMAP_MAYMOVE;
 * madvise(MADV_DONTNEED) giving zero pages back; mincore telling touched
 * from untouched pages; msync; and each one's error for unmapped ranges.
 */
#include "check.h"

static void remap(void)
{
	char *w = free_window(8), *p, *q, *r;
	unsigned char vec[4];

	if (!w)
		return;
	p = mmap(w, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map 2 pages", p, w);
	if (p != w)
		return;
	memset(p, 0x21, 2 * PAGE);
	q = mremap(p, 2 * PAGE, 3 * PAGE, 0);
	show_map("mremap grow in place to 3 pages", q, p);
	yes_no("old contents kept, new page zero",
	       all_bytes(p, 0x21, 2 * PAGE) && all_bytes(p + 2 * PAGE, 0, PAGE));
	r = mmap(w + 3 * PAGE, PAGE, PROT_READ, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map a blocker right after it", r, w + 3 * PAGE);
	show_map("mremap grow without MREMAP_MAYMOVE",
		 mremap(p, 3 * PAGE, 4 * PAGE, 0), p);
	q = mremap(p, 3 * PAGE, 6 * PAGE, MREMAP_MAYMOVE);
	show_map("mremap grow with MREMAP_MAYMOVE", q, p);
	if (q != MAP_FAILED) {
		yes_no("moved elsewhere", q != p);
		yes_no("contents moved along", all_bytes(q, 0x21, 2 * PAGE) &&
		       all_bytes(q + 2 * PAGE, 0, 4 * PAGE));
		show("mincore on the old place", mincore(p, PAGE, vec));
		r = mremap(q, 6 * PAGE, 2 * PAGE, 0);
		show_map("mremap shrink", r, q);
		show("mincore on the cut-off tail", mincore(q + 2 * PAGE, PAGE, vec));
		show("munmap", munmap(q, 2 * PAGE));
	}
	show_map("mremap of an unmapped range",
		 mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE), NULL);
	show_map("mremap unaligned address",
		 mremap(w + 3 * PAGE + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE), NULL);
	show_map("mremap to length 0", mremap(w + 3 * PAGE, PAGE, 0, 0), NULL);
	show_map("mremap with unknown flags",
		 mremap(w + 3 * PAGE, PAGE, PAGE, 0x100), NULL);
	munmap(w, 8 * PAGE);
}

static void advise_and_core(void)
{
	char *w = free_window(8), *p;
	unsigned char vec[4];

	if (!w)
		return;
	p = mmap(w, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map 4 pages with free space after", p, w);
	if (p != w)
		return;
	p[0] = 1;
	p[2 * PAGE] = 1;
	memset(vec, 0xee, sizeof(vec));
	show("mincore", mincore(p, 4 * PAGE, vec));
	printf("resident (bit 0) of each page: %d %d %d %d\n", vec[0] & 1,
	       vec[1] & 1, vec[2] & 1, vec[3] & 1);
	show("mincore unaligned address", mincore(p + 1, PAGE, vec));
	show("mincore partly unmapped", mincore(p + 3 * PAGE, 2 * PAGE, vec));

	memset(p, 0x42, 4 * PAGE);
	show("madvise MADV_DONTNEED on pages 1-2", madvise(p + PAGE, 2 * PAGE,
							  MADV_DONTNEED));
	yes_no("they read zero now", all_bytes(p + PAGE, 0, 2 * PAGE));
	yes_no("pages 0 and 3 kept their contents",
	       all_bytes(p, 0x42, PAGE) && all_bytes(p + 3 * PAGE, 0x42, PAGE));
	show("madvise MADV_NORMAL", madvise(p, 4 * PAGE, MADV_NORMAL));
	show("madvise MADV_WILLNEED", madvise(p, 4 * PAGE, MADV_WILLNEED));
	show("madvise unaligned address", madvise(p + 1, PAGE, MADV_NORMAL));
	show("madvise unknown advice 1000", madvise(p, PAGE, 1000));
	show("madvise partly unmapped", madvise(p + 3 * PAGE, 2 * PAGE,
						MADV_NORMAL));

	show("msync MS_SYNC", msync(p, 4 * PAGE, MS_SYNC));
	show("msync MS_ASYNC", msync(p, 4 * PAGE, MS_ASYNC));
	show("msync MS_SYNC|MS_ASYNC", msync(p, PAGE, MS_SYNC | MS_ASYNC));
	show("msync unaligned address", msync(p + 1, PAGE, MS_SYNC));
	show("msync partly unmapped", msync(p + 3 * PAGE, 2 * PAGE, MS_SYNC));
	show("munmap", munmap(p, 4 * PAGE));
	show("madvise on the unmapped range", madvise(p, PAGE, MADV_NORMAL));
	show("mincore on the unmapped range", mincore(p, PAGE, vec));
	show("msync on the unmapped range", msync(p, PAGE, MS_SYNC));
}

int main(void)
{
	printf("mmap_more: start\n");
	remap();
	advise_and_core();
	printf("mmap_more: done\n");
	return 0;
}

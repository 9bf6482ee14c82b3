/*
 * brk: the raw system call (which answers with the break, new or old).
 * brk(0) returns the current break; 33 one-page steps up and 33 back down
 * each land exactly; memory given back and taken again reads zero; a
 * request below the start, past the top of user space or into another
 * mapping leaves the break where it was.
 */
#include <stdint.h>
#include <unistd.h>

#include "check.h"

extern char _end[];	/* end of .bss, from the linker script */

int main(void)
{
	char *b0, *b, *r, *m;
	int i, ok;

	printf("brk: start\n");
	b0 = sys_brk(NULL);
	yes_no("brk(0) is page aligned", ((uintptr_t)b0 & (PAGE - 1)) == 0);
	yes_no("brk(0) is at or above the end of bss", b0 >= _end);
	yes_no("brk(0) again gives the same", sys_brk(NULL) == b0);

	ok = 1;
	for (i = 1; i <= 33; i++) {
		b = b0 + i * PAGE;
		if (sys_brk(b) != b || sys_brk(NULL) != b) {
			ok = 0;
			break;
		}
		if (!all_bytes(b - PAGE, 0, PAGE))
			ok = 0;
		b[-1] = (char)i;	/* last byte of the new page */
	}
	yes_no("33 steps up, each new page zero and writable", ok);
	ok = 1;
	for (i = 1; i <= 33; i++)
		if (b0[i * PAGE - 1] != (char)i)
			ok = 0;
	yes_no("all 33 pages keep what was written", ok);
	ok = 1;
	for (i = 32; i >= 0; i--) {
		b = b0 + i * PAGE;
		if (sys_brk(b) != b || sys_brk(NULL) != b)
			ok = 0;
	}
	yes_no("33 steps down, each landing exactly", ok);
	yes_no("back at the start", sys_brk(NULL) == b0);

	/* Give memory back, take it again: it must be fresh zero pages. */
	r = sys_brk(b0 + 4 * PAGE);
	yes_no("grow by 4 pages", r == b0 + 4 * PAGE);
	memset(b0, 0xa5, 4 * PAGE);
	r = sys_brk(b0);
	yes_no("shrink to the start", r == b0);
	r = sys_brk(b0 + 4 * PAGE);
	yes_no("grow by 4 pages again", r == b0 + 4 * PAGE);
	yes_no("regrown memory reads zero", all_bytes(b0, 0, 4 * PAGE));

	/* An unaligned break is kept as given; the page it is in is usable. */
	r = sys_brk(b0 + 100);
	yes_no("brk(start + 100) returns exactly that", r == b0 + 100);
	b0[99] = 1;
	yes_no("byte 99 writable", b0[99] == 1);
	r = sys_brk(b0 + PAGE + 1);
	yes_no("brk(start + 4097) returns exactly that", r == b0 + PAGE + 1);
	yes_no("the second page reads zero", all_bytes(b0 + PAGE, 0, PAGE));
	sys_brk(b0);

	/* Refusals leave the break where it was. */
	r = sys_brk(b0 - PAGE);
	yes_no("brk below the start returns the current break", r == b0);
	r = sys_brk((void *)1);
	yes_no("brk(1) returns the current break", r == b0);
	r = sys_brk((void *)0xc0001000UL);
	yes_no("brk past the top of user space returns the current break",
	       r == b0);
	m = mmap(b0 + 16 * PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	show_map("map a page 16 pages above the break", m, b0 + 16 * PAGE);
	r = sys_brk(b0 + 20 * PAGE);
	yes_no("brk over that mapping returns the current break", r == b0);
	/* Linux keeps at least one free page between the heap and a mapping. */
	r = sys_brk(b0 + 15 * PAGE);
	yes_no("brk up to one page below it works", r == b0 + 15 * PAGE);
	r = sys_brk(b0 + 16 * PAGE);
	yes_no("brk right up against it works", r == b0 + 16 * PAGE);
	r = sys_brk(b0 + 17 * PAGE);
	yes_no("brk one page into it works", r == b0 + 17 * PAGE);
	yes_no("the mapping is intact", m != MAP_FAILED && all_bytes(m, 0, PAGE));
	r = sys_brk(b0);
	yes_no("shrink to the start", r == b0);

	/* The libc wrappers on top of it. */
	show("brk(start + 8192)", brk(b0 + 2 * PAGE));
	yes_no("sbrk(0) is that", sbrk(0) == b0 + 2 * PAGE);
	yes_no("sbrk(4096) returns the old break", sbrk(PAGE) == b0 + 2 * PAGE);
	show("brk(1)", brk((void *)1));
	show("brk(start)", brk(b0));
	printf("brk: done\n");
	return 0;
}

/*
 * mm_errors: error codes and protections that only show through a
 * child. munmap and mprotect over ranges with holes (what is left mapped
 * and with which protection, as a child touching it finds out), limits
 * of user space and wrapping lengths, mmap/mremap flag errors; PROT_NONE
 * and PROT_READ pages touched by children (SIGSEGV, reported as a wait4
 * status); mprotect after fork affecting only the caller; the brk heap
 * grown and shrunk 33 times on both sides of a fork; mremap growing and
 * moving a range with a child checking the moved contents.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* A child reads (and checks) or writes the byte at p, then exits 0. */
static void touch_in_child(const char *what, char *p, int write, int expect)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (write) {
			*(volatile char *)p = 0x7e;
			_exit(0);
		}
		_exit(*(volatile char *)p == expect ? 0 : 1);
	}
	if (pid == -1)
		printf("%s: fork: %s\n", what, errno_name(errno));
	else
		reap(what, pid);
}

static void holes(void)
{
	char *w = free_window(4), *p;

	if (!w)
		return;
	/* [hole][page] */
	p = mmap(w + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != w + PAGE) {
		show_map("map a page", p, w + PAGE);
		return;
	}
	memset(p, 0x11, PAGE);
	show("munmap of a hole and a page", munmap(w, 2 * PAGE));
	touch_in_child("  a child reading that page", p, 0, 0x11);

	/* [page][hole]: Linux changes the page, then finds the hole. */
	p = mmap(w, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != w) {
		show_map("map a page", p, w);
		return;
	}
	memset(p, 0x22, PAGE);
	show("mprotect PROT_READ of a page and the hole after it",
	     mprotect(w, 2 * PAGE, PROT_READ));
	touch_in_child("  a child reading the page", w, 0, 0x22);
	touch_in_child("  a child writing the page", w, 1, 0);
	munmap(w, PAGE);

	/* [hole][page]: the hole comes first, nothing changes. */
	p = mmap(w + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != w + PAGE) {
		show_map("map a page", p, w + PAGE);
		return;
	}
	show("mprotect PROT_READ of a hole and the page after it",
	     mprotect(w, 2 * PAGE, PROT_READ));
	touch_in_child("  a child writing the page", p, 1, 0);
	munmap(p, PAGE);
}

static void limits(void)
{
	char *w = free_window(4), *p, *q;

	if (!w)
		return;
	show("munmap at 0xc0000000", munmap((void *)0xc0000000UL, PAGE));
	show("munmap with a length that wraps", munmap(w, 0xfffff000UL));
	show("mprotect at 0xc0000000", mprotect((void *)0xc0000000UL, PAGE,
						PROT_READ));
	show("mprotect with a length that wraps",
	     mprotect(w, 0xfffff000UL, PROT_READ));
	show_map("mmap without MAP_ANONYMOUS, fd -1",
		 mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0), NULL);
	show_map("mmap MAP_SHARED_VALIDATE|MAP_ANONYMOUS",
		 mmap(NULL, PAGE, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0),
		 NULL);
	p = mmap(w, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != w) {
		show_map("map 2 pages", p, w);
		return;
	}
	q = w + 2 * PAGE;
	show_map("mremap MREMAP_FIXED without MREMAP_MAYMOVE",
		 mremap(p, PAGE, PAGE, MREMAP_FIXED, q), q);
	show_map("mremap MREMAP_FIXED onto an overlapping range",
		 mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
			p + PAGE), p + PAGE);
	show_map("mremap MREMAP_FIXED to an unaligned address",
		 mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, q + 1),
		 q + 1);
	munmap(w, 4 * PAGE);
}

static void protections(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	pid_t pid;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	memset(p, 0x31, 2 * PAGE);
	show("mprotect PROT_NONE", mprotect(p, 2 * PAGE, PROT_NONE));
	touch_in_child("  a child reading it", p + PAGE, 0, 0x31);
	touch_in_child("  a child writing it", p, 1, 0);
	show("mprotect PROT_READ", mprotect(p, 2 * PAGE, PROT_READ));
	touch_in_child("  a child reading it", p + PAGE, 0, 0x31);
	touch_in_child("  a child writing it", p, 1, 0);
	show("mprotect RW", mprotect(p, 2 * PAGE, RW));
	touch_in_child("  a child writing it", p, 1, 0);
	yes_no("the parent's contents survived all that",
	       all_bytes(p, 0x31, 2 * PAGE));

	/* mprotect after fork changes the caller's mapping only. */
	pid = fork();
	if (pid == 0) {
		if (mprotect(p, 2 * PAGE, PROT_READ))
			_exit(1);
		p[0] = 1;
		_exit(0);
	}
	if (pid != -1)
		reap("child mprotects PROT_READ, then writes", pid);
	p[0] = 0x32;
	yes_no("  the parent still writes its pages", p[0] == 0x32);

	pid = fork();
	if (pid == 0) {
		struct timespec ms50 = { 0, 50000000 };

		nanosleep(&ms50, NULL);
		p[PAGE] = 1;
		_exit(p[PAGE] == 1 && p[0] == 0x32 ? 0 : 1);
	}
	if (pid == -1)
		return;
	show("parent mprotects PROT_NONE after fork",
	     mprotect(p, 2 * PAGE, PROT_NONE));
	reap("  a child writing after that", pid);
	munmap(p, 2 * PAGE);
}

/* Every page's last byte holds tag + page number. */
static int heap_ok(const char *b0, int pages, int tag)
{
	for (int i = 0; i < pages; i++)
		if (b0[(i + 1) * PAGE - 1] != (char)(tag + i))
			return 0;
	return 1;
}

/*
 * 33 one-page steps up in the parent; the child checks them, shrinks
 * one page at a time (checking what is left each time) and grows again
 * (new pages read zero); the parent's heap stays as it was.
 */
static void heap(void)
{
	char *b0 = sys_brk(NULL), *b;
	int i, ok = 1;
	pid_t pid;

	for (i = 1; i <= 33; i++) {
		b = b0 + i * PAGE;
		if (sys_brk(b) != b) {
			ok = 0;
			break;
		}
		b[-1] = (char)(0x40 + i - 1);
	}
	yes_no("brk: 33 steps up", ok);
	if (!ok)
		return;
	pid = fork();
	if (pid == 0) {
		int bits = 0;

		if (sys_brk(NULL) != b0 + 33 * PAGE)
			bits |= 1;
		if (!heap_ok(b0, 33, 0x40))
			bits |= 2;
		for (i = 0; i < 33; i++)
			b0[(i + 1) * PAGE - 1] = (char)(0x80 + i);
		for (i = 32; i >= 0; i--) {
			b = b0 + i * PAGE;
			if (sys_brk(b) != b || !heap_ok(b0, i, 0x80))
				bits |= 4;
		}
		for (i = 1; i <= 33; i++) {
			b = b0 + i * PAGE;
			if (sys_brk(b) != b || !all_bytes(b - PAGE, 0, PAGE))
				bits |= 8;
		}
		_exit(bits);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("child: same break (1), sees the heap (2), 33 down (4), "
	     "33 up, zero (8)", pid);
	yes_no("  the parent's heap and break unchanged",
	       heap_ok(b0, 33, 0x40) && sys_brk(NULL) == b0 + 33 * PAGE);
	ok = 1;
	for (i = 32; i >= 0; i--) {
		b = b0 + i * PAGE;
		if (sys_brk(b) != b || !heap_ok(b0, i, 0x40))
			ok = 0;
	}
	yes_no("  then 33 steps down in the parent, contents kept", ok);
}

static int stamped(const char *p, int pages, int tag)
{
	for (int i = 0; i < pages; i++)
		if (!all_bytes(p + i * PAGE, tag + i, PAGE))
			return 0;
	return 1;
}

static void stamp(char *p, int pages, int tag)
{
	for (int i = 0; i < pages; i++)
		memset(p + i * PAGE, tag + i, PAGE);
}

static void remap(void)
{
	char *w = free_window(5), *t, *p, *q;
	pid_t pid;

	if (!w)
		return;
	p = mmap(w, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != w || mmap(w + 4 * PAGE, PAGE, PROT_NONE,
			   ANON | MAP_FIXED_NOREPLACE, -1, 0) != w + 4 * PAGE) {
		printf("mremap setup: %s\n", errno_name(errno));
		return;
	}
	stamp(p, 4, 0x51);
	q = mremap(p, 4 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
	show_map("mremap 4 blocked pages to 8, MREMAP_MAYMOVE", q, p);
	if (q == MAP_FAILED)
		return;
	yes_no("  contents moved along, new pages zero",
	       stamped(q, 4, 0x51) && all_bytes(q + 4 * PAGE, 0, 4 * PAGE));
	touch_in_child("  a child reading the old place", p, 0, 0x51);

	pid = fork();
	if (pid == 0) {
		int bits = 0;

		if (!stamped(q, 4, 0x51) || !all_bytes(q + 4 * PAGE, 0, 4 * PAGE))
			bits |= 1;
		stamp(q, 8, 0x61);
		/* Move its own copy again, further. */
		p = mremap(q, 8 * PAGE, 12 * PAGE, MREMAP_MAYMOVE);
		if (p == MAP_FAILED || !stamped(p, 8, 0x61) ||
		    !all_bytes(p + 8 * PAGE, 0, 4 * PAGE))
			bits |= 2;
		_exit(bits);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("child: sees the moved contents (1), moves and grows its own (2)",
	     pid);
	yes_no("  the parent's moved pages unchanged",
	       stamped(q, 4, 0x51) && all_bytes(q + 4 * PAGE, 0, 4 * PAGE));

	/*
	 * The parent moves pages it shares copy-on-write with a live child,
	 * to a window taken now, clear of everything mapped so far.
	 */
	t = free_window(16);
	if (!t)
		return;
	pid = fork();
	if (pid == 0) {
		struct timespec ms50 = { 0, 50000000 };

		nanosleep(&ms50, NULL);
		_exit(stamped(q, 4, 0x51) ? 0 : 1);
	}
	if (pid == -1)
		return;
	p = mremap(q, 8 * PAGE, 16 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, t);
	if (p != MAP_FAILED)
		stamp(p, 16, 0x71);
	show_map("mremap MREMAP_FIXED of those, 8 pages to 16", p, t);
	reap("  child checking its pages while the parent moves and writes "
	     "them", pid);
	yes_no("  the parent's writes stuck", p != MAP_FAILED &&
	       stamped(p, 16, 0x71));
	if (p != MAP_FAILED)
		munmap(p, 16 * PAGE);
	munmap(w + 4 * PAGE, PAGE);
}

int main(void)
{
	printf("mm_errors: start\n");
	holes();
	limits();
	protections();
	heap();
	remap();
	printf("mm_errors: done\n");
	return 0;
}

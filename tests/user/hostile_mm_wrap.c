/*
 * hostile_mm_wrap: every memory call given a length near 2^32, so that
 * address + length wraps past the top of the 32-bit address space. Each
 * must fail with Linux's errno (or, for brk, leave the break alone), and
 * afterwards the address space must still make sense: /proc/self/maps
 * has no range that ends below its start, the pages probed still hold
 * what was written, and a new anonymous mapping reads as zeros.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

#define WRAP	0xbf000000UL	/* from a high mapping, wraps into low memory */
#define NEARLY	0xfffff000UL	/* the largest page-aligned length */
#define ALL	0xffffffffUL	/* rounds up to 0 */

static char maps[16384];

/* Whether every line of /proc/self/maps is START-END with START < END. */
static int maps_sane(void)
{
	int fd = open("/proc/self/maps", O_RDONLY), ok = 1;
	long n = 0, r;
	char *line;

	if (fd < 0)
		return 0;
	while (n < (long)sizeof(maps) - 1 &&
	       (r = read(fd, maps + n, sizeof(maps) - 1 - n)) > 0)
		n += r;
	close(fd);
	maps[n] = '\0';
	for (line = maps; *line; ) {
		char *end;
		unsigned long start = strtoul(line, &end, 16), stop;

		if (*end != '-')
			return 0;
		stop = strtoul(end + 1, &end, 16);
		if (stop <= start)
			ok = 0;
		while (*line && *line != '\n')
			line++;
		if (*line)
			line++;
	}
	return ok;
}

static void check_after(const char *what, char *p, size_t len, int c)
{
	char *fresh = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);

	printf("  after %s:", what);
	printf(" maps sane %s,", maps_sane() ? "yes" : "no");
	printf(" contents kept %s,", all_bytes(p, c, len) ? "yes" : "no");
	if (fresh == MAP_FAILED) {
		printf(" new mapping %s\n", errno_name(errno));
		return;
	}
	printf(" new mapping zero %s\n", all_bytes(fresh, 0, 4 * PAGE) ? "yes" : "no");
	munmap(fresh, 4 * PAGE);
}

static void wrap_mremap(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	char *w;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	memset(p, 0x5a, 2 * PAGE);
	try_mremap("mremap grow in place, wrapping", p + PAGE, PAGE, WRAP, 0, NULL);
	check_after("it", p, PAGE, 0x5a);
	try_mremap("mremap grow in place to 0xfffff000", p + PAGE, PAGE, NEARLY, 0, NULL);
	check_after("it", p, PAGE, 0x5a);
	try_mremap("mremap grow to 0xffffffff", p, PAGE, ALL, MREMAP_MAYMOVE, NULL);
	try_mremap("mremap grow, may move, wrapping", p + PAGE, PAGE, WRAP,
		   MREMAP_MAYMOVE, NULL);
	check_after("it", p, 2 * PAGE, 0x5a);
	try_mremap("mremap with old length 0xfffff000", p, NEARLY, PAGE, 0, NULL);
	try_mremap("mremap with old length 0xffffffff", p, ALL, PAGE, 0, NULL);
	try_mremap("mremap shrink with old length 0xfffff000", p + PAGE, NEARLY,
		   PAGE, 0, NULL);
	w = free_window(4);
	if (w) {
		try_mremap("mremap MREMAP_FIXED, new range wrapping", p, PAGE, WRAP,
			   MREMAP_MAYMOVE | MREMAP_FIXED, w);
		try_mremap("mremap MREMAP_FIXED to 0xfffff000", p, PAGE, PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, (void *)NEARLY);
	}
	check_after("those", p, 2 * PAGE, 0x5a);
	munmap(p, 2 * PAGE);
}

/*
 * Shrinking with an old length that takes addr + new_len past 2^32, to
 * just below another mapping. Linux 6.1 does not check that the old
 * range fits: it unmaps the "tail" from the wrapped address on, which is
 * a valid range of the caller's own (the other mapping goes) and
 * succeeds. Harmless to the kernel, so Pagoda does the same. In a child,
 * as it loses mappings.
 */
static void wrap_shrink(void)
{
	char *low = mmap((void *)0x40000000UL, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	pid_t pid;

	if (low == MAP_FAILED || p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	low[0] = 1;
	pid = fork();
	if (pid == 0) {
		unsigned long new_len = (unsigned long)low - PAGE - (unsigned long)p;
		void *r = mremap(p, NEARLY, new_len, 0);

		/* exit status: what mremap said, and whether low survived */
		_exit((r == MAP_FAILED ? errno : 0) * 2 + (msync(low, PAGE, MS_ASYNC) == 0));
	}
	if (pid > 0) {
		int st;

		if (wait4(pid, &st, 0, NULL) == pid && WIFEXITED(st)) {
			int e = WEXITSTATUS(st) / 2;

			printf("mremap shrink, old length wrapping below another mapping: %s\n",
			       e ? errno_name(e) : "succeeded");
			yes_no("  the other mapping is still there", WEXITSTATUS(st) & 1);
		} else {
			printf("mremap shrink, old length wrapping: the child died\n");
		}
	}
	munmap(low, PAGE);
	munmap(p, PAGE);
}

static void wrap_mmap(void)
{
	char *w = free_window(4);

	show_map("mmap 0xfffff000 bytes", mmap(NULL, NEARLY, RW, ANON, -1, 0), NULL);
	show_map("mmap 0xffffffff bytes", mmap(NULL, ALL, RW, ANON, -1, 0), NULL);
	show_map("mmap 0xbf000000 bytes, PROT_NONE",
		 mmap(NULL, WRAP, PROT_NONE, ANON | MAP_NORESERVE, -1, 0), NULL);
	if (!w)
		return;
	show_map("mmap MAP_FIXED, wrapping", mmap(w, WRAP, RW, ANON | MAP_FIXED, -1, 0), w);
	show_map("mmap MAP_FIXED_NOREPLACE, wrapping",
		 mmap(w, WRAP, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), w);
	show_map("mmap with a wrapping hint",
		 mmap(w, WRAP, PROT_NONE, ANON | MAP_NORESERVE, -1, 0), NULL);
	show_map("mmap MAP_FIXED at 0xfffff000",
		 mmap((void *)NEARLY, PAGE, RW, ANON | MAP_FIXED, -1, 0), (void *)NEARLY);
}

static void wrap_others(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	unsigned char vec[4];
	char *b0, *b;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	memset(p, 0x6b, 2 * PAGE);
	show("munmap 0xffffffff bytes", munmap(p + PAGE, ALL));
	show("munmap wrapping", munmap(p + PAGE, WRAP));
	show("mprotect 0xffffffff bytes", mprotect(p + PAGE, ALL, PROT_READ));
	show("mprotect wrapping", mprotect(p + PAGE, WRAP, PROT_READ));
	show("madvise MADV_DONTNEED 0xffffffff bytes", madvise(p + PAGE, ALL, MADV_DONTNEED));
	show("madvise MADV_DONTNEED wrapping", madvise(p + PAGE, WRAP, MADV_DONTNEED));
	show("madvise MADV_DONTNEED 0xfffff000 bytes",
	     madvise(p + PAGE, NEARLY, MADV_DONTNEED));
	show("mincore 0xffffffff bytes", mincore(p + PAGE, ALL, vec));
	show("mincore wrapping", mincore(p + PAGE, WRAP, vec));
	show("mincore 0xfffff000 bytes", mincore(p + PAGE, NEARLY, vec));
	show("msync 0xffffffff bytes", msync(p + PAGE, ALL, MS_ASYNC));
	show("msync wrapping", msync(p + PAGE, WRAP, MS_ASYNC));
	show("msync 0xfffff000 bytes", msync(p + PAGE, NEARLY, MS_ASYNC));
	check_after("those", p, 2 * PAGE, 0x6b);
	/* still writable: no mprotect above took effect */
	p[PAGE] = 0x6b;
	munmap(p, 2 * PAGE);

	b0 = sys_brk(NULL);
	b = sys_brk((void *)(b0 + WRAP));
	yes_no("brk wrapping leaves the break", b == b0);
	b = sys_brk((void *)NEARLY);
	yes_no("brk to 0xfffff000 leaves the break", b == b0);
	b = sys_brk((void *)ALL);
	yes_no("brk to 0xffffffff leaves the break", b == b0);
	check_after("brk", b0, 0, 0);
}

int main(void)
{
	wrap_mremap();
	wrap_shrink();
	wrap_mmap();
	wrap_others();
	return 0;
}

/*
 * hostile_procmaps: /proc/self/maps of a process with two thousand
 * mappings, over 80 KiB of text, read in one go and in odd-sized pieces.
 * Every line must be there, whole, with the [stack] line after ours (the
 * padding before its name once looped forever on a full buffer), and
 * both reads must give the same text: a view larger than its first
 * buffer is generated again into a bigger one, never cut or looped on.
 * With the argument "hold" it keeps the mappings and sleeps, so that the
 * shell's `maps PID` can be tried on it.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

#define NPAGES	2000

static char text[256 * 1024], again[256 * 1024];

/* Lines of @maps whose range lies in [lo, hi), each checked for its permissions. */
static int count_ours(const char *maps, unsigned long lo, unsigned long hi, int *bad)
{
	int n = 0;

	for (const char *l = maps; *l; ) {
		unsigned long start = strtoul(l, NULL, 16);
		const char *perms = strchr(l, ' ');

		if (start >= lo && start < hi && perms) {
			int ro = ((start - lo) / PAGE) & 1;

			if (strncmp(perms + 1, ro ? "r--p" : "rw-p", 4))
				(*bad)++;
			n++;
		}
		l = strchr(l, '\n');
		if (!l)
			break;
		l++;
	}
	return n;
}

/* The text after the line of our last page. */
static const char *last_line_of(const char *maps, char *p, int npages)
{
	char want[16];
	const char *l;

	snprintf(want, sizeof(want), "%08lx-", (unsigned long)p + (npages - 1) * PAGE);
	l = strstr(maps, want);
	return l ? l : "";
}

int main(int argc, char **argv)
{
	char *p = mmap(NULL, NPAGES * PAGE, RW, ANON, -1, 0);
	long len, len2;
	int bad = 0;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return 1;
	}
	/* every other page read-only: NPAGES VMAs that cannot merge */
	for (unsigned long i = 1; i < NPAGES; i += 2)
		if (mprotect(p + i * PAGE, PAGE, PROT_READ))
			printf("mprotect %lu: %s\n", i, errno_name(errno));
	if (argc > 1 && !strcmp(argv[1], "hold")) {
		printf("hostile_procmaps: holding %d mappings\n", NPAGES);
		for (;;)
			sleep(1000);
	}
	len = slurp("/proc/self/maps", text, sizeof(text), sizeof(text));
	yes_no("maps read", len > 0);
	yes_no("maps longer than 64 KiB", len > 65536);
	yes_no("maps ends with a newline", len > 0 && text[len - 1] == '\n');
	printf("lines for our mappings: %d\n",
	       count_ours(text, (unsigned long)p, (unsigned long)p + NPAGES * PAGE, &bad));
	printf("lines with wrong permissions: %d\n", bad);
	yes_no("a [stack] line after them", len > 0 && strstr(last_line_of(text, p, NPAGES), "[stack]"));
	len2 = slurp("/proc/self/maps", again, sizeof(again), 777);
	yes_no("read 777 bytes at a time: the same text", len2 == len && !memcmp(text, again, len));
	munmap(p, NPAGES * PAGE);
	len2 = slurp("/proc/self/maps", again, sizeof(again), 4096);
	yes_no("after munmap, maps is short again", len2 > 0 && len2 < 4096);
	return 0;
}

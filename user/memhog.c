/*
 * memhog SIZE: maps SIZE bytes of anonymous memory (suffix K, M or G,
 * or % of MemTotal), writes to every page, reports, then sleeps until
 * killed. Used to watch the kernel's memory accounting and reclaim from
 * outside; a share of RAM stays the same share as the kernel grows.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

/* The RAM the kernel manages (MemTotal), in bytes; 0 if it cannot tell. */
static unsigned long long mem_total(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : (unsigned long long)si.totalram * si.mem_unit;
}

static int parse_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);

	if (end == s)
		return -1;
	switch (*end) {
	case 'k':
	case 'K':
		v <<= 10;
		end++;
		break;
	case 'm':
	case 'M':
		v <<= 20;
		end++;
		break;
	case 'g':
	case 'G':
		v <<= 30;
		end++;
		break;
	case '%':
		v = mem_total() / 100 * v;
		end++;
		break;
	}
	if (*end)
		return -1;
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long size;
	struct timespec ts = { .tv_sec = 1000, .tv_nsec = 0 };
	unsigned long page = getpagesize();
	char *p;

	if (argc != 2 || parse_size(argv[1], &size) < 0 || !size ||
	    size > 0xffffffffULL) {
		dprintf(2, "usage: memhog SIZE   (e.g. 8M, 512K, 1G, 90%%)\n");
		return 2;
	}
	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		printf("memhog: mmap %s: %s\n", argv[1], errno_name(errno));
		return 1;
	}
	for (unsigned long off = 0; off < size; off += page)
		p[off] = 1;
	printf("memhog: holding %s\n", argv[1]);
	for (;;)
		nanosleep(&ts, NULL);
}

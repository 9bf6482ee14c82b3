/*
 * memhog SIZE: maps SIZE bytes of anonymous memory (suffix K, M or G,
 * or % of MemTotal), writes to every page, reports, then sleeps until
 * killed. Used to watch the kernel's memory accounting and reclaim from
 * outside; a share of RAM stays the same share as the kernel grows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* MemTotal from /proc/meminfo, in bytes; 0 if it cannot be read. */
static unsigned long long mem_total(void)
{
	char buf[256], *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strstr(buf, "MemTotal:");
	return p ? strtoull(p + 9, NULL, 10) << 10 : 0;
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

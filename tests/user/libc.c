/*
 * libc: the user-space library itself, so that a wrong line elsewhere is
 * never the libc's fault. printf conversions, flags and widths; string
 * functions; number parsing; malloc, calloc, realloc and free over brk
 * (small blocks) and mmap (large ones), checked with fill patterns.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static const char *volatile null_string;	/* hidden from -Wformat */

static void formats(void)
{
	char buf[64];
	int n;

	printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 7, 3000000000u, 0xbeef,
	       0xbeef, 8);
	printf("[%ld] [%lu] [%lx]\n", -2147483647L - 1, 4294967295UL, 0xdeadbeefUL);
	printf("[%lld] [%llu] [%llx]\n", -9000000000LL, 18446744073709551615ULL,
	       0x123456789abcdefULL);
	printf("[%zu] [%zd] [%hhd] [%hu]\n", (size_t)123456, (ssize_t)-5,
	       (signed char)-3, (unsigned short)65535);
	printf("[%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, -42, 42, 42);
	printf("[%8x] [%08x] [%#x] [%#o] [%.3d] [%6.3d]\n", 0xab, 0xab, 0xab, 8, 7, 7);
	printf("[%s] [%8s] [%-8s] [%.2s] [%c] [%3c] [%%]\n", "abc", "abc", "abc",
	       "abc", 'z', 'y');
	printf("[%*d] [%-*d] [%.*s]\n", 6, 1, 6, 2, 3, "abcdef");
	printf("[%s] [%p] [%#x] [%#o] [%#05o] [%#06x]\n", null_string,
	       (void *)null_string, 0, 0, 8, 0xab);
	yes_no("%p of a pointer is 0x and hex",
	       snprintf(buf, sizeof(buf), "%p", (void *)0x1234) == 6 &&
	       !strcmp(buf, "0x1234"));
	n = snprintf(buf, 8, "%s", "truncated text");
	printf("snprintf into 8 bytes: returns %d, holds \"%s\"\n", n, buf);
	n = snprintf(NULL, 0, "%d-%d", 100, 200);
	printf("snprintf size 0: returns %d\n", n);
	n = printf("%s", "");
	printf("printf of nothing returns %d\n", n);
	puts("puts adds a newline");
	putchar('!');
	putchar('\n');
}

static void strings(void)
{
	char a[32], b[32];

	strcpy(a, "hello");
	strcat(a, ", world");
	printf("strcpy+strcat: %s (%zu)\n", a, strlen(a));
	printf("strcmp: %d %d %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0,
	       strcmp("same", "same"));
	printf("strncmp: %d\n", strncmp("abcdef", "abcxyz", 3));
	printf("strchr: %s, strrchr: %s, strstr: %s\n", strchr(a, 'o'),
	       strrchr(a, 'o'), strstr(a, "wor"));
	yes_no("strstr misses", strstr(a, "xyz") == NULL);
	memset(b, 'x', sizeof(b));
	memcpy(b + 1, a, 5);
	b[6] = '\0';
	printf("memset+memcpy: %s\n", b);
	memmove(a + 2, a, 5);
	a[7] = '\0';
	printf("memmove overlapping: %s\n", a);
	printf("memcmp: %d\n", memcmp("abc", "abd", 3) < 0);
	printf("strtol: %ld %ld %ld %ld\n", strtol("-123", NULL, 10),
	       strtol("0x1f", NULL, 0), strtol("077", NULL, 0),
	       strtol("  42abc", NULL, 10));
	printf("strtoul: %lu, atoi: %d\n", strtoul("4294967295", NULL, 10),
	       atoi("-17"));
	printf("errno names: %s %s %s\n", errno_name(ENOMEM), errno_name(EEXIST),
	       errno_name(4000));
}

static unsigned char pattern(unsigned int block, unsigned int i)
{
	return (unsigned char)(block * 31 + i * 7 + 1);
}

static void allocation(void)
{
	enum { N = 200 };
	static unsigned char *blocks[N];
	static size_t sizes[N];
	unsigned int seed = 12345, i, j, ok = 1;
	unsigned char *big, *p;
	int *z;

	for (i = 0; i < N; i++) {
		seed = seed * 1103515245 + 12345;
		sizes[i] = 1 + (seed >> 16) % 3000;
		blocks[i] = malloc(sizes[i]);
		if (!blocks[i] || ((uintptr_t)blocks[i] & 7)) {
			ok = 0;
			break;
		}
		for (j = 0; j < sizes[i]; j++)
			blocks[i][j] = pattern(i, j);
	}
	yes_no("200 small blocks, 8-byte aligned", ok);
	for (i = 0; i < N; i += 2) {
		free(blocks[i]);
		blocks[i] = NULL;
	}
	for (i = 0; i < N; i += 2) {
		sizes[i] = 16 + i;
		blocks[i] = malloc(sizes[i]);
		if (!blocks[i]) {
			ok = 0;
			break;
		}
		for (j = 0; j < sizes[i]; j++)
			blocks[i][j] = pattern(i, j);
	}
	for (i = 0; i < N; i++)
		for (j = 0; ok && j < sizes[i]; j++)
			if (blocks[i][j] != pattern(i, j))
				ok = 0;
	yes_no("after freeing half and allocating again, all intact", ok);
	for (i = 0; i < N; i++)
		free(blocks[i]);

	big = malloc(1 << 20);
	yes_no("malloc 1 MiB", big != NULL);
	if (big) {
		memset(big, 0x6b, 1 << 20);
		yes_no("1 MiB written", all_bytes(big, 0x6b, 1 << 20));
		free(big);
	}
	z = calloc(1000, sizeof(int));
	yes_no("calloc gives zeroes", z && all_bytes(z, 0, 1000 * sizeof(int)));
	free(z);

	p = malloc(10);
	memcpy(p, "0123456789", 10);
	p = realloc(p, 100000);
	yes_no("realloc to 100000 keeps the bytes", p && !memcmp(p, "0123456789", 10));
	p = realloc(p, 300000);
	yes_no("realloc to 300000 (mmap) keeps the bytes",
	       p && !memcmp(p, "0123456789", 10));
	p = realloc(p, 5);
	yes_no("realloc down keeps the bytes", p && !memcmp(p, "01234", 5));
	free(p);
	yes_no("realloc(NULL, 8) allocates", (p = realloc(NULL, 8)) != NULL);
	free(p);
	free(NULL);
	p = malloc((size_t)-1 / 2 + 10);
	printf("malloc of 2 GiB: %s\n", p ? "got it" : errno_name(errno));
}

int main(void)
{
	printf("libc: start\n");
	formats();
	strings();
	allocation();
	printf("libc: done\n");
	return 0;
}

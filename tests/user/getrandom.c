/*
 * getrandom: the call glibc's malloc makes at start-up (and many
 * programs for keys and seeds): full reads, two reads that differ, the
 * flags Linux accepts and refuses, a read that runs into an unmapped
 * page (what was copied before it: whole pages, whole 64-byte blocks
 * at least), and a bad buffer.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

static long getrandom(void *buf, size_t len, unsigned int flags)
{
	return syscall(SYS_getrandom, buf, len, flags);
}

int main(void)
{
	static unsigned char a[256], b[256], big[1 << 20];
	char *w;
	long r;

	show("getrandom 256 bytes", getrandom(a, sizeof(a), 0));
	show("getrandom 256 more", getrandom(b, sizeof(b), 0));
	yes_no("  the two differ", memcmp(a, b, sizeof(a)) != 0);
	yes_no("  not all zero", !all_bytes(a, 0, sizeof(a)));
	show("getrandom 0 bytes", getrandom(a, 0, 0));
	show("GRND_NONBLOCK", getrandom(a, 16, GRND_NONBLOCK));
	show("GRND_RANDOM", getrandom(a, 16, GRND_RANDOM));
	show("GRND_INSECURE", getrandom(a, 16, GRND_INSECURE));
	show("GRND_RANDOM | GRND_INSECURE", getrandom(a, 16, GRND_RANDOM | GRND_INSECURE));
	show("unknown flag 8", getrandom(a, 16, 8));
	show("1 MiB at once", getrandom(big, sizeof(big), 0));
	show("into NULL", getrandom(NULL, 16, 0));

	w = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	if (w == MAP_FAILED)
		return 1;
	show("munmap the second page", munmap(w + PAGE, PAGE));
	show("two pages, the second unmapped", getrandom(w, 2 * PAGE, 0));
	/* how much of the last block lands is the copy routine's business */
	r = getrandom(w + PAGE - 100, 200, 0);
	yes_no("starting 100 bytes before the hole: a short count, at least 64",
	       r >= 64 && r <= 100);
	munmap(w, PAGE);
	return 0;
}

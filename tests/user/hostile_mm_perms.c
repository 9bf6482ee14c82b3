/*
 * hostile_mm_perms: what a mapping may become, from how its file was
 * opened, and the errors of mapping what is not a regular file. A
 * MAP_SHARED mapping of a file opened O_RDONLY may never be made
 * writable (mmap and mprotect say EACCES), while a MAP_PRIVATE one may;
 * directories and /proc files cannot be mapped. Then mremap on kernel
 * addresses, and MREMAP_DONTUNMAP: the pages move, the old range stays
 * mapped and reads zeros.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static char maps[16384];

/* The permission field of /proc/self/maps for the VMA starting at @p. */
static void show_perms(const char *what, void *p)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	long n = 0, r;
	char *line;

	if (fd < 0)
		return;
	while (n < (long)sizeof(maps) - 1 &&
	       (r = read(fd, maps + n, sizeof(maps) - 1 - n)) > 0)
		n += r;
	close(fd);
	maps[n] = '\0';
	for (line = maps; *line; ) {
		char *end;

		if (strtoul(line, &end, 16) == (unsigned long)p) {
			end = strchr(end, ' ');
			printf("%s: %.4s\n", what, end ? end + 1 : "?");
			return;
		}
		while (*line && *line != '\n')
			line++;
		if (*line)
			line++;
	}
	printf("%s: not in maps\n", what);
}

static void readonly_file(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	char *p;

	if (fd < 0) {
		printf("open /etc/motd: %s\n", errno_name(errno));
		return;
	}
	show_map("MAP_SHARED PROT_WRITE of an O_RDONLY file",
		 mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0), NULL);
	show_map("MAP_SHARED_VALIDATE PROT_WRITE of it",
		 mmap(NULL, PAGE, RW, MAP_SHARED_VALIDATE, fd, 0), NULL);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	show_map("MAP_SHARED PROT_READ of it", p, NULL);
	if (p != MAP_FAILED) {
		show_perms("  in maps", p);
		show("  mprotect PROT_READ|PROT_WRITE", mprotect(p, PAGE, RW));
		show("  mprotect PROT_WRITE", mprotect(p, PAGE, PROT_WRITE));
		show("  mprotect PROT_READ|PROT_EXEC", mprotect(p, PAGE, PROT_READ | PROT_EXEC));
		show_perms("  in maps", p);
		show("  mprotect PROT_NONE", mprotect(p, PAGE, PROT_NONE));
		show("  mprotect PROT_READ", mprotect(p, PAGE, PROT_READ));
		yes_no("  it reads the file", p[0] != 0);
		munmap(p, PAGE);
	}
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	show_map("MAP_PRIVATE PROT_READ of it", p, NULL);
	if (p != MAP_FAILED) {
		show_perms("  in maps", p);
		show("  mprotect PROT_READ|PROT_WRITE", mprotect(p, PAGE, RW));
		p[0] = 'x';
		yes_no("  the private copy is written", p[0] == 'x');
		munmap(p, PAGE);
	}
	close(fd);
}

static void not_regular(void)
{
	static const char *const procs[] = { "/proc/self/maps", "/proc/meminfo",
					     "/proc/self/status" };
	int fd = open("/tests", O_RDONLY | O_DIRECTORY);
	unsigned int i;

	if (fd < 0) {
		printf("open /tests: %s\n", errno_name(errno));
	} else {
		show_map("mmap of a directory, MAP_PRIVATE",
			 mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), NULL);
		show_map("mmap of a directory, MAP_SHARED",
			 mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0), NULL);
		close(fd);
	}
	for (i = 0; i < sizeof(procs) / sizeof(procs[0]); i++) {
		char what[64];

		fd = open(procs[i], O_RDONLY);
		if (fd < 0) {
			printf("open %s: %s\n", procs[i], errno_name(errno));
			continue;
		}
		snprintf(what, sizeof(what), "mmap of %s, MAP_PRIVATE", procs[i]);
		show_map(what, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), NULL);
		snprintf(what, sizeof(what), "mmap of %s, MAP_SHARED", procs[i]);
		show_map(what, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0), NULL);
		close(fd);
	}
}

static void kernel_addresses(void)
{
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);

	try_mremap("mremap of 0xc0000000", (void *)0xc0000000UL, PAGE, PAGE, 0, NULL);
	try_mremap("mremap of 0xc0000000, growing", (void *)0xc0000000UL, PAGE,
		   2 * PAGE, MREMAP_MAYMOVE, NULL);
	try_mremap("mremap of 0xc0000000, shrinking", (void *)0xc0000000UL, 2 * PAGE,
		   PAGE, 0, NULL);
	try_mremap("mremap of 0xffff0000 (the vectors)", (void *)0xffff0000UL, PAGE,
		   2 * PAGE, MREMAP_MAYMOVE, NULL);
	try_mremap("mremap of 0xbffff000 across 0xc0000000", (void *)0xbffff000UL,
		   2 * PAGE, PAGE, 0, NULL);
	if (p == MAP_FAILED)
		return;
	try_mremap("mremap MREMAP_FIXED to 0xc0000000", p, PAGE, PAGE,
		   MREMAP_MAYMOVE | MREMAP_FIXED, (void *)0xc0000000UL);
	try_mremap("mremap MREMAP_FIXED to 0xbffff000", p, PAGE, 2 * PAGE,
		   MREMAP_MAYMOVE | MREMAP_FIXED, (void *)0xbffff000UL);
	munmap(p, PAGE);
}

static void dontunmap(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0), *q, *s;
	int fd;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	memset(p, 0x3c, 2 * PAGE);
	try_mremap("MREMAP_DONTUNMAP without MREMAP_MAYMOVE", p, 2 * PAGE, 2 * PAGE,
		   MREMAP_DONTUNMAP, NULL);
	try_mremap("MREMAP_DONTUNMAP changing the size", p, 2 * PAGE, 3 * PAGE,
		   MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	try_mremap("MREMAP_DONTUNMAP with an unknown flag", p, 2 * PAGE, 2 * PAGE,
		   MREMAP_MAYMOVE | MREMAP_DONTUNMAP | 8, NULL);
	yes_no("contents still there", all_bytes(p, 0x3c, 2 * PAGE));
	q = mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	show_map("MREMAP_DONTUNMAP of a private anonymous mapping", q, NULL);
	if (q != MAP_FAILED) {
		yes_no("  moved elsewhere", q != p);
		yes_no("  the new range has the contents", all_bytes(q, 0x3c, 2 * PAGE));
		yes_no("  the old range reads zeros", all_bytes(p, 0, 2 * PAGE));
		show_perms("  the old range in maps", p);
		p[0] = 1;
		yes_no("  the old range is writable, the new one unchanged",
		       p[0] == 1 && q[0] == 0x3c);
		munmap(q, 2 * PAGE);
	}
	/* with MREMAP_FIXED: the old range is emptied too */
	memset(p, 0x4d, PAGE);
	s = free_window(2);
	if (s) {
		q = mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, s);
		show_map("MREMAP_DONTUNMAP|MREMAP_FIXED", q, s);
		if (q != MAP_FAILED) {
			yes_no("  the new range has the contents", all_bytes(q, 0x4d, PAGE));
			yes_no("  the old range reads zeros", all_bytes(p, 0, PAGE));
			munmap(q, PAGE);
		}
	}
	munmap(p, 2 * PAGE);

	p = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED) {
		p[0] = 7;
		q = mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
		show_map("MREMAP_DONTUNMAP of a shared anonymous mapping", q, NULL);
		if (q != MAP_FAILED) {
			/* the old range maps the same memory: it faults it in again */
			yes_no("  both ranges read it", p[0] == 7 && q[0] == 7);
			q[1] = 8;
			yes_no("  a write through one is seen through the other", p[1] == 8);
			munmap(q, PAGE);
		}
		munmap(p, PAGE);
	}
	fd = open("/etc/motd", O_RDONLY);
	if (fd >= 0) {
		p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			char c = p[0];

			q = mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
			show_map("MREMAP_DONTUNMAP of a private file mapping", q, NULL);
			if (q != MAP_FAILED) {
				yes_no("  both ranges read the file", p[0] == c && q[0] == c);
				munmap(q, PAGE);
			}
			munmap(p, PAGE);
		}
		close(fd);
	}
}

int main(void)
{
	readonly_file();
	not_regular();
	kernel_addresses();
	dontunmap();
	return 0;
}

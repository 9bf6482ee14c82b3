/*
 * hostile_mm_sigbus: touching a mapping where its object has no page.
 * A file mapping past the last page that holds file data (the rest of
 * the file's last page reads as zeros) raises SIGBUS, for reads and for
 * writes to a private copy, and so does a mapping whose offset lies past
 * the end. A shared anonymous mapping grown by mremap is backed only as
 * far as it was first mapped: past that, SIGBUS too.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

/* A child reads (or writes) the byte at p, then exits 0. */
static void touch_in_child(const char *what, volatile char *p, int write)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	if (pid == -1)
		printf("%s: fork: %s\n", what, errno_name(errno));
	else
		reap(what, pid);
}

static void file_past_end(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	struct stat64 st;
	char *p;

	if (fd < 0 || fstat64(fd, &st)) {
		printf("/etc/motd: %s\n", errno_name(errno));
		return;
	}
	yes_no("/etc/motd is shorter than a page", st.st_size > 0 && st.st_size < (long)PAGE);
	p = mmap(NULL, 3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	show_map("MAP_PRIVATE PROT_READ of 3 pages of it", p, NULL);
	if (p != MAP_FAILED) {
		yes_no("  the rest of the first page reads zeros",
		       all_bytes(p + st.st_size, 0, PAGE - st.st_size));
		touch_in_child("  a child reading the second page", p + PAGE, 0);
		touch_in_child("  a child reading the third page", p + 2 * PAGE + 5, 0);
		munmap(p, 3 * PAGE);
	}
	p = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE, fd, 0);
	show_map("MAP_PRIVATE PROT_READ|PROT_WRITE of 2 pages", p, NULL);
	if (p != MAP_FAILED) {
		touch_in_child("  a child writing the first page", p + 1, 1);
		touch_in_child("  a child writing the second page", p + PAGE, 1);
		munmap(p, 2 * PAGE);
	}
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	show_map("MAP_SHARED PROT_READ of 2 pages", p, NULL);
	if (p != MAP_FAILED) {
		touch_in_child("  a child reading the first page", p, 0);
		touch_in_child("  a child reading the second page", p + PAGE, 0);
		munmap(p, 2 * PAGE);
	}
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 4 * PAGE);
	show_map("MAP_PRIVATE at offset 4 pages, past the end", p, NULL);
	if (p != MAP_FAILED) {
		touch_in_child("  a child reading it", p, 0);
		munmap(p, PAGE);
	}
	close(fd);
}

static void shared_anon_grown(void)
{
	char *p = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0), *q;
	size_t len = 3 * PAGE;

	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	p[0] = 0x21;
	q = mremap(p, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
	show_map("shared anonymous page grown to 3 by mremap", q, NULL);
	if (q == MAP_FAILED) {
		munmap(p, PAGE);
		return;
	}
	yes_no("  the first page kept its contents", q[0] == 0x21);
	touch_in_child("  a child writing the first page", q + 8, 1);
	yes_no("  the child's write is seen", q[8] == 1);
	touch_in_child("  a child reading the second page", q + PAGE, 0);
	touch_in_child("  a child writing the third page", q + 2 * PAGE, 1);
	/* shrunk and grown again: still as far as it was first mapped */
	p = mremap(q, 3 * PAGE, PAGE, 0);
	show_map("  shrunk back to one page", p, q);
	if (p == MAP_FAILED) {
		p = q;
	} else {
		len = PAGE;
		q = mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
		show_map("  and grown to 2", q, NULL);
		if (q != MAP_FAILED) {
			touch_in_child("  a child reading the second page", q + PAGE, 0);
			p = q;
			len = 2 * PAGE;
		}
	}
	munmap(p, len);

	/* a 2-page mapping shrunk to 1 and grown again keeps its 2 pages */
	p = mmap(NULL, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	p[PAGE] = 0x22;
	q = mremap(p, 2 * PAGE, PAGE, 0);
	if (q != MAP_FAILED)
		q = mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
	show_map("shared anonymous 2 pages, shrunk to 1, grown to 2", q, NULL);
	if (q != MAP_FAILED) {
		yes_no("  the second page kept its contents", q[PAGE] == 0x22);
		touch_in_child("  a child writing the second page", q + PAGE, 1);
		p = q;
	}
	munmap(p, q != MAP_FAILED ? 2 * PAGE : PAGE);
}

int main(void)
{
	file_past_end();
	shared_anon_grown();
	return 0;
}

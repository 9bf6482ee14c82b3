/*
 * Truncating a tmpfs file that is mapped: the pages beyond the new size
 * leave every mapping of them (shared, private and copied-on-write,
 * split into several VMAs, inherited by a child), so that an access
 * there is SIGBUS, and a later extension reads zeros, not the old data;
 * the truncated pages are freed (Shmem comes back).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

#define NAME	"/vfs_truncate_mapped"
#define PAGES	256

static volatile char *where;

static void touch_child(void)
{
	(void)*where;
}

static void write_child(void)
{
	*where = 1;
}

/* Reading and writing @p in a child: what happens. */
static void probe(const char *what, char *p)
{
	char name[96];

	where = p;
	snprintf(name, sizeof(name), "%s: read", what);
	run_child(name, touch_child);
	snprintf(name, sizeof(name), "%s: write", what);
	run_child(name, write_child);
}

int main(void)
{
	long shmem0, shmem1, shmem2;
	char *shared, *priv;
	int fd, p[2];
	pid_t pid;

	fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	show("open", fd < 0 ? -1 : 0);
	shmem0 = meminfo_kb("Shmem");
	show("ftruncate to 256 pages", ftruncate(fd, PAGES * PAGE));
	shared = mmap(NULL, PAGES * PAGE, RW, MAP_SHARED, fd, 0);
	show_map("mmap shared", shared, NULL);
	priv = mmap(NULL, PAGES * PAGE, RW, MAP_PRIVATE, fd, 0);
	show_map("mmap private", priv, NULL);
	memset(shared, 'a', PAGES * PAGE);
	yes_no("the private mapping sees it", priv[5 * PAGE] == 'a');
	priv[6 * PAGE] = 'p';		/* a copy of its own */
	shmem1 = meminfo_kb("Shmem");
	yes_no("Shmem grew by 1 MiB", meminfo_near(shmem1 - shmem0, 1024));

	/* split the shared mapping in three */
	show("mprotect the middle read-only", mprotect(shared + 100 * PAGE, 10 * PAGE, PROT_READ));

	/* a child holds the mapping too; it looks after the truncation */
	pipe(p);
	pid = fork();
	if (pid == 0) {
		char c;

		close(p[1]);
		read(p[0], &c, 1);
		where = shared + 200 * PAGE;
		(void)*where;
		_exit(0);
	}
	close(p[0]);

	show("ftruncate to 1 page", ftruncate(fd, PAGE));
	write(p[1], "x", 1);
	close(p[1]);
	reap("the child reads beyond the end", pid);
	shmem2 = meminfo_kb("Shmem");
	yes_no("Shmem back but for a page", meminfo_near(shmem2 - shmem0, 4));

	yes_no("page 0 still reads", shared[0] == 'a');
	shared[1] = 'b';
	yes_no("page 0 still writes", shared[1] == 'b');
	probe("shared page 1", shared + PAGE);
	probe("shared page 105 (read-only piece)", shared + 105 * PAGE);
	probe("shared page 255", shared + 255 * PAGE);
	probe("private page 5 (file's)", priv + 5 * PAGE);
	probe("private page 6 (its own copy)", priv + 6 * PAGE);

	show("ftruncate to 256 pages again", ftruncate(fd, PAGES * PAGE));
	yes_no("shared page 1 reads zeros", all_bytes(shared + PAGE, 0, PAGE));
	yes_no("shared page 255 reads zeros", all_bytes(shared + 255 * PAGE, 0, PAGE));
	yes_no("private page 6 reads zeros", all_bytes(priv + 6 * PAGE, 0, PAGE));
	yes_no("private page 0 still sees the file", priv[1] == 'b');

	/* a truncation in the middle of a page keeps the page, zeroing its tail */
	memset(shared, 'c', 2 * PAGE);
	show("ftruncate to 100 bytes", ftruncate(fd, 100));
	yes_no("bytes below 100 kept", shared[99] == 'c');
	yes_no("the rest of the page reads zeros", all_bytes(shared + 100, 0, PAGE - 100));
	probe("shared page 1 after", shared + PAGE);

	munmap(shared, PAGES * PAGE);
	munmap(priv, PAGES * PAGE);
	close(fd);
	show("unlink", unlink(NAME));
	yes_no("Shmem back", meminfo_near(meminfo_kb("Shmem"), shmem0));
	return 0;
}

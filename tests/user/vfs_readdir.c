/*
 * vfs_readdir: listing a big directory while removing what it lists, as
 * rm -r does (getdents64 with a small buffer, every name unlinked as it
 * is read: all must be seen once and the directory end empty); entries
 * made during a listing; lseek back to 0 lists again; d_off of the last
 * record is the position the next call starts from.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define DIR "/vfs_readdir.d"
#define FILES 3000

static int count_entries(int fd)
{
	char buf[512];
	int n = 0;
	ssize_t got;

	while ((got = getdents64(fd, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0; off < got; off += ((struct linux_dirent64 *)(buf + off))->d_reclen)
			n++;
	return n;
}

int main(void)
{
	char name[64], buf[700];
	int fd, i, seen = 0, removed = 0, dots = 0;
	ssize_t got;

	show("mkdir", mkdir(DIR, 0755));
	for (i = 0; i < FILES; i++) {
		snprintf(name, sizeof(name), DIR "/file-%04d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	fd = open(DIR, O_RDONLY | O_DIRECTORY);
	printf("entries with the dots: %d\n", count_entries(fd));
	show("lseek 0", lseek(fd, 0, SEEK_SET));
	got = getdents64(fd, buf, sizeof(buf));
	{
		ssize_t off = 0, last = 0;

		for (; off < got; off += ((struct linux_dirent64 *)(buf + off))->d_reclen)
			last = off;
		printf("first call: %d bytes, d_off of its last record is the position now: %d\n",
		       got > 0, ((struct linux_dirent64 *)(buf + last))->d_off == lseek(fd, 0, SEEK_CUR));
	}
	show("lseek 0 again", lseek(fd, 0, SEEK_SET));
	/* rm -r: unlink each name as it is read */
	while ((got = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < got;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) {
				dots++;
				continue;
			}
			seen++;
			snprintf(name, sizeof(name), DIR "/%s", d->d_name);
			if (!unlink(name))
				removed++;
			if (seen == 10) {
				/* a name made meanwhile: listed or not, but never twice */
				close(open(DIR "/made-during", O_CREAT | O_WRONLY, 0644));
			}
		}
	}
	printf("dots %d, seen %d, removed %d\n", dots, seen >= FILES, removed >= FILES);
	unlink(DIR "/made-during");
	close(fd);
	fd = open(DIR, O_RDONLY | O_DIRECTORY);
	printf("left afterwards (with the dots): %d\n", count_entries(fd));
	close(fd);
	show("rmdir", rmdir(DIR));
	return 0;
}

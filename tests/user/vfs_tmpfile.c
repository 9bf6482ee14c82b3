/*
 * O_TMPFILE on tmpfs: an unnamed regular file made in a directory (no
 * entry appears; its link count is 0), given a name later by linkat
 * with AT_EMPTY_PATH or through /proc/self/fd/N with AT_SYMLINK_FOLLOW,
 * unless it was opened with O_EXCL. The flags and places it is refused
 * with, and its pages: given back when the last descriptor of a file
 * that never got a name is closed (Shmem in /proc/meminfo). The links
 * of /proc/self (fd/N, cwd) lead to what they hold, not to its name:
 * an unlinked file or a pipe is reopened through them.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define DIR	"/vfs_tmpfile.d"
#define BIG	(1024 * 1024)

/* How many names (with . and ..) the directory @path lists. */
static int entries(const char *path)
{
	char buf[1024];
	int fd = open(path, O_RDONLY | O_DIRECTORY), n = 0;
	long got;

	if (fd < 0)
		return -1;
	while ((got = getdents64(fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < got;
		     off += ((struct linux_dirent64 *)(buf + off))->d_reclen)
			n++;
	close(fd);
	return n;
}

static void show_nlink(const char *what, int fd)
{
	struct stat64 st;

	if (fstat64(fd, &st))
		show(what, -1);
	else
		printf("%s: nlink %u, %s, mode %o, size %lld\n", what, (unsigned)st.st_nlink,
		       S_ISREG(st.st_mode) ? "regular" : "not regular",
		       (unsigned)(st.st_mode & 07777), st.st_size);
}

static void show_file(const char *what, const char *path)
{
	char buf[16] = "";
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0) {
		show(what, -1);
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	printf("%s: %ld \"%s\"\n", what, n, n > 0 ? buf : "");
	close(fd);
}

static void try_tmpfile(const char *what, const char *path, int flags)
{
	int fd = open(path, flags, 0600);

	show(what, fd < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	char proc[32], *big;
	long before, during, after;
	int fd, fd2, dfd, i;

	umask(022);
	show("mkdir", mkdir(DIR, 0755));
	close(open(DIR "/file", O_CREAT | O_WRONLY, 0644));
	printf("entries at first: %d\n", entries(DIR));

	fd = open(DIR, O_TMPFILE | O_RDWR, 0640);
	show("O_TMPFILE | O_RDWR", fd < 0 ? -1 : 0);
	show_nlink("fstat", fd);
	printf("entries with it open: %d\n", entries(DIR));
	show("write", write(fd, "hello", 5));
	show("lseek", lseek(fd, 0, SEEK_SET));
	{
		char buf[8] = "";

		show("read", read(fd, buf, 5));
		printf("  it holds %s\n", buf);
	}
	show("linkat AT_EMPTY_PATH", linkat(fd, "", AT_FDCWD, DIR "/named", AT_EMPTY_PATH));
	show_nlink("fstat after linkat", fd);
	show_file("named", DIR "/named");
	printf("entries after linkat: %d\n", entries(DIR));
	show("linkat again to another name", linkat(fd, "", AT_FDCWD, DIR "/named2",
							 AT_EMPTY_PATH));
	show_nlink("fstat after a second linkat", fd);
	show("linkat onto an existing name", linkat(fd, "", AT_FDCWD, DIR "/file",
						    AT_EMPTY_PATH));
	show("linkat \"\" without AT_EMPTY_PATH", linkat(fd, "", AT_FDCWD, DIR "/x", 0));
	close(fd);
	show_file("named after close", DIR "/named");

	/* through the /proc/self/fd magic link */
	dfd = open(DIR, O_RDONLY | O_DIRECTORY);
	fd = openat(dfd, ".", O_TMPFILE | O_WRONLY, 0600);
	show("openat \".\" O_TMPFILE | O_WRONLY", fd < 0 ? -1 : 0);
	show("write", write(fd, "proc", 4));
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	show("linkat /proc/self/fd/N without AT_SYMLINK_FOLLOW",
	     linkat(AT_FDCWD, proc, dfd, "viaproc", 0));
	show("unlink what that made", unlinkat(dfd, "viaproc", 0));
	show("linkat /proc/self/fd/N AT_SYMLINK_FOLLOW",
	     linkat(AT_FDCWD, proc, dfd, "viaproc", AT_SYMLINK_FOLLOW));
	show_nlink("fstat after", fd);
	show_file("viaproc", DIR "/viaproc");
	close(fd);

	/* O_EXCL: it may never get a name */
	fd = open(DIR, O_TMPFILE | O_RDWR | O_EXCL, 0600);
	show("O_TMPFILE | O_EXCL", fd < 0 ? -1 : 0);
	show("linkat AT_EMPTY_PATH", linkat(fd, "", AT_FDCWD, DIR "/excl", AT_EMPTY_PATH));
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	show("linkat /proc/self/fd/N", linkat(AT_FDCWD, proc, AT_FDCWD, DIR "/excl",
					      AT_SYMLINK_FOLLOW));
	close(fd);

	/* a file that had a name, then lost it, cannot get one back */
	fd = open(DIR "/gone", O_CREAT | O_RDWR, 0644);
	unlink(DIR "/gone");
	show("linkat of an unlinked file", linkat(fd, "", AT_FDCWD, DIR "/back", AT_EMPTY_PATH));
	close(fd);

	/* through magic links: an unlinked file, a pipe, the cwd */
	fd = open(DIR "/gone", O_CREAT | O_RDWR, 0644);
	write(fd, "old", 3);
	unlink(DIR "/gone");
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	show_file("reopen an unlinked file by fd/N", proc);
	{
		char buf[80];
		struct stat64 st;
		int p[2], r;

		snprintf(buf, sizeof(buf), "%s/", proc);
		show("stat fd/N/ of a file", stat64(buf, &st));
		snprintf(buf, sizeof(buf), "%s/x", proc);
		show("stat fd/N/x of a file", stat64(buf, &st));
		close(fd);
		pipe(p);
		write(p[1], "piped", 5);
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", p[0]);
		r = open(proc, O_RDONLY);
		show("reopen a pipe's read end by fd/N", r < 0 ? -1 : 0);
		memset(buf, 0, sizeof(buf));
		if (r >= 0) {
			show("read it", read(r, buf, 5));
			printf("  it holds %s\n", buf);
			close(r);
		}
		close(p[0]);
		close(p[1]);
		chdir(DIR);
		show_file("named through /proc/self/cwd", "/proc/self/cwd/named");
		chdir("/");
	}

	/* what is refused */
	try_tmpfile("O_TMPFILE read-only", DIR, O_TMPFILE | O_RDONLY);
	try_tmpfile("O_TMPFILE | O_CREAT", DIR, O_TMPFILE | O_CREAT | O_RDWR);
	try_tmpfile("__O_TMPFILE without O_DIRECTORY", DIR, __O_TMPFILE | O_RDWR);
	try_tmpfile("O_TMPFILE on a file", DIR "/file", O_TMPFILE | O_RDWR);
	try_tmpfile("O_TMPFILE on a missing name", DIR "/missing", O_TMPFILE | O_RDWR);
	try_tmpfile("O_TMPFILE on a missing dir's child", DIR "/missing/x", O_TMPFILE | O_RDWR);
	try_tmpfile("O_TMPFILE in /proc", "/proc", O_TMPFILE | O_RDWR);
	try_tmpfile("O_TMPFILE | O_PATH", DIR, O_TMPFILE | O_PATH | O_RDWR);
	try_tmpfile("O_TMPFILE | O_TRUNC", DIR, O_TMPFILE | O_TRUNC | O_RDWR);

	/* its pages go back when the last descriptor closes */
	big = malloc(BIG);
	for (i = 0; i < BIG; i++)
		big[i] = (char)i;
	before = meminfo_kb("Shmem");
	fd = open(DIR, O_TMPFILE | O_RDWR, 0600);
	fd2 = dup(fd);
	show("write 1 MiB", write(fd, big, BIG));
	during = meminfo_kb("Shmem");
	close(fd);
	yes_no("Shmem still holds it with a duplicate open",
	       meminfo_kb("Shmem") - before >= 1024 - MEMINFO_SLACK_KB);
	close(fd2);
	after = meminfo_kb("Shmem");
	yes_no("Shmem grew by 1 MiB", meminfo_near(during - before, 1024));
	yes_no("Shmem back after the last close", meminfo_near(after, before));
	free(big);

	printf("entries at the end: %d\n", entries(DIR));
	close(dfd);
	unlink(DIR "/named");
	unlink(DIR "/named2");
	unlink(DIR "/viaproc");
	unlink(DIR "/file");
	show("rmdir", rmdir(DIR));
	return 0;
}

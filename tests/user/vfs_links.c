/*
 * Symbolic links: readlink and its errors, lstat against stat, relative
 * and absolute targets, dangling links, loops (ELOOP) and chains (40 is
 * the limit), O_NOFOLLOW, trailing slashes, linkat with and without
 * AT_SYMLINK_FOLLOW, the fstatat flags.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define DIR "/vfs_links.d"

static void show_readlink(const char *what, const char *path, size_t size)
{
	char buf[64];
	ssize_t n = readlink(path, buf, size);

	if (n < 0)
		show(what, -1);
	else
		printf("%s: %zd \"%.*s\"\n", what, n, (int)n, buf);
}

static void kind(const char *what, const char *path, int follow)
{
	struct stat64 st;
	int r = follow ? stat64(path, &st) : lstat64(path, &st);

	if (r)
		show(what, -1);
	else
		printf("%s: %s size %lld\n", what, S_ISLNK(st.st_mode) ? "link" :
		       S_ISDIR(st.st_mode) ? "dir" : "file", st.st_size);
}

int main(void)
{
	char name[64], target[64];
	struct stat64 st;
	int i, fd;

	show("mkdir", mkdir(DIR, 0755));
	close(open(DIR "/file", O_CREAT | O_WRONLY, 0644));
	show("symlink rel", symlink("file", DIR "/rel"));
	show("symlink abs", symlink(DIR "/file", DIR "/abs"));
	show("symlink dangling", symlink("nowhere", DIR "/dangling"));
	show("symlink to dir", symlink(".", DIR "/dot"));
	show("symlink existing", symlink("x", DIR "/rel"));
	show("symlink empty target", symlink("", DIR "/empty"));
	show_readlink("readlink rel", DIR "/rel", 64);
	show_readlink("readlink abs", DIR "/abs", 64);
	show_readlink("readlink truncated", DIR "/abs", 5);
	show_readlink("readlink of a file", DIR "/file", 64);
	show_readlink("readlink size 0", DIR "/rel", 0);
	show_readlink("readlink missing", DIR "/missing", 64);
	kind("stat rel", DIR "/rel", 1);
	kind("lstat rel", DIR "/rel", 0);
	kind("stat dangling", DIR "/dangling", 1);
	kind("lstat dangling", DIR "/dangling", 0);
	kind("stat dot/dot/file", DIR "/dot/dot/file", 1);
	kind("stat rel/", DIR "/rel/", 1);
	kind("lstat dot/", DIR "/dot/", 0);
	show("open O_NOFOLLOW", open(DIR "/rel", O_RDONLY | O_NOFOLLOW));
	fd = open(DIR "/rel", O_RDONLY | O_NOFOLLOW | O_PATH);
	show("open O_PATH|O_NOFOLLOW", fd < 0 ? -1 : 0);
	show("read O_PATH fd", read(fd, name, 1));
	close(fd);
	fd = open(DIR "/dangling", O_CREAT | O_WRONLY | O_EXCL, 0644);
	show("O_CREAT|O_EXCL through dangling", fd < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
	fd = open(DIR "/dangling", O_CREAT | O_WRONLY, 0644);
	show("O_CREAT through dangling", fd < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
	kind("the target was made", DIR "/nowhere", 0);
	show("link to a missing dir's file", symlink("nodir/x", DIR "/deep"));
	show("O_CREAT through it", open(DIR "/deep", O_CREAT | O_WRONLY, 0644));
	show("link with a slash", symlink("newdir/", DIR "/slashed"));
	show("O_CREAT through it", open(DIR "/slashed", O_CREAT | O_WRONLY, 0644));

	show("loop a->b", symlink("loop_b", DIR "/loop_a"));
	show("loop b->a", symlink("loop_a", DIR "/loop_b"));
	show("open loop", open(DIR "/loop_a", O_RDONLY));
	kind("stat loop", DIR "/loop_a", 1);
	kind("lstat loop", DIR "/loop_a", 0);
	show("self loop", symlink("self", DIR "/self"));
	show("open self/x", open(DIR "/self/x", O_RDONLY));

	/* a chain: c0 -> file, c1 -> c0, ... */
	snprintf(name, sizeof(name), DIR "/c0");
	symlink("file", name);
	for (i = 1; i <= 41; i++) {
		snprintf(target, sizeof(target), "c%d", i - 1);
		snprintf(name, sizeof(name), DIR "/c%d", i);
		symlink(target, name);
	}
	for (i = 38; i <= 41; i++) {
		snprintf(name, sizeof(name), DIR "/c%d", i);
		printf("chain of %d: ", i + 1);
		show("stat", stat64(name, &st));
	}

	show("linkat follow", linkat(AT_FDCWD, DIR "/rel", AT_FDCWD, DIR "/hard1", AT_SYMLINK_FOLLOW));
	kind("lstat hard1", DIR "/hard1", 0);
	show("linkat nofollow", linkat(AT_FDCWD, DIR "/rel", AT_FDCWD, DIR "/hard2", 0));
	kind("lstat hard2", DIR "/hard2", 0);
	show("linkat bad flags", linkat(AT_FDCWD, DIR "/rel", AT_FDCWD, DIR "/hard3", 1));
	show("fstatat nofollow", fstatat64(AT_FDCWD, DIR "/rel", &st, AT_SYMLINK_NOFOLLOW));
	printf("is link: %d\n", S_ISLNK(st.st_mode));
	show("fstatat bad flags", fstatat64(AT_FDCWD, DIR "/rel", &st, 1));
	fd = open(DIR "/file", O_RDONLY);
	show("fstatat empty path", fstatat64(fd, "", &st, AT_EMPTY_PATH));
	show("fstatat empty path without flag", fstatat64(fd, "", &st, 0));
	close(fd);
	show("unlink a link", unlink(DIR "/rel"));
	kind("file still there", DIR "/file", 1);
	show("unlink dir link with slash", unlink(DIR "/dot/"));

	/* tidy */
	unlink(DIR "/abs");
	unlink(DIR "/dangling");
	unlink(DIR "/nowhere");
	unlink(DIR "/deep");
	unlink(DIR "/slashed");
	unlink(DIR "/dot");
	unlink(DIR "/empty");
	unlink(DIR "/loop_a");
	unlink(DIR "/loop_b");
	unlink(DIR "/self");
	for (i = 0; i <= 41; i++) {
		snprintf(name, sizeof(name), DIR "/c%d", i);
		unlink(name);
	}
	unlink(DIR "/hard1");
	unlink(DIR "/hard2");
	unlink(DIR "/file");
	show("rmdir", rmdir(DIR));
	return 0;
}

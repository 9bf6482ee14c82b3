/*
 * Directories on the root tmpfs: mkdir/rmdir and their errors, link
 * counts, getdents64 (order and types), chdir/fchdir/getcwd with
 * relative paths and "..", a removed working directory, the *at calls
 * relative to a directory fd, rename of files and directories with
 * their errors, RENAME_NOREPLACE and RENAME_EXCHANGE.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define DIR "/vfs_dirs.d"

static void nlink(const char *what, const char *path)
{
	struct stat64 st;

	if (stat64(path, &st))
		show(what, -1);
	else
		printf("%s: nlink %u\n", what, st.st_nlink);
}

static const char *type_name(int t)
{
	switch (t) {
	case DT_DIR: return "dir";
	case DT_REG: return "reg";
	case DT_LNK: return "lnk";
	case DT_FIFO: return "fifo";
	case DT_CHR: return "chr";
	default: return "?";
	}
}

static void list(const char *what, const char *path)
{
	char buf[1024];
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	ssize_t n;

	printf("%s:", what);
	if (fd < 0) {
		printf(" %s\n", errno_name(errno));
		return;
	}
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			printf(" %s(%s)", d->d_name, type_name(d->d_type));
			off += d->d_reclen;
		}
	}
	if (n < 0)
		printf(" %s", errno_name(errno));
	printf("\n");
	close(fd);
}

static void cwd(const char *what)
{
	char buf[256];

	if (getcwd(buf, sizeof(buf)))
		printf("%s: %s\n", what, buf);
	else
		show(what, -1);
}

int main(void)
{
	char tiny[8], small[24];
	int dfd, fd;

	umask(022);
	show("mkdir", mkdir(DIR, 0755));
	nlink("new dir", DIR);
	show("mkdir again", mkdir(DIR, 0755));
	show("mkdir in missing", mkdir(DIR "/no/sub", 0755));
	show("mkdir a", mkdir(DIR "/a", 0700));
	show("mkdir a/b", mkdir(DIR "/a/b", 0755));
	nlink("dir with a", DIR);
	nlink("a with b", DIR "/a");
	close(open(DIR "/a/file", O_CREAT | O_WRONLY, 0644));
	show("mkdir under a file", mkdir(DIR "/a/file/x", 0755));
	show("mkdir trailing slash", mkdir(DIR "/t/", 0755));
	show("symlink s -> a", symlink("a", DIR "/s"));
	list("listing of a", DIR "/a");
	list("listing of dir", DIR);
	list("listing of a file", DIR "/a/file");

	fd = open(DIR, O_RDONLY | O_DIRECTORY);
	show("getdents64 8-byte buffer", getdents64(fd, tiny, sizeof(tiny)));
	show("getdents64 24-byte buffer", getdents64(fd, small, sizeof(small)));
	show("getdents64 bad fd", getdents64(99, small, sizeof(small)));
	show("read a directory", read(fd, small, sizeof(small)));
	close(fd);

	show("rmdir not empty", rmdir(DIR "/a"));
	show("rmdir a file", rmdir(DIR "/a/file"));
	show("rmdir dot", rmdir(DIR "/a/."));
	show("rmdir dotdot", rmdir(DIR "/a/.."));
	show("rmdir missing", rmdir(DIR "/nope"));
	show("rmdir via link", rmdir(DIR "/s"));

	show("chdir a", chdir(DIR "/a"));
	cwd("cwd");
	show("chdir b (relative)", chdir("b"));
	cwd("cwd");
	show("chdir ..", chdir(".."));
	cwd("cwd");
	show("chdir file", chdir("file"));
	show("chdir missing", chdir("nope"));
	show("chdir via link", chdir(DIR "/s/b"));
	cwd("cwd via link");
	show("chdir /", chdir("/"));
	cwd("cwd");
	show("chdir ../..", chdir("../.."));
	cwd("cwd above root");
	show("getcwd size 1", getcwd(small, 1) ? 0 : -1);

	dfd = open(DIR "/a", O_RDONLY | O_DIRECTORY);
	show("fchdir a", fchdir(dfd));
	cwd("cwd");
	show("mkdirat c", mkdirat(dfd, "c", 0755));
	show("openat c/f create", (fd = openat(dfd, "c/f", O_CREAT | O_WRONLY, 0644)) < 0 ? -1 : 0);
	close(fd);
	show("unlinkat c/f", unlinkat(dfd, "c/f", 0));
	show("unlinkat c as file", unlinkat(dfd, "c", 0));
	show("unlinkat c AT_REMOVEDIR", unlinkat(dfd, "c", AT_REMOVEDIR));
	show("unlinkat bad flag", unlinkat(dfd, "c", 1));
	fd = open(DIR "/a/file", O_RDONLY);
	show("mkdirat relative to a file fd", mkdirat(fd, "x", 0755));
	show("mkdirat relative to a bad fd", mkdirat(77, "x", 0755));
	show("mkdirat absolute with a bad fd", mkdirat(77, DIR "/abs", 0755));
	show("rmdir abs", rmdir(DIR "/abs"));
	close(fd);

	show("mkdir gone", mkdir(DIR "/gone", 0755));
	show("chdir gone", chdir(DIR "/gone"));
	show("rmdir gone (cwd)", rmdir(DIR "/gone"));
	cwd("cwd removed");
	show("create in removed cwd", open("x", O_CREAT | O_WRONLY, 0644));
	list("listing of removed cwd", ".");
	show("chdir back", fchdir(dfd));
	close(dfd);

	show("rename file", rename(DIR "/a/file", DIR "/a/renamed"));
	show("rename missing", rename(DIR "/a/file", DIR "/a/x"));
	show("rename onto itself", rename(DIR "/a/renamed", DIR "/a/renamed"));
	close(open(DIR "/other", O_CREAT | O_WRONLY, 0644));
	show("rename over a file", rename(DIR "/a/renamed", DIR "/other"));
	show("rename file over dir", rename(DIR "/other", DIR "/a/b"));
	show("mkdir d", mkdir(DIR "/d", 0755));
	show("rename dir over file", rename(DIR "/d", DIR "/other"));
	show("rename dir into itself", rename(DIR "/a", DIR "/a/b/a"));
	show("mkdir e/f", mkdir(DIR "/e", 0755) || mkdir(DIR "/e/f", 0755));
	show("rename dir over non-empty dir", rename(DIR "/d", DIR "/e"));
	show("rename dir over empty dir", rename(DIR "/d", DIR "/e/f"));
	nlink("e after", DIR "/e");
	show("rename dir to another parent", rename(DIR "/e/f", DIR "/a/f"));
	nlink("e after move out", DIR "/e");
	nlink("a after move in", DIR "/a");
	show("noreplace onto existing", renameat2(AT_FDCWD, DIR "/other", AT_FDCWD, DIR "/e", RENAME_NOREPLACE));
	show("noreplace to new", renameat2(AT_FDCWD, DIR "/other", AT_FDCWD, DIR "/other2", RENAME_NOREPLACE));
	show("exchange file and dir", renameat2(AT_FDCWD, DIR "/other2", AT_FDCWD, DIR "/e", RENAME_EXCHANGE));
	{
		struct stat64 st;

		stat64(DIR "/e", &st);
		printf("e is now: %s\n", S_ISREG(st.st_mode) ? "file" : "dir");
		stat64(DIR "/other2", &st);
		printf("other2 is now: %s\n", S_ISREG(st.st_mode) ? "file" : "dir");
	}
	show("exchange with missing", renameat2(AT_FDCWD, DIR "/e", AT_FDCWD, DIR "/none", RENAME_EXCHANGE));
	show("noreplace and exchange", renameat2(AT_FDCWD, DIR "/e", AT_FDCWD, DIR "/other2", 3));
	show("rename dot", rename(DIR "/a/.", DIR "/z"));
	show("rename to dotdot", rename(DIR "/e", DIR "/a/.."));
	list("final listing", DIR);

	/* clean up: the order matters for the errors above, so do it by hand */
	unlink(DIR "/a/renamed");
	unlink(DIR "/other");
	unlink(DIR "/e");
	unlink(DIR "/s");
	rmdir(DIR "/a/f");
	rmdir(DIR "/a/b");
	rmdir(DIR "/a");
	rmdir(DIR "/other2");
	show("rmdir all", rmdir(DIR));
	return 0;
}

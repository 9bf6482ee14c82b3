/*
 * How deep symbolic links go: a walk follows at most 40 links in all
 * (MAXSYMLINKS), whether they come one after another (a chain: a link
 * to a link) or inside one another (a nest: a link whose target passes
 * through another link), or both; the 41st is ELOOP. Checked at 8 and 9
 * (Linux's old nesting limit) and at 39, 40 and 41, for stat, open and
 * a path going on below the links.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define DIR	"/vfs_symlink_depth.d"
#define MAX	41

static const int depths[] = { 8, 9, 39, 40, 41 };

static void try_stat(const char *what, const char *path)
{
	struct stat64 st;
	int r = stat64(path, &st);

	if (r)
		show(what, -1);
	else
		printf("%s: %s\n", what, S_ISDIR(st.st_mode) ? "dir" : "file");
}

static void try_open(const char *what, const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	show(what, fd < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	char name[80], target[80], what[80];
	unsigned i;
	int k;

	show("mkdir", mkdir(DIR, 0755));
	show("mkdir d", mkdir(DIR "/d", 0755));
	close(open(DIR "/d/file", O_CREAT | O_WRONLY, 0644));
	/* chain: c1 -> d, ck -> c(k-1) */
	for (k = 1; k <= MAX; k++) {
		snprintf(name, sizeof(name), DIR "/c%d", k);
		if (k == 1)
			snprintf(target, sizeof(target), "d");
		else
			snprintf(target, sizeof(target), "c%d", k - 1);
		if (symlink(target, name))
			show(name, -1);
	}
	/* nest: n1 -> d, nk -> n(k-1)/. (each link inside the next's target) */
	for (k = 1; k <= MAX; k++) {
		snprintf(name, sizeof(name), DIR "/n%d", k);
		if (k == 1)
			snprintf(target, sizeof(target), "d");
		else
			snprintf(target, sizeof(target), "n%d/.", k - 1);
		if (symlink(target, name))
			show(name, -1);
	}
	/* nest of absolute targets through the links' directory: a/ak -> DIR/a/a(k-1)/. */
	show("mkdir a", mkdir(DIR "/a", 0755));
	for (k = 1; k <= MAX; k++) {
		snprintf(name, sizeof(name), DIR "/a/a%d", k);
		if (k == 1)
			snprintf(target, sizeof(target), DIR "/d");
		else
			snprintf(target, sizeof(target), DIR "/a/a%d/.", k - 1);
		if (symlink(target, name))
			show(name, -1);
	}
	/* mixed: m1 -> c20 (20 links), mk -> m(k-1)/. : 20 + k links */
	for (k = 1; k <= 21; k++) {
		snprintf(name, sizeof(name), DIR "/m%d", k);
		if (k == 1)
			snprintf(target, sizeof(target), "c20");
		else
			snprintf(target, sizeof(target), "m%d/.", k - 1);
		if (symlink(target, name))
			show(name, -1);
	}
	/* a chain after a nest: t1 -> n20/file, tk -> t(k-1): 20 + k links */
	show("symlink t1", symlink("n20/file", DIR "/t1"));
	for (k = 2; k <= 21; k++) {
		snprintf(name, sizeof(name), DIR "/t%d", k);
		snprintf(target, sizeof(target), "t%d", k - 1);
		if (symlink(target, name))
			show(name, -1);
	}

	for (i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
		k = depths[i];
		snprintf(name, sizeof(name), DIR "/c%d", k);
		snprintf(what, sizeof(what), "stat chain of %d", k);
		try_stat(what, name);
		snprintf(name, sizeof(name), DIR "/c%d/file", k);
		snprintf(what, sizeof(what), "stat chain of %d then file", k);
		try_stat(what, name);
		snprintf(name, sizeof(name), DIR "/n%d", k);
		snprintf(what, sizeof(what), "stat nest of %d", k);
		try_stat(what, name);
		snprintf(name, sizeof(name), DIR "/n%d/file", k);
		snprintf(what, sizeof(what), "stat nest of %d then file", k);
		try_stat(what, name);
		snprintf(what, sizeof(what), "open nest of %d then file", k);
		try_open(what, name, O_RDONLY);
		snprintf(name, sizeof(name), DIR "/n%d/new", k);
		snprintf(what, sizeof(what), "create through a nest of %d", k);
		try_open(what, name, O_CREAT | O_WRONLY);
		unlink(name);
		snprintf(name, sizeof(name), DIR "/a/a%d/file", k);
		snprintf(what, sizeof(what), "stat absolute nest of %d then file", k);
		try_stat(what, name);
	}
	for (k = 19; k <= 21; k++) {
		snprintf(name, sizeof(name), DIR "/m%d/file", k);
		snprintf(what, sizeof(what), "stat chain of 20 in a nest of %d", k);
		try_stat(what, name);
		snprintf(name, sizeof(name), DIR "/t%d", k);
		snprintf(what, sizeof(what), "stat chain of %d after a nest of 20", k);
		try_stat(what, name);
	}
	/* lstat and O_NOFOLLOW do not follow the last link; the rest count */
	{
		struct stat64 st;

		show("lstat nest of 41", lstat64(DIR "/n41", &st));
		show("lstat below a nest of 41", lstat64(DIR "/n41/.", &st));
		show("open O_NOFOLLOW nest of 41", open(DIR "/n41", O_RDONLY | O_NOFOLLOW));
	}
	/* cleanup */
	for (k = 1; k <= MAX; k++) {
		snprintf(name, sizeof(name), DIR "/c%d", k);
		unlink(name);
		snprintf(name, sizeof(name), DIR "/n%d", k);
		unlink(name);
		snprintf(name, sizeof(name), DIR "/a/a%d", k);
		unlink(name);
		snprintf(name, sizeof(name), DIR "/m%d", k);
		unlink(name);
		snprintf(name, sizeof(name), DIR "/t%d", k);
		unlink(name);
	}
	unlink(DIR "/d/file");
	rmdir(DIR "/d");
	rmdir(DIR "/a");
	show("rmdir", rmdir(DIR));
	return 0;
}

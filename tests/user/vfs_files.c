/*
 * Regular files on the root tmpfs: create, write, read back, positions,
 * O_APPEND/O_EXCL/O_TRUNC, truncate up and down (holes read as zeroes),
 * pread/pwrite, sizes and blocks as stat reports them, hard links and
 * unlink of an open file. Compared with Linux line for line.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define DIR "/vfs_files.d"

static void show_stat(const char *what, const char *path)
{
	struct stat64 st;

	if (stat64(path, &st)) {
		show(what, -1);
		return;
	}
	printf("%s: mode %o nlink %u size %lld blocks %lld\n", what, st.st_mode,
	       st.st_nlink, st.st_size, st.st_blocks);
}

static void show_read(const char *what, int fd, size_t n)
{
	char buf[64];
	ssize_t r = read(fd, buf, n < sizeof(buf) ? n : sizeof(buf));

	if (r < 0) {
		show(what, -1);
		return;
	}
	printf("%s: %zd \"", what, r);
	for (ssize_t i = 0; i < r; i++)
		putchar(buf[i] ? buf[i] : '.');
	printf("\"\n");
}

int main(void)
{
	struct stat64 a, b;
	char big[5000];
	int fd, fd2;

	umask(022);
	show("mkdir " DIR, mkdir(DIR, 0755));
	fd = open(DIR "/f", O_RDWR | O_CREAT | O_EXCL, 0666);
	show("create f", fd < 0 ? -1 : 0);
	show_stat("f new", DIR "/f");
	show("create f again O_EXCL", open(DIR "/f", O_RDWR | O_CREAT | O_EXCL, 0666));
	show("write hello", write(fd, "hello world", 11));
	show_stat("f written", DIR "/f");
	show("lseek 6", lseek(fd, 6, SEEK_SET));
	show_read("read from 6", fd, 100);
	show_read("read at end", fd, 100);
	show("pwrite at 20", pwrite64(fd, "tail", 4, 20));
	show_stat("f with hole", DIR "/f");
	show("lseek 0", lseek(fd, 0, SEEK_SET));
	show_read("read all", fd, 100);
	show("pread 4 at 2", pread64(fd, big, 4, 2));
	printf("pread got: %.4s\n", big);
	show("lseek cur", lseek(fd, 0, SEEK_CUR));
	show("ftruncate 5", ftruncate(fd, 5));
	show_stat("f truncated", DIR "/f");
	show("lseek end", lseek(fd, 0, SEEK_END));
	show("ftruncate 8192", ftruncate64(fd, 8192));
	show_stat("f grown", DIR "/f");
	show("lseek 0", lseek(fd, 0, SEEK_SET));
	show_read("read grown", fd, 10);
	show("lseek SEEK_END -1", lseek(fd, -1, SEEK_END));
	show("lseek negative", lseek(fd, -100, SEEK_SET));
	show("lseek bad whence", lseek(fd, 0, 7));
	show("truncate by name 3", truncate(DIR "/f", 3));
	show_stat("f 3 bytes", DIR "/f");
	show("truncate negative", truncate(DIR "/f", -1));
	close(fd);

	fd = open(DIR "/f", O_WRONLY | O_APPEND);
	show("append", write(fd, "++", 2));
	show("lseek 0 then append", lseek(fd, 0, SEEK_SET));
	show("append again", write(fd, "!", 1));
	close(fd);
	fd = open(DIR "/f", O_RDONLY);
	show_read("after appends", fd, 100);
	show("write to read-only fd", write(fd, "x", 1));
	close(fd);
	fd = open(DIR "/f", O_WRONLY);
	show_read("read from write-only fd", fd, 1);
	close(fd);
	close(open(DIR "/f", O_RDONLY | O_TRUNC));
	show_stat("f after O_RDONLY|O_TRUNC", DIR "/f");
	fd = open(DIR "/f", O_RDWR | O_TRUNC);
	show_stat("f O_TRUNC", DIR "/f");

	memset(big, 'x', sizeof(big));
	show("write 5000", write(fd, big, sizeof(big)));
	show_stat("f 5000", DIR "/f");
	close(fd);

	show("link f g", link(DIR "/f", DIR "/g"));
	stat64(DIR "/f", &a);
	stat64(DIR "/g", &b);
	yes_no("f and g same inode", a.st_ino == b.st_ino);
	show_stat("f linked", DIR "/f");
	show("link onto existing", link(DIR "/f", DIR "/g"));
	show("link dir", link(DIR, DIR "/d"));
	show("link missing", link(DIR "/nope", DIR "/h"));

	fd = open(DIR "/g", O_RDONLY);
	show("unlink f", unlink(DIR "/f"));
	show("unlink g", unlink(DIR "/g"));
	show_stat("g gone", DIR "/g");
	fstat64(fd, &a);
	printf("open after unlink: nlink %u size %lld\n", a.st_nlink, a.st_size);
	show_read("read after unlink", fd, 5);
	close(fd);
	show("unlink again", unlink(DIR "/g"));
	show("unlink dir", unlink(DIR));

	fd = creat(DIR "/c", 0600);
	show("creat", fd < 0 ? -1 : 0);
	show_stat("c", DIR "/c");
	fd2 = open(DIR "/c", O_RDONLY);
	show("ftruncate read-only fd", ftruncate(fd2, 0));
	close(fd2);
	close(fd);
	show("chmod 4755", chmod(DIR "/c", 04755));
	show_stat("c chmod", DIR "/c");
	show("access R_OK", access(DIR "/c", R_OK));
	show("access missing", access(DIR "/nope", F_OK));
	show("unlink c", unlink(DIR "/c"));
	show("rmdir", rmdir(DIR));
	return 0;
}

/*
 * pread_sendfile: pread64 and pwrite64 at an offset, leaving the file
 * position alone (pwrite on an O_APPEND file appends anyway, as Linux
 * does); their errors (EBADF for the wrong access mode, EINVAL for a
 * negative offset, ESPIPE on a pipe); sendfile64 from a file into a
 * pipe and into another file, with and without an offset (which moves
 * instead of the file position), and its errors.
 */
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

#include "check.h"

#define FILE1	"/pread_test"
#define FILE2	"/sendfile_test"

static void show_pos(int fd)
{
	printf("position %lld\n", lseek64(fd, 0, SEEK_CUR));
}

static void preads(void)
{
	char buf[64];
	struct stat64 st;
	int fd, ro, wo, p[2];

	fd = open(FILE1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	show("pwrite at 0", pwrite64(fd, "hello, world", 12, 0));
	show_pos(fd);
	show("pwrite at 100", pwrite64(fd, "end", 3, 100));
	fstat64(fd, &st);
	printf("size %lld\n", st.st_size);
	memset(buf, 0, sizeof(buf));
	show("pread 5 at 7", pread64(fd, buf, 5, 7));
	printf("got \"%s\"\n", buf);
	show("pread at 101", pread64(fd, buf, 10, 101));
	show("pread at the end", pread64(fd, buf, 10, 103));
	show("pread past the end", pread64(fd, buf, 10, 5000));
	show("pread at -1", pread64(fd, buf, 10, -1));
	show("pwrite at -1", pwrite64(fd, buf, 1, -1));
	show("pread into NULL", pread64(fd, NULL, 10, 0));
	show("pread of 0 bytes", pread64(fd, buf, 0, 0));
	show_pos(fd);

	ro = open(FILE1, O_RDONLY);
	wo = open(FILE1, O_WRONLY | O_APPEND);
	show("pwrite on a read-only fd", pwrite64(ro, "x", 1, 0));
	show("pread on a write-only fd", pread64(wo, buf, 1, 0));
	show("pwrite at 0 with O_APPEND", pwrite64(wo, "APP", 3, 0));
	fstat64(fd, &st);
	printf("size %lld\n", st.st_size);
	show("pread the start", pread64(ro, buf, 5, 0));
	printf("start \"%.5s\"\n", buf);
	show("pread a closed fd", pread64(99, buf, 1, 0));
	pipe(p);
	show("pread on a pipe", pread64(p[0], buf, 1, 0));
	show("pwrite on a pipe", pwrite64(p[1], buf, 1, 0));
	close(p[0]);
	close(p[1]);
	close(ro);
	close(wo);
	close(fd);
}

static void sendfiles(void)
{
	char buf[64];
	off64_t off;
	int in, out, p[2], n = -1;

	in = open(FILE1, O_RDONLY);
	pipe(p);
	show("sendfile 5 into a pipe", sendfile(p[1], in, NULL, 5));
	show_pos(in);
	off = 7;
	show("sendfile 5 from offset 7", sendfile(p[1], in, &off, 5));
	printf("offset now %lld\n", off);
	show_pos(in);
	memset(buf, 0, sizeof(buf));
	show("read the pipe", read(p[0], buf, sizeof(buf)));
	printf("got \"%s\"\n", buf);
	off = 1000;
	show("sendfile past the end", sendfile(p[1], in, &off, 5));
	printf("offset now %lld\n", off);
	show("sendfile 0 bytes", sendfile(p[1], in, NULL, 0));
	show("sendfile from a bad offset pointer", sendfile(p[1], in, (void *)1, 5));
	off = -1;
	show("sendfile from offset -1", sendfile(p[1], in, &off, 5));
	show("sendfile from a closed fd", sendfile(p[1], 99, NULL, 5));
	show("sendfile to a closed fd", sendfile(99, in, NULL, 5));
	show("sendfile to a read-only fd", sendfile(in, in, NULL, 5));
	show("sendfile from a pipe", sendfile(p[1], p[0], NULL, 5));

	out = open(FILE2, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	off = 0;
	show("sendfile the whole file into another", sendfile(out, in, &off, 200));
	printf("offset now %lld\n", off);
	show_pos(out);
	close(out);
	out = open(FILE2, O_WRONLY | O_APPEND);
	show("sendfile to an O_APPEND file", sendfile(out, in, NULL, 5));
	close(out);
	out = open(FILE2, O_RDONLY);
	show("pread the copy", pread64(out, buf, 12, 0));
	printf("copy starts \"%.12s\"\n", buf);
	close(out);

	fcntl(p[1], F_SETFL, O_NONBLOCK);
	{
		static char big[70000];

		while (write(p[1], big, sizeof(big)) > 0)
			;
	}
	off = 0;
	show("sendfile into a full non-blocking pipe", sendfile(p[1], in, &off, 5));
	ioctl(p[0], FIONREAD, &n);
	printf("pipe holds %d\n", n);
	close(p[0]);
	close(p[1]);
	close(in);
	unlink(FILE1);
	unlink(FILE2);
}

int main(void)
{
	preads();
	sendfiles();
	return 0;
}

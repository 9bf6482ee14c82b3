/*
 * pipe_basic: a pipe's two ends (the lowest free fds), data in order,
 * readv/writev, FIONREAD, fstat (a FIFO, mode 0600, one inode for both
 * ends), lseek and pread refused (ESPIPE), each end refusing the other's
 * direction (EBADF), EOF once no writer is left, a blocked reader woken
 * by a later write, a write bigger than the pipe that blocks until a
 * slow reader drains it, and data that wraps round the ring many times
 * arriving intact.
 */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>

#include "check.h"

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

/* A byte pattern that says where in the stream a byte belongs. */
static unsigned char pattern(unsigned long i)
{
	return (unsigned char)(i * 7 + (i >> 9));
}

static void fill(unsigned char *buf, unsigned long from, size_t len)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = pattern(from + i);
}

static int check(const unsigned char *buf, unsigned long from, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] != pattern(from + i))
			return 0;
	return 1;
}

static void basics(void)
{
	char buf[64];
	struct stat64 st;
	int fds[2], n = -1;

	show("pipe", pipe(fds));
	printf("read end %d, write end %d\n", fds[0], fds[1]);
	show("write hello", write(fds[1], "hello", 5));
	show("write world", write(fds[1], " world", 6));
	show("FIONREAD", ioctl(fds[0], FIONREAD, &n));
	printf("bytes waiting: %d\n", n);
	show("read 4", read(fds[0], buf, 4));
	show("read 64", read(fds[0], buf + 4, 60));
	printf("data: %.11s\n", buf);
	{
		struct iovec w[3] = { { "ab", 2 }, { "", 0 }, { "cdefgh", 6 } };
		char x[3] = "", y[16] = "";
		struct iovec r[2] = { { x, 3 }, { y, 16 } };

		show("writev of 3 vectors", writev(fds[1], w, 3));
		show("readv into 2", readv(fds[0], r, 2));
		printf("got \"%.3s\" \"%s\"\n", x, y);
	}
	show("write 0 bytes", write(fds[1], buf, 0));
	show("read 0 bytes", read(fds[0], buf, 0));

	show("fstat read end", fstat64(fds[0], &st));
	yes_no("a FIFO", S_ISFIFO(st.st_mode));
	printf("mode %o, nlink %u, size %lld, blksize %lu\n", st.st_mode & 07777,
	       st.st_nlink, st.st_size, (unsigned long)st.st_blksize);
	show("fstat write end", fstat64(fds[1], &st));
	yes_no("a FIFO", S_ISFIFO(st.st_mode));
	{
		unsigned long long ino = st.st_ino;

		fstat64(fds[0], &st);
		yes_no("both ends are one inode", st.st_ino == ino);
	}

	show("lseek", lseek(fds[0], 0, SEEK_SET));
	show("lseek64", lseek64(fds[1], 0, SEEK_CUR));
	show("pread", pread64(fds[0], buf, 1, 0));
	show("pwrite", pwrite64(fds[1], buf, 1, 0));
	show("read from the write end", read(fds[1], buf, 1));
	show("write to the read end", write(fds[0], "x", 1));

	show("close write end", close(fds[1]));
	show("read at EOF", read(fds[0], buf, 1));
	show("read at EOF again", read(fds[0], buf, 1));
	show("close read end", close(fds[0]));
	show("close again", close(fds[0]));
}

/* A reader asleep on an empty pipe wakes when a child writes 50 ms later. */
static void blocked_reader(void)
{
	int fds[2];
	char buf[8];
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		write(fds[1], "late", 4);
		sleep_ms(50);
		_exit(0);	/* its write end closes: the reader sees EOF */
	}
	close(fds[1]);
	show("blocking read", read(fds[0], buf, sizeof(buf)));
	printf("got: %.4s\n", buf);
	show("read until the writer exits", read(fds[0], buf, sizeof(buf)));
	reap("writer", pid);
	close(fds[0]);
}

/* One write of 200000 bytes: more than the pipe holds, so it waits for the reader. */
#define BIG	200000

static void big_write(void)
{
	unsigned char *buf = malloc(BIG);
	unsigned long got = 0;
	int fds[2], ok = 1, status[2];
	pid_t pid;
	long n;

	pipe(fds);
	pipe(status);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		fill(buf, 0, BIG);
		n = write(fds[1], buf, BIG);
		write(status[1], &n, sizeof(n));
		_exit(0);
	}
	close(fds[1]);
	sleep_ms(50);		/* the writer has filled the pipe and sleeps */
	while ((n = read(fds[0], buf, 3000)) > 0) {
		ok &= check(buf, got, n);
		got += n;
	}
	show("read at the end", n);
	printf("read %lu bytes, all in order: %s\n", got, ok ? "yes" : "no");
	read(status[0], &n, sizeof(n));
	printf("the writer's write returned %ld\n", n);
	reap("writer", pid);
	close(fds[0]);
	close(status[0]);
	close(status[1]);
	free(buf);
}

/* Odd-sized writes and reads in one task: the ring wraps round many times. */
static void wrap_round(void)
{
	unsigned char wbuf[5000], rbuf[5000];
	unsigned long wpos = 0, rpos = 0;
	int fds[2], ok = 1, i;

	pipe(fds);
	for (i = 0; i < 400; i++) {
		size_t w = 1 + (i * 1237) % 4999, r = 1 + (i * 3571) % 4999;
		long n;

		fill(wbuf, wpos, w);
		if (write(fds[1], wbuf, w) != (long)w)
			ok = 0;
		wpos += w;
		if (r > wpos - rpos || wpos - rpos > 4000)
			r = wpos - rpos < 5000 ? wpos - rpos : 5000;	/* never near full */
		n = read(fds[0], rbuf, r);
		if (n != (long)r || !check(rbuf, rpos, n))
			ok = 0;
		rpos += n > 0 ? n : 0;
	}
	close(fds[1]);
	while (rpos < wpos) {
		long n = read(fds[0], rbuf, sizeof(rbuf));

		if (n <= 0 || !check(rbuf, rpos, n)) {
			ok = 0;
			break;
		}
		rpos += n;
	}
	printf("%lu bytes through the ring, intact: %s\n", wpos, ok && rpos == wpos ? "yes" : "no");
	close(fds[0]);
}

int main(void)
{
	basics();
	blocked_reader();
	big_write();
	wrap_round();
	return 0;
}

/*
 * pipe_nonblock: pipe2's flags (O_NONBLOCK, O_CLOEXEC, O_DIRECT for
 * packets, anything else EINVAL); the capacity of 16 pages and how
 * writes fill them (a write's tail joins the last page only if it fits
 * whole: so writes of up to PIPE_BUF bytes are never split); EAGAIN on
 * an empty or full pipe; a big non-blocking write taking what fits;
 * O_NONBLOCK switched on and off with F_SETFL; packet mode, where each
 * write is read back on its own; F_GETPIPE_SZ and F_SETPIPE_SZ (a power
 * of two of pages, EBUSY below what is in it, the data kept in order).
 */
#include <sys/ioctl.h>

#include "check.h"

#define PIPE_BUF	4096

static char buf[70000];

static int waiting(int fd)
{
	int n = -1;

	ioctl(fd, FIONREAD, &n);
	return n;
}

/* Writes of @chunk bytes until one fails: what went in, and the errno. */
static void fill_with(int chunk)
{
	long total = 0, n;
	int fds[2];

	pipe2(fds, O_NONBLOCK);
	while ((n = write(fds[1], buf, chunk)) > 0)
		total += n;
	printf("writes of %d: %ld bytes in, then %s\n", chunk, total,
	       n < 0 ? errno_name(errno) : "0");
	if (chunk == 1000) {
		/* the last page holds 4000: 96 more fit, 97 do not */
		show("write 97 more", write(fds[1], buf, 97));
		show("write 96 more", write(fds[1], buf, 96));
		show("write 1 more", write(fds[1], buf, 1));
	}
	printf("FIONREAD %d\n", waiting(fds[0]));
	close(fds[0]);
	close(fds[1]);
}

static void flags(void)
{
	int fds[2];
	char c;

	show("pipe2(O_NONBLOCK)", pipe2(fds, O_NONBLOCK));
	printf("F_GETFL: %o %o\n", fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
	printf("F_GETFD: %d %d\n", fcntl(fds[0], F_GETFD), fcntl(fds[1], F_GETFD));
	show("read an empty pipe", read(fds[0], &c, 1));
	close(fds[0]);
	close(fds[1]);
	show("pipe2(O_CLOEXEC)", pipe2(fds, O_CLOEXEC));
	printf("F_GETFL: %o %o\n", fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
	printf("F_GETFD: %d %d\n", fcntl(fds[0], F_GETFD), fcntl(fds[1], F_GETFD));
	close(fds[0]);
	close(fds[1]);
	show("pipe2(O_RDWR)", pipe2(fds, O_RDWR));
	show("pipe2(O_APPEND)", pipe2(fds, O_APPEND));
	show("pipe2(O_TRUNC)", pipe2(fds, O_TRUNC));
	show("pipe2(O_EXCL), a notification pipe", pipe2(fds, O_EXCL));
	show("pipe2(0x80000000)", pipe2(fds, (int)0x80000000));
	show("pipe2(0)", pipe2(fds, 0));
	printf("F_GETFL: %o %o\n", fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
	close(fds[0]);
	close(fds[1]);
}

/* Up to PIPE_BUF bytes go in whole or not at all; more may go in part. */
static void atomicity(void)
{
	int fds[2], i;

	pipe2(fds, O_NONBLOCK);
	for (i = 0; i < 15; i++)
		write(fds[1], buf, PIPE_BUF);
	show("write 10 (the last page)", write(fds[1], buf, 10));
	show("write PIPE_BUF (does not fit whole)", write(fds[1], buf, PIPE_BUF));
	show("write 4086 (fits whole)", write(fds[1], buf, 4086));
	show("read 100", read(fds[0], buf, 100));
	show("write PIPE_BUF into a full ring", write(fds[1], buf, PIPE_BUF));
	show("read the first page's rest", read(fds[0], buf, PIPE_BUF - 100));
	show("write PIPE_BUF + 1 (part of it)", write(fds[1], buf, PIPE_BUF + 1));
	printf("FIONREAD %d\n", waiting(fds[0]));
	close(fds[0]);
	close(fds[1]);
}

static void setfl(void)
{
	int fds[2];
	char c;

	pipe(fds);
	show("F_SETFL O_NONBLOCK", fcntl(fds[0], F_SETFL, O_NONBLOCK));
	printf("F_GETFL: %o\n", fcntl(fds[0], F_GETFL));
	show("read an empty pipe", read(fds[0], &c, 1));
	show("F_SETFL 0", fcntl(fds[0], F_SETFL, 0));
	printf("F_GETFL: %o\n", fcntl(fds[0], F_GETFL));
	write(fds[1], "z", 1);
	show("blocking read with data", read(fds[0], &c, 1));
	close(fds[0]);
	close(fds[1]);
}

static void packets(void)
{
	char in[16];
	int fds[2];

	show("pipe2(O_DIRECT)", pipe2(fds, O_DIRECT | O_NONBLOCK));
	printf("F_GETFL: %o %o\n", fcntl(fds[0], F_GETFL), fcntl(fds[1], F_GETFL));
	write(fds[1], "ab", 2);
	write(fds[1], "cde", 3);
	write(fds[1], "fghij", 5);
	printf("FIONREAD %d\n", waiting(fds[0]));
	show("read 16", read(fds[0], in, 16));
	show("read 16", read(fds[0], in, 16));
	show("read 2 of a packet of 5", read(fds[0], in, 2));
	show("read 16 (the rest is gone)", read(fds[0], in, 16));
	show("F_SETFL off O_DIRECT", fcntl(fds[1], F_SETFL, O_NONBLOCK));
	write(fds[1], "ab", 2);
	write(fds[1], "cde", 3);
	show("read 16 after", read(fds[0], in, 16));
	close(fds[0]);
	close(fds[1]);
}

static void resize(void)
{
	int fds[2], fd, i, ok = 1;
	char c;

	pipe2(fds, O_NONBLOCK);
	show("F_GETPIPE_SZ", fcntl(fds[0], F_GETPIPE_SZ));
	show("F_GETPIPE_SZ of the write end", fcntl(fds[1], F_GETPIPE_SZ));
	for (i = 0; i < 3; i++) {
		memset(buf, 'a' + i, PIPE_BUF);
		write(fds[1], buf, PIPE_BUF);
	}
	read(fds[0], buf, 100);
	show("F_SETPIPE_SZ 8192 holding 3 pages", fcntl(fds[1], F_SETPIPE_SZ, 8192));
	show("F_SETPIPE_SZ 12288", fcntl(fds[1], F_SETPIPE_SZ, 12288));
	show("F_GETPIPE_SZ", fcntl(fds[0], F_GETPIPE_SZ));
	show("write 5000 into the one free page", write(fds[1], buf, 5000));
	for (i = 0; i < 4096 - 100; i++)
		ok &= read(fds[0], &c, 1) == 1 && c == 'a';
	for (i = 0; i < 4096; i++)
		ok &= read(fds[0], &c, 1) == 1 && c == 'b';
	yes_no("the data kept its order", ok);
	show("F_SETPIPE_SZ 0", fcntl(fds[1], F_SETPIPE_SZ, 0));
	show("F_SETPIPE_SZ 1", fcntl(fds[1], F_SETPIPE_SZ, 1));
	show("F_SETPIPE_SZ 100000", fcntl(fds[1], F_SETPIPE_SZ, 100000));
	show("F_SETPIPE_SZ 0x80000001", fcntl(fds[1], F_SETPIPE_SZ, 0x80000001));
	show("F_SETPIPE_SZ -1", fcntl(fds[1], F_SETPIPE_SZ, -1));
	show("F_GETPIPE_SZ", fcntl(fds[0], F_GETPIPE_SZ));
	fd = open("/tests/pipe_nonblock", O_RDONLY);
	show("F_GETPIPE_SZ of a file", fcntl(fd, F_GETPIPE_SZ));
	show("F_SETPIPE_SZ of a file", fcntl(fd, F_SETPIPE_SZ, 4096));
	close(fd);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	memset(buf, 'p', sizeof(buf));
	flags();
	fill_with(1);
	fill_with(1000);
	fill_with(4096);
	fill_with(5000);
	fill_with(70000);
	atomicity();
	setfl();
	packets();
	resize();
	return 0;
}

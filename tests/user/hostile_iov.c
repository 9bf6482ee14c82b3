/*
 * hostile_iov: readv and writev with bad vectors. Every length is checked
 * before anything moves: a length that is negative as a ssize_t (for
 * read and write too, once the buffer is known to be in user space), a vector
 * count below 0 or above IOV_MAX, a vector or a buffer outside user space
 * fail the whole call; a total past MAX_RW_COUNT is cut down, never an
 * error. A buffer that faults part-way (NULL, a hole after a mapping) ends
 * the transfer there: the bytes before it count, and only if there are
 * none is it EFAULT. The text each writev really wrote to stdout shows.
 * (A bad buffer within the first 2 KiB differs between a file and a tty,
 * and a write to a file of a buffer that faults part-way livelocks Linux
 * 6.1 on ARM: neither is tried here.)
 */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"

#define LOW	((char *)0x30000000)	/* + 2 GiB is still user space */
#define KERNEL	((void *)0xc0000000)

static struct iovec iov[IOV_MAX + 1];

static void set(int i, const void *base, size_t len)
{
	iov[i].iov_base = (void *)base;
	iov[i].iov_len = len;
}

static void counts(void)
{
	set(0, "counts\n", 7);
	show("writev, count -1", writev(1, iov, -1));
	show("writev, count IOV_MAX + 1", writev(1, iov, IOV_MAX + 1));
	show("writev, count 0", writev(1, iov, 0));
	show("writev, bad fd and count -1", writev(99, iov, -1));
	show("writev, bad fd", writev(99, iov, 1));
	for (int i = 0; i < IOV_MAX; i++)
		set(i, i ? NULL : "max\n", i ? 0 : 4);
	show("writev, IOV_MAX vectors", writev(1, iov, IOV_MAX));
	show("writev, vector array NULL", writev(1, NULL, 1));
	show("writev, vector array in the kernel", writev(1, KERNEL, 1));
}

static void lengths(void)
{
	int fd;

	set(0, "LEAK\n", 5);
	set(1, "x", 0x80000000u);
	show("writev, second length 2^31", writev(1, iov, 2));
	set(1, "x", 0xffffffffu);
	show("writev, second length -1", writev(1, iov, 2));
	set(0, "x", 0x80000000u);
	set(1, "LEAK\n", 5);
	show("writev, first length 2^31", writev(1, iov, 2));
	set(0, "LEAK\n", 5);
	set(1, KERNEL, 4);
	show("writev, second buffer in the kernel", writev(1, iov, 2));
	set(1, (char *)0xbefffff0, 0x20);
	show("writev, second buffer across TASK_SIZE", writev(1, iov, 2));
	set(0, NULL, 5);
	show("writev, NULL buffer", writev(1, iov, 1));
	set(0, NULL, 0);
	show("writev, NULL buffer of length 0", writev(1, iov, 1));
	fd = open("/etc/motd", O_RDONLY);
	set(0, "x", 1);
	show("writev, read-only fd", writev(fd, iov, 1));
	show("writev, read-only fd and count -1", writev(fd, iov, -1));
	set(0, "x", 0x80000000u);
	show("writev, read-only fd and length 2^31", writev(fd, iov, 1));
	close(fd);
}

/*
 * A bad buffer after 2 KiB of good ones: the 2 KiB are written and
 * counted, whether stdout is a file (Linux's oracle) or the console (a
 * tty writes in 2 KiB chunks, each copied whole before it is written).
 */
static void after_a_chunk(void)
{
	static char text[2048];

	for (int i = 0; i < 2048; i++)
		text[i] = i % 64 == 63 ? '\n' : 'a' + i / 64 % 26;
	set(0, text, 1000);
	set(1, text + 1000, 1048);
	set(2, NULL, 5);
	show("writev, 2 KiB then NULL", writev(1, iov, 3));
}

static void reads(void)
{
	char *p = mmap(LOW, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	char buf[128], whole[128];
	int fd = open("/etc/motd", O_RDONLY);
	long n;

	show_map("a page at 0x30000000", p, LOW);
	if (fd < 0 || p == MAP_FAILED) {
		show("open /etc/motd", fd);
		return;
	}
	n = read(fd, whole, sizeof(whole));
	lseek(fd, 0, SEEK_SET);
	show("read, length 2^31", read(fd, p, 0x80000000u));
	show("read, length 2^31 onto the stack", read(fd, buf, 0x80000000u));
	show("write, length 2^31", write(1, p, 0x80000000u));
	show("write, length 2^31 from the stack", write(1, buf, 0x80000000u));
	set(0, buf, 4);
	show("readv, count -1", readv(fd, iov, -1));
	show("readv, count IOV_MAX + 1", readv(fd, iov, IOV_MAX + 1));
	show("readv, bad fd", readv(99, iov, 1));
	set(1, buf + 4, 0x80000000u);
	show("readv, second length 2^31", readv(fd, iov, 2));
	set(1, KERNEL, 4);
	show("readv, second buffer in the kernel", readv(fd, iov, 2));
	set(0, NULL, 4);
	show("readv, NULL buffer", readv(fd, iov, 1));
	show("position still 0", lseek(fd, 0, SEEK_CUR));
	set(0, buf, 4);
	set(1, NULL, 4);
	show("readv, good then NULL", readv(fd, iov, 2));
	yes_no("the first 4 bytes came", !memcmp(buf, whole, 4));
	show("position", lseek(fd, 0, SEEK_CUR));
	lseek(fd, 0, SEEK_SET);
	set(0, buf, 3);
	set(1, p, 0x7fffffff);
	set(2, p, 0x7fffffff);
	show("readv, total past 2^32 into a low page", readv(fd, iov, 3));
	yes_no("the whole file came", !memcmp(buf, whole, 3) &&
	       !memcmp(p, whole + 3, n - 3));
	mprotect(p, PAGE, PROT_READ);
	lseek(fd, 0, SEEK_SET);
	set(0, p, 4);
	show("readv into a read-only page", readv(fd, iov, 1));
	close(fd);
	munmap(p, PAGE);
}

int main(void)
{
	counts();
	lengths();
	after_a_chunk();
	reads();
	return 0;
}

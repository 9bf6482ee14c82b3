/*
 * dev_mem: the memory devices, through nodes made here with Linux's
 * numbers: /dev/null (1,3) reads empty and takes anything; /dev/zero
 * (1,5) reads zeros, takes anything and maps as anonymous memory
 * (shared between parent and child when MAP_SHARED); /dev/full (1,7) reads zeros and refuses writes with ENOSPC;
 * /dev/random (1,8) and /dev/urandom (1,9) give bytes and take writes.
 * Seeks answer as Linux's; bad buffers get EFAULT only where a byte
 * would have moved.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

static const struct {
	const char *name;
	int minor;
} devs[] = {
	{ "null", 3 }, { "zero", 5 }, { "full", 7 }, { "random", 8 }, { "urandom", 9 },
};

static char path[64];

static const char *node(const char *name)
{
	snprintf(path, sizeof(path), "/dev_mem_%s", name);
	return path;
}

static void one(const char *name, int minor)
{
	char buf[256], what[64];
	struct stat64 st;
	long n;
	int fd;

	if (syscall(SYS_mknod, node(name), 020666, (1 << 8) | minor)) {
		printf("%s: mknod: %s\n", name, errno_name(errno));
		return;
	}
	stat64(node(name), &st);
	printf("%s: char %s, %llu:%llu\n", name, S_ISCHR(st.st_mode) ? "yes" : "no",
	       (st.st_rdev >> 8) & 0xfff, (st.st_rdev & 0xff) | ((st.st_rdev >> 12) & 0xfff00));
	fd = open(node(name), O_RDWR);
	if (fd < 0) {
		printf("%s: open: %s\n", name, errno_name(errno));
		syscall(SYS_unlink, node(name));
		return;
	}
	memset(buf, 'x', sizeof(buf));
	n = read(fd, buf, sizeof(buf));
	snprintf(what, sizeof(what), "%s: read 256", name);
	show(what, n);
	if (n > 0 && minor < 8)
		yes_no("  all zero", all_bytes(buf, 0, n));
	if (n > 0 && minor >= 8)
		yes_no("  some not zero", !all_bytes(buf, 0, n));
	snprintf(what, sizeof(what), "%s: read 0", name);
	show(what, read(fd, buf, 0));
	snprintf(what, sizeof(what), "%s: write 100", name);
	show(what, write(fd, buf, 100));
	snprintf(what, sizeof(what), "%s: read to NULL", name);
	show(what, read(fd, NULL, 16));
	snprintf(what, sizeof(what), "%s: write from NULL", name);
	show(what, write(fd, NULL, 16));
	snprintf(what, sizeof(what), "%s: lseek 100", name);
	show(what, lseek(fd, 100, SEEK_SET));
	snprintf(what, sizeof(what), "%s: lseek 5 from the end", name);
	show(what, lseek(fd, 5, SEEK_END));
	close(fd);
	fd = open(node(name), O_WRONLY);
	snprintf(what, sizeof(what), "%s: read on a write-only fd", name);
	show(what, read(fd, buf, 1));
	close(fd);
	syscall(SYS_unlink, node(name));
}

static void zero_map(void)
{
	int fd;
	char *p;

	syscall(SYS_mknod, node("zero"), 020666, (1 << 8) | 5);
	fd = open(node("zero"), O_RDWR);
	p = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE, fd, 0);
	show_map("mmap /dev/zero private", p, NULL);
	if (p != MAP_FAILED) {
		yes_no("  reads zero", all_bytes(p, 0, 2 * PAGE));
		p[PAGE] = 7;
		yes_no("  writable", p[PAGE] == 7);
		munmap(p, 2 * PAGE);
	}
	p = mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0);
	show_map("mmap /dev/zero shared", p, NULL);
	if (p != MAP_FAILED) {
		pid_t pid = fork();

		if (pid == 0) {
			p[100] = 42;
			_exit(0);
		}
		reap("  a child writing it", pid);
		yes_no("  the child's write is seen", p[100] == 42);
		munmap(p, PAGE);
	}
	close(fd);
	syscall(SYS_unlink, node("zero"));
}

int main(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++)
		one(devs[i].name, devs[i].minor);
	zero_map();
	return 0;
}

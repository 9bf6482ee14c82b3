/*
 * vfs_mmap: tmpfs files mapped. A shared mapping's writes are the file's
 * (read() sees them, a second mapping and a child after fork too); a
 * private mapping's writes are its own; a page past the end of the file
 * is SIGBUS; msync and munmap leave the data in the file.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define FILE_NAME "/vfs_mmap.file"

int main(void)
{
	char buf[16] = "";
	int fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *shared, *shared2, *private;
	pid_t pid;
	int st;

	show("ftruncate 2 pages", ftruncate(fd, 2 * PAGE));
	shared = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	show_map("mmap shared", shared, NULL);
	memcpy(shared, "shared!", 7);
	pread64(fd, buf, 7, 0);
	printf("read() sees: %.7s\n", buf);
	show("pwrite at 4096", pwrite64(fd, "written", 7, PAGE));
	printf("the mapping sees: %.7s\n", shared + PAGE);
	shared2 = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	printf("a second mapping sees: %.7s\n", shared2);
	pid = fork();
	if (pid == 0) {
		memcpy(shared + 100, "child", 5);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("the child's write: %.5s\n", shared2 + 100);
	private = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	printf("private sees: %.7s\n", private);
	memcpy(private, "PRIVATE", 7);
	printf("after its own write, the file still has: %.7s\n", shared);
	show("msync", msync(shared, 2 * PAGE, MS_SYNC));
	show("munmap shared", munmap(shared, 2 * PAGE));
	pread64(fd, buf, 7, 0);
	printf("after munmap, read() sees: %.7s\n", buf);

	/* past the end of the file: SIGBUS */
	shared = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pid = fork();
	if (pid == 0) {
		volatile char c = shared[3 * PAGE];

		(void)c;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("a read past the end: %s\n",
	       WIFSIGNALED(st) ? sig_name(WTERMSIG(st)) : "no signal");
	pid = fork();
	if (pid == 0) {
		shared[2 * PAGE + 10] = 1;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("a write past the end: %s\n",
	       WIFSIGNALED(st) ? sig_name(WTERMSIG(st)) : "no signal");
	show("mmap a read-only fd shared writable",
	     (long)(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
			 open(FILE_NAME, O_RDONLY), 0) == MAP_FAILED ? -1 : 0));
	show("unlink", unlink(FILE_NAME));
	return 0;
}

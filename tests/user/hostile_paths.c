/*
 * Bad arguments to the path calls: NULL, kernel and unmapped addresses,
 * paths of PATH_MAX bytes and names of 256, "", bad and wrong-kind
 * directory fds, bad modes and flags, mount/umount of what cannot be,
 * and a tmpfs filled to its size limit (ENOSPC, not an OOM). Each gets
 * Linux's errno; the program removes all it made.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define DIR "/hostile_paths.d"
#define KERNEL_ADDR ((const char *)0xc0008000)

int main(void)
{
	char *longpath = malloc(5000), *longname = malloc(300), buf[64];
	char *unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct stat64 st;
	int fd, i;

	show("mkdir", mkdir(DIR, 0755));
	show("open NULL", open(NULL, O_RDONLY));
	show("open kernel address", open(KERNEL_ADDR, O_RDONLY));
	show("open unmapped", open(unmapped, O_RDONLY));
	show("open empty", open("", O_RDONLY));
	show("mkdir NULL", mkdir(NULL, 0755));
	show("stat kernel address", stat64(KERNEL_ADDR, &st));
	show("stat into kernel memory", stat64(DIR, (void *)0xc0008000));
	show("stat into unmapped", stat64(DIR, (void *)unmapped));
	show("readlink into kernel memory", readlink("/proc/self", (char *)0xc0008000, 16));
	show("getcwd into kernel memory", getcwd((char *)0xc0008000, 64) ? 0 : -1);
	show("getcwd size 0", getcwd(buf, 0) ? 0 : -1);
	show("rename NULL", rename(NULL, DIR "/x"));
	show("symlink NULL target", symlink(NULL, DIR "/x"));

	memset(longpath, 'a', 4999);
	longpath[0] = '/';
	longpath[4999] = '\0';
	show("open 5000-byte path", open(longpath, O_RDONLY));
	longpath[4096] = '\0';
	show("open 4096-byte path", open(longpath, O_RDONLY));
	for (i = 1; i < 4095; i += 2)
		longpath[i] = '/';
	longpath[4095] = '\0';
	show("stat 4095-byte path of slashes and a's", stat64(longpath, &st));
	memset(longname, 'n', 256);
	longname[256] = '\0';
	snprintf(longpath, 5000, DIR "/%s", longname);
	show("create 256-byte name", open(longpath, O_CREAT | O_WRONLY, 0644));
	longname[255] = '\0';
	snprintf(longpath, 5000, DIR "/%s", longname);
	fd = open(longpath, O_CREAT | O_WRONLY, 0644);
	show("create 255-byte name", fd < 0 ? -1 : 0);
	close(fd);
	show("unlink it", unlink(longpath));

	show("openat bad fd", openat(1000, "x", O_RDONLY));
	show("openat negative fd", openat(-5, "x", O_RDONLY));
	fd = open("/proc/self/maps", O_RDONLY);
	show("openat a file fd", openat(fd, "x", O_RDONLY));
	close(fd);
	show("mknod bad type", mknod(DIR "/n", 0170644, 0));
	show("mknod dir type", mknod(DIR "/n", S_IFDIR | 0755, 0));
	show("mknod fifo", mknod(DIR "/fifo", S_IFIFO | 0644, 0));
	show("mknod plain file", mknod(DIR "/plain", 0644, 0));
	show("mknod over existing", mknod(DIR "/plain", 0644, 0));
	show("unlink fifo", unlink(DIR "/fifo"));
	show("unlink plain", unlink(DIR "/plain"));
	show("mkdir /", mkdir("/", 0755));
	show("rmdir /", rmdir("/"));
	show("unlink /", unlink("/"));
	show("rename / away", rename("/", DIR "/root"));
	show("truncate dir", truncate(DIR, 0));
	show("open dir O_WRONLY", open(DIR, O_WRONLY));
	show("open dir O_CREAT", open(DIR, O_CREAT | O_RDONLY, 0644));
	show("open file/ O_CREAT", open(DIR "/new/", O_CREAT | O_WRONLY, 0644));

	show("mount bad type", mount("none", DIR, "nosuchfs", 0, NULL));
	show("mount on missing", mount("none", DIR "/missing", "tmpfs", 0, NULL));
	show("mount NULL type", mount("none", DIR, NULL, 0, NULL));
	show("umount not a mount", umount2(DIR, 0));
	show("umount missing", umount2(DIR "/missing", 0));
	show("umount bad flags", umount2(DIR, 0x100));
	show("mount tmpfs size=64k", mount("tmp", DIR, "tmpfs", 0, "size=64k"));
	fd = open(DIR "/fill", O_CREAT | O_WRONLY, 0644);
	memset(longpath, 'z', 4096);
	for (i = 0; i < 32; i++)
		if (write(fd, longpath, 4096) < 0)
			break;
	printf("pages written before the limit: %d\n", i);
	show("write past the limit", write(fd, longpath, 4096));
	show("chdir into mount", chdir(DIR));
	show("umount busy (cwd and open file)", umount2(DIR, 0));
	close(fd);
	show("chdir /", chdir("/"));
	show("umount", umount2(DIR, 0));
	show("fill gone with the mount", access(DIR "/fill", F_OK));
	show("rmdir", rmdir(DIR));
	return 0;
}

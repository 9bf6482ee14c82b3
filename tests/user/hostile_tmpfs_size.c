/*
 * The largest file tmpfs holds on a 32-bit kernel: 16 TiB less a page
 * (MAX_LFS_FILESIZE, a page index is 32 bits). A write that would go
 * past it is cut at it, one at it is EFBIG, as is a truncate past it;
 * none of them may reach another offset of the file (a page index
 * computed in 32 bits from a larger position would wrap to the start).
 */
#include <unistd.h>

#include "check.h"

#define MAX_LFS		0xFFFFFFFF000LL	/* 2^44 - 4096 */
#define NAME		"/hostile_tmpfs_size"

int main(void)
{
	char buf[4] = "";
	int fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC | O_LARGEFILE, 0600);

	if (fd < 0) {
		printf("open: %s\n", errno_name(errno));
		return 1;
	}
	show("write \"A\" at 0", pwrite64(fd, "A", 1, 0));
	show("write at 16 TiB", pwrite64(fd, "B", 1, 1LL << 44));
	show("write at 16 TiB - 4 KiB", pwrite64(fd, "C", 1, MAX_LFS));
	show("write 2 bytes at 16 TiB - 4 KiB - 1", pwrite64(fd, "DE", 2, MAX_LFS - 1));
	show("write at 2^62", pwrite64(fd, "F", 1, 1LL << 62));
	show("read at 0", pread64(fd, buf, 1, 0));
	printf("  it holds %c\n", buf[0]);
	show("read at 16 TiB - 4 KiB - 1", pread64(fd, buf, 2, MAX_LFS - 1));
	printf("  it holds %c\n", buf[0]);
	show("lseek to the end", lseek(fd, 0, SEEK_END) == -1 ? -1 : 0);
	show("ftruncate to 16 TiB", ftruncate64(fd, 1LL << 44));
	show("ftruncate to 16 TiB - 4 KiB", ftruncate64(fd, MAX_LFS));
	show("ftruncate to 1", ftruncate64(fd, 1));
	show("read at 0", pread64(fd, buf, 4, 0));
	printf("  it holds %c\n", buf[0]);
	close(fd);
	show("unlink", unlink(NAME));
	return 0;
}

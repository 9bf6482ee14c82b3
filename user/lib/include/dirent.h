/* Directory entries as getdents64 returns them (struct linux_dirent64). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stdint.h>
#include <sys/types.h>
#include <linux/dirent.h>	/* DT_* */

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* Fills @buf with records: the bytes used, 0 at the end, -1 and errno. */
ssize_t getdents64(int fd, void *buf, size_t count);

#endif

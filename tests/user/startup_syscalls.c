/*
 * startup_syscalls: calls glibc 2.36's start-up and stdio make on 32-bit
 * ARM before anything else, with Linux's answers to good and bad
 * arguments: statx (every stat of glibc goes through it first) and
 * clock_gettime64 (the 64-bit time_t clock call, 403).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static struct statx sx;

static long do_statx(int dfd, const char *path, int flags, unsigned int mask)
{
	return syscall(SYS_statx, dfd, path, flags, mask, &sx);
}

int main(int argc, char **argv)
{
	struct { long long sec, nsec; } ts64;
	struct timespec ts;
	struct stat64 st;
	char rel[64];

	(void)argc;
	show("statx of this program", do_statx(AT_FDCWD, argv[0], 0, STATX_BASIC_STATS));
	yes_no("  the basic fields are there", (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	yes_no("  a regular file", S_ISREG(sx.stx_mode));
	printf("  permissions %o, links %u\n", sx.stx_mode & 07777, sx.stx_nlink);
	show("  stat64 of it", stat64(argv[0], &st));
	yes_no("  the same size and inode as stat64",
	       sx.stx_size == (unsigned long long)st.st_size && sx.stx_ino == st.st_ino);
	show("statx of /tests", do_statx(AT_FDCWD, "/tests", 0, STATX_BASIC_STATS));
	yes_no("  a directory", S_ISDIR(sx.stx_mode));
	show("statx of fd 1 with AT_EMPTY_PATH", do_statx(1, "", AT_EMPTY_PATH, STATX_BASIC_STATS));
	show("statx of \"\" at the cwd with AT_EMPTY_PATH",
	     do_statx(AT_FDCWD, "", AT_EMPTY_PATH, STATX_BASIC_STATS));
	yes_no("  a directory", S_ISDIR(sx.stx_mode));
	show("statx with mask 0", do_statx(AT_FDCWD, "/tests", 0, 0));
	show("statx with AT_SYMLINK_NOFOLLOW", do_statx(AT_FDCWD, "/tests", AT_SYMLINK_NOFOLLOW, 0));

	show("statx of \"\" without AT_EMPTY_PATH", do_statx(AT_FDCWD, "", 0, STATX_BASIC_STATS));
	show("statx of a missing file", do_statx(AT_FDCWD, "/no/such/file", 0, STATX_BASIC_STATS));
	snprintf(rel, sizeof(rel), "%s/x", argv[0]);
	show("statx below a regular file", do_statx(AT_FDCWD, rel, 0, STATX_BASIC_STATS));
	show("statx of a bad fd with AT_EMPTY_PATH", do_statx(99, "", AT_EMPTY_PATH, STATX_BASIC_STATS));
	show("statx relative to a bad fd", do_statx(99, "tests", 0, STATX_BASIC_STATS));
	show("statx relative to a non-directory fd", do_statx(1, "tests", 0, STATX_BASIC_STATS));
	show("statx with unknown flags", do_statx(AT_FDCWD, "/tests", 0x10000, STATX_BASIC_STATS));
	show("statx with both sync types", do_statx(AT_FDCWD, "/tests", AT_STATX_SYNC_TYPE, STATX_BASIC_STATS));
	show("statx with a reserved mask bit", do_statx(AT_FDCWD, "/tests", 0, 0x80000000u));
	show("statx of a NULL path", syscall(SYS_statx, AT_FDCWD, NULL, 0, STATX_BASIC_STATS, &sx));
	show("statx into a bad buffer", syscall(SYS_statx, AT_FDCWD, "/tests", 0, STATX_BASIC_STATS, 16));

	show("clock_gettime64 CLOCK_MONOTONIC", syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &ts64));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	yes_no("  agrees with clock_gettime", ts.tv_sec - ts64.sec <= 1 && ts64.nsec < 1000000000);
	show("clock_gettime64 CLOCK_PROCESS_CPUTIME_ID",
	     syscall(SYS_clock_gettime64, CLOCK_PROCESS_CPUTIME_ID, &ts64));
	show("clock_gettime64 of clock 99", syscall(SYS_clock_gettime64, 99, &ts64));
	show("clock_gettime64 into a bad buffer", syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, 16));
	return 0;
}

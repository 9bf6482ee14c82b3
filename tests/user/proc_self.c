/*
 * proc_self: a process reads its own /proc files. /proc/self/maps lists
 * a mapping it just made, with the permissions mprotect gave each part,
 * and forgets it after munmap; reading in small pieces gives the same
 * text as one big read; a forked child's maps are its parent's;
 * /proc/self/status names the process and its VmRSS grows as pages are
 * touched; /proc/PID/ names the same process; errors for what /proc
 * cannot do. Addresses are only compared, never printed.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static char text[128 * 1024], again[128 * 1024];

/* Whether @maps has a line for [start, end) with permissions @perms. */
static int has_vma(const char *maps, char *start, char *end, const char *perms)
{
	char want[64];

	snprintf(want, sizeof(want), "%08lx-%08lx %s ", (unsigned long)start,
		 (unsigned long)end, perms);
	for (const char *l = maps; *l; ) {
		if (!strncmp(l, want, strlen(want)))
			return 1;
		l = strchr(l, '\n');
		if (!l)
			break;
		l++;
	}
	return 0;
}

/* The number in kB of the "@key:" line of a status text, or -1. */
static long status_kb(const char *status, const char *key)
{
	const char *l = strstr(status, key);

	return l ? (long)strtoul(l + strlen(key) + 1, NULL, 10) : -1;
}

static int count_lines(const char *s, const char *needle)
{
	int n = 0;

	for (const char *l = s; (l = strstr(l, needle)); l++)
		n++;
	return n;
}

int main(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
	char path[64];
	struct stat64 st;
	long len, rss0, rss1;
	int fd, status;
	char *big;
	pid_t pid;

	printf("proc_self: start\n");
	if (p == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return 1;
	}
	show("mprotect the middle page read-only", mprotect(p + PAGE, PAGE, PROT_READ));
	len = slurp("/proc/self/maps", text, sizeof(text), sizeof(text));
	yes_no("/proc/self/maps can be read", len > 0);
	yes_no("it ends with a newline", len > 0 && text[len - 1] == '\n');
	yes_no("the read-only middle page is its own VMA, r--p",
	       has_vma(text, p + PAGE, p + 2 * PAGE, "r--p"));
	yes_no("one [stack] line", count_lines(text, "[stack]\n") == 1);
	yes_no("one [heap] line or none", count_lines(text, "[heap]\n") <= 1);
	yes_no("the program's text is mapped from /tests/proc_self",
	       strstr(text, " r-xp 00000000 ") && strstr(text, "/tests/proc_self\n"));

	len = slurp("/proc/self/maps", again, sizeof(again), 7);
	yes_no("read 7 bytes at a time, the same text", !strcmp(text, again));

	pid = fork();
	if (pid == 0) {
		slurp("/proc/self/maps", again, sizeof(again), sizeof(again));
		_exit(strcmp(text, again) ? 1 : 0);
	}
	if (wait4(pid, &status, 0, NULL) == pid && WIFEXITED(status))
		yes_no("a forked child's maps are its parent's", WEXITSTATUS(status) == 0);
	else
		printf("fork/wait4: %s\n", errno_name(errno));

	show("munmap", munmap(p, 3 * PAGE));
	slurp("/proc/self/maps", text, sizeof(text), sizeof(text));
	yes_no("after munmap the middle VMA is gone",
	       !has_vma(text, p + PAGE, p + 2 * PAGE, "r--p"));

	slurp("/proc/self/status", text, sizeof(text), sizeof(text));
	yes_no("status begins with Name:\tproc_self", !strncmp(text, "Name:\tproc_self\n", 16));
	rss0 = status_kb(text, "VmRSS");
	yes_no("status has VmSize, VmRSS, VmData, VmStk, VmExe",
	       status_kb(text, "VmSize") > 0 && rss0 > 0 && status_kb(text, "VmData") >= 0 &&
	       status_kb(text, "VmStk") > 0 && status_kb(text, "VmExe") > 0);
	big = mmap(NULL, 256 * PAGE, RW, ANON, -1, 0);
	if (big != MAP_FAILED)
		for (unsigned long i = 0; i < 256; i++)
			big[i * PAGE] = 1;
	slurp("/proc/self/status", text, sizeof(text), sizeof(text));
	rss1 = status_kb(text, "VmRSS");
	/* Linux's counters are per-thread and catch up every 64 faults */
	yes_no("VmRSS grew by at least 512 kB after touching 1 MiB", rss1 - rss0 >= 512);
	munmap(big, 256 * PAGE);

	snprintf(path, sizeof(path), "/proc/%d/status", getpid());
	slurp(path, again, sizeof(again), sizeof(again));
	snprintf(path, sizeof(path), "\nPid:\t%d\n", getpid());
	yes_no("/proc/PID/status is this process", strstr(again, path) != NULL);

	slurp("/proc/meminfo", text, sizeof(text), sizeof(text));
	yes_no("/proc/meminfo begins with MemTotal:", !strncmp(text, "MemTotal:", 9));

	show("open /proc/999999/maps", open("/proc/999999/maps", O_RDONLY));
	show("open /proc/self/nonesuch", open("/proc/self/nonesuch", O_RDONLY));
	fd = open("/proc/self/maps", O_RDONLY);
	show("open /proc/self/maps", fd < 0 ? -1 : 0);
	show("fstat64 it", fstat64(fd, &st));
	yes_no("a regular file of size 0", S_ISREG(st.st_mode) && st.st_size == 0);
	show("lseek SEEK_END", lseek(fd, 0, SEEK_END));
	show("lseek SEEK_SET 10", lseek(fd, 10, SEEK_SET));
	show_map("mmap it", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), NULL);
	close(fd);
	printf("proc_self: done\n");
	return 0;
}

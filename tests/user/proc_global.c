/*
 * proc_global: the files of /proc about the whole system that free,
 * uptime, top, ps and mount read. The keys of stat (cpuN as one),
 * vmstat and meminfo in Linux's order; uptime and loadavg checked
 * against their patterns; version, cmdline and the sysctl files under
 * sys/kernel and sys/vm; the root's listing has them all; sysfs mounts
 * on /sys (Pagoda's is an empty tree, Linux's is not: only the mount
 * is compared). Values that vary are only checked, never
 * printed.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

static char text[65536];

/*
 * The first word (up to ' ' or @sep) of each line of @path, a run of
 * cpuN lines as one (the tests run on 1 and 4 CPUs).
 */
static void show_keys(const char *path, char sep)
{
	char *line, *next;
	int n = 0, cpus = 0;

	if (slurp(path, text, sizeof(text), sizeof(text)) <= 0) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	for (line = text; *line; line = next, n++) {
		size_t len = 0;

		while (line[len] && line[len] != '\n' && line[len] != sep)
			len++;

		next = strchr(line, '\n');
		if (!next)
			break;
		*next++ = 0;
		line[len] = 0;
		if (!strncmp(line, "cpu", 3) && line[3] >= '0' && line[3] <= '9') {
			if (cpus++)
				continue;
			line = "cpuN";
		}
		printf("%s: %s\n", path, line);
	}
	printf("%s: %d lines\n", path, n - (cpus > 1 ? cpus - 1 : 0));
}

/* Whether @s is digits, '.', exactly two digits: what %lu.%02lu prints. */
static const char *decimal2(const char *s)
{
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s++ != '.' || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return NULL;
	return s + 2;
}

static const char *number(const char *s)
{
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9')
		s++;
	return s;
}

static void check_uptime_loadavg(void)
{
	const char *p;
	int ok;

	slurp("/proc/uptime", text, sizeof(text), sizeof(text));
	p = decimal2(text);
	ok = p && *p == ' ' && (p = decimal2(p + 1)) && !strcmp(p, "\n");
	printf("/proc/uptime: %s\n", ok ? "ok" : text);
	slurp("/proc/loadavg", text, sizeof(text), sizeof(text));
	p = decimal2(text);
	ok = p && *p == ' ' && (p = decimal2(p + 1)) && *p == ' ' &&
	     (p = decimal2(p + 1)) && *p == ' ' && (p = number(p + 1)) && *p == '/' &&
	     (p = number(p + 1)) && *p == ' ' && (p = number(p + 1)) && !strcmp(p, "\n");
	printf("/proc/loadavg: %s\n", ok ? "ok" : text);
	{
		/* running tasks: this one at least, no more than there are */
		unsigned long running = strtoul(strchr(strchr(strchr(text, ' ') + 1, ' ') + 1,
							   ' ') + 1, NULL, 10);
		unsigned long all = strtoul(strchr(text, '/') + 1, NULL, 10);

		yes_no("loadavg: 1 <= running <= tasks", running >= 1 && running <= all);
	}
}

static void show_file(const char *path)
{
	long n = slurp(path, text, sizeof(text), sizeof(text));

	if (n < 0)
		printf("%s: %s\n", path, errno_name(errno));
	else
		printf("%s: %s", path, text);
}

static void check_root_listing(void)
{
	static const char *const names[] = {
		"self", "thread-self", "stat", "uptime", "loadavg", "version", "cmdline",
		"vmstat", "meminfo", "mounts", "filesystems", "cpuinfo", "devices", "sys",
		NULL,
	};
	char buf[8192];
	int fd = open("/proc", O_RDONLY | O_DIRECTORY), i, me = 0;
	long n, off;
	char mine[16];

	snprintf(mine, sizeof(mine), "%d", getpid());
	text[0] = 0;
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0)
		for (off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			strcat(text, " ");
			strcat(text, d->d_name);
			strcat(text, " ");
			me |= !strcmp(d->d_name, mine);
			off += d->d_reclen;
		}
	close(fd);
	for (i = 0; names[i]; i++) {
		char want[32];

		snprintf(want, sizeof(want), " %s ", names[i]);
		printf("/proc lists %s: %s\n", names[i], strstr(text, want) ? "yes" : "no");
	}
	yes_no("/proc lists this process", me);
}

/* statfs64 with the size @size for struct statfs64: df's call. */
static void show_statfs(const char *path, long size)
{
	unsigned int buf[22];
	long r = syscall(SYS_statfs64, path, size, buf);

	if (r)
		printf("statfs64 %s, %ld bytes: %s\n", path, size, errno_name(errno));
	else
		printf("statfs64 %s, %ld bytes: f_type %x\n", path, size, buf[0]);
}

int main(void)
{
	struct stat64 st;
	long n;

	printf("proc_global: start\n");
	show_keys("/proc/stat", ' ');
	slurp("/proc/stat", text, sizeof(text), sizeof(text));
	n = 0;
	for (char *p = text; *p && *p != '\n'; p++)
		n += *p == ' ';
	printf("/proc/stat: the cpu line has %ld numbers\n", n - 1);
	show_keys("/proc/vmstat", ' ');
	show_keys("/proc/meminfo", ':');
	check_uptime_loadavg();
	n = slurp("/proc/version", text, sizeof(text), sizeof(text));
	yes_no("/proc/version: \"Linux version \" and one line",
	       !strncmp(text, "Linux version ", 14) && strchr(text, '\n') == text + n - 1);
	n = slurp("/proc/cmdline", text, sizeof(text), sizeof(text));
	yes_no("/proc/cmdline: one line", n > 0 && strchr(text, '\n') == text + n - 1);
	show_file("/proc/sys/kernel/ostype");
	n = slurp("/proc/sys/kernel/osrelease", text, sizeof(text), sizeof(text));
	yes_no("osrelease: 6.1.", !strncmp(text, "6.1.", 4));
	show_file("/proc/sys/kernel/pid_max");
	show_file("/proc/sys/vm/overcommit_memory");
	show_file("/proc/sys/vm/max_map_count");
	slurp("/proc/sys/vm/min_free_kbytes", text, sizeof(text), sizeof(text));
	yes_no("min_free_kbytes > 0", atoi(text) > 0);
	show("open /proc/sys/kernel/ostype for writing",
	     open("/proc/sys/kernel/ostype", O_WRONLY) < 0 ? -1 : 0);
	check_root_listing();
	show_statfs("/proc", 84);
	show_statfs("/proc", 88);	/* what C libraries pass: taken as 84 */
	show_statfs("/proc", 80);
	/* sysfs: mountable at /sys, an empty directory */
	mkdir("/sys", 0755);
	show("mount sysfs on /sys", mount("sysfs", "/sys", "sysfs", 0, NULL));
	yes_no("/sys is a directory", !stat64("/sys", &st) && S_ISDIR(st.st_mode));
	show_statfs("/sys", 88);
	slurp("/proc/mounts", text, sizeof(text), sizeof(text));
	yes_no("/proc/mounts has sysfs /sys sysfs", strstr(text, "sysfs /sys sysfs rw") != NULL);
	show("umount /sys", umount2("/sys", 0));
	return 0;
}

/*
 * The sysfs files programs read: the CPU masks of
 * /sys/devices/system/cpu (glibc's get_nprocs reads online), each a
 * list as "0" or "0-N" agreeing with /proc/stat's cpuN lines, and
 * kernel_max; the console's class/tty entries with their dev numbers.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char text[65536];

/* CPUs /proc/stat lists (its cpuN lines). */
static int stat_cpus(void)
{
	char *p = text;
	int n = 0;

	if (slurp("/proc/stat", text, sizeof(text), sizeof(text)) <= 0)
		return -1;
	while ((p = strstr(p, "\ncpu")))
		n++, p++;
	return n;
}

/* The highest CPU of a list "0" or "0-N" (and the newline), or -1. */
static int list_max(const char *s)
{
	char *end;
	long n;

	if (*s != '0')
		return -1;
	if (s[1] == '\n' && !s[2])
		return 0;
	if (s[1] != '-')
		return -1;
	n = strtol(s + 2, &end, 10);
	return *end == '\n' && !end[1] ? (int)n : -1;
}

static void cpu_list(const char *name, int cpus)
{
	char path[96];
	long n;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/%s", name);
	n = slurp(path, text, sizeof(text), 3);
	if (n < 0) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	yes_no(path, list_max(text) == cpus - 1);
}

static void show_file(const char *path)
{
	long n = slurp(path, text, sizeof(text), sizeof(text));

	if (n < 0)
		printf("%s: %s\n", path, errno_name(errno));
	else
		printf("%s: %ld \"%.*s\"\n", path, n, n > 0 ? (int)n - 1 : 0, text);
}

int main(void)
{
	int cpus = stat_cpus();
	struct stat64 st;
	char *end;
	long max;
	int fd;

	mkdir("/sys", 0755);
	show("mount sysfs on /sys", mount("sysfs", "/sys", "sysfs", 0, NULL));

	cpu_list("online", cpus);
	cpu_list("possible", cpus);
	cpu_list("present", cpus);
	show("slurp kernel_max", slurp("/sys/devices/system/cpu/kernel_max", text,
					sizeof(text), sizeof(text)) > 0 ? 0 : -1);
	max = strtol(text, &end, 10);
	yes_no("kernel_max is a number and a newline", end != text && *end == '\n' && !end[1]);
	yes_no("kernel_max is at least the highest CPU", max >= cpus - 1);
	show("stat online", stat64("/sys/devices/system/cpu/online", &st));
	printf("  mode %o, %s\n", (unsigned)(st.st_mode & 07777),
	       S_ISREG(st.st_mode) ? "regular" : "not regular");
	fd = open("/sys/devices/system/cpu/online", O_WRONLY);
	show("open online for writing", fd);
	if (fd >= 0)
		close(fd);
	show("stat cpu directory", stat64("/sys/devices/system/cpu", &st));
	yes_no("  a directory", S_ISDIR(st.st_mode));
	show_file("/sys/class/tty/ttyAMA0/dev");
	show_file("/sys/class/tty/console/dev");
	show_file("/sys/class/tty/tty/dev");
	show_file("/sys/class/tty/console/active");
	show("umount /sys", umount2("/sys", 0));
	return 0;
}

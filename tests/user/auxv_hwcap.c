/*
 * auxv_hwcap: what the kernel tells a program about the CPU, as Debian's
 * armhf C library reads it: AT_HWCAP, AT_HWCAP2 and AT_PLATFORM from the
 * auxiliary vector, and /proc/cpuinfo (the same CPU under QEMU, so the
 * same text on both kernels).
 */
#include <fcntl.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
	static char buf[4096];
	const char *platform = (const char *)getauxval(AT_PLATFORM);
	ssize_t n, len = 0;
	int fd;

	printf("AT_HWCAP: 0x%lx\n", getauxval(AT_HWCAP));
	printf("AT_HWCAP2: 0x%lx\n", getauxval(AT_HWCAP2));
	printf("AT_PLATFORM: %s\n", platform ? platform : "(none)");

	fd = open("/proc/cpuinfo", O_RDONLY);
	if (fd < 0 && errno == ENOENT) {
		/* run as init (the cpuinfo-a7 boot): nothing has mounted /proc yet */
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
		fd = open("/proc/cpuinfo", O_RDONLY);
	}
	if (fd < 0) {
		printf("open /proc/cpuinfo: %s\n", errno_name(errno));
		return 1;
	}
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	printf("%s", buf);
	return 0;
}

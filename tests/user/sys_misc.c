/*
 * sys_misc: the small calls busybox's free, uptime, hostname, top,
 * nproc, poweroff and reboot make. sethostname and uname's nodename and
 * /proc/sys/kernel/hostname are one name (set through each, read through
 * the others; the original is put back); prctl's task name; reboot
 * refuses bad magic numbers and unknown commands with EINVAL; times;
 * sysinfo agrees with /proc/meminfo and /proc/uptime; sched_getaffinity's
 * size checks. Values that vary are only compared.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <linux/sysinfo.h>
#include <linux/times.h>

#include "check.h"

#define PR_SET_NAME	15
#define PR_GET_NAME	16

#define MAGIC1		0xfee1dead
#define MAGIC2		672274793
#define CMD_CAD_OFF	0x00000000
#define CMD_CAD_ON	0x89abcdef
#define CMD_POWER_OFF	0x4321fedc

static char text[8192];

static void nodename(const char *what)
{
	struct utsname u;

	uname(&u);
	printf("%s: uname %s, ", what, u.nodename);
	slurp("/proc/sys/kernel/hostname", text, sizeof(text), sizeof(text));
	printf("proc %s", text);
}

static void hostname(void)
{
	struct utsname u;
	char saved[65];
	char *bad = mmap(NULL, PAGE, PROT_NONE, ANON, -1, 0);
	int fd;

	uname(&u);
	strcpy(saved, u.nodename);
	show("sethostname testhost", syscall(SYS_sethostname, "testhost", 8));
	nodename("after sethostname");
	show("sethostname of 64 bytes",
	     syscall(SYS_sethostname, "0123456789012345678901234567890123456789"
		     "012345678901234567890123", 64));
	nodename("after 64 bytes");
	show("sethostname of 65 bytes", syscall(SYS_sethostname, text, 65));
	show("sethostname of -1 bytes", syscall(SYS_sethostname, "x", -1));
	show("sethostname from unreadable memory", syscall(SYS_sethostname, bad, 4));
	show("sethostname of 0 bytes", syscall(SYS_sethostname, "", 0));
	nodename("after 0 bytes");
	fd = open("/proc/sys/kernel/hostname", O_WRONLY);
	show("write /proc/sys/kernel/hostname", write(fd, "fromproc\n", 9));
	close(fd);
	nodename("after the write");
	{
		static char big[5000];

		memset(big, 'h', sizeof(big));
		fd = open("/proc/sys/kernel/hostname", O_WRONLY);
		show("write 5000 bytes to /proc/sys/kernel/hostname", write(fd, big, sizeof(big)));
		close(fd);
		uname(&u);
		printf("the name is now %d bytes\n", (int)strlen(u.nodename));
		fd = open("/proc/self/comm", O_WRONLY);
		show("write 5000 bytes to /proc/self/comm", write(fd, big, sizeof(big)));
		show("write from unreadable memory to comm", write(fd, bad, 4));
		close(fd);
		slurp("/proc/self/comm", text, sizeof(text), sizeof(text));
		printf("comm: %s", text);
	}
	show("put the name back", syscall(SYS_sethostname, saved, strlen(saved)));
	munmap(bad, PAGE);
}

static void task_name(void)
{
	char name[32];
	char *bad = mmap(NULL, PAGE, PROT_NONE, ANON, -1, 0);

	memset(name, 'x', sizeof(name));
	show("PR_GET_NAME", syscall(SYS_prctl, PR_GET_NAME, name));
	printf("name: %s\n", name);
	show("PR_SET_NAME a long name",
	     syscall(SYS_prctl, PR_SET_NAME, "a-name-longer-than-fifteen"));
	memset(name, 'x', sizeof(name));
	syscall(SYS_prctl, PR_GET_NAME, name);
	printf("name: %s (%d bytes)\n", name, (int)strlen(name));
	yes_no("bytes 16.. untouched", name[16] == 'x');
	slurp("/proc/self/comm", text, sizeof(text), sizeof(text));
	printf("/proc/self/comm: %s", text);
	show("PR_SET_NAME from unreadable memory", syscall(SYS_prctl, PR_SET_NAME, bad));
	show("PR_GET_NAME to unwritable memory", syscall(SYS_prctl, PR_GET_NAME, bad));
	show("prctl option 12345", syscall(SYS_prctl, 12345, 0));
	munmap(bad, PAGE);
}

static void reboot_magic(void)
{
	show("reboot: bad magic1", syscall(SYS_reboot, 0x12345678, MAGIC2, CMD_POWER_OFF, 0));
	show("reboot: bad magic2", syscall(SYS_reboot, MAGIC1, 1, CMD_POWER_OFF, 0));
	show("reboot: unknown command", syscall(SYS_reboot, MAGIC1, MAGIC2, 0x1234, 0));
	show("reboot: CAD_OFF", syscall(SYS_reboot, MAGIC1, MAGIC2, CMD_CAD_OFF, 0));
	show("reboot: CAD_ON (magic2 of 2nd kind)",
	     syscall(SYS_reboot, MAGIC1, 85072278, CMD_CAD_ON, 0));
}

static void info(void)
{
	struct sysinfo si;
	struct tms t = { -1, -1, -1, -1 };
	unsigned long mask[4] = { 0, 0, 0, 0 };
	unsigned long long unit;

	show("sysinfo", syscall(SYS_sysinfo, &si));
	unit = si.mem_unit;
	yes_no("sysinfo totalram is MemTotal",
	       si.totalram * unit / 1024 == (unsigned long long)meminfo_kb("MemTotal"));
	yes_no("sysinfo: 0 < freeram < totalram", si.freeram > 0 && si.freeram < si.totalram);
	yes_no("sysinfo: totalhigh is HighTotal",
	       si.totalhigh * unit / 1024 == (unsigned long long)meminfo_kb("HighTotal"));
	printf("sysinfo: mem_unit %u, swap %lu/%lu\n", si.mem_unit, si.totalswap, si.freeswap);
	yes_no("sysinfo: procs > 1", si.procs > 1);
	slurp("/proc/uptime", text, sizeof(text), sizeof(text));
	yes_no("sysinfo: uptime within a second of /proc/uptime's",
	       si.uptime - (long)strtoul(text, NULL, 10) <= 1 &&
	       si.uptime - (long)strtoul(text, NULL, 10) >= 0);
	show("sysinfo to a bad pointer", syscall(SYS_sysinfo, 16));

	errno = 0;
	syscall(SYS_times, &t);
	printf("times: errno %s, children %ld %ld\n", errno ? errno_name(errno) : "0",
	       t.tms_cutime, t.tms_cstime);
	yes_no("times: own times >= 0", t.tms_utime >= 0 && t.tms_stime >= 0);
	errno = 0;
	syscall(SYS_times, NULL);
	printf("times(NULL): errno %s\n", errno ? errno_name(errno) : "0");

	show("sched_getaffinity 4 bytes", syscall(SYS_sched_getaffinity, 0, 4, mask));
	yes_no("the mask has CPU 0", mask[0] & 1);
	show("sched_getaffinity 16 bytes", syscall(SYS_sched_getaffinity, 0, 16, mask));
	show("sched_getaffinity 2 bytes", syscall(SYS_sched_getaffinity, 0, 2, mask));
	show("sched_getaffinity 6 bytes", syscall(SYS_sched_getaffinity, 0, 6, mask));
	show("sched_getaffinity of pid 99999", syscall(SYS_sched_getaffinity, 99999, 4, mask));
	show("sched_getaffinity of the parent",
	     syscall(SYS_sched_getaffinity, getppid(), 4, mask));
	show("sched_getaffinity to a bad pointer", syscall(SYS_sched_getaffinity, 0, 4, 16));
}

int main(void)
{
	printf("sys_misc: start\n");
	hostname();
	task_name();
	reboot_magic();
	info();
	return 0;
}

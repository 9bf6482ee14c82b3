/*
 * proc_stat_cpu: where the proc files say a task runs. Pinned to each
 * CPU of its affinity in turn, a task finds that CPU in field 39
 * (processor) of /proc/self/stat and of its thread's
 * /proc/self/task/TID/stat, as sched_getcpu() names it; /proc/stat has
 * the "cpu " total and a "cpuN" line of ten counters for each of those
 * CPUs. What it prints holds on any number of CPUs.
 *
 * With "hold N" it pins itself to CPU N and sleeps until killed, for
 * the shell's ps to show it there.
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static char buf[16384];

/* Field @n (1-based) of a /proc/.../stat file, counted after the comm's ')'. */
static long stat_field(const char *path, int n)
{
	char *p;
	int field = 2;

	if (slurp(path, buf, sizeof(buf), sizeof(buf)) <= 0)
		return -1;
	p = strrchr(buf, ')');
	if (!p)
		return -1;
	while (field < n) {
		p = strchr(p + 1, ' ');
		if (!p)
			return -1;
		field++;
	}
	return strtol(p + 1, NULL, 10);
}

static int pin(int cpu)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	return sched_setaffinity(0, sizeof(one), &one);
}

/* Whether /proc/stat has "cpuN" followed by exactly ten counters. */
static int has_cpu_line(const char *stat, int cpu)
{
	char name[16];
	const char *line = stat;

	snprintf(name, sizeof(name), "cpu%d ", cpu);
	while (line && *line) {
		if (!strncmp(line, name, strlen(name))) {
			const char *p = line + strlen(name);
			int fields = 0;

			while (*p && *p != '\n') {
				if (*p >= '0' && *p <= '9' && (p[-1] == ' '))
					fields++;
				p++;
			}
			return fields == 10;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return 0;
}

static void hold(int cpu)
{
	if (pin(cpu)) {
		printf("proc_stat_cpu: cannot pin to cpu %d: %s\n", cpu, errno_name(errno));
		exit(1);
	}
	printf("proc_stat_cpu: holding on cpu %d\n", sched_getcpu());
	for (;;)
		sleep(100);
}

int main(int argc, char **argv)
{
	static char stat[16384];
	char task_path[64];
	int cpu, pinned = 1, field = 1, task_field = 1, lines = 1;
	cpu_set_t all;

	if (argc > 2 && !strcmp(argv[1], "hold"))
		hold(atoi(argv[2]));
	show("sched_getaffinity", sched_getaffinity(0, sizeof(all), &all));
	snprintf(task_path, sizeof(task_path), "/proc/self/task/%d/stat", gettid());
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &all))
			continue;
		if (pin(cpu) || sched_getcpu() != cpu) {
			pinned = 0;
			continue;
		}
		if (stat_field("/proc/self/stat", 39) != cpu)
			field = 0;
		if (stat_field(task_path, 39) != cpu)
			task_field = 0;
	}
	yes_no("pinned to each cpu of the mask in turn", pinned);
	yes_no("/proc/self/stat field 39 names that cpu", field);
	yes_no("/proc/self/task/TID/stat field 39 names that cpu", task_field);
	if (slurp("/proc/stat", stat, sizeof(stat), 1000) <= 0) {
		printf("/proc/stat: %s\n", errno_name(errno));
		return 1;
	}
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &all) && !has_cpu_line(stat, cpu))
			lines = 0;
	yes_no("/proc/stat starts with the \"cpu \" total",
	       !strncmp(stat, "cpu  ", 5));
	yes_no("/proc/stat has a cpuN line of ten counters for each cpu", lines);
	return 0;
}

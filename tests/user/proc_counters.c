/*
 * The counters of /proc and getrusage move as Linux's: page faults
 * (minflt, cminflt, majflt in /proc/PID/stat, ru_minflt of RUSAGE_SELF,
 * RUSAGE_THREAD, RUSAGE_CHILDREN and wait4), context switches (ctxt
 * and processes of /proc/stat, voluntary switches in status and
 * ru_nvcsw), and the sizes stat, statm and status agree on; a thread's
 * faults still count for its process once it is gone; pages of tmpfs
 * and of shared anonymous memory count as RssShmem. Only facts are
 * printed ("grew by at least 64"), never the numbers.
 */
#include <sched.h>
#include <stdlib.h>
#include <sys/futex.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define RUSAGE_THREAD	1
#define TOUCH		64

static char text[16384];

/* Field @n (1 is the pid) of /proc/self/stat. */
static unsigned long long stat_field(int n)
{
	char *p;
	int i;

	if (slurp("/proc/self/stat", text, sizeof(text), sizeof(text)) <= 0)
		return 0;
	p = strrchr(text, ')');
	if (!p)
		return 0;
	/* p + 2 is field 3, the state */
	p += 2;
	for (i = 3; i < n; i++) {
		p = strchr(p, ' ');
		if (!p)
			return 0;
		p++;
	}
	return strtoull(p, NULL, 10);
}

/* The number after @key in @path; -1 if there is none. */
static long long key_value(const char *path, const char *key)
{
	char *p;

	if (slurp(path, text, sizeof(text), sizeof(text)) <= 0)
		return -1;
	p = strstr(text, key);
	if (!p)
		return -1;
	p += strlen(key);
	while (*p == ' ' || *p == '\t' || *p == ':')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	return (long long)strtoull(p, NULL, 10);
}

/* Touches @pages new anonymous pages (and unmaps them again). */
static void touch_pages(int pages)
{
	char *p = mmap(NULL, pages * PAGE, RW, ANON, -1, 0);

	for (int i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	munmap(p, pages * PAGE);
}

static void toucher(void)
{
	touch_pages(TOUCH);
}

static int thread_touches(void *arg)
{
	(void)arg;
	touch_pages(TOUCH);
	return 0;
}

/* A thread that touches 64 pages and exits; 1 once it is gone. */
static int run_thread(void)
{
	static int ctid;	/* the tid (set before clone returns), 0 once the thread is gone */
	struct timespec second = { 1, 0 };
	char *stack = mmap(NULL, 16 * PAGE, RW, ANON, -1, 0);
	int tid, st, i;

	tid = clone(thread_touches, stack + 16 * PAGE,
		    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		    CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, NULL, &ctid, NULL, &ctid);
	if (tid < 0)
		return 0;
	for (i = 0; i < 5 && __atomic_load_n(&ctid, __ATOMIC_SEQ_CST); i++)
		futex(&ctid, FUTEX_WAIT, tid, &second, NULL, 0);
	/* a wait (there is nothing to wait for) lets the exited thread go */
	waitpid(-1, &st, WNOHANG);
	munmap(stack, 16 * PAGE);
	return !__atomic_load_n(&ctid, __ATOMIC_SEQ_CST);
}

static long minflt(int who)
{
	struct rusage ru;

	if (getrusage(who, &ru))
		return -1;
	return ru.ru_minflt;
}

int main(void)
{
	unsigned long long before, after, vsize, rss, start;
	long long ctxt, procs, btime, uptime, nv;
	struct rusage ru;
	struct timespec ts;
	pid_t pid;
	int st;

	/* every page the reads use is there before anything is counted */
	stat_field(10);
	key_value("/proc/self/status", "VmRSS");

	/* faults: this process's own */
	before = stat_field(10);
	touch_pages(TOUCH);
	after = stat_field(10);
	yes_no("stat minflt grew by at least 64", after - before >= TOUCH);
	yes_no("stat minflt grew by less than 100", after - before < 100);
	yes_no("stat majflt is 0", stat_field(12) == 0);
	{
		long b = minflt(RUSAGE_SELF), t = minflt(RUSAGE_THREAD);

		touch_pages(TOUCH);
		yes_no("RUSAGE_SELF ru_minflt grew by at least 64",
		       minflt(RUSAGE_SELF) - b >= TOUCH);
		yes_no("RUSAGE_THREAD ru_minflt grew by at least 64",
		       minflt(RUSAGE_THREAD) - t >= TOUCH);
		getrusage(RUSAGE_SELF, &ru);
		yes_no("RUSAGE_SELF ru_majflt is 0", ru.ru_majflt == 0);
	}

	/* faults: a thread's, after it has gone */
	{
		long b = minflt(RUSAGE_SELF);

		before = stat_field(10);
		yes_no("thread ran and exited", run_thread());
		yes_no("RUSAGE_SELF counts a gone thread's faults",
		       minflt(RUSAGE_SELF) - b >= TOUCH);
		yes_no("stat minflt counts a gone thread's faults",
		       stat_field(10) - before >= TOUCH);
	}

	/* faults: the children's, once reaped */
	before = stat_field(11);
	{
		long b = minflt(RUSAGE_CHILDREN);

		pid = fork();
		if (pid == 0) {
			touch_pages(TOUCH);
			_exit(0);
		}
		memset(&ru, 0, sizeof(ru));
		show("wait4 with rusage", wait4(pid, &st, 0, &ru) == pid ? 0 : -1);
		yes_no("wait4's ru_minflt is at least 64", ru.ru_minflt >= TOUCH);
		yes_no("RUSAGE_CHILDREN ru_minflt grew by at least 64",
		       minflt(RUSAGE_CHILDREN) - b >= TOUCH);
	}
	after = stat_field(11);
	yes_no("stat cminflt grew by at least 64", after - before >= TOUCH);
	yes_no("stat cmajflt is 0", stat_field(13) == 0);
	{
		long b = minflt(RUSAGE_CHILDREN);

		/* a grandchild's faults reach its grandparent through its parent */
		pid = fork();
		if (pid == 0) {
			run_child("grandchild", toucher);
			_exit(0);
		}
		reap("child", pid);
		yes_no("RUSAGE_CHILDREN counts a grandchild's faults",
		       minflt(RUSAGE_CHILDREN) - b >= TOUCH);
	}
	show("getrusage(2)", getrusage(2, &ru));
	show("getrusage(-2)", getrusage(-2, &ru));

	/* switches */
	nv = key_value("/proc/self/status", "voluntary_ctxt_switches");
	getrusage(RUSAGE_SELF, &ru);
	before = ru.ru_nvcsw;
	ts.tv_sec = 0;
	ts.tv_nsec = 20 * 1000 * 1000;
	nanosleep(&ts, NULL);
	getrusage(RUSAGE_SELF, &ru);
	yes_no("ru_nvcsw grew after a sleep", ru.ru_nvcsw > (long)before);
	yes_no("status voluntary_ctxt_switches grew",
	       key_value("/proc/self/status", "voluntary_ctxt_switches") > nv);
	yes_no("status nonvoluntary_ctxt_switches is a number",
	       key_value("/proc/self/status", "nonvoluntary_ctxt_switches") >= 0);

	ctxt = key_value("/proc/stat", "\nctxt");
	procs = key_value("/proc/stat", "\nprocesses");
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &st, 0);
	yes_no("/proc/stat ctxt grew", key_value("/proc/stat", "\nctxt") > ctxt);
	yes_no("/proc/stat processes grew by 1 or more",
	       key_value("/proc/stat", "\nprocesses") >= procs + 1);
	yes_no("/proc/stat procs_running is at least 1",
	       key_value("/proc/stat", "\nprocs_running") >= 1);
	yes_no("/proc/stat procs_blocked is a number",
	       key_value("/proc/stat", "\nprocs_blocked") >= 0);

	/* boot time: btime + uptime is the time of day */
	btime = key_value("/proc/stat", "\nbtime");
	uptime = key_value("/proc/uptime", "");
	clock_gettime(CLOCK_REALTIME, &ts);
	yes_no("btime + uptime is now (within 2 s)",
	       btime >= 0 && btime + uptime - ts.tv_sec <= 2 &&
	       ts.tv_sec - btime - uptime <= 2);

	/*
	 * which Rss line a mapping's pages count in: 256 pages each, as
	 * Linux folds a task's counts into its mm's every 64 faults
	 */
	{
		static const struct { const char *what; int flags, file; } maps[] = {
			{ "a shared tmpfs mapping, written", MAP_SHARED, 1 },
			{ "shared anonymous memory, written", MAP_SHARED | MAP_ANONYMOUS, 0 },
			{ "private anonymous memory, written", MAP_PRIVATE | MAP_ANONYMOUS, 0 },
		};
		static const char *const keys[] = { "RssAnon", "RssFile", "RssShmem" };
		int fd = open("/proc_counters.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
		char *data = malloc(256 * PAGE);

		memset(data, 1, 256 * PAGE);
		write(fd, data, 256 * PAGE);
		free(data);
		for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
			long long before[3];
			volatile char *p;
			char line[96];
			int k;

			for (k = 0; k < 3; k++)
				before[k] = key_value("/proc/self/status", keys[k]);
			p = mmap(NULL, 256 * PAGE, RW, maps[i].flags,
				 maps[i].file ? fd : -1, 0);
			for (k = 0; k < 256; k++)
				p[k * PAGE] = 2;
			for (k = 0; k < 3; k++) {
				snprintf(line, sizeof(line), "%s: %s grew by 512 kB", maps[i].what,
					 keys[k]);
				yes_no(line, key_value("/proc/self/status", keys[k]) - before[k] >= 512);
			}
			munmap((void *)p, 256 * PAGE);
		}
		close(fd);
		unlink("/proc_counters.tmp");
	}

	/* sizes and the rest of stat */
	yes_no("stat num_threads is 1", stat_field(20) == 1);
	start = stat_field(22);
	yes_no("stat starttime is after boot and before now",
	       start > 0 && start <= (unsigned long long)(uptime + 1) * 100);
	vsize = stat_field(23);
	yes_no("stat vsize is status's VmSize",
	       vsize == (unsigned long long)key_value("/proc/self/status", "VmSize") * 1024);
	rss = stat_field(24);
	yes_no("stat rss is status's VmRSS",
	       rss * 4 == (unsigned long long)key_value("/proc/self/status", "VmRSS"));
	rss = stat_field(24);
	yes_no("stat rss is statm's resident",
	       rss == (unsigned long long)key_value("/proc/self/statm", " "));
	yes_no("status Threads is 1", key_value("/proc/self/status", "Threads") == 1);
	return 0;
}

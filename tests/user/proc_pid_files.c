/*
 * proc_pid_files: the files of /proc/PID that ps, top, pidof and pgrep
 * read, on a process that knows what they must say. stat's fields (52,
 * the deterministic ones checked against what the process knows),
 * statm's 7, status's keys in Linux's order and its values that do not
 * depend on timing or on the machine; cmdline and environ of a child
 * exec'd with known vectors, read by itself and by its parent; comm
 * read and written; the links exe, cwd, root, fd/N and thread-self;
 * the fd/ and task/ listings, with a second thread too (its own
 * directory, its own comm, thread-self, /proc/TID reachable though not
 * listed); smaps_rollup's keys. Addresses and
 * counts that vary are only compared, never printed.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static char text[16384];

/* @s with NULs shown as '|', up to @len bytes. */
static void show_nuls(const char *what, const char *s, long len)
{
	printf("%s: ", what);
	if (len < 0) {
		printf("%s\n", errno_name(errno));
		return;
	}
	for (long i = 0; i < len; i++)
		printf("%c", s[i] ? s[i] : '|');
	printf(" (%ld bytes)\n", len);
}

static void show_link(const char *what, const char *path)
{
	char target[256];
	long n = readlink(path, target, sizeof(target) - 1);

	if (n < 0) {
		printf("%s: %s\n", what, errno_name(errno));
		return;
	}
	target[n] = 0;
	printf("%s: %s\n", what, target);
}

/* The names in directory @path, in the order getdents64 gives them. */
static void show_dir(const char *what, const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	long n;

	printf("%s:", what);
	if (fd < 0) {
		printf(" %s\n", errno_name(errno));
		return;
	}
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			printf(" %s", d->d_name);
			off += d->d_reclen;
		}
	printf("\n");
	close(fd);
}

/* The space-separated fields of a stat line, the comm in parentheses as one. */
static int stat_fields(char *line, char **field, int max)
{
	char *close_paren = strrchr(line, ')');
	int n = 0;
	char *p;

	if (!close_paren)
		return 0;
	field[n++] = line;		/* the pid, ended at the space */
	p = strchr(line, ' ');
	if (!p)
		return 0;
	*p = 0;
	field[n++] = p + 1;		/* "(comm)" */
	close_paren[1] = 0;
	p = close_paren + 2;
	while (*p && *p != '\n' && n < max) {
		field[n++] = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		if (*p)
			*p++ = 0;
	}
	return n;
}

static void check_stat(void)
{
	char *f[64];
	int n;

	slurp("/proc/self/stat", text, sizeof(text), sizeof(text));
	n = stat_fields(text, f, 64);
	printf("stat: %d fields\n", n);
	if (n < 52)
		return;
	yes_no("stat: pid is getpid()", atoi(f[0]) == getpid());
	printf("stat: comm %s, state %s\n", f[1], f[2]);
	yes_no("stat: ppid is getppid()", atoi(f[3]) == getppid());
	printf("stat: tpgid %s, priority %s, nice %s, threads %s, itrealvalue %s\n",
	       f[7], f[17], f[18], f[19], f[20]);
	yes_no("stat: vsize is a whole number of pages", strtoul(f[22], NULL, 10) % 4096 == 0);
	yes_no("stat: rss > 0", strtoul(f[23], NULL, 10) > 0);
	yes_no("stat: start_code < end_code", strtoul(f[25], NULL, 10) <
	       strtoul(f[26], NULL, 10));
	printf("stat: exit_signal %s, last field %s\n", f[37], f[51]);
	yes_no("stat: arg_start < arg_end <= env_start < env_end",
	       strtoul(f[47], NULL, 10) < strtoul(f[48], NULL, 10) &&
	       strtoul(f[48], NULL, 10) <= strtoul(f[49], NULL, 10) &&
	       strtoul(f[49], NULL, 10) < strtoul(f[50], NULL, 10));

	slurp("/proc/self/statm", text, sizeof(text), sizeof(text));
	n = 0;
	for (char *p = text; *p; p++)
		n += *p == ' ';
	printf("statm: %d fields\n", n + 1);
}

/*
 * status keys in order; the values of those that are the same on every
 * run and machine (not Cpus_allowed: the tests run on 1 and 4 CPUs).
 */
static void check_status(void)
{
	static const char *const fixed[] = {
		"Name", "Umask", "State", "Ngid", "TracerPid", "Uid", "Gid", "Groups",
		"VmLck", "VmPin", "RssShmem", "VmSwap", "CoreDumping", "THP_enabled",
		"Threads", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt", "CapInh",
		"CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp",
		"Seccomp_filters", "Speculation_Store_Bypass",
		"SpeculationIndirectBranch", "Mems_allowed", "Mems_allowed_list", NULL,
	};
	char *line, *next;

	slurp("/proc/self/status", text, sizeof(text), sizeof(text));
	for (line = text; *line; line = next) {
		char *colon = strchr(line, ':');
		int i;

		next = strchr(line, '\n');
		if (!next || !colon)
			break;
		*next++ = 0;
		*colon = 0;
		for (i = 0; fixed[i] && strcmp(fixed[i], line); i++)
			;
		if (fixed[i])
			printf("status: %s:%s\n", line, colon + 1);
		else
			printf("status: %s\n", line);
	}
}

static void handler(int sig)
{
	(void)sig;
}

static const char *const child_argv[] = { "proc_pid_files", "child", "a b", "", NULL };
static const char *const child_envp[] = { "X=1", "EMPTY=", "LONG=abcdefghij", NULL };

/* The exec'd child: its own cmdline and environ, then wait to be read and killed. */
static int child(int argc, char **argv)
{
	long n;

	(void)argc;
	n = slurp("/proc/self/cmdline", text, sizeof(text), sizeof(text));
	show_nuls("child: cmdline", text, n);
	n = slurp("/proc/self/environ", text, sizeof(text), sizeof(text));
	show_nuls("child: environ", text, n);
	n = slurp("/proc/self/cmdline", text, sizeof(text), 3);
	show_nuls("child: cmdline read 3 bytes at a time", text, n);
	syscall(SYS_prctl, 15, "child-done");	/* the parent may print now */
	if (!strcmp(argv[1], "child"))
		for (;;)
			pause();
	return 0;
}

static void check_child(void)
{
	char path[64];
	long n = -1;
	pid_t pid;
	int i;

	pid = fork();
	if (pid == 0) {
		execve("/tests/proc_pid_files", (char **)child_argv, (char **)child_envp);
		_exit(127);
	}
	/* until the child has printed and named itself child-done */
	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	for (i = 0; i < 500; i++) {
		if (slurp(path, text, sizeof(text), sizeof(text)) > 0 &&
		    !strcmp(text, "child-done\n"))
			break;
		usleep(10000);
	}
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	n = slurp(path, text, sizeof(text), sizeof(text));
	show_nuls("parent: the child's cmdline", text, n);
	snprintf(path, sizeof(path), "/proc/%d/environ", pid);
	n = slurp(path, text, sizeof(text), sizeof(text));
	show_nuls("parent: the child's environ", text, n);
	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	n = slurp(path, text, sizeof(text), sizeof(text));
	show_nuls("parent: the child's comm", text, n);
	snprintf(path, sizeof(path), "/proc/%d/exe", pid);
	show_link("parent: the child's exe", path);
	kill(pid, SIGKILL);
	reap("child", pid);
	n = slurp(path, text, sizeof(text), sizeof(text));
	show_nuls("after reaping, its cmdline", text, n);
}

static void check_links(void)
{
	char path[64], self[64];
	struct stat64 st;
	int fd;

	show_link("exe", "/proc/self/exe");
	yes_no("stat follows exe to a regular file",
	       !stat64("/proc/self/exe", &st) && S_ISREG(st.st_mode));
	show_link("root", "/proc/self/root");
	show("chdir /tests", chdir("/tests"));
	show_link("cwd after chdir", "/proc/self/cwd");
	show("chdir /", chdir("/"));
	fd = open("/etc/motd", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	show_link("fd of /etc/motd", path);
	yes_no("lstat: it is a link",
	       !lstat64(path, &st) && S_ISLNK(st.st_mode));
	printf("its mode: %o\n", (unsigned int)(st.st_mode & 07777));
	yes_no("opening it opens /etc/motd",
	       slurp(path, text, sizeof(text), sizeof(text)) > 0 &&
	       !strncmp(text, "Welcome", 7));
	close(fd);
	show_link("after close", path);
	/* the slot this open takes is the one it names: not open yet */
	show("open /proc/self/fd/N, N the descriptor the open will get",
	     open(path, O_RDONLY));
	show_dir("fd listing", "/proc/self/fd");
	snprintf(self, sizeof(self), "%d/task/%d", getpid(), getpid());
	{
		char target[64];
		long n = readlink("/proc/thread-self", target, sizeof(target) - 1);

		yes_no("thread-self is PID/task/TID", n > 0 &&
		       (target[n] = 0, !strcmp(target, self)));
	}
	{
		char buf[4096], want[16];
		int dfd = open("/proc/self/task", O_RDONLY | O_DIRECTORY);
		long n = getdents64(dfd, buf, sizeof(buf));
		int found = 0, others = 0;

		snprintf(want, sizeof(want), "%d", getpid());
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			if (!strcmp(d->d_name, want))
				found++;
			else if (d->d_name[0] != '.')
				others++;
			off += d->d_reclen;
		}
		close(dfd);
		yes_no("task/ lists this thread only", found == 1 && !others);
	}
	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", getpid());
	show_nuls("task/TID/comm", text, slurp(path, text, sizeof(text), sizeof(text)));
	show_link("exe of a pid that is not there", "/proc/99999/exe");
	show_link("fd that is not open", "/proc/self/fd/99");
}

static void check_comm(void)
{
	char name[32] = "";
	int fd = open("/proc/self/comm", O_WRONLY);

	show("open comm for writing", fd < 0 ? -1 : 0);
	show("write comm", write(fd, "renamed-by-proc-comm\n", 21));
	close(fd);
	show_nuls("comm after write", text, slurp("/proc/self/comm", text, sizeof(text),
						   sizeof(text)));
	show("prctl PR_GET_NAME", syscall(SYS_prctl, 16, name));
	printf("its name: %s\n", name);
	show("prctl PR_SET_NAME", syscall(SYS_prctl, 15, "pid-files"));
	show_nuls("comm after PR_SET_NAME", text, slurp("/proc/self/comm", text, sizeof(text),
							 sizeof(text)));
}

static void check_smaps_rollup(void)
{
	char *line, *next;

	slurp("/proc/self/smaps_rollup", text, sizeof(text), sizeof(text));
	for (line = text; *line; line = next) {
		char *colon = strchr(line, ':');

		next = strchr(line, '\n');
		if (!next)
			break;
		*next++ = 0;
		if (strstr(line, "[rollup]")) {
			printf("smaps_rollup: a [rollup] line\n");
			continue;
		}
		if (colon)
			*colon = 0;
		printf("smaps_rollup: %s\n", line);
	}
}

static int thread_state, thread_tid;
static char thread_self[64];

/* Names itself, reads thread-self, says so (1), waits to be let go (2). */
static int second_thread(void *arg)
{
	long n;

	(void)arg;
	syscall(SYS_prctl, 15, "second");
	n = readlink("/proc/thread-self", thread_self, sizeof(thread_self) - 1);
	if (n > 0)
		thread_self[n] = 0;
	__atomic_store_n(&thread_state, 1, __ATOMIC_SEQ_CST);
	await_value(&thread_state, 2);
	return 0;
}

static void check_threads(void)
{
	char *stack = mmap(NULL, 16 * PAGE, RW, ANON, -1, 0), path[64], want[64];
	char *f[64];
	int ctid = 1, entries = 0, mine = 0, its = 0;
	char buf[4096];
	long n;
	int fd;

	if (clone(second_thread, stack + 16 * PAGE, CLONE_VM | CLONE_FS | CLONE_FILES |
		  CLONE_SIGHAND | CLONE_THREAD | CLONE_CHILD_CLEARTID, NULL, NULL, NULL,
		  &ctid) < 0 || !await_value(&thread_state, 1)) {
		printf("could not start a thread\n");
		return;
	}
	thread_tid = atoi(strrchr(thread_self, '/') + 1);
	snprintf(want, sizeof(want), "%d/task/%d", getpid(), thread_tid);
	yes_no("the thread's thread-self is PID/task/ITS_TID",
	       thread_tid != getpid() && !strcmp(thread_self, want));
	slurp("/proc/self/stat", text, sizeof(text), sizeof(text));
	printf("stat with two threads: num_threads %s\n",
	       stat_fields(text, f, 64) >= 52 ? f[19] : "?");
	slurp("/proc/self/status", text, sizeof(text), sizeof(text));
	yes_no("status says Threads:\t2", strstr(text, "\nThreads:\t2\n") != NULL);
	fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY);
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			entries++;
			mine += atoi(d->d_name) == getpid();
			its += atoi(d->d_name) == thread_tid;
			off += d->d_reclen;
		}
	close(fd);
	printf("task/: %d entries, this thread %d, the other %d\n", entries, mine, its);
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", thread_tid);
	slurp(path, text, sizeof(text), sizeof(text));
	yes_no("task/TID/stat: the thread's tid and name",
	       atoi(text) == thread_tid && strstr(text, " (second) ") != NULL);
	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", thread_tid);
	show_nuls("task/TID/comm", text, slurp(path, text, sizeof(text), sizeof(text)));
	show_nuls("comm of the process", text, slurp("/proc/self/comm", text, sizeof(text),
						      sizeof(text)));
	snprintf(path, sizeof(path), "/proc/%d/status", thread_tid);
	n = slurp(path, text, sizeof(text), sizeof(text));
	snprintf(want, sizeof(want), "\nPid:\t%d\n", thread_tid);
	yes_no("/proc/TID (not listed) opens, Pid: its tid", n > 0 && strstr(text, want));
	__atomic_store_n(&thread_state, 2, __ATOMIC_SEQ_CST);
	for (int i = 0; i < 500 && load_shared(&ctid); i++)
		usleep(10000);
	yes_no("the thread ended", !load_shared(&ctid));
	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", thread_tid);
	show_nuls("its task/TID/comm after", text, slurp(path, text, sizeof(text),
							  sizeof(text)));
	munmap(stack, 16 * PAGE);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t set;

	if (argc > 1)
		return child(argc, argv);
	printf("proc_pid_files: start\n");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	check_stat();
	check_status();
	check_child();
	check_links();
	check_comm();
	check_smaps_rollup();
	check_threads();
	return 0;
}

/*
 * stop_cont: the default actions that stop and continue. SIGSTOP stops
 * every thread of a child (its counters freeze, /proc shows State T);
 * wait4(WUNTRACED) reports that once (0x7f | sig << 8), wait4 without it
 * not at all; SIGCONT continues it, even blocked or ignored, and
 * wait4(WCONTINUED) reports 0xffff once. SIGTSTP, SIGTTIN and SIGTTOU
 * stop as SIGSTOP does. A signal sent to a stopped child waits for
 * SIGCONT; SIGKILL does not. SIGURG, SIGWINCH and SIGCHLD are ignored
 * by default.
 *
 * Linux drops SIGTSTP, SIGTTIN and SIGTTOU sent to a process group with
 * no parent outside it in its session (an orphaned group, as every
 * process is when started from the oracle's init): the child makes a
 * group of its own so that its parent, outside, keeps it from being
 * orphaned. Pagoda has no process groups (setpgid fails, unseen), nor
 * this rule.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define STACK_SIZE	(16 * PAGE)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD)

/* Shared with the children: [0] main thread's count, [1] the other's, [2] ready. */
static int *box;

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static int load(int i)
{
	return __atomic_load_n(&box[i], __ATOMIC_SEQ_CST);
}

/* Counts into box[i] every millisecond for up to 10 s. */
static int counting(void *arg)
{
	int i = (long)arg;
	unsigned long long end = monotonic_ns() + 10000000000ULL;

	while (monotonic_ns() < end) {
		__atomic_add_fetch(&box[i], 1, __ATOMIC_SEQ_CST);
		sleep_ms(1);
	}
	return 0;
}

static void await_ready(void)
{
	for (int i = 0; i < 500 && !load(2); i++)
		sleep_ms(10);
}

/* A child that sleeps, after @setup, until it is killed (10 s at most). */
static pid_t sleeper(void (*setup)(void))
{
	pid_t pid;

	box[2] = 0;
	pid = fork();
	if (pid == 0) {
		if (setup)
			setup();
		__atomic_store_n(&box[2], 1, __ATOMIC_SEQ_CST);
		sleep_ms(10000);
		_exit(0);
	}
	if (pid < 0)
		printf("fork: %s\n", errno_name(errno));
	else
		await_ready();
	return pid;
}

static void show_wait(const char *what, pid_t pid, int options)
{
	int st = -1;
	pid_t r = wait4(pid, &st, options, NULL);

	if (r == pid)
		printf("%s: status %#x\n", what, st);
	else
		show(what, r);
}

/* The State: line of /proc/PID/status. */
static void show_state(pid_t pid)
{
	static char buf[4096];
	char path[32], *line, *end;
	int fd;
	long n;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = open(path, O_RDONLY);
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		printf("  /proc/PID/status: unreadable\n");
		return;
	}
	buf[n] = 0;
	line = strstr(buf, "State:");
	end = line ? strchr(line, '\n') : NULL;
	if (end)
		*end = 0;
	printf("  %s\n", line ? line : "no State line");
}

static void group_counting(void)
{
	char *stack = mmap(NULL, STACK_SIZE, RW, ANON, -1, 0);

	if (stack == MAP_FAILED ||
	    clone(counting, stack + STACK_SIZE, THREAD_FLAGS, (void *)1L) < 0)
		_exit(1);
	counting((void *)0L);
	exit_group(0);
}

static void whole_group(void)
{
	int a0, a1, moved;
	pid_t pid;

	box[0] = box[1] = 0;
	pid = fork();
	if (pid == 0)
		group_counting();
	if (pid < 0)
		return;
	for (int i = 0; i < 500 && !(load(0) && load(1)); i++)
		sleep_ms(10);
	yes_no("both threads of the child count", load(0) && load(1));
	show("kill(SIGSTOP)", kill(pid, SIGSTOP));
	show_wait("wait4(WUNTRACED)", pid, WUNTRACED);
	show_state(pid);
	a0 = load(0);
	a1 = load(1);
	sleep_ms(100);
	yes_no("  both counters frozen for 100 ms", a0 == load(0) && a1 == load(1));
	show_wait("wait4(WUNTRACED | WNOHANG) again", pid, WUNTRACED | WNOHANG);
	show("kill(SIGCONT)", kill(pid, SIGCONT));
	show_wait("wait4(WCONTINUED)", pid, WCONTINUED);
	show_wait("wait4(WCONTINUED | WNOHANG) again", pid, WCONTINUED | WNOHANG);
	for (moved = 0; moved < 500 && (a0 == load(0) || a1 == load(1)); moved++)
		sleep_ms(10);
	yes_no("  both counters move again", a0 != load(0) && a1 != load(1));
	kill(pid, SIGKILL);
	reap("  killed", pid);
}

static void own_group(void)
{
	syscall(SYS_setpgid, 0, 0);
}

static void stop_signal(int sig, const char *name)
{
	pid_t pid = sleeper(own_group);

	if (pid < 0)
		return;
	printf("%s:\n", name);
	kill(pid, sig);
	show_wait("  wait4(WUNTRACED)", pid, WUNTRACED);
	kill(pid, SIGCONT);
	show_wait("  wait4(WCONTINUED)", pid, WCONTINUED);
	sleep_ms(50);
	show_state(pid);
	kill(pid, SIGKILL);
	reap("  killed", pid);
}

static void not_reported_without_wuntraced(void)
{
	pid_t pid = sleeper(NULL);

	if (pid < 0)
		return;
	kill(pid, SIGSTOP);
	sleep_ms(50);
	show_wait("stopped child, wait4(WNOHANG)", pid, WNOHANG);
	show_wait("  then wait4(WUNTRACED)", pid, WUNTRACED);
	kill(pid, SIGCONT);
	sleep_ms(50);
	show_wait("  continued, wait4(WNOHANG)", pid, WNOHANG);
	show_wait("  then wait4(WCONTINUED)", pid, WCONTINUED | WNOHANG);
	kill(pid, SIGKILL);
	reap("  killed", pid);
}

static void block_cont(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCONT);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

static void ignore_cont(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	sigaction(SIGCONT, &sa, NULL);
}

static void cont_anyway(void (*setup)(void), const char *what)
{
	pid_t pid = sleeper(setup);

	if (pid < 0)
		return;
	printf("%s:\n", what);
	kill(pid, SIGSTOP);
	show_wait("  wait4(WUNTRACED)", pid, WUNTRACED);
	kill(pid, SIGCONT);
	show_wait("  wait4(WCONTINUED)", pid, WCONTINUED);
	kill(pid, SIGKILL);
	reap("  killed", pid);
}

static void pending_while_stopped(void)
{
	pid_t pid = sleeper(NULL);

	if (pid < 0)
		return;
	kill(pid, SIGSTOP);
	show_wait("SIGTERM to a stopped child: wait4(WUNTRACED)", pid, WUNTRACED);
	show("  kill(SIGTERM)", kill(pid, SIGTERM));
	sleep_ms(50);
	show_wait("  wait4(WNOHANG) 50 ms later", pid, WNOHANG);
	show_state(pid);
	kill(pid, SIGCONT);
	reap("  after SIGCONT", pid);
}

static void kill_stopped(void)
{
	pid_t pid = sleeper(NULL);

	if (pid < 0)
		return;
	kill(pid, SIGSTOP);
	show_wait("SIGKILL to a stopped child: wait4(WUNTRACED)", pid, WUNTRACED);
	show("  kill(SIGKILL)", kill(pid, SIGKILL));
	reap("  the child", pid);
}

static void ignored_by_default(int sig, const char *name)
{
	pid_t pid = fork();

	if (pid == 0) {
		kill(getpid(), sig);
		sleep_ms(20);
		_exit(0);
	}
	if (pid > 0)
		reap(name, pid);
}

int main(void)
{
	box = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (box == MAP_FAILED) {
		printf("mmap MAP_SHARED: %s\n", errno_name(errno));
		return 1;
	}
	printf("stop_cont: start\n");
	whole_group();
	stop_signal(SIGSTOP, "SIGSTOP");
	stop_signal(SIGTSTP, "SIGTSTP");
	stop_signal(SIGTTIN, "SIGTTIN");
	stop_signal(SIGTTOU, "SIGTTOU");
	not_reported_without_wuntraced();
	cont_anyway(block_cont, "SIGCONT blocked in the child");
	cont_anyway(ignore_cont, "SIGCONT ignored in the child");
	pending_while_stopped();
	kill_stopped();
	ignored_by_default(SIGURG, "a child sending itself SIGURG");
	ignored_by_default(SIGWINCH, "a child sending itself SIGWINCH");
	ignored_by_default(SIGCHLD, "a child sending itself SIGCHLD");
	munmap(box, PAGE);
	printf("stop_cont: done\n");
	return 0;
}

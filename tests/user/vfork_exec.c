/*
 * vfork_exec: vfork suspends the parent until the child calls _exit or
 * execve, and the child runs in the parent's memory meanwhile; execve
 * with an argv and envp of our choosing; execve failures in the child
 * (ENOENT, EACCES) leave it running with its memory; fork + execve +
 * wait4. The program that is executed is this one again, run as
 * "/tests/vfork_exec --helper ...": it is the only program that both
 * Pagoda's and the Linux oracle's initramfs carry besides the tests.
 * The helper prints its argv and envp count and exits 7.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define SELF	"/tests/vfork_exec"

/* Set to 99 by the test before it execs: the helper must see 1 again. */
static volatile int data_marker = 1;

static int helper(int argc, char **argv, char **envp)
{
	int envc = 0;
	const char *want_pid = getenv("HELPER_PID");
	const char *want_ppid = getenv("HELPER_PPID");

	while (envp[envc])
		envc++;
	printf("helper: argc %d:", argc);
	for (int i = 0; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	printf("helper: envc %d, FOO=%s\n", envc, getenv("FOO") ? getenv("FOO") :
	       "(unset)");
	printf("helper: same pid as the child that called execve: %s\n",
	       want_pid && atoi(want_pid) == getpid() ? "yes" : "no");
	printf("helper: its parent is the test: %s\n",
	       want_ppid && atoi(want_ppid) == getppid() ? "yes" : "no");
	printf("helper: fresh data segment: %s\n", data_marker == 1 ? "yes" : "no");
	return 7;
}

/*
 * Written by vfork children, read by the parent afterwards. Everything a
 * vfork child touches lives here, not on the stack it borrows.
 */
static volatile int child_progress, child_errno, child_pid, child_ppid;
static char pid_env[32], ppid_env[32];
static char *helper_argv[] = { "exec_helper", "--helper", "one", "two words",
			       NULL };
static char *helper_envp[] = { "FOO=bar", pid_env, ppid_env, NULL };
static const struct timespec ten_ms = { 0, 10000000 };

/* In the child: env strings telling the helper who it should be. */
static void prepare_env(void)
{
	snprintf(pid_env, sizeof(pid_env), "HELPER_PID=%d", getpid());
	snprintf(ppid_env, sizeof(ppid_env), "HELPER_PPID=%d", getppid());
}

static void vfork_exit(void)
{
	pid_t pid, me = getpid();

	child_progress = 0;
	pid = vfork();
	if (pid == 0) {
		child_pid = getpid();
		child_ppid = getppid();
		for (int i = 0; i < 5; i++) {
			nanosleep(&ten_ms, NULL);
			child_progress++;
		}
		_exit(4);
	}
	if (pid == -1) {
		printf("vfork: %s\n", errno_name(errno));
		return;
	}
	yes_no("the parent ran again only after the child's _exit",
	       child_progress == 5);
	yes_no("vfork returned the child's pid", pid == child_pid);
	yes_no("the child's getppid was the parent", child_ppid == me);
	reap("vfork + _exit(4)", pid);
}

static void vfork_execve(void)
{
	int resumed_after;
	pid_t pid;

	child_progress = 0;
	data_marker = 99;
	pid = vfork();
	if (pid == 0) {
		prepare_env();
		nanosleep(&ten_ms, NULL);
		nanosleep(&ten_ms, NULL);
		child_progress = 1;
		execve(SELF, helper_argv, helper_envp);
		child_errno = errno;
		_exit(3);
	}
	if (pid == -1) {
		printf("vfork: %s\n", errno_name(errno));
		return;
	}
	/* Printed only after wait4: the helper is printing meanwhile. */
	resumed_after = child_progress == 1;

	reap("vfork + execve of the helper", pid);
	yes_no("the parent ran again only after the child's execve",
	       resumed_after);
	yes_no("the parent's data is its own again", data_marker == 99);
	data_marker = 1;
}

/* vfork, then an execve that fails: the child reports errno, exits 3. */
static void vfork_execve_fails(const char *what, const char *path)
{
	pid_t pid;

	child_errno = 0;
	child_progress = 0;
	pid = vfork();
	if (pid == 0) {
		execve(path, helper_argv, helper_envp);
		child_errno = errno;
		child_progress = 1;	/* still in the same memory after failing */
		_exit(3);
	}
	if (pid == -1) {
		printf("vfork: %s\n", errno_name(errno));
		return;
	}
	printf("%s: %s\n", what, child_errno ? errno_name(child_errno) :
	       "no error");
	yes_no("  the child went on in the shared memory", child_progress == 1);
	reap("  then _exit(3)", pid);
}

static void fork_execve(void)
{
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		prepare_env();
		helper_argv[0] = "forked";
		execve(SELF, helper_argv, helper_envp);
		_exit(3);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("fork + execve of the helper", pid);
}

/* In a forked child a failed execve leaves its own memory as it was. */
static void fork_execve_fails(void)
{
	static int before = 5;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		before = 6;
		if (execve("/tests/no-such-program", helper_argv,
			   helper_envp) != -1)
			_exit(1);
		_exit(errno == ENOENT && before == 6 ? 0 : 2);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("fork + failing execve (exits 0 if ENOENT, memory intact)", pid);
	yes_no("the forked child's write stayed in the child", before == 5);
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && !strcmp(argv[1], "--helper"))
		return helper(argc, argv, envp);
	printf("vfork_exec: start\n");
	vfork_exit();
	vfork_execve();
	vfork_execve_fails("execve of a missing file", "/tests/no-such-program");
	vfork_execve_fails("execve of /etc/motd (mode 0644)", "/etc/motd");
	vfork_execve_fails("execve of a directory", "/tests");
	vfork_execve_fails("execve of a path through a file",
			   "/etc/motd/x");
	fork_execve();
	fork_execve_fails();
	printf("vfork_exec: done\n");
	return 0;
}

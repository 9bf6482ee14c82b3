/*
 * wait_status: wait4 and what it reports. WNOHANG while the child still
 * runs (0), then blocking; waiting for one pid while another child has
 * already exited; ECHILD with no children; the exit code's low 8 bits;
 * a child killed by SIGSEGV and one killed by kill(SIGKILL); kill of a
 * zombie and of a pid that is gone (ESRCH); getppid in the child; 30
 * children reaped by wait4(-1); and an orphaned grandchild reparented
 * away from its dead parent (it reports through a MAP_SHARED page).
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static const struct timespec ms10 = { 0, 10000000 };

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static const char *yn(int cond)
{
	return cond ? "yes" : "no";
}

/* "exited N" or "killed by signal N", as the wait4 status decodes. */
static void decode(const char *what, int st)
{
	if (WIFEXITED(st))
		printf("%s: WIFEXITED yes, WEXITSTATUS %d\n", what,
		       WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s: WIFSIGNALED yes, WTERMSIG %d\n", what, WTERMSIG(st));
	else
		printf("%s: neither exited nor signaled\n", what);
}

static void reap_decoded(const char *what, pid_t pid)
{
	int st;
	pid_t r = wait4(pid, &st, 0, NULL);

	if (r == pid)
		decode(what, st);
	else
		printf("%s: wait4: %s\n", what, r == -1 ? errno_name(errno) :
		       "another pid");
}

static pid_t child_exiting(int code, int after_ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (after_ms)
			sleep_ms(after_ms);
		_exit(code);
	}
	if (pid == -1)
		printf("fork: %s\n", errno_name(errno));
	return pid;
}

static void nohang(void)
{
	pid_t pid = child_exiting(5, 200), r;
	int st = -1, polls = 0;

	if (pid == -1)
		return;
	r = wait4(pid, &st, WNOHANG, NULL);
	show("wait4 WNOHANG while the child sleeps", r);
	yes_no("  status left alone", st == -1);
	while ((r = wait4(pid, &st, WNOHANG, NULL)) == 0 && polls++ < 500)
		nanosleep(&ms10, NULL);
	yes_no("WNOHANG polling got the child at last", r == pid);
	if (r == pid)
		decode("  and its status", st);
	show("wait4 WNOHANG once it is reaped", wait4(pid, &st, WNOHANG, NULL));
}

static void specific_pid(void)
{
	pid_t slow = child_exiting(1, 100), fast = child_exiting(2, 0), r;
	int st;

	if (slow == -1 || fast == -1)
		return;
	sleep_ms(20);	/* the fast one is a zombie by now */
	r = wait4(slow, &st, 0, NULL);
	yes_no("wait4(slow child) returned it, not the one already gone",
	       r == slow);
	if (r == slow)
		decode("  slow child", st);
	r = wait4(-1, &st, 0, NULL);
	yes_no("wait4(-1) then returned the fast one", r == fast);
	if (r == fast)
		decode("  fast child", st);
}

static void no_children(void)
{
	int st;

	show("wait4(-1) with no children", wait4(-1, &st, 0, NULL));
	show("wait4(-1, WNOHANG) with no children", wait4(-1, &st, WNOHANG, NULL));
	show("wait4 on our own pid", wait4(getpid(), &st, 0, NULL));
	show("wait4 on pid 1, not our child", wait4(1, &st, WNOHANG, NULL));
	show("wait4 with an unknown option bit", wait4(-1, &st, 0x100000, NULL));
}

static void exit_codes(void)
{
	pid_t pid = child_exiting(0x1ff, 0);

	if (pid != -1)
		reap_decoded("_exit(0x1ff)", pid);
	pid = child_exiting(255, 0);
	if (pid != -1)
		reap_decoded("_exit(255)", pid);
}

static int *volatile bad_pointer = (int *)0x10;

static void signals(void)
{
	pid_t pid, gone;

	pid = fork();
	if (pid == 0) {
		*bad_pointer = 1;
		_exit(0);
	}
	if (pid != -1)
		reap_decoded("child storing to address 0x10", pid);

	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 500; i++)
			nanosleep(&ms10, NULL);
		_exit(0);
	}
	if (pid == -1)
		return;
	show("kill(child, 0)", kill(pid, 0));
	show("kill(child, SIGKILL)", kill(pid, SIGKILL));
	reap_decoded("killed child", pid);
	show("kill(reaped child, 0)", kill(pid, 0));
	show("kill(reaped child, SIGKILL)", kill(pid, SIGKILL));

	gone = child_exiting(0, 0);
	if (gone == -1)
		return;
	sleep_ms(50);	/* it is a zombie by now, and still there */
	show("kill(zombie child, 0)", kill(gone, 0));
	show("kill(zombie child, SIGKILL)", kill(gone, SIGKILL));
	reap_decoded("zombie sent SIGKILL", gone);
	show("kill with signal 65", kill(getpid(), 65));
}

static void parentage(void)
{
	pid_t me = getpid(), pid = fork();

	if (pid == 0)
		_exit(getppid() == me ? 0 : 1);
	if (pid != -1)
		reap_decoded("child checking getppid == parent's getpid (0)", pid);
}

static void many_children(void)
{
	int started = 0, reaped = 0, sum = 0, st;
	pid_t r;

	for (int i = 0; i < 30; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(i);
		if (pid == -1) {
			printf("fork %d: %s\n", i, errno_name(errno));
			break;
		}
		started++;
	}
	while ((r = wait4(-1, &st, 0, NULL)) > 0) {
		reaped++;
		if (WIFEXITED(st))
			sum += WEXITSTATUS(st);
	}
	printf("%d children started, %d reaped by wait4(-1), exit codes sum %d\n",
	       started, reaped, sum);
	show("  then wait4(-1)", r);
}

/*
 * The child forks a grandchild and exits. The grandchild waits (up to
 * 5 s) for getppid to change and reports through the shared page:
 * box[0] = 1 reparented, 2 not; box[1] = 1 when done.
 */
static void orphan(void)
{
	int *box = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long long end;
	pid_t pid;

	if (box == MAP_FAILED) {
		printf("mmap MAP_SHARED: %s\n", errno_name(errno));
		return;
	}
	pid = fork();
	if (pid == 0) {
		pid_t me = getpid(), g = fork();

		if (g == 0) {
			int moved = 0;

			for (int i = 0; i < 500 && !moved; i++) {
				moved = getppid() != me;
				if (!moved)
					nanosleep(&ms10, NULL);
			}
			__atomic_store_n(&box[0], moved ? 1 : 2, __ATOMIC_SEQ_CST);
			__atomic_store_n(&box[1], 1, __ATOMIC_SEQ_CST);
			_exit(0);
		}
		_exit(g == -1 ? 1 : 0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap_decoded("child that leaves a grandchild behind", pid);
	end = monotonic_ns() + 6000000000ULL;
	while (!__atomic_load_n(&box[1], __ATOMIC_SEQ_CST) &&
	       monotonic_ns() < end)
		nanosleep(&ms10, NULL);
	if (!box[1])
		printf("the grandchild never reported\n");
	else
		printf("reparented: %s\n", yn(box[0] == 1));
	show("wait4(-1): the grandchild is not ours", wait4(-1, NULL, WNOHANG,
							     NULL));
	munmap(box, PAGE);
}

int main(void)
{
	printf("wait_status: start\n");
	nohang();
	specific_pid();
	no_children();
	exit_codes();
	signals();
	parentage();
	many_children();
	orphan();
	printf("wait_status: done\n");
	return 0;
}

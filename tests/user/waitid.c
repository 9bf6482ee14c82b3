/*
 * waitid: exit, kill, stop and continue told as siginfo (CLD_* and the
 * code or signal), P_PID / P_PGID / P_ALL, WNOWAIT leaving a child to be
 * told again, WNOHANG with nothing to tell (a zeroed siginfo), and the
 * errors: no WEXITED/WSTOPPED/WCONTINUED, bad idtype, bad id, no child.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static long do_waitid(int which, int id, siginfo_t *si, int options)
{
	memset(si, 0x55, sizeof(*si));
	return syscall(SYS_waitid, which, id, si, options, NULL);
}

static void report(const char *what, long r, siginfo_t *si, pid_t want)
{
	if (r) {
		show(what, r);
		return;
	}
	printf("%s: signo %d code %d status %d, the child's pid: %s\n", what, si->si_signo,
	       si->si_code, si->si_status, si->si_pid == want ? "yes" : si->si_pid ? "other" : "0");
}

int main(void)
{
	siginfo_t si;
	pid_t pid;
	long r;

	pid = fork();
	if (pid == 0)
		_exit(7);
	r = do_waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	report("exit 7, WNOWAIT", r, &si, pid);
	r = do_waitid(P_PID, pid, &si, WEXITED);
	report("exit 7 again", r, &si, pid);
	report("no child left", do_waitid(P_ALL, 0, &si, WEXITED), &si, 0);

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	report("running, WNOHANG", do_waitid(P_PID, pid, &si, WEXITED | WNOHANG), &si, 0);
	printf("  siginfo zeroed: %s\n", !si.si_signo && !si.si_pid && !si.si_code ? "yes" : "no");
	kill(pid, SIGSTOP);
	report("stopped", do_waitid(P_PID, pid, &si, WSTOPPED), &si, pid);
	kill(pid, SIGCONT);
	report("continued", do_waitid(P_PID, pid, &si, WCONTINUED), &si, pid);
	kill(pid, SIGKILL);
	report("killed", do_waitid(P_PGID, 0, &si, WEXITED), &si, pid);

	show("no flags", do_waitid(P_ALL, 0, &si, 0));
	show("bad idtype", do_waitid(9, 0, &si, WEXITED));
	show("P_PID 0", do_waitid(P_PID, 0, &si, WEXITED));
	show("P_PGID negative", do_waitid(P_PGID, -3, &si, WEXITED));
	show("bad option bit", do_waitid(P_ALL, 0, &si, WEXITED | 0x100));
	show("not a child", do_waitid(P_PID, 1, &si, WEXITED));
	return 0;
}

/*
 * hostile_init: signals sent to pid 1 from user space. Linux drops every
 * signal init has not installed a handler for, SIGKILL and SIGSTOP
 * included, so kill() succeeds and nothing happens; on Pagoda pid 1 is
 * the kernel's init thread (the shell, or the usertests runner), and a
 * kernel thread never takes a signal from user space either. Either way
 * this program must go on running, and so must pid 1: the runner prints
 * the next program's markers only if it survived.
 */
#include <unistd.h>

#include "check.h"

int main(void)
{
	static const int sigs[] = { 0, SIGTERM, SIGKILL, SIGSTOP, SIGUSR1, SIGSEGV, SIGTERM };
	char what[64];

	for (unsigned int i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		snprintf(what, sizeof(what), "kill(1, %s)", sigs[i] ? sig_name(sigs[i]) : "0");
		show(what, kill(1, sigs[i]));
	}
	/* let pid 1 run: a signal it mishandled would show by now */
	usleep(50000);
	show("kill(1, 0) afterwards", kill(1, 0));
	printf("still running\n");
	return 0;
}

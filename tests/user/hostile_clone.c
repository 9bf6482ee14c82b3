/*
 * hostile_clone: clone given tid pointers it cannot write. Linux makes
 * the child all the same and drops the failed write: CLONE_PARENT_SETTID
 * at an unmapped or read-only address, CLONE_CHILD_SETTID and
 * CLONE_CHILD_CLEARTID at an unmapped one. Every child is reaped.
 */
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static void try(unsigned long flags, int *ptid, int *ctid, const char *what)
{
	long pid = syscall(SYS_clone, flags | SIGCHLD, 0, ptid, NULL, ctid);

	if (pid == 0)
		_exit(7);
	show(what, pid > 0 ? 0 : pid);
	if (pid > 0)
		reap("  the child", pid);
}

int main(void)
{
	int *unmapped = (int *)0x10;
	int *ro = mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);

	printf("hostile_clone: start\n");
	try(CLONE_PARENT_SETTID, unmapped, NULL, "PARENT_SETTID at 0x10");
	if (ro != MAP_FAILED) {
		try(CLONE_PARENT_SETTID, ro, NULL, "PARENT_SETTID read-only");
		yes_no("  the read-only word unchanged", *ro == 0);
		try(CLONE_CHILD_SETTID, NULL, ro, "CHILD_SETTID read-only");
		munmap(ro, PAGE);
	}
	try(CLONE_CHILD_SETTID, NULL, unmapped, "CHILD_SETTID at 0x10");
	try(CLONE_CHILD_CLEARTID, NULL, unmapped, "CHILD_CLEARTID at 0x10");
	try(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID,
	    unmapped, unmapped, "all three at 0x10");
	printf("hostile_clone: done\n");
	return 0;
}

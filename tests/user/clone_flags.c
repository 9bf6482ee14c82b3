/*
 * clone_flags: the clone flags a C library relies on, one at a time.
 * glibc's fork is clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
 * SIGCHLD): the child must find its own pid at child_tid in its own copy
 * of memory, and its exit must not clear the parent's word.
 * CLONE_PARENT_SETTID writes the parent's word only (after the copy),
 * CLONE_SETTLS sets the child's TLS register. CLONE_FILES shares the
 * table of open files (an fd opened or closed by one is so for the
 * other), CLONE_SIGHAND the table of signal actions; without them each
 * has its own copy. An exec ends the sharing of the fd table: the new
 * program's opens are its own. CLONE_THREAD needs CLONE_SIGHAND, which needs
 * CLONE_VM: EINVAL otherwise.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define STACK_SIZE	(16 * PAGE)

/* clone with no new stack: the child returns here like fork's. */
static long raw_clone(unsigned long flags, int *ptid, void *tls, int *ctid)
{
	return syscall(SYS_clone, flags, 0, ptid, tls, ctid);
}

static void *get_tls(void)
{
	void *p;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(p));
	return p;
}

static void glibc_fork(void)
{
	int ctid = -1;
	long pid = raw_clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
			     NULL, NULL, &ctid);

	if (pid == 0)
		_exit(ctid == getpid() ? 0 : ctid == -1 ? 1 : 2);
	show("clone(CHILD_SETTID | CHILD_CLEARTID | SIGCHLD)", pid > 0 ? 0 : pid);
	if (pid < 0)
		return;
	reap("  the child's child_tid word is its pid (0), untouched (1)", pid);
	yes_no("  the parent's word untouched by set and clear", ctid == -1);
}

static void parent_settid(void)
{
	int ptid = -1;
	long pid = raw_clone(CLONE_PARENT_SETTID | SIGCHLD, &ptid, NULL, NULL);

	if (pid == 0)
		_exit(ptid == -1 ? 0 : ptid == getpid() ? 1 : 2);
	show("clone(PARENT_SETTID | SIGCHLD)", pid > 0 ? 0 : pid);
	if (pid < 0)
		return;
	yes_no("  the parent's word holds the child's pid", ptid == pid);
	reap("  the child's copy of the word: untouched (0), its pid (1)", pid);
}

static int tls_block[4];

static void settls(void)
{
	void *before = get_tls();
	long pid = raw_clone(CLONE_SETTLS | SIGCHLD, NULL, tls_block, NULL);

	if (pid == 0)
		_exit(get_tls() == tls_block ? 0 : 1);
	show("clone(SETTLS | SIGCHLD)", pid > 0 ? 0 : pid);
	if (pid < 0)
		return;
	reap("  the child's TLS register is the one given (0)", pid);
	yes_no("  the parent's TLS register unchanged", get_tls() == before);
}

static int can_read(int fd)
{
	char c;

	return read(fd, &c, 1) == 1;
}

/* A child that opens /etc/motd and exits with the fd it got. */
static void files(unsigned long share, const char *what)
{
	long pid = raw_clone(share | SIGCHLD, NULL, NULL, NULL);
	int st, fd;

	if (pid == 0)
		_exit(open("/etc/motd", O_RDONLY));
	if (pid < 0 || wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st)) {
		printf("%s: the child failed\n", what);
		return;
	}
	fd = WEXITSTATUS(st);
	printf("%s: the child opened fd %d\n", what, fd);
	yes_no("  the parent reads from that fd", can_read(fd));
	if (share)
		close(fd);
}

static void files_then_exec(void)
{
	char *argv[] = { "clone_flags", "--open", NULL };
	char *envp[] = { NULL };
	long pid = raw_clone(CLONE_FILES | SIGCHLD, NULL, NULL, NULL);
	int st, fd;

	if (pid == 0) {
		execve("/tests/clone_flags", argv, envp);
		_exit(100);
	}
	if (pid < 0 || wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st)) {
		printf("CLONE_FILES, then exec: the child failed\n");
		return;
	}
	fd = WEXITSTATUS(st);
	printf("CLONE_FILES, then exec: the new program opened fd %d\n", fd);
	yes_no("  the parent reads from that fd", can_read(fd));
}

static void files_closed_by_child(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	long pid = raw_clone(CLONE_FILES | SIGCHLD, NULL, NULL, NULL);

	if (pid == 0)
		_exit(close(fd) ? 1 : 0);
	if (pid < 0)
		return;
	reap("CLONE_FILES child closing the parent's fd (0)", pid);
	yes_no("  the parent's fd is gone too", !can_read(fd) && errno == EBADF);
}

static int ignore_usr(void *arg)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	return sigaction((long)arg, &sa, NULL) ? 1 : 0;
}

static void sighand(unsigned long share, int sig, const char *what)
{
	char *stack = mmap(NULL, STACK_SIZE, RW, ANON, -1, 0);
	struct sigaction old;
	int pid;

	if (stack == MAP_FAILED)
		return;
	pid = clone(ignore_usr, stack + STACK_SIZE, CLONE_VM | share | SIGCHLD,
		    (void *)(long)sig);
	show(what, pid > 0 ? 0 : pid);
	if (pid > 0) {
		reap("  the child set SIG_IGN (0)", pid);
		sigaction(sig, NULL, &old);
		yes_no("  the parent's action is SIG_IGN too",
		       old.sa_handler == SIG_IGN);
	}
	munmap(stack, STACK_SIZE);
}

static void invalid(unsigned long flags, const char *what)
{
	long pid = raw_clone(flags, NULL, NULL, NULL);

	if (pid == 0)
		_exit(0);
	show(what, pid > 0 ? 0 : pid);
	if (pid > 0)
		reap("  the child", pid);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--open"))
		return open("/etc/motd", O_RDONLY);
	printf("clone_flags: start\n");
	glibc_fork();
	parent_settid();
	settls();
	files(CLONE_FILES, "CLONE_FILES");
	files(0, "without CLONE_FILES");
	files_then_exec();
	files_closed_by_child();
	sighand(CLONE_SIGHAND, SIGUSR1, "clone(VM | SIGHAND | SIGCHLD)");
	sighand(0, SIGUSR2, "clone(VM | SIGCHLD)");
	invalid(CLONE_THREAD | SIGCHLD, "clone(THREAD) without SIGHAND");
	invalid(CLONE_THREAD | CLONE_SIGHAND | SIGCHLD,
		"clone(THREAD | SIGHAND) without VM");
	invalid(CLONE_SIGHAND | SIGCHLD, "clone(SIGHAND) without VM");
	printf("clone_flags: done\n");
	return 0;
}

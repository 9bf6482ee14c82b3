/*
 * hostile_forkbomb: a fork bomb held by RLIMIT_NPROC. A child drops
 * root (setuid to an unprivileged uid), lowers its limit and forks
 * until fork fails: EAGAIN once its real user owns as many processes as
 * the limit allows, zombies included until they are reaped; root is
 * exempt from the limit; each user is counted apart. Every process made
 * here is reaped before the program ends.
 */
#include <sys/resource.h>
#include <sys/syscall.h>

#include "check.h"

#define LIMIT	8
#define MAX_KIDS	64

static void set_nproc(unsigned long n)
{
	struct rlimit rl = { n, n };

	if (setrlimit(RLIMIT_NPROC, &rl))
		printf("setrlimit: %s\n", errno_name(errno));
}

/*
 * Forks children that wait on the pipe @hold (they end when its writing
 * end closes) or, with NULL, exit at once and stay zombies, until fork
 * fails or MAX_KIDS. Prints how many and how the last fork failed.
 */
static int bomb(const char *what, const int *hold, pid_t *kids)
{
	int n = 0;

	for (;;) {
		pid_t pid;

		if (n == MAX_KIDS) {
			printf("%s: %d forks, no failure\n", what, n);
			return n;
		}
		pid = fork();
		if (pid == 0) {
			char c;

			if (hold) {
				close(hold[1]);
				read(hold[0], &c, 1);
			}
			_exit(0);
		}
		if (pid < 0) {
			printf("%s: %d forks, then %s\n", what, n, errno_name(errno));
			return n;
		}
		kids[n++] = pid;
	}
}

static int reap_all(pid_t *kids, int n)
{
	int i, reaped = 0, st;

	for (i = 0; i < n; i++)
		if (waitpid(kids[i], &st, 0) == kids[i] && WIFEXITED(st))
			reaped++;
	return reaped;
}

/* The unprivileged part, in a child: its exit status says it went through. */
static void as_user(uid_t uid)
{
	pid_t kids[MAX_KIDS];
	uid_t r, e, s;
	int fds[2], n;

	show("setuid", setuid(uid));
	getresuid(&r, &e, &s);
	yes_no("real, effective and saved uid all changed", r == uid && e == uid && s == uid);
	show("setuid(0) back", setuid(0));

	/* LIMIT processes of this user: this one and LIMIT - 1 children */
	set_nproc(LIMIT);
	if (pipe(fds)) {
		printf("pipe: %s\n", errno_name(errno));
		_exit(1);
	}
	n = bomb("held children", fds, kids);
	close(fds[1]);
	printf("reaped: %d\n", reap_all(kids, n));

	/* zombies are still the user's processes until they are reaped */
	n = bomb("zombie children", NULL, kids);
	printf("reaped: %d\n", reap_all(kids, n));

	/* a limit lowered below what the user has: no fork at all */
	set_nproc(1);
	n = bomb("limit 1", NULL, kids);
	printf("reaped: %d\n", reap_all(kids, n));
	close(fds[0]);
	_exit(0);
}

int main(void)
{
	pid_t kids[MAX_KIDS], pid;
	int n;

	printf("hostile_forkbomb: start\n");
	printf("uid %d euid %d\n", (int)getuid(), (int)geteuid());

	pid = fork();
	if (pid == 0)
		as_user(4242);
	reap("uid 4242", pid);

	/* root: the limit does not hold it back */
	pid = fork();
	if (pid == 0) {
		pid_t mine[4];
		int i, made = 0;

		set_nproc(1);
		for (i = 0; i < 4; i++) {
			mine[i] = fork();
			if (mine[i] == 0)
				_exit(0);
			made += mine[i] > 0;
		}
		printf("root with limit 1: %d of 4 forks\n", made);
		printf("reaped: %d\n", reap_all(mine, made));
		_exit(0);
	}
	reap("root", pid);

	/*
	 * Two users at once: 4243 holds LIMIT processes while 4244, with
	 * the same limit, still makes its own.
	 */
	{
		int hold[2], go[2];
		pid_t a, b;
		char c;

		if (pipe(hold) || pipe(go)) {
			printf("pipe: %s\n", errno_name(errno));
			return 1;
		}
		a = fork();
		if (a == 0) {
			close(go[0]);
			setuid(4243);
			set_nproc(LIMIT);
			n = bomb("uid 4243", hold, kids);
			close(hold[1]);
			write(go[1], "x", 1);
			read(hold[0], &c, 1);	/* until the parent lets go */
			printf("uid 4243 reaped: %d\n", reap_all(kids, n));
			_exit(0);
		}
		close(hold[0]);
		close(go[1]);
		read(go[0], &c, 1);
		b = fork();
		if (b == 0) {
			close(hold[1]);
			setuid(4244);
			set_nproc(LIMIT);
			n = bomb("uid 4244, zombies", NULL, kids);
			printf("uid 4244 reaped: %d\n", reap_all(kids, n));
			_exit(0);
		}
		reap("uid 4244", b);
		close(hold[1]);
		reap("uid 4243", a);
		close(go[0]);
	}

	/* the limits were the children's: this process forks as before */
	for (n = 0; n < 3; n++) {
		kids[n] = fork();
		if (kids[n] == 0)
			_exit(0);
	}
	printf("root again: reaped %d of 3\n", reap_all(kids, 3));
	printf("hostile_forkbomb: done\n");
	return 0;
}

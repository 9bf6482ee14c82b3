/*
 * cloexec: execve closes the descriptors marked close-on-exec (set by
 * F_SETFD, F_DUPFD_CLOEXEC, dup3, pipe2 and open with O_CLOEXEC) and
 * keeps the others, with their flags; a failed execve closes nothing.
 * The program runs itself again as "/tests/cloexec --helper", which
 * says which of fds 3-12 it was given and writes into one it kept.
 */
#include <stdlib.h>

#include "check.h"

#define SELF	"/tests/cloexec"

static int helper(void)
{
	int fd;

	for (fd = 3; fd <= 12; fd++) {
		int fl = fcntl(fd, F_GETFD);

		if (fl < 0)
			printf("helper: fd %d %s\n", fd, errno_name(errno));
		else
			printf("helper: fd %d open, F_GETFD %d, F_GETFL %o\n", fd, fl,
			       fcntl(fd, F_GETFL));
	}
	write(4, "from the helper", 15);
	return 0;
}

int main(int argc, char **argv)
{
	char *args[] = { SELF, "--helper", NULL }, *env[] = { NULL };
	char buf[32];
	int p[2], q[2];
	long n;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "--helper"))
		return helper();

	pipe(p);				/* 3, 4: kept */
	pipe2(q, O_CLOEXEC);			/* 5, 6: closed */
	show("dup of 4", dup(4));		/* 7: kept */
	show("F_SETFD on 7 and back", fcntl(7, F_SETFD, FD_CLOEXEC) | fcntl(7, F_SETFD, 0));
	show("F_DUPFD_CLOEXEC", fcntl(3, F_DUPFD_CLOEXEC, 8));	/* 8: closed */
	show("dup3 O_CLOEXEC onto 9", dup3(3, 9, O_CLOEXEC));	/* 9: closed */
	show("dup2 onto 10", dup2(3, 10));	/* 10: kept */
	show("open O_CLOEXEC", open("/tests/cloexec", O_RDONLY | O_CLOEXEC)); /* 11: closed */
	show("open", open("/tests/cloexec", O_RDONLY));			/* 12: kept */
	show("F_SETFD on 12", fcntl(12, F_SETFD, FD_CLOEXEC));	/* now closed */
	fcntl(4, F_SETFL, O_NONBLOCK);

	/* a failed exec keeps every fd */
	pid = fork();
	if (pid == 0) {
		execve("/tests/no such program", args, env);
		printf("failed execve: %s; fd 5 F_GETFD %d, fd 12 F_GETFD %d\n",
		       errno_name(errno), fcntl(5, F_GETFD), fcntl(12, F_GETFD));
		_exit(0);
	}
	reap("failed exec", pid);

	pid = fork();
	if (pid == 0) {
		execve(SELF, args, env);
		_exit(127);
	}
	reap("helper", pid);
	close(4);
	close(7);
	close(10);
	n = read(3, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("read from the pipe: %ld \"%s\"\n", n, buf);
	show("read at EOF (the helper's copies closed too)", read(3, buf, 1));
	return 0;
}

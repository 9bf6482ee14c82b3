/*
 * etxtbsy: a program file is not writable while a process runs it, and
 * a file open for writing cannot be executed (ETXTBSY both ways); once
 * the writer closes, or the process ends, both work again.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define COPY "/etxtbsy.copy"

int main(int argc, char **argv)
{
	char buf[4096], *args[] = { COPY, "child", NULL }, *env[] = { NULL };
	int in, out, fd, st;
	ssize_t n;
	pid_t pid;

	if (argc > 1) {		/* the copy, running: wait to be killed */
		pause();
		return 0;
	}
	in = open(argv[0], O_RDONLY);
	out = open(COPY, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		write(out, buf, n);
	close(in);
	show("exec while open for writing", execve(COPY, args, env));
	close(out);

	pid = fork();
	if (pid == 0) {
		execve(COPY, args, env);
		_exit(127);
	}
	usleep(200000);
	fd = open(COPY, O_WRONLY);
	show("open for writing while it runs", fd);
	show("truncate while it runs", truncate(COPY, 0));
	fd = open(COPY, O_RDONLY);
	show("open for reading while it runs", fd < 0 ? -1 : 0);
	close(fd);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	fd = open(COPY, O_WRONLY);
	show("open for writing once it ended", fd < 0 ? -1 : 0);
	close(fd);
	show("unlink", unlink(COPY));
	return 0;
}

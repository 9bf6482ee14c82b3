/*
 * cowdemo: copy-on-write to watch from the shell. Maps one page at
 * 0x40000000 (fixed, so a session can name it), writes it, forks, and
 * then in three steps of SECONDS each (default 2): both processes map
 * the same frame read-only; the child has written and has a frame of
 * its own; both exit. Try, while it runs:
 *
 *   pagoda> run /bin/cowdemo &
 *   pagoda> pte PARENT 40000000        (and pte CHILD 40000000)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ADDR	((char *)0x40000000)

static void pause_for(unsigned long seconds)
{
	struct timespec ts = { .tv_sec = seconds, .tv_nsec = 0 };

	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	unsigned long step = argc > 1 ? strtoul(argv[1], NULL, 10) : 2;
	char *p = mmap(ADDR, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	pid_t child;
	int status;

	if (p == MAP_FAILED) {
		printf("cowdemo: mmap: %s\n", errno_name(errno));
		return 1;
	}
	p[0] = 'P';
	child = fork();
	if (child < 0) {
		printf("cowdemo: fork: %s\n", errno_name(errno));
		return 1;
	}
	if (child == 0) {
		pause_for(step);
		p[0] = 'C';	/* the copy happens here */
		printf("cowdemo: child %d wrote its page\n", getpid());
		pause_for(step);
		_exit(p[0] == 'C' ? 0 : 1);
	}
	printf("cowdemo: parent %d, child %d, page at %p shared read-only\n", getpid(),
	       child, p);
	pause_for(step);
	pause_for(step);
	waitpid(child, &status, 0);
	printf("cowdemo: the parent still reads '%c'; child exit status %d\n", p[0],
	       WEXITSTATUS(status));
	return 0;
}

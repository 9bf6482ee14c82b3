/*
 * The first user program (/init): prints a banner, what the kernel handed
 * it (pid, argv, envp) and uname, then exits 0. It runs nothing else yet:
 * fork and execve come later.
 */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
	struct utsname u;
	int i;

	printf("init: Pagoda user space is alive\n");
	printf("init: pid %d, ppid %d\n", getpid(), getppid());
	for (i = 0; i < argc; i++)
		printf("init: argv[%d] = \"%s\"\n", i, argv[i]);
	for (i = 0; envp[i]; i++)
		printf("init: envp[%d] = \"%s\"\n", i, envp[i]);
	if (uname(&u) == 0)
		printf("init: uname: %s %s %s %s %s\n", u.sysname, u.nodename,
		       u.release, u.version, u.machine);
	else
		perror("init: uname");
	printf("init: nothing more to run, exiting 0\n");
	return 0;
}

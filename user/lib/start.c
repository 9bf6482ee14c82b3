/* Process start-up and exit, environment and auxv access, small helpers. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>

char **environ;
unsigned long *__auxv;

int main(int argc, char **argv, char **envp);

/* Constructors (__attribute__((constructor))), placed by user.lds. */
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

__attribute__((noreturn, used))
void __libc_start(int argc, char **argv, char **envp)
{
	char **p = envp;

	environ = envp;
	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
		(*f)();
	exit(main(argc, argv, envp));
}

void exit(int status)
{
	_exit(status);
}

void abort(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(127);
}

unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

int getpagesize(void)
{
	unsigned long sz = getauxval(AT_PAGESZ);

	return sz ? (int)sz : 4096;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	for (e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
	set->sig[1] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
	set->sig[1] = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	unsigned int bit = sig - 1;

	set->sig[bit / 32] |= 1UL << (bit % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	unsigned int bit = sig - 1;

	set->sig[bit / 32] &= ~(1UL << (bit % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	unsigned int bit = sig - 1;

	return (set->sig[bit / 32] >> (bit % 32)) & 1;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { .tv_sec = seconds, .tv_nsec = 0 };

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec;
	return 0;
}

int usleep(unsigned long usec)
{
	struct timespec ts = {
		.tv_sec = usec / 1000000,
		.tv_nsec = (usec % 1000000) * 1000,
	};

	return nanosleep(&ts, NULL);
}

unsigned long long monotonic_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return 0;
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/*
 * hostile_exec_args: what execve accepts as arguments and environment.
 * The strings (and the file name) may take up to a quarter of the 8 MiB
 * stack limit, 2 MiB, less a pointer for each of them; one string may be
 * up to 32 pages with its NUL; past either limit execve fails with E2BIG,
 * before it even looks for the file. 100 000 short arguments work. A
 * NULL argv gives the program one empty argument, a NULL envp no
 * environment. Bad pointers anywhere give EFAULT. Paths up to 4095
 * bytes.
 *
 * The program executed is this one again: with argv[0] "count" it prints
 * what it was given (counts, bytes, a checksum of every byte) and exits
 * 0; with a lone empty argv[0] it says so. Every exec is tried in a
 * forked child, which prints the errno and exits 1 if execve fails.
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

#define SELF		"/tests/hostile_exec_args"
#define STRLEN_MAX	(32 * 4096)		/* MAX_ARG_STRLEN, with the NUL */
#define ARGS_MAX	(8 * 1024 * 1024 / 4)	/* RLIMIT_STACK / 4 */

static void summary(const char *who, int argc, char **argv, char **envp)
{
	unsigned long bytes = 0;
	uint32_t sum = 0;
	int envc = 0;

	for (int i = 0; i < argc; i++)
		for (const unsigned char *s = (void *)argv[i]; ; s++) {
			sum = sum * 31 + *s;
			bytes++;
			if (!*s)
				break;
		}
	for (; envp[envc]; envc++)
		for (const unsigned char *s = (void *)envp[envc]; ; s++) {
			sum = sum * 31 + *s;
			bytes++;
			if (!*s)
				break;
		}
	printf("%s: argc %d, envc %d, %lu bytes, checksum %08x, argv[argc] NULL: %s\n",
	       who, argc, envc, bytes, (unsigned int)sum, argv[argc] ? "no" : "yes");
}

/* Page-backed scratch space, given back by release(). */
static void *scratch(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, ANON, -1, 0);

	if (p == MAP_FAILED) {
		printf("mmap %zu: %s\n", len, errno_name(errno));
		_exit(2);
	}
	return p;
}

static void release(void *p, size_t len)
{
	munmap(p, (len + PAGE - 1) & ~(PAGE - 1));
}

/* argv: "count", then n strings of len bytes (NUL not counted) of c. */
static char **make_argv(int n, size_t len, int c, size_t *mapped)
{
	size_t vec = (n + 2) * sizeof(char *), str = len + 1;
	char **argv;
	char *s;

	*mapped = vec + (n ? str : 0);
	argv = scratch(*mapped);
	s = (char *)argv + vec;
	memset(s, c, len);
	s[len] = '\0';
	argv[0] = "count";
	for (int i = 1; i <= n; i++)
		argv[i] = s;	/* the same string each time: the kernel copies each */
	argv[n + 1] = NULL;
	return argv;
}

static char *no_env[] = { NULL };

static void many_short(void)
{
	size_t mapped;
	char **argv = make_argv(100000, 1, 'x', &mapped);

	try_exec("100 000 arguments of 1 byte", SELF, argv, no_env);
	/* the environment the same way: argv[0] and 100 000 strings */
	try_exec("100 000 environment strings", SELF, argv, argv + 1);
	release(argv, mapped);

	/* 524 289 pointers take 2 MiB and 4 bytes: refused before any copy */
	argv = make_argv(524288, 0, 'x', &mapped);
	try_exec("524 288 empty arguments (the pointers alone)", SELF, argv, no_env);
	try_exec("... for a file that does not exist", "/tests/no-such-program",
		 argv, no_env);
	release(argv, mapped);
}

static void one_long(void)
{
	size_t mapped;
	char **argv = make_argv(1, STRLEN_MAX - 1, 'a', &mapped);
	char *env[2] = { argv[1], NULL };

	try_exec("an argument of 131071 bytes", SELF, argv, no_env);
	try_exec("an environment string of 131071 bytes", SELF, argv, env);
	release(argv, mapped);
	argv = make_argv(1, STRLEN_MAX, 'a', &mapped);
	env[0] = argv[1];
	try_exec("an argument of 131072 bytes", SELF, argv, no_env);
	try_exec("an environment string of 131072 bytes", SELF, argv + 1, env);
	release(argv, mapped);
}

/*
 * 15 arguments of 131071 bytes and one more: the strings, counted with
 * their NULs and the file name's, plus 4 bytes per pointer must stay
 * within 2 MiB. The last argument is made as long as that allows, then
 * a byte longer.
 */
static void total(void)
{
	const int big = 15;
	size_t vec = (big + 3) * sizeof(char *), mapped = vec + 2 * STRLEN_MAX;
	char **argv = scratch(mapped);
	char *s = (char *)argv + vec, *last = s + STRLEN_MAX;
	long room = ARGS_MAX - (long)(big + 2) * sizeof(char *) -
		    (long)(strlen(SELF) + 1) - (long)(strlen("count") + 1) -
		    (long)big * STRLEN_MAX;

	memset(s, 'b', STRLEN_MAX - 1);
	argv[0] = "count";
	for (int i = 1; i <= big; i++)
		argv[i] = s;
	argv[big + 1] = last;
	argv[big + 2] = NULL;
	memset(last, 'c', room - 1);
	try_exec("arguments filling 2 MiB exactly", SELF, argv, no_env);
	memset(last, 'c', room);
	try_exec("arguments one byte over 2 MiB", SELF, argv, no_env);
	/* the same byte too many, as one more environment string */
	last[room - 1] = '\0';
	{
		char *env[] = { "", NULL };

		try_exec("... or an empty environment string more", SELF, argv, env);
	}
	release(argv, mapped);
}

static void null_vectors(void)
{
	char *argv[] = { "count", "one", NULL };
	char *env[] = { "A=1", "B=2", NULL };

	try_exec("NULL argv", SELF, NULL, env);
	try_exec("NULL envp", SELF, argv, NULL);
	try_exec("NULL argv and envp", SELF, NULL, NULL);
}

static void bad_pointers(void)
{
	char **page = scratch(PAGE);	/* before the window, not in it */
	char *unmapped = free_window(1);
	char *argv[] = { "count", unmapped, NULL };
	char *env[] = { "A=1", unmapped, NULL };

	try_exec("argv itself unmapped", SELF, (char **)unmapped, no_env);
	try_exec("an argument unmapped", SELF, argv, no_env);
	try_exec("envp itself unmapped", SELF, argv + 2, (char **)unmapped);
	try_exec("an environment string unmapped", SELF, argv + 2, env);
	try_exec("... for a file that does not exist", "/tests/no-such-program",
		 argv, no_env);
	/* a vector with no NULL, running into unmapped memory */
	for (size_t i = 0; i < PAGE / sizeof(char *); i++)
		page[i] = "count";
	try_exec("argv without its NULL", SELF, page, no_env);
	try_exec("the path unmapped", unmapped, argv + 2, no_env);
	/* user pointers into the kernel's half, the vectors page among it */
	argv[1] = (char *)0xc0000000;
	try_exec("an argument in kernel memory", SELF, argv, no_env);
	try_exec("argv in the vectors page", SELF, (char **)0xffff0000, no_env);
	release(page, PAGE);
}

/* "//////.../tests/hostile_exec_args", @len bytes without the NUL. */
static void long_path(const char *what, size_t len)
{
	size_t tail = strlen(SELF);
	char *path = scratch(len + 1);
	char *argv[] = { "count", NULL };

	memset(path, '/', len - tail);
	memcpy(path + len - tail, SELF, tail + 1);
	try_exec(what, path, argv, no_env);
	release(path, len + 1);
}

int main(int argc, char **argv, char **envp)
{
	if (argc >= 1 && argv[0] && !strcmp(argv[0], "count")) {
		summary("helper", argc, argv, envp);
		return 0;
	}
	if (argc == 1 && argv[0] && !argv[0][0]) {
		printf("helper: argv[0] is an empty string\n");
		summary("helper", argc, argv, envp);
		return 0;
	}
	printf("hostile_exec_args: start\n");
	many_short();
	one_long();
	total();
	null_vectors();
	bad_pointers();
	long_path("a path of 4095 bytes", 4095);
	long_path("a path of 4096 bytes", 4096);
	try_exec("an empty path", "", argv, envp);
	printf("hostile_exec_args: done\n");
	return 0;
}

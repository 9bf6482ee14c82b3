/*
 * hostile_exec_script: execve of "#!" scripts, the files in
 * tests/user/scripts/ (installed as /tests/scripts/NAME, executable but
 * for mode_0644). The kernel reads the first line: the interpreter path,
 * then optionally one argument (the rest of the line, spaces inside it
 * kept, trailing ones dropped). The interpreter is executed with argv
 * [interpreter, argument, script path, the caller's argv[1]...]. Scripts
 * may name scripts as interpreters down to a fixed depth (chain1..7:
 * chainK runs chainK-1 with the argument cK); past it, or in a loop,
 * ELOOP. A line with no interpreter is ENOEXEC, a missing interpreter
 * ENOENT, one that cannot be executed EACCES; an interpreter that is a
 * refused file gives its ENOEXEC, one that cannot be mapped kills.
 * The strings the kernel adds count against the same 2 MiB as the
 * caller's (tests/user/hostile_exec_args.c): a script run with arguments
 * that leave less room than it needs fails with E2BIG.
 *
 * The interpreter of every script is this program: run with more than
 * one argument it prints them (long ones by length) and exits 0.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

#define STRLEN_MAX	(32 * 4096)		/* MAX_ARG_STRLEN, with the NUL */
#define ARGS_MAX	(8 * 1024 * 1024 / 4)	/* RLIMIT_STACK / 4 */

static void show_args(int argc, char **argv)
{
	printf("interpreter: argc %d:", argc);
	for (int i = 0; i < argc; i++) {
		size_t len = strlen(argv[i]);

		if (len > 40)
			printf(" [%.8s... %zu bytes]", argv[i], len);
		else
			printf(" [%s]", argv[i]);
	}
	printf("\n");
}

static void try_exec_as(const char *what, const char *name, char **argv)
{
	char path[64];

	snprintf(path, sizeof(path), "/tests/scripts/%s", name);
	try_exec(what, path, argv, NULL);
}

static void try_script(const char *name, char **argv)
{
	try_exec_as(name, name, argv);
}

/*
 * /tests/scripts/arg with 15 arguments of 131071 bytes and a last one
 * that leaves @spare bytes of the 2 MiB. The kernel takes argv[0] ("z",
 * 2 bytes) away and adds the script's path, "one  two" and the
 * interpreter's path: 19 + 9 + 27 bytes, 53 more than it took.
 */
static void little_room(long spare)
{
	const int big = 15;
	size_t vec = (big + 3) * sizeof(char *), mapped = vec + 2 * STRLEN_MAX;
	char **argv = mmap(NULL, mapped, PROT_READ | PROT_WRITE, ANON, -1, 0);
	char *s = (char *)argv + vec, *last = s + STRLEN_MAX, what[48];
	long room = ARGS_MAX - (long)(big + 2) * sizeof(char *) -
		    (long)sizeof("/tests/scripts/arg") - 2 - (long)big * STRLEN_MAX;

	if (argv == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return;
	}
	memset(s, 'b', STRLEN_MAX - 1);
	argv[0] = "z";
	for (int i = 1; i <= big; i++)
		argv[i] = s;
	argv[big + 1] = last;
	argv[big + 2] = NULL;
	memset(last, 'c', room - spare - 1);
	snprintf(what, sizeof(what), "arg, leaving %ld bytes", spare);
	try_exec_as(what, "arg", argv);
	munmap(argv, mapped);
}

int main(int argc, char **argv)
{
	static const char *const scripts[] = {
		"arg", "plain", "tabs", "trailing", "no_newline", "nul",
		"long_arg", "long_interpreter", "empty", "blank", "missing",
		"directory", "not_executable", "crlf", "loop", "mode_0644",
		"chain1", "chain2", "chain3", "chain4", "chain5", "chain6",
		"chain7", "elf_not_arm", "elf_unmappable", "script_refused",
	};
	char *args[] = { "zero", "first", "second", NULL };

	if (argc > 1) {
		show_args(argc, argv);
		return 0;
	}
	printf("hostile_exec_script: start\n");
	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
		try_script(scripts[i], args);
	printf("with a NULL argv:\n");
	try_script("arg", NULL);
	little_room(53);
	little_room(52);
	printf("hostile_exec_script: done\n");
	return 0;
}

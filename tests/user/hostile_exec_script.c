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
 * ENOENT, one that cannot be executed EACCES.
 *
 * The interpreter of every script is this program: run with more than
 * one argument it prints them (long ones by length) and exits 0.
 */
#include <unistd.h>

#include "check.h"

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

static void try_exec(const char *name, char **argv)
{
	char path[64];
	pid_t pid;

	snprintf(path, sizeof(path), "/tests/scripts/%s", name);
	pid = fork();
	if (pid == 0) {
		execve(path, argv, NULL);
		printf("%s: %s\n", name, errno_name(errno));
		_exit(1);
	}
	if (pid == -1) {
		printf("%s: fork: %s\n", name, errno_name(errno));
		return;
	}
	reap(name, pid);
}

int main(int argc, char **argv)
{
	static const char *const scripts[] = {
		"arg", "plain", "tabs", "trailing", "no_newline", "nul",
		"long_arg", "long_interpreter", "empty", "blank", "missing",
		"directory", "not_executable", "crlf", "loop", "mode_0644",
		"chain1", "chain2", "chain3", "chain4", "chain5", "chain6",
		"chain7",
	};
	char *args[] = { "zero", "first", "second", NULL };

	if (argc > 1) {
		show_args(argc, argv);
		return 0;
	}
	printf("hostile_exec_script: start\n");
	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
		try_exec(scripts[i], args);
	printf("with a NULL argv:\n");
	try_exec("arg", NULL);
	printf("hostile_exec_script: done\n");
	return 0;
}

/*
 * hostile_exec_elf: execve of crafted ELF files, made by
 * tests/user/mkelf.py into /tests/elf/ (each file says in its name what
 * is wrong with it). Headers that cannot be an ARM program (an entry
 * point neither ARM nor Thumb, an empty PT_INTERP among them) are
 * refused with ENOEXEC and the caller goes on. Segments that cannot be
 * mapped (at or past TASK_SIZE, at 0, wrapping around the address space,
 * with more file bytes than memory, or a file offset out of step with
 * the address) are found only once the caller's memory is gone: the
 * process is killed by SIGSEGV; so is one with no PT_LOAD or whose entry
 * point is not in its code. The good images exit 42.
 */
#include <unistd.h>

#include "check.h"

static void try_elf(const char *name)
{
	char path[64], *argv[] = { (char *)name, NULL };

	snprintf(path, sizeof(path), "/tests/elf/%s", name);
	try_exec(name, path, argv, NULL);
}

/* The same from a vfork child: the parent must be let go either way. */
static void try_vfork_exec(const char *name)
{
	static char path[64], *argv[2];
	static volatile int err;
	pid_t pid;

	snprintf(path, sizeof(path), "/tests/elf/%s", name);
	argv[0] = (char *)name;
	err = 0;
	pid = vfork();
	if (pid == 0) {
		execve(path, argv, NULL);
		err = errno;
		_exit(1);
	}
	if (pid == -1) {
		printf("%s: vfork: %s\n", name, errno_name(errno));
		return;
	}
	if (err)
		printf("vfork, %s: %s\n", name, errno_name(err));
	printf("vfork, ");
	reap(name, pid);
}

int main(void)
{
	static const char *const images[] = {
		"good", "bss", "exec_stack", "no_phdrs", "machine_386", "phdrs_past_eof",
		"truncated", "entry_misaligned", "interp_empty", "at_task_size",
		"past_task_size", "file_past_task_size", "bss_past_task_size",
		"wraps", "huge_memsz", "filesz_over_memsz", "offset_misaligned",
		"entry_in_data", "entry_0", "no_load", "at_0",
	};

	printf("hostile_exec_elf: start\n");
	for (size_t i = 0; i < sizeof(images) / sizeof(images[0]); i++)
		try_elf(images[i]);
	try_vfork_exec("good");
	try_vfork_exec("machine_386");
	try_vfork_exec("past_task_size");
	printf("hostile_exec_elf: done\n");
	return 0;
}

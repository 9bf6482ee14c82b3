/*
 * thumb_undef: an undefined instruction kills the program with SIGILL in
 * Thumb state as in ARM state: a 16-bit `udf #0`, a 32-bit `udf.w #1`
 * (Linux keeps `udf #1` and `udf.w #0` for ptrace breakpoints: SIGTRAP)
 * and, for comparison, the ARM `udf #0`. Each runs in a child of its own.
 *
 * The processor reports a Thumb undefined instruction 2 bytes past it
 * (4 in ARM state); the kernel's report of the fault must still name the
 * instruction itself. Each one sits at a 16-byte boundary so that the
 * test runner can check that the reported pc ends in hex 0.
 */
#include <unistd.h>

#include "check.h"

void thumb_udf16(void);
void thumb_udf32(void);
void arm_udf(void);

__asm__(
	"	.text\n"
	"	.syntax unified\n"
	"	.thumb\n"
	"	.balign	16\n"
	"	.globl	thumb_udf16\n"
	"	.type	thumb_udf16, %function\n"
	"	.thumb_func\n"
	"thumb_udf16:\n"
	"	udf	#0\n"
	"	bx	lr\n"
	"	.balign	16\n"
	"	.globl	thumb_udf32\n"
	"	.type	thumb_udf32, %function\n"
	"	.thumb_func\n"
	"thumb_udf32:\n"
	"	udf.w	#1\n"
	"	bx	lr\n"
	"	.arm\n"
	"	.balign	16\n"
	"	.globl	arm_udf\n"
	"	.type	arm_udf, %function\n"
	"arm_udf:\n"
	"	udf	#0\n"
	"	bx	lr\n");

static void run(const char *what, void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		printf("%s: still alive after the instruction: wrong\n", what);
		_exit(0);
	}
	if (pid < 0) {
		printf("%s: fork: %s\n", what, errno_name(errno));
		return;
	}
	reap(what, pid);
}

int main(void)
{
	run("thumb udf #0", thumb_udf16);
	run("thumb udf.w #1", thumb_udf32);
	run("arm udf #0", arm_udf);
	return 0;
}

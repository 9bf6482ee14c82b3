/*
 * stack: what the kernel puts on the initial stack (argc, argv, envp and
 * the auxiliary vector) and a recursion that needs about 300 KiB, far
 * more than the stack that was mapped at exec, so the stack must grow.
 */
#include <stdint.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "check.h"

#define FRAME	1024
#define DEPTH	300

extern void _start(void);	/* the entry point, in crt0.S */

static uintptr_t deepest;

/* Each level keeps FRAME bytes live across the call below it. */
static unsigned int __attribute__((noinline)) recurse(int depth)
{
	volatile unsigned char frame[FRAME];
	unsigned int sum;

	for (int i = 0; i < FRAME; i += 64)
		frame[i] = (unsigned char)(depth + i);
	if ((uintptr_t)frame < deepest || !deepest)
		deepest = (uintptr_t)frame;
	sum = depth ? recurse(depth - 1) : 0;
	for (int i = 0; i < FRAME; i += 64)
		sum += frame[i];
	return sum;
}

static unsigned int expected_sum(void)
{
	unsigned int sum = 0;

	for (int d = 0; d <= DEPTH; d++)
		for (int i = 0; i < FRAME; i += 64)
			sum += (unsigned char)(d + i);
	return sum;
}

int main(int argc, char **argv, char **envp)
{
	uintptr_t top = (uintptr_t)&argc;
	const char *base;
	unsigned long *a, random;
	unsigned int sum;
	int n, i;

	printf("stack: start\n");
	printf("argc: %d\n", argc);
	base = argv[0] ? strrchr(argv[0], '/') : NULL;
	printf("argv[0] ends in: %s\n", base ? base + 1 : argv[0]);
	yes_no("argv[argc] is NULL", argv[argc] == NULL);
	yes_no("envp follows argv", envp == argv + argc + 1);
	for (n = 0; envp[n]; n++)
		;
	yes_no("auxv follows envp", (unsigned long *)(envp + n + 1) == __auxv);
	yes_no("argv strings sit above the pointer arrays",
	       (uintptr_t)argv[0] > (uintptr_t)__auxv);

	for (a = __auxv, i = 0; a[0] != AT_NULL; a += 2)
		i++;
	yes_no("auxv has entries and ends with AT_NULL", i > 0);
	printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHNUM: %lu\n", getauxval(AT_PHNUM));
	printf("AT_PHENT: %lu\n", getauxval(AT_PHENT));
	yes_no("AT_ENTRY is _start", getauxval(AT_ENTRY) == (unsigned long)_start);
	random = getauxval(AT_RANDOM);
	yes_no("AT_RANDOM present", random != 0);
	if (random) {
		sum = 0;
		for (i = 0; i < 16; i++)
			sum |= ((volatile unsigned char *)random)[i];
		yes_no("AT_RANDOM's 16 bytes are readable and not all zero",
		       sum != 0);
	}
	printf("AT_UID %lu AT_EUID %lu AT_GID %lu AT_EGID %lu AT_SECURE %lu\n",
	       getauxval(AT_UID), getauxval(AT_EUID), getauxval(AT_GID),
	       getauxval(AT_EGID), getauxval(AT_SECURE));

	sum = recurse(DEPTH);
	yes_no("recursion result right", sum == expected_sum());
	yes_no("stack used by it >= 256 KiB", top - deepest >= 256 * 1024);
	printf("stack: done\n");
	return 0;
}

/*
 * segv: a store to an unmapped low address must kill the program with
 * SIGSEGV (shell status 139). The line before it must still come out.
 */
#include <stdio.h>

/* Kept in memory so the compiler cannot see through it. */
static int *volatile bad_pointer = (int *)0x10;

int main(void)
{
	printf("about to fault\n");
	*bad_pointer = 1;
	printf("still alive after the fault: wrong\n");
	return 1;
}

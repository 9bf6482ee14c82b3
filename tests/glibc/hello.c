/*
 * hello: a program built by Debian's armhf toolchain against glibc,
 * statically, unmodified: its start-up (TLS, IRELATIVE relocations,
 * auxv, random canary), hard-float double arithmetic and printf.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	double third = 1.0 / 3, sum = 0;
	char *copy = malloc(64);
	int i;

	for (i = 1; i <= 10; i++)
		sum += 1.0 / i;
	printf("hello from glibc, argc %d, %s\n", argc, strrchr(argv[0], '/') + 1);
	printf("%.3f\n", third);
	printf("harmonic(10) = %.6f, sqrt-free: %g\n", sum, sum * sum);
	snprintf(copy, 64, "%e", third * 1e10);
	printf("%s\n", copy);
	free(copy);
	return 0;
}

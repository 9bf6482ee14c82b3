// SPDX-License-Identifier: GPL-2.0
/*
 * A tiny static ARM EABI program for the ELF checker's tests: built by
 * tests/host/Makefile.inc with the cross compiler (no C library), once
 * as ET_EXEC and once as a static PIE, so the tests parse what a real
 * linker lays out: text, read-only data, data, and bss (memsz > filesz).
 *
 * It is also a real program, for the day execve runs it: it writes its
 * greeting, checks that its data arrived and its bss is zero, and exits
 * with 42 if so (Linux's EABI: number in r7, arguments in r0-r2, svc 0).
 */
#define NR_EXIT		1
#define NR_WRITE	4

static const char greeting[] = "hello from an ELF sample\n";
int data_words[4] = { 10, 20, 30, 40 };
static int bss_words[256];

static long sys3(long nr, long a, long b, long c)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r7 __asm__("r7") = nr;

	__asm__ __volatile__("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}

static int check_memory(void)
{
	int i, sum = 0;

	for (i = 0; i < 4; i++)
		sum += data_words[i];
	for (i = 0; i < 256; i++)
		sum += bss_words[i];
	for (i = 0; i < 256; i++)
		bss_words[i] = i;	/* bss must be writable */
	return sum == 100 ? 42 : 1;
}

void __attribute__((noreturn)) _start(void)
{
	sys3(NR_WRITE, 1, (long)greeting, sizeof(greeting) - 1);
	sys3(NR_EXIT, check_memory(), 0, 0);
	for (;;)
		;
}

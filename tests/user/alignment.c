/*
 * alignment: LDRD/STRD and LDM/STM at addresses that are not word
 * aligned trap on ARMv7 even with SCTLR.A clear; the kernel does the
 * access for the program (byte by byte, as Linux's alignment trap), with
 * the base register's writeback, and counts it in /proc/cpu/alignment.
 * A fixed-up access that runs into a hole is SIGSEGV; an unaligned LDREX
 * is not fixed up (SIGBUS, counted as skipped).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static uint8_t buf[64] __attribute__((aligned(8)));

static void fill(void)
{
	for (int i = 0; i < 64; i++)
		buf[i] = i + 1;
}

/* The counters of /proc/cpu/alignment, in its order. */
#define NCOUNT	6
static const char *const names[NCOUNT] = {
	"User:", "Skipped:", "Half:", "Word:", "DWord:", "Multi:",
};

static int counters(unsigned long *c, char *mode, size_t mode_len)
{
	char text[512], *line;
	int fd = open("/proc/cpu/alignment", O_RDONLY);
	long n;

	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	for (line = text; *line; ) {
		char *eol = strchr(line, '\n');

		if (eol)
			*eol++ = '\0';
		else
			eol = line + strlen(line);
		for (int i = 0; i < NCOUNT; i++)
			if (!strncmp(line, names[i], strlen(names[i])))
				c[i] = strtoul(line + strlen(names[i]), NULL, 10);
		if (!strncmp(line, "User faults:", 12) && mode)
			snprintf(mode, mode_len, "%s", strchr(line, '(') ?
				 strchr(line, '(') : "?");
		line = eol;
	}
	return 0;
}

static void ldrd_cases(void)
{
	unsigned int lo, hi;
	uint8_t *base;

	fill();
	__asm__ volatile("ldrd r2, r3, [%2]\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi) : "r"(buf + 1) : "r2", "r3", "memory");
	printf("ldrd [buf+1]: %08x %08x\n", lo, hi);
	base = buf + 1;
	__asm__ volatile("ldrd r2, r3, [%2, #4]!\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi), "+r"(base) : : "r2", "r3", "memory");
	printf("ldrd [buf+1, #4]!: %08x %08x, base buf+%d\n", lo, hi, (int)(base - buf));
	base = buf + 2;
	__asm__ volatile("ldrd r2, r3, [%2], #8\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi), "+r"(base) : : "r2", "r3", "memory");
	printf("ldrd [buf+2], #8: %08x %08x, base buf+%d\n", lo, hi, (int)(base - buf));
	base = buf + 13;
	__asm__ volatile("ldrd r2, r3, [%2, #-6]\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi) : "r"(base) : "r2", "r3", "memory");
	printf("ldrd [buf+13, #-6]: %08x %08x\n", lo, hi);
	__asm__ volatile("ldrd r2, r3, [%2, %3]\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi) : "r"(buf + 20), "r"(3) : "r2", "r3", "memory");
	printf("ldrd [buf+20, r=3]: %08x %08x\n", lo, hi);
	base = buf + 30;
	__asm__ volatile("ldrd r2, r3, [%2, -%3]!\n\tmov %0, r2\n\tmov %1, r3"
			 : "=&r"(lo), "=&r"(hi), "+r"(base) : "r"(1) : "r2", "r3", "memory");
	printf("ldrd [buf+30, -r=1]!: %08x %08x, base buf+%d\n", lo, hi, (int)(base - buf));
}

static void dump(const char *what, int from, int len)
{
	printf("%s:", what);
	for (int i = from; i < from + len; i++)
		printf(" %02x", buf[i]);
	printf("\n");
}

static void strd_cases(void)
{
	uint8_t *base;

	fill();
	__asm__ volatile("mov r2, %1\n\tmov r3, %2\n\tstrd r2, r3, [%0]"
			 : : "r"(buf + 3), "r"(0x11223344), "r"(0x55667788)
			 : "r2", "r3", "memory");
	dump("strd [buf+3]", 2, 10);
	fill();
	base = buf + 17;
	__asm__ volatile("mov r2, %1\n\tmov r3, %2\n\tstrd r2, r3, [%0], #-8"
			 : "+r"(base) : "r"(0xa1a2a3a4), "r"(0xb1b2b3b4) : "r2", "r3", "memory");
	dump("strd [buf+17], #-8", 16, 10);
	printf("base buf+%d\n", (int)(base - buf));
	fill();
	base = buf + 33;
	__asm__ volatile("mov r2, %1\n\tmov r3, %2\n\tstrd r2, r3, [%0, #2]!"
			 : "+r"(base) : "r"(0xc1c2c3c4), "r"(0xd1d2d3d4) : "r2", "r3", "memory");
	dump("strd [buf+33, #2]!", 34, 10);
	printf("base buf+%d\n", (int)(base - buf));
}

static void ldm_cases(void)
{
	unsigned int r[4];
	uint8_t *base;

#define LDM(insn, start)						\
	do {								\
		base = buf + (start);					\
		__asm__ volatile("mov r5, #0\n\tmov r7, #0\n\t"	\
				 insn "\n\tstm %1, {r4-r7}"		\
				 : "+r"(base) : "r"(r)			\
				 : "r4", "r5", "r6", "r7", "memory");	\
		printf("%-22s %08x %08x %08x %08x, base buf+%d\n", insn,	\
		       r[0], r[1], r[2], r[3], (int)(base - buf));	\
	} while (0)

	fill();
	LDM("ldmia %0, {r4-r7}", 1);
	LDM("ldmia %0!, {r4-r7}", 2);
	LDM("ldmib %0!, {r4-r7}", 3);
	LDM("ldmda %0!, {r4-r7}", 41);
	LDM("ldmdb %0!, {r4-r7}", 42);
	LDM("ldmia %0!, {r4, r6}", 5);
#undef LDM
}

static void stm_cases(void)
{
	uint8_t *base;

#define STM(insn, start, show_from)					\
	do {								\
		fill();							\
		base = buf + (start);					\
		__asm__ volatile("ldr r4, =0x44434241\n\t"		\
				 "ldr r5, =0x54535251\n\t"		\
				 "ldr r6, =0x64636261\n\t"		\
				 insn					\
				 : "+r"(base) : : "r4", "r5", "r6", "memory"); \
		dump(insn, show_from, 14);				\
		printf("base buf+%d\n", (int)(base - buf));		\
	} while (0)

	STM("stmia %0, {r4-r6}", 1, 0);
	STM("stmia %0!, {r4-r6}", 2, 0);
	STM("stmib %0!, {r4-r6}", 3, 2);
	STM("stmda %0!, {r4-r6}", 30, 18);
	STM("stmdb %0!, {r4-r6}", 31, 18);
	STM("stmdb %0!, {r4, r6}", 37, 28);
#undef STM
}

/*
 * The same from Thumb code, p = buf + 1: 32-bit LDRD/STRD (offset and
 * post-indexed), an LDRD in an IT block (the instruction after it must
 * still see the block's condition), 16-bit LDMIA and STMIA with
 * writeback, 32-bit LDMIA and STMDB, and PUSH/POP on an unaligned stack.
 * out[] gets what was loaded and where the bases ended.
 */
void thumb_cases(unsigned char *p, unsigned int *out);
__asm__(
	"	.pushsection .text\n"
	"	.thumb\n"
	"	.syntax unified\n"
	"	.globl	thumb_cases\n"
	"	.type	thumb_cases, %function\n"
	"	.thumb_func\n"
	"thumb_cases:\n"
	"	push	{r4-r7, lr}\n"
	"	ldrd	r2, r3, [r0, #4]\n"
	"	strd	r2, r3, [r1]\n"
	"	mov	r4, r0\n"
	"	ldrd	r2, r3, [r4], #8\n"
	"	subs	r4, r4, r0\n"
	"	strd	r2, r3, [r1, #8]\n"
	"	str	r4, [r1, #16]\n"
	"	cmp	r0, r0\n"
	"	ite	eq\n"
	"	ldrdeq	r2, r3, [r0, #12]\n"
	"	movne	r2, #0\n"
	"	strd	r2, r3, [r1, #20]\n"
	"	mov	r5, r0\n"
	"	ldmia	r5!, {r2, r3, r4}\n"
	"	subs	r5, r5, r0\n"
	"	str	r2, [r1, #28]\n"
	"	str	r4, [r1, #32]\n"
	"	str	r5, [r1, #36]\n"
	"	ldmia.w	r0, {r2, r3, r4}\n"
	"	adds	r5, r0, #40\n"
	"	stmdb	r5!, {r2, r3}\n"
	"	subs	r5, r5, r0\n"
	"	str	r5, [r1, #40]\n"
	"	adds	r5, r0, #44\n"
	"	movs	r2, #0x5a\n"
	"	movs	r3, #0x7e\n"
	"	stmia	r5!, {r2, r3}\n"
	"	subs	r5, r5, r0\n"
	"	str	r5, [r1, #44]\n"
	"	mov	r7, sp\n"
	"	sub	r6, sp, #64\n"
	"	adds	r6, #2\n"
	"	mov	sp, r6\n"
	"	movs	r2, #0x11\n"
	"	movs	r3, #0x22\n"
	"	push	{r2, r3}\n"
	"	pop	{r4, r5}\n"
	"	mov	r6, sp\n"
	"	mov	sp, r7\n"
	"	adds	r4, r4, r5\n"
	"	str	r4, [r1, #48]\n"
	"	subs	r6, r6, r7\n"
	"	str	r6, [r1, #52]\n"
	"	pop	{r4-r7, pc}\n"
	"	.size	thumb_cases, . - thumb_cases\n"
	"	.popsection\n");

static void thumb(void)
{
	unsigned int out[14];

	fill();
	thumb_cases(buf + 1, out);
	printf("thumb ldrd [p, #4]: %08x %08x\n", out[0], out[1]);
	printf("thumb ldrd [p], #8: %08x %08x, base p+%d\n", out[2], out[3], out[4]);
	printf("thumb ldrdeq in an IT block: %08x %08x\n", out[5], out[6]);
	printf("thumb ldmia r5!, {r2-r4}: %08x .. %08x, base p+%d\n", out[7], out[8],
	       out[9]);
	printf("thumb stmdb r5!, {r2, r3}: base p+%d\n", out[10]);
	printf("thumb stmia r5!, {r2, r3}: base p+%d\n", out[11]);
	dump("thumb stores", 33, 14);
	printf("thumb push/pop, unaligned sp: sum %#x, sp back by %d\n", out[12],
	       (int)out[13]);
}

/* Fixed-up accesses that fault part-way, and an LDREX that is not fixed up. */
static void faults(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	pid_t pid;

	if (p == MAP_FAILED)
		return;
	munmap(p + PAGE, PAGE);
	pid = fork();
	if (pid == 0) {
		unsigned int lo, hi;

		__asm__ volatile("ldrd r2, r3, [%2]\n\tmov %0, r2\n\tmov %1, r3"
				 : "=&r"(lo), "=&r"(hi) : "r"(p + PAGE - 6)
				 : "r2", "r3", "memory");
		_exit(lo + hi == 1);
	}
	reap("ldrd across the end of a mapping", pid);
	pid = fork();
	if (pid == 0) {
		__asm__ volatile("stmia %0, {r4-r6}" : : "r"(p + PAGE - 10)
				 : "memory");
		_exit(0);
	}
	reap("stmia across the end of a mapping", pid);
	mprotect(p, PAGE, PROT_READ);
	pid = fork();
	if (pid == 0) {
		__asm__ volatile("mov r2, #1\n\tmov r3, #2\n\tstrd r2, r3, [%0]"
				 : : "r"(p + 2) : "r2", "r3", "memory");
		_exit(0);
	}
	reap("strd to a read-only page", pid);
	pid = fork();
	if (pid == 0) {
		unsigned int v;

		__asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"(buf + 1) : "memory");
		_exit(v == 1);
	}
	reap("ldrex unaligned", pid);
	munmap(p, PAGE);
}

int main(void)
{
	unsigned long before[NCOUNT] = { 0 }, after[NCOUNT] = { 0 };
	char mode[32] = "";

	if (counters(before, NULL, 0))
		printf("/proc/cpu/alignment: %s\n", errno_name(errno));
	ldrd_cases();
	strd_cases();
	ldm_cases();
	stm_cases();
	thumb();
	faults();
	if (counters(after, mode, sizeof(mode)))
		return 1;
	for (int i = 0; i < NCOUNT; i++)
		printf("%-9s +%lu\n", names[i], after[i] - before[i]);
	printf("user fault mode: %s\n", mode);
	return 0;
}

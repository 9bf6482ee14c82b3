/*
 * vfp_state: each process has VFP/NEON registers of its own. d0-d31 and
 * FPSCR are filled with a pattern and must read back unchanged after a
 * stretch of yields and spinning while another process does the same
 * with its own pattern; a fork's child starts with its parent's values;
 * exec starts a program with all of them zero. The first VFP or NEON
 * instruction after a switch traps into the kernel, which must recognise
 * it in ARM and in Thumb state alike. Also plain double arithmetic.
 * (Built with -mfpu=neon-vfpv4 -mfloat-abi=softfp; the libc is soft-float.)
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

struct vfp_regs {
	unsigned long long d[32];
	unsigned int fpscr;
};

/*
 * vfp_hold(in, out, yields, spins): loads d0-d31 and FPSCR from @in,
 * then @yields times yields the CPU and spins @spins (>= 1) loops, and
 * stores the registers in @out: nothing between touches them.
 * vfp_fork(in, out): loads @in, forks, stores the registers in @out (in
 * both processes) and returns fork's result.
 */
long vfp_hold(const struct vfp_regs *in, struct vfp_regs *out, int yields, int spins);
long vfp_fork(const struct vfp_regs *in, struct vfp_regs *out);
/* Thumb: stores d0-d31 and FPSCR, VFP being the first instruction */
void vfp_peek_thumb(struct vfp_regs *out);
/* a NEON instruction as the first use, in ARM and in Thumb state */
void neon_first_arm(void);
void neon_first_thumb(void);
void neon_ldst_first_thumb(const unsigned long long *p);

__asm__(
	"	.text\n"
	"	.syntax unified\n"
	"	.fpu	neon-vfpv4\n"
	"	.arm\n"
	"	.globl	vfp_hold\n"
	"vfp_hold:\n"
	"	push	{r4-r7, lr}\n"
	"	ldr	r4, [r0, #256]\n"
	"	vmsr	fpscr, r4\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	mov	r4, r2\n"
	"1:	cmp	r4, #0\n"
	"	beq	3f\n"
	"	mov	r7, #158\n"		/* sched_yield */
	"	svc	#0\n"
	"	mov	r5, r3\n"
	"2:	subs	r5, r5, #1\n"
	"	bne	2b\n"
	"	sub	r4, r4, #1\n"
	"	b	1b\n"
	"3:	vmrs	r4, fpscr\n"
	"	str	r4, [r1, #256]\n"
	"	vstmia	r1!, {d0-d15}\n"
	"	vstmia	r1, {d16-d31}\n"
	"	mov	r0, #0\n"
	"	pop	{r4-r7, pc}\n"
	"	.globl	vfp_fork\n"
	"vfp_fork:\n"
	"	push	{r4-r7, lr}\n"
	"	ldr	r4, [r0, #256]\n"
	"	vmsr	fpscr, r4\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	mov	r7, #2\n"		/* fork */
	"	svc	#0\n"
	"	vmrs	r4, fpscr\n"
	"	str	r4, [r1, #256]\n"
	"	vstmia	r1!, {d0-d15}\n"
	"	vstmia	r1, {d16-d31}\n"
	"	pop	{r4-r7, pc}\n"
	"	.globl	neon_first_arm\n"
	"neon_first_arm:\n"
	"	veor	q8, q9, q9\n"
	"	bx	lr\n"
	"	.thumb\n"
	"	.globl	vfp_peek_thumb\n"
	"	.type	vfp_peek_thumb, %function\n"
	"	.thumb_func\n"
	"vfp_peek_thumb:\n"
	"	vstmia	r0!, {d0-d15}\n"
	"	vstmia	r0!, {d16-d31}\n"
	"	vmrs	r1, fpscr\n"
	"	str	r1, [r0]\n"
	"	bx	lr\n"
	"	.globl	neon_first_thumb\n"
	"	.type	neon_first_thumb, %function\n"
	"	.thumb_func\n"
	"neon_first_thumb:\n"
	"	vadd.i32 q8, q9, q10\n"
	"	bx	lr\n"
	"	.globl	neon_ldst_first_thumb\n"
	"	.type	neon_ldst_first_thumb, %function\n"
	"	.thumb_func\n"
	"neon_ldst_first_thumb:\n"
	"	vld1.64	{d20}, [r0]\n"
	"	bx	lr\n"
	"	.arm\n");

/* A pattern of its own for each tag; FPSCR gets a rounding mode and flags. */
static void pattern(struct vfp_regs *r, unsigned int tag)
{
	for (int i = 0; i < 32; i++)
		r->d[i] = (unsigned long long)(tag * 0x01010101u + i) << 32 |
			  (tag << 16 | i * 0x111u);
	r->fpscr = (tag & 3) << 22 | (tag & 0x1f);	/* RMode, cumulative flags */
}

/* How many of d0-d31 and FPSCR differ between @a and @b. */
static int differ(const struct vfp_regs *a, const struct vfp_regs *b)
{
	int n = a->fpscr != b->fpscr;

	for (int i = 0; i < 32; i++)
		n += a->d[i] != b->d[i];
	return n;
}

static int hold(unsigned int tag, int yields)
{
	struct vfp_regs in, out;

	pattern(&in, tag);
	vfp_hold(&in, &out, yields, 20000);
	return differ(&in, &out);
}

static void arithmetic(void)
{
	volatile double x = 0, one = 1;
	double y;

	for (int i = 1; i <= 1000; i++)
		x += one / i;
	y = x * 1e6;
	printf("harmonic(1000) * 1e6 = %ld\n", (long)y);
	y = (x - 7.0) * (x + 7.0);
	printf("(h - 7)(h + 7) * 1e6 = %ld\n", (long)(y * 1e6));
}

static void neon_ldst(void)
{
	static const unsigned long long v = 42;

	neon_ldst_first_thumb(&v);
}

int main(int argc, char **argv)
{
	struct vfp_regs in, out, zero;
	pid_t pid;
	int n;

	if (argc > 1 && !strcmp(argv[1], "after-exec")) {
		memset(&zero, 0, sizeof(zero));
		vfp_peek_thumb(&out);
		printf("after exec: registers differing from zero: %d\n",
		       differ(&zero, &out));
		return 0;
	}
	arithmetic();

	/* two processes, each holding its own values across switches */
	pid = fork();
	if (pid == 0)
		_exit(hold(0xc1, 300) ? 1 : 0);
	n = hold(0x9a, 300);
	printf("parent: registers changed while switching: %d\n", n);
	reap("child holding its own", pid);

	/* a child starts with the parent's registers, then they part ways */
	pattern(&in, 0x5e);
	pid = vfp_fork(&in, &out);
	if (pid == 0)
		_exit(differ(&in, &out) || hold(0x77, 100) ? 1 : 0);
	printf("parent after fork: registers changed: %d\n", differ(&in, &out));
	n = hold(0x3c, 100);
	printf("parent: registers changed while switching: %d\n", n);
	reap("child inheriting then holding its own", pid);

	/* the first use after a switch, as a NEON instruction */
	run_child("NEON first, ARM", neon_first_arm);
	run_child("NEON first, Thumb", neon_first_thumb);
	run_child("NEON load first, Thumb", neon_ldst);

	/* exec wipes them: the new program reads zeros */
	pid = fork();
	if (pid == 0) {
		char *args[] = { argv[0], "after-exec", NULL };

		pattern(&in, 0xee);
		vfp_hold(&in, &out, 1, 1);	/* leaves them loaded */
		execve(argv[0], args, NULL);
		_exit(99);
	}
	reap("exec", pid);
	return 0;
}
